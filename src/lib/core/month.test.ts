import { expect, it } from 'vitest';
import { isMonth, laterMonth, MAX_MONTHS, monthAfter, monthIndex, monthsBetween, monthSpan, shiftMonth } from './month';

it('shifts months across year ends and lists a range', () => {
	expect(shiftMonth('2020-01', -1)).toBe('2019-12');
	expect(shiftMonth('2019-12', 1)).toBe('2020-01');
	expect(shiftMonth('2020-04', -25)).toBe('2018-03');
	expect(monthsBetween('2019-11', '2020-02')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
	expect(monthsBetween('2020-02', '2020-01')).toEqual([]);
	expect(monthSpan('2020-11', '2021-02')).toBe(4);
	expect(monthAfter('2020-12')).toBe('2021-01-01');
	expect(laterMonth('2019-12', '2020-01')).toBe('2020-01');
	expect(laterMonth(null, '2020-01')).toBe('2020-01');
});

it('accepts only years 1900–2099 from outside', () => {
	expect(['2020-12', '1999-01', '2099-12'].every(isMonth)).toBe(true);
	expect(['2020-13', '2020-1', '20-01', '9999-12', '0000-01', '1899-12', '2100-01', '2020-00', ' 2020-01', null].some(isMonth)).toBe(false);
});

it('keeps order past year 9999, where string order breaks (the /rekomendasi?month=9999-12 crash)', () => {
	expect(shiftMonth('9999-12', 1)).toBe('10000-01');
	expect(monthIndex('10000-01')).toBeGreaterThan(monthIndex('9999-12'));
	expect(monthsBetween('9999-11', '10000-02')).toEqual(['9999-11', '9999-12', '10000-01', '10000-02']);
	expect(monthAfter('9999-12')).toBe('10000-01-01');
});

it('refuses an unbounded range instead of looping', () => {
	expect(() => monthsBetween('1900-01', '3000-01')).toThrow(RangeError);
	expect(monthsBetween('1950-01', shiftMonth('1950-01', MAX_MONTHS - 1))).toHaveLength(MAX_MONTHS);
	expect(() => monthIndex('2020-13')).toThrow(RangeError);
});
