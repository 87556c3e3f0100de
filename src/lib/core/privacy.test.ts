import { describe, expect, it } from 'vitest';
import { isRegencyCell, MIN_SHOWN_COUNT, suppressSmall, topicCellCount } from './privacy';

describe('small-count suppression', () => {
	it('hides 1–4, shows 0 and 5 or more', () => {
		expect(MIN_SHOWN_COUNT).toBe(5);
		expect([0, 1, 2, 3, 4, 5, 6, 120].map(suppressSmall)).toEqual([0, null, null, null, null, 5, 6, 120]);
	});

	it('applies to topic counts inside one kab/kota only', () => {
		expect([isRegencyCell('36.03'), isRegencyCell('36'), isRegencyCell(null)]).toEqual([true, false, false]);
		expect([topicCellCount(3, '36.03'), topicCellCount(3, '36'), topicCellCount(3, null), topicCellCount(7, '36.03')]).toEqual([
			null,
			3,
			3,
			7
		]);
	});
});
