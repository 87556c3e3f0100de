import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n';
import { readCsv } from '$lib/core/csv';
import { readFileSync } from 'node:fs';
import { geoArea, geoBounds } from 'd3-geo';
import { parseHTML } from 'linkedom';
import { choropleth, NO_DATA_FILL, quantileCuts, simplifyPath, stackedChart } from './charts';
import { buildSeries } from './queries/trends';
import { provinceFeatures, regencyFeatures } from './topo';

const L = i18n('id');
/** Map region code → fill of its shape, read from the rendered SVG. */
const fills = (svg: string) =>
	new Map(
		[...parseHTML(`<div>${svg}</div>`).document.querySelectorAll('a[data-code]')].map((a) => [
			a.getAttribute('data-code')!,
			a.querySelector('path')!.getAttribute('fill')!
		])
	);

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

	it("labels the time axis in the page's language, as the overview's chart does (one formatter)", () => {
		const rows = ['2022-01', '2022-05', '2022-12'].map((m) => ({ dim: 'category' as const, bucket: `${m}-01`, key: 'A', n: 2 }));
		const ticks = (lang: 'id' | 'en', grain: 'month' | 'week', r = rows) => {
			const svg = stackedChart(buildSeries(r, 'category', grain), ['A'], grain, i18n(lang), { ariaLabel: 'x' });
			return [...parseHTML(`<div>${svg}</div>`).document.querySelectorAll('g[aria-label="x-axis tick label"] text, .x-axis text, text')]
				.map((t) => t.textContent ?? '')
				.filter((t) => /\d{4}|\d+ \w+/.test(t));
		};
		expect(ticks('id', 'month')).toEqual(expect.arrayContaining(['Jan 2022', 'Apr 2022', 'Jul 2022', 'Okt 2022']));
		expect(ticks('en', 'month')).toEqual(expect.arrayContaining(['Jan 2022', 'Apr 2022', 'Jul 2022', 'Oct 2022']));
		expect(ticks('id', 'month').join(' ')).not.toMatch(/Oct|October/);
		const weeks = [0, 7, 14, 21].map((d) => ({
			dim: 'category' as const,
			bucket: `2022-05-${String(2 + d).padStart(2, '0')}`,
			key: 'A',
			n: 1
		}));
		expect(ticks('id', 'week', weeks)).toEqual(expect.arrayContaining(['9 Mei', '16 Mei']));
		expect(ticks('en', 'week', weeks)).toEqual(expect.arrayContaining(['9 May', '16 May']));
	});

	it('fills regions by quantile class, hatches those without a value and links each to its page', () => {
		const features = provinceFeatures().filter((f) => ['36', '32', '31', '33', '34', '35'].includes(f.id));
		const values = new Map<string, number | null>([
			['36', 10],
			['32', 20],
			['33', 30],
			['34', 40],
			['35', 50],
			['31', null]
		]);
		const { svg, legend } = choropleth(features, values, L, {
			ariaLabel: 'peta',
			format: (v) => L.int(v),
			names: new Map([['36', 'Banten "<x>"']]),
			href: (code) => `/wilayah/${code}?a=1&b=2`
		});
		expect(svg).toContain('<title>Banten "&lt;x&gt;": 10</title>');
		// The map's regions are links: the SVG is not one image, and it says what it shows.
		expect(svg).not.toContain('role="img"');
		expect(svg).toContain(
			'aria-description="6 wilayah. Tertinggi: 35 (50); terendah: Banten &quot;&lt;x&gt;&quot; (10). 1 wilayah tanpa data.'
		);
		expect(svg).toContain('aria-label="Banten &quot;&lt;x&gt;&quot;: 10"');
		const fill = fills(svg);
		expect(fill.size).toBe(6);
		// Five values, five classes: the lowest palest, the highest darkest, the missing one hatched.
		expect(legend.map((l) => l.color)).toEqual([
			fill.get('36'),
			fill.get('32'),
			fill.get('33'),
			fill.get('34'),
			fill.get('35'),
			NO_DATA_FILL
		]);
		expect(legend.at(-1)!.range).toBeNull();
		expect(fill.get('31')).toMatch(/^url\(#/);
		expect(parseHTML(`<div>${svg}</div>`).document.querySelector('a[data-code="36"]')!.getAttribute('href')).toBe('/wilayah/36?a=1&b=2');
		expect(svg).toContain('data-value="50"');
	});

	it('puts tied values in one class: a majority of zeros is the palest, not the darkest', () => {
		const features = provinceFeatures();
		const values = new Map(features.map((f, i) => [f.id, i < 34 ? 0 : i]));
		const { svg, legend } = choropleth(features, values, L, {
			ariaLabel: 'peta',
			format: (v) => L.int(v),
			names: new Map(),
			href: (code) => `/wilayah/${code}`
		});
		const fill = fills(svg);
		expect(legend[0]).toEqual({ color: fill.get(features[0]!.id), range: '0' });
		expect(legend.at(-1)!.color).toBe(fill.get(features[37]!.id));
		expect(legend.at(-1)!.color).not.toBe(legend[0]!.color);
		expect(legend.some((l) => l.range === null)).toBe(false);
	});

	it('thins projected rings to half a pixel with one decimal, keeping each ring', () => {
		const wiggly = Array.from({ length: 50 }, (_, i) => `${i}.123,${i % 2 ? 0.2 : 0}`).join('L');
		const d = `M${wiggly}L49,40L0,40Z` + 'M100,100L100.1,100L100,100.1Z';
		expect(simplifyPath(d)).toBe('M0.1,0L49.1,0.2L49,40L0,40ZM100,100L100.1,100L100,100.1Z');
	});

	it('computes quantile cuts without duplicates', () => {
		expect(quantileCuts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 5)).toEqual([3, 5, 7, 9]);
		const cuts = quantileCuts([0, 0, 0, 0, 0, 0, 0, 0, 5, 9], 5);
		expect(cuts).toHaveLength(2);
		expect(cuts[0]).toBe(0);
		expect(cuts[1]).toBeCloseTo(1, 9);
		expect(quantileCuts([7], 5)).toEqual([]);
	});
});

describe('kab/kota TopoJSON', () => {
	it('has the 514 kab/kota of the reference table, each drawable and inside Indonesia', () => {
		const f = regencyFeatures();
		const codes = readCsv(readFileSync('data/reference/regencies.csv', 'utf8'))
			.slice(1)
			.map((cells) => cells[0]);
		expect(f.map((x) => x.id).sort()).toEqual([...codes].sort());
		for (const x of f) {
			const [[minX, minY], [maxX, maxY]] = geoBounds(x as never);
			expect(minX, x.id).toBeGreaterThan(94);
			expect(maxX, x.id).toBeLessThan(142);
			expect(minY, x.id).toBeGreaterThan(-12);
			expect(maxY, x.id).toBeLessThan(7);
			// Wound the way d3-geo reads it: a region covers a tiny part of the sphere, not all of it.
			expect(geoArea(x as never), x.id).toBeLessThan(0.01);
			expect(geoArea(x as never), x.id).toBeGreaterThan(0);
		}
	});
});
