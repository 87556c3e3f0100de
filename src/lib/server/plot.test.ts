import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n';
import { labelLanes, trendChart } from './plot';

const months = (from: string, n: number) =>
	Array.from({ length: n }, (_, i) => {
		const d = new Date(`${from}-01T00:00:00Z`);
		d.setUTCMonth(d.getUTCMonth() + i);
		return { month: d.toISOString().slice(0, 7), n: 100 + i };
	});

describe('trend chart', () => {
	it('renders an SVG string with bars and the labelled COVID band from events.csv', () => {
		const svg = trendChart(months('2019-01', 36), i18n('id'));
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('Masa COVID-19');
		expect(svg).toContain('aria-label="Grafik batang jumlah aduan per bulan"');
		// One image to assistive technology, titled and described (what it shows, the events marked);
		// Plot's names for marks and axes ("rect", "y-axis tick") would be ARIA errors on <g>.
		expect(svg.startsWith('<svg role="img"') || /^<svg[^>]* role="img"/.test(svg)).toBe(true);
		expect(svg).toContain(
			'aria-description="Januari 2019 – Desember 2021: 4.230 aduan. Terbanyak Desember 2021 (135), paling sedikit Januari 2019 (100). Ditandai (area berarsir, garis putus-putus): Pemilu 2019 (17 April 2019); PPDB (Juni – Juli, 2019–2021); Masa COVID-19 (Maret 2020 – Januari 2021)'
		);
		expect(svg.match(/aria-label=/g)).toHaveLength(1);
		expect((svg.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(37);
		expect(svg).not.toContain('<script');
	});

	it('omits the COVID band outside its period and localises ticks', () => {
		const svg = trendChart(months('2022-01', 12), i18n('en'));
		expect(svg).not.toContain('COVID');
		expect(svg).toContain('Mar 2022');
		expect(trendChart([], i18n('en'))).toBe('');
	});

	it('marks the events of events.csv in range: bands, one-day lines, labels where they fit', () => {
		const svg = trendChart(months('2019-01', 24), i18n('id'));
		expect(svg).toContain('Pemilu 2019');
		expect(svg).toContain('<title>Pemilu 2019: 17 April 2019</title>');
		expect(svg).toContain('stroke-dasharray="4,3"');
		expect(svg).toContain('<title>Masa COVID-19: Maret 2020 – Januari 2021</title>');
		expect(svg).not.toContain('Pemilu 2024');
		// Each event mark is told apart from the bars (both carry <title>s).
		expect(svg.match(/<g[^>]* class="event"/g)?.length).toBeGreaterThanOrEqual(5);
	});

	it('puts each label in the first row with room, and none past the last row', () => {
		expect(
			labelLanes([
				{ x: 0, w: 50 },
				{ x: 100, w: 50 }
			])
		).toEqual([0, 0]);
		expect(
			labelLanes([
				{ x: 0, w: 50 },
				{ x: 20, w: 50 },
				{ x: 30, w: 50 }
			])
		).toEqual([0, 1, null]);
		// Placed in order of position, whatever the input order.
		expect(
			labelLanes([
				{ x: 100, w: 50 },
				{ x: 0, w: 120 }
			])
		).toEqual([1, 0]);
		expect(
			labelLanes(
				[
					{ x: 0, w: 50 },
					{ x: 20, w: 50 }
				],
				1
			)
		).toEqual([0, null]);
	});

	it('renders a narrow variant with sparser ticks', () => {
		const svg = trendChart(months('2018-01', 96), i18n('id'), { width: 480, height: 300 });
		expect(svg).toContain('viewBox="0 0 480 300"');
		expect(svg).toContain('Masa COVID-19');
	});
});
