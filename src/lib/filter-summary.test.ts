import { describe, expect, it } from 'vitest';
import { filterSummary, periodText } from './filter-summary';
import { NO_FILTERS } from './filters';
import { i18n } from './i18n';

const id = i18n('id');
const en = i18n('en');

describe('periodText', () => {
	it('says a whole calendar year as the year, one month as that month, and open ends in words', () => {
		expect(periodText({ from: '2024-01', to: '2024-12' }, id)).toBe('2024');
		expect(periodText({ from: '2023-01', to: '2024-12' }, id)).toBe('Januari 2023 – Desember 2024');
		expect(periodText({ from: '2020-03', to: '2020-03' }, id)).toBe('Maret 2020');
		expect(periodText({ from: '2020-03', to: '2021-01' }, en)).toBe('March 2020 – January 2021');
		expect(periodText({ from: '2020-03', to: null }, id)).toBe('Sejak Maret 2020');
		expect(periodText({ from: null, to: '2020-03' }, en)).toBe('Up to March 2020');
		expect(periodText({ from: null, to: null }, id)).toBe('Seluruh periode');
		expect(periodText({ from: null, to: null }, en)).toBe('All time');
	});
});

describe('filterSummary', () => {
	it('always names the period and the area, then each set filter with its label', () => {
		expect(filterSummary(NO_FILTERS, null, id)).toBe('Seluruh periode · Seluruh Indonesia');
		expect(filterSummary({ ...NO_FILTERS, from: '2024-01', to: '2024-12', region: '36.03' }, 'Kab. Tangerang', id)).toBe(
			'2024 · Kab. Tangerang'
		);
		expect(filterSummary({ ...NO_FILTERS, category: 'Kesehatan', channel: 'tatap_muka', status: 'belum_terverifikasi' }, null, en)).toBe(
			'All time · All of Indonesia · Kesehatan · In person · Not yet verified'
		);
	});

	it("names a scoped user's own region, never the whole country", () => {
		expect(filterSummary(NO_FILTERS, 'Banten', id)).toBe('Seluruh periode · Banten');
	});
});
