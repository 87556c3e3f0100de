import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n';
import { extremes, heatSummary, mapSummary, stackedSummary, trendSummary } from './chart-alt';

const id = i18n('id');
const en = i18n('en');

describe('extremes', () => {
	it('finds the highest and lowest, the first of ties, skipping nulls', () => {
		const xs = [
			{ k: 'a', v: 3 },
			{ k: 'b', v: null },
			{ k: 'c', v: 9 },
			{ k: 'd', v: 1 },
			{ k: 'e', v: 9 },
			{ k: 'f', v: 1 }
		];
		expect(extremes(xs, (x) => x.v)).toEqual({ max: { k: 'c', v: 9 }, min: { k: 'd', v: 1 } });
		expect(extremes([{ v: null }], (x) => x.v)).toBeNull();
		expect(extremes([], (x: number) => x)).toBeNull();
	});
});

describe('chart summaries', () => {
	it('states a monthly trend: span, total, busiest and quietest month, the events marked', () => {
		const months = [
			{ month: '2020-01', n: 120 },
			{ month: '2020-02', n: 1500 },
			{ month: '2020-03', n: 80 }
		];
		expect(trendSummary(months, id, 'Area berarsir.')).toBe(
			'Januari 2020 – Maret 2020: 1.700 aduan. Terbanyak Februari 2020 (1.500), paling sedikit Maret 2020 (80). Area berarsir.'
		);
		expect(trendSummary(months, en, null)).toBe(
			'January 2020 – March 2020: 1,700 complaints. Most in February 2020 (1,500), fewest in March 2020 (80).'
		);
		expect(trendSummary([], en, null)).toBe('No data to draw.');
	});

	it('states stacked counts: total, groups, the largest group and its share, the peak period', () => {
		const s = {
			counts: [
				[5, 10, 0],
				[1, 2, 2]
			],
			totals: [15, 5]
		};
		expect(stackedSummary(s, ['Jalan', 'Lainnya'], ['Jan 2021', 'Feb 2021', 'Mar 2021'], en, null)).toBe(
			'Jan 2021 – Mar 2021: 20 complaints in 2 groups. Largest: Jalan (15, 75.0%). Peak: Feb 2021 (12).'
		);
		expect(stackedSummary({ counts: [], totals: [] }, [], [], en, null)).toBe('No data to draw.');
	});

	it('states a heatmap: its size, the highest share and how many cells are withheld', () => {
		const cells = [
			{ topic: 'jalan', region: 'Banten', share: 0.25, n: 10 },
			{ topic: 'air', region: 'Banten', share: null, n: null },
			{ topic: 'jalan', region: 'Jawa Barat', share: 0.6, n: 30 },
			{ topic: 'air', region: 'Jawa Barat', share: 0.1, n: 5 }
		];
		expect(heatSummary(cells, 2, 2, 5, en)).toBe(
			'2 topics × 2 regions. Highest share: jalan in Jawa Barat (60.0%). 1 cells with fewer than 5 complaints are not shown.'
		);
		expect(heatSummary(cells.slice(2), 2, 1, 5, id)).toBe('2 topik × 1 wilayah. Porsi tertinggi: jalan di Jawa Barat (60,0%).');
	});

	it('states a map: regions, highest and lowest, regions without data, and its table equivalent', () => {
		const regions = [
			{ name: 'Banten', value: 12.5 },
			{ name: 'Aceh', value: null },
			{ name: 'Bali', value: 3 }
		];
		expect(mapSummary(regions, (v) => en.dec1(v), en)).toBe(
			'3 regions. Highest: Banten (12.5); lowest: Bali (3.0). 1 regions without data. Each region on the map links to its page; the ranking table below holds the same values.'
		);
		expect(mapSummary([{ name: 'Aceh', value: null }], String, en)).toMatch(/^No data to draw\. 1 regions without data\./);
	});
});
