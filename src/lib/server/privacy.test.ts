import { describe, expect, it } from 'vitest';
import { MIN_SHOWN_COUNT, suppressSmall } from './privacy';

describe('small-count suppression', () => {
	it('hides 1–4, shows 0 and 5 or more', () => {
		expect(MIN_SHOWN_COUNT).toBe(5);
		expect([0, 1, 2, 3, 4, 5, 6, 120].map(suppressSmall)).toEqual([0, null, null, null, null, 5, 6, 120]);
	});
});
