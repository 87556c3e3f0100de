// Indonesian public holidays and cuti bersama 2018–2024 (data/reference/holidays_id.csv) and
// working-day arithmetic: Monday–Friday minus those dates. The same list makes the SQL
// calendar of the deadline figures (pipelines/warehouse/deadline-facts.ts), so pages never loop
// over rows in JS.
import csv from '../../data/reference/holidays_id.csv?raw';
import { parseHolidays, type Holiday } from './core/holiday-list';

export { parseHolidays, type Holiday } from './core/holiday-list';

export const HOLIDAYS: readonly Holiday[] = Object.freeze(parseHolidays(csv));
const HOLIDAY_SET = new Set(HOLIDAYS.map((h) => h.date));

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (ymd: string) => new Date(`${ymd.slice(0, 10)}T00:00:00Z`);

export function isWorkingDay(ymd: string, holidays: ReadonlySet<string> = HOLIDAY_SET): boolean {
	const dow = utc(ymd).getUTCDay();
	return dow !== 0 && dow !== 6 && !holidays.has(ymd.slice(0, 10));
}

/**
 * Working days elapsed from `a` to `b`: the working days d with a < d <= b (dates only, time of
 * day ignored). A complaint filed on day `a` and answered on `b` took this many hari kerja;
 * it met an N-day deadline when the result is <= N. Negative when b is before a.
 */
export function workingDaysBetween(a: string, b: string, holidays: ReadonlySet<string> = HOLIDAY_SET): number {
	const start = utc(a);
	const end = utc(b);
	const sign = end >= start ? 1 : -1;
	const [lo, hi] = sign > 0 ? [start, end] : [end, start];
	let n = 0;
	for (let d = new Date(lo.getTime() + 86_400_000); d <= hi; d = new Date(d.getTime() + 86_400_000)) {
		if (isWorkingDay(iso(d), holidays)) n++;
	}
	return sign * n || 0;
}
