import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
	it('scales the series into the box, largest value at the top', () => {
		expect(sparklinePath([0, 10, 5], 100, 24, 2)).toBe('M0 22 L50 2 L100 12');
	});
	it('breaks the line at missing values', () => {
		expect(sparklinePath([1, null, 3, 1], 30, 10, 0)).toBe('M0 10 M20 0 L30 10');
	});
	it('draws a flat line for a constant series and a single point', () => {
		expect(sparklinePath([4, 4], 10, 10)).toBe('M0 5 L10 5');
		expect(sparklinePath([7], 10, 10)).toBe('M0 5 L10 5');
	});
	it('returns an empty path for no data', () => {
		expect(sparklinePath([])).toBe('');
		expect(sparklinePath([null, null])).toBe('');
	});
});
