import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n';
import { choropleth, stackedChart } from './charts';
import { buildSeries } from './queries/trends';
import { provinceFeatures } from './topo';

const L = i18n('id');

describe('province TopoJSON decoder', () => {
	it('yields the 38 provinces with Kemendagri codes inside Indonesia', () => {
		const f = provinceFeatures();
		expect(f).toHaveLength(38);
		expect(new Set(f.map((x) => x.id)).size).toBe(38);
		expect(f.map((x) => x.id)).toContain('36');
		expect(f.map((x) => x.id)).toContain('96');
		const coords = JSON.stringify(f.map((x) => x.geometry.coordinates))
			.match(/-?\d+\.?\d*/g)!
			.map(Number);
		const xs = coords.filter((_, i) => i % 2 === 0);
		const ys = coords.filter((_, i) => i % 2 === 1);
		expect(Math.min(...xs)).toBeGreaterThan(94);
		expect(Math.max(...xs)).toBeLessThan(142);
		expect(Math.min(...ys)).toBeGreaterThan(-12);
		expect(Math.max(...ys)).toBeLessThan(7);
	});
});

describe('server-rendered charts', () => {
	it('draws stacked monthly bars with the COVID band and escapes labels', () => {
		const rows = [
			{ dim: 'category' as const, bucket: '2020-02-01', key: 'A <b>', n: 3 },
			{ dim: 'category' as const, bucket: '2020-04-01', key: null, n: 5 }
		];
		const s = buildSeries(rows, 'category', 'month');
		expect(s.buckets).toEqual(['2020-02-01', '2020-03-01', '2020-04-01']);
		const svg = stackedChart(s, ['A <b>', 'Lainnya'], 'month', L, { ariaLabel: 'x' });
		expect(svg).toContain('Masa COVID-19');
		expect(svg).toContain('A &lt;b&gt;');
		expect(svg).not.toContain('<b>');
		expect(stackedChart(buildSeries([], 'category', 'month'), [], 'month', L, { ariaLabel: 'x' })).toBe('');
	});

	it('fills provinces with values and greys those without', () => {
		const svg = choropleth(new Map([['36', 10], ['32', 20], ['31', null]]), L, {
			ariaLabel: 'peta',
			format: (v) => L.int(v),
			names: new Map([['36', 'Banten']])
		});
		expect(svg).toContain('Banten: 10');
		expect(svg).toContain('#d5d8dc');
		expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(38);
	});
});
