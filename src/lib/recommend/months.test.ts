import { expect, it } from 'vitest';
import { MONTH_RE, monthsBetween, shiftMonth } from './months';

it('shifts months across year ends and lists a range', () => {
	expect(shiftMonth('2020-01', -1)).toBe('2019-12');
	expect(shiftMonth('2019-12', 1)).toBe('2020-01');
	expect(shiftMonth('2020-04', -25)).toBe('2018-03');
	expect(monthsBetween('2019-11', '2020-02')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
	expect(monthsBetween('2020-02', '2020-01')).toEqual([]);
	expect(['2020-12', '2020-13', '2020-1', '20-01'].map((m) => MONTH_RE.test(m))).toEqual([true, false, false, false]);
});
