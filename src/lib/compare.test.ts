import { describe, expect, it } from 'vitest';
import { COMPARE_MAX, parseSelection, selectionParams, without } from './compare';

const p = (q: string) => parseSelection(new URLSearchParams(q));

describe('the /banding selection in the URL', () => {
	it('reads regions (provinces and kab/kota mixed), OPD types or agencies, in order, each once', () => {
		expect(p('r=32.73&r=36.03&r=36')).toEqual({ ok: true, selection: { kind: 'region', keys: ['32.73', '36.03', '36'] } });
		expect(p('t=pupr&t=dinkes&t=pupr')).toEqual({ ok: true, selection: { kind: 'opd', keys: ['pupr', 'dinkes'] } });
		expect(p('a=Dinas+Sosial+Kabupaten+Tangerang&a=RSUD%20Tangerang')).toEqual({
			ok: true,
			selection: { kind: 'agency', keys: ['Dinas Sosial Kabupaten Tangerang', 'RSUD Tangerang'] }
		});
	});

	it('is no selection without subjects; blank picker slots are ignored; one subject is a selection to add to', () => {
		expect(p('')).toEqual({ ok: true, selection: null });
		expect(p('from=2023-01&region=36')).toEqual({ ok: true, selection: null });
		expect(p('r=&r=+')).toEqual({ ok: true, selection: null });
		expect(p('r=36.03&r=')).toEqual({ ok: true, selection: { kind: 'region', keys: ['36.03'] } });
	});

	it('refuses a malformed code, an unknown OPD type, a control character, mixed kinds and more than six', () => {
		expect(p('r=36.03&r=3603')).toEqual({ ok: false, problem: { kind: 'value', param: 'r', value: '3603' } });
		expect(p("r=36.03' OR 1=1--")).toEqual({ ok: false, problem: { kind: 'value', param: 'r', value: "36.03' OR 1=1--" } });
		expect(p('t=pupr&t=dinas')).toEqual({ ok: false, problem: { kind: 'value', param: 't', value: 'dinas' } });
		expect(p('a=Dinas%0ASosial')).toMatchObject({ ok: false, problem: { param: 'a' } });
		expect(p(`a=${'x'.repeat(301)}`)).toMatchObject({ ok: false, problem: { param: 'a' } });
		expect(p('r=36.03&t=pupr')).toEqual({ ok: false, problem: { kind: 'mixed' } });
		const seven = Array.from({ length: 7 }, (_, i) => `r=3${i}`).join('&');
		expect(p(seven)).toEqual({ ok: false, problem: { kind: 'tooMany', n: 7, max: COMPARE_MAX } });
		// Repeats count once: six distinct codes are fine however often they come.
		expect(p(`${seven.replace('r=36', 'r=30')}`)).toMatchObject({ ok: true });
	});

	it('writes the selection back as URL parameters, and without one subject', () => {
		const s = { kind: 'region' as const, keys: ['36.03', '32.73', '36'] };
		expect(new URLSearchParams(selectionParams(s)).toString()).toBe('r=36.03&r=32.73&r=36');
		expect(without(s, '32.73')).toEqual({ kind: 'region', keys: ['36.03', '36'] });
		const a = { kind: 'agency' as const, keys: ['Dinas & Sosial'] };
		expect(new URLSearchParams(selectionParams(a)).toString()).toBe('a=Dinas+%26+Sosial');
	});
});
