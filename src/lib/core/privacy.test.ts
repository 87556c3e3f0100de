import { describe, expect, it } from 'vitest';
import { isFineCell, isRegencyCell, MIN_SHOWN_COUNT, suppressSmall, topicCellCount } from './privacy';

describe('small-count suppression', () => {
	it('hides 1–4, shows 0 and 5 or more', () => {
		expect(MIN_SHOWN_COUNT).toBe(5);
		expect([0, 1, 2, 3, 4, 5, 6, 120].map(suppressSmall)).toEqual([0, null, null, null, null, 5, 6, 120]);
	});

	it('applies to topic counts inside one kab/kota only', () => {
		expect([isRegencyCell('36.03'), isRegencyCell('36'), isRegencyCell(null)]).toEqual([true, false, false]);
		const at = (region: string | null) => ({ region });
		expect([
			topicCellCount(3, at('36.03')),
			topicCellCount(3, at('36')),
			topicCellCount(3, at(null)),
			topicCellCount(7, at('36.03'))
		]).toEqual([null, 3, 3, 7]);
	});

	it('applies under a kecamatan or an agency filter too, with or without a region', () => {
		expect(isFineCell({ region: '35.78', district: '35.78.01' })).toBe(true);
		expect(isFineCell({ agency: 'Dinas Sosial Kota Surabaya' })).toBe(true);
		expect(isFineCell({ region: '35', agency: null, district: null })).toBe(false);
		expect([topicCellCount(2, { agency: 'Kementerian Sosial' }), topicCellCount(2, { region: '35' })]).toEqual([null, 2]);
	});
});
