import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor } from './contrast';

describe('contrastRatio', () => {
	it('matches the WCAG reference values', () => {
		expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#fff', '#fff')).toBe(1);
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrastRatio('rgb(118, 118, 118)', '#fff')).toBeCloseTo(contrastRatio('#fff', '#767676'), 10);
	});

	it('reads hex, short hex, rgb() and rgba()', () => {
		expect(parseColor('#2f5d8a')).toEqual([47, 93, 138]);
		expect(parseColor('#fff')).toEqual([255, 255, 255]);
		expect(parseColor('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3]);
		expect(() => parseColor('transparent')).toThrow(/not a colour/);
	});
});

describe('colour tokens of src/app.css (WCAG 2.2 AA)', () => {
	const css = readFileSync(new URL('../app.css', import.meta.url), 'utf8');
	const root = /:root\s*\{([^}]*)\}/.exec(css)![1]!;
	const token = (name: string) => {
		const v = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,6})`).exec(root)?.[1];
		if (!v) throw new Error(`--${name} is not a hex colour in :root of app.css`);
		return v;
	};
	const backgrounds = ['surface', 'bg', 'accent-soft'];

	it('gives text at least 4.5:1 on every page background', () => {
		for (const fg of ['ink', 'muted', 'faint', 'accent', 'accent-ink']) {
			for (const bg of backgrounds) expect(contrastRatio(token(fg), token(bg)), `--${fg} on --${bg}`).toBeGreaterThanOrEqual(4.5);
		}
		expect(contrastRatio(token('covid-ink'), token('covid'))).toBeGreaterThanOrEqual(4.5);
	});

	it('gives control edges and the focus ring at least 3:1 (non-text contrast)', () => {
		for (const fg of ['line-strong', 'focus']) {
			for (const bg of backgrounds) expect(contrastRatio(token(fg), token(bg)), `--${fg} on --${bg}`).toBeGreaterThanOrEqual(3);
		}
		expect(contrastRatio(token('focus'), token('covid'))).toBeGreaterThanOrEqual(3);
	});
});
