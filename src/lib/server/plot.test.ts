import { describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n';
import { trendChart } from './plot';

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
		expect((svg.match(/<rect/g) ?? []).length).toBeGreaterThanOrEqual(37);
		expect(svg).not.toContain('<script');
	});

	it('omits the band outside the COVID period and localises ticks', () => {
		const svg = trendChart(months('2022-01', 12), i18n('en'));
		expect(svg).not.toContain('COVID');
		expect(svg).toContain('Mar 2022');
		expect(trendChart([], i18n('en'))).toBe('');
	});
});
