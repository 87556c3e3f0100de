import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n';
import { showsCovid, trendChart } from './plot';

const months = (from: string, n: number) =>
	Array.from({ length: n }, (_, i) => {
		const d = new Date(`${from}-01T00:00:00Z`);
		d.setUTCMonth(d.getUTCMonth() + i);
		return { month: d.toISOString().slice(0, 7), n: 100 + i };
	});

describe('trend chart', () => {
	it('renders an SVG string with bars and the labelled COVID band', () => {
		const svg = trendChart(months('2019-01', 36), i18n('id'));
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('Masa COVID-19');
		expect(svg).toContain('aria-label="Grafik batang jumlah aduan per bulan"');
		// One image to assistive technology, titled and described (what it shows, the COVID band);
		// Plot's names for marks and axes ("rect", "y-axis tick") would be ARIA errors on <g>.
		expect(svg.startsWith('<svg role="img"') || /^<svg[^>]* role="img"/.test(svg)).toBe(true);
		expect(svg).toContain(
			'aria-description="Januari 2019 – Desember 2021: 4.230 aduan. Terbanyak Desember 2021 (135), paling sedikit Januari 2019 (100). Area berarsir: masa COVID-19'
		);
		expect(svg.match(/aria-label=/g)).toHaveLength(1);
		expect((svg.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(37);
		expect(svg).not.toContain('<script');
	});

	it('omits the band outside the COVID period and localises ticks', () => {
		const svg = trendChart(months('2022-01', 12), i18n('en'));
		expect(svg).not.toContain('COVID');
		expect(svg).toContain('Mar 2022');
		expect(trendChart([], i18n('en'))).toBe('');
	});

	it('knows when the months overlap the COVID period', () => {
		expect(showsCovid(months('2019-01', 14))).toBe(false); // up to Feb 2020
		expect(showsCovid(months('2019-01', 15))).toBe(true); // reaches Mar 2020
		expect(showsCovid(months('2021-01', 3))).toBe(true);
		expect(showsCovid(months('2021-02', 3))).toBe(false);
		expect(showsCovid([])).toBe(false);
	});

	it('renders a narrow variant with sparser ticks', () => {
		const svg = trendChart(months('2018-01', 96), i18n('id'), { width: 480, height: 300 });
		expect(svg).toContain('viewBox="0 0 480 300"');
		expect(svg).toContain('Masa COVID-19');
	});
});
