// 'YYYY-MM' months: the one validation and the one arithmetic for pages, CSVs, rules,
// briefings and CLIs. Arithmetic works on month numbers, never on string order: '10000-01'
// sorts below '9999-12', and a loop that compared strings once never ended.

/** A month the app accepts from a URL or a file: years 1900–2099. */
export const MONTH_RE = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

export const isMonth = (s: unknown): s is string => typeof s === 'string' && MONTH_RE.test(s);

/** Months since year 0: the number every comparison and loop uses. */
export function monthIndex(month: string): number {
	const y = Number(month.slice(0, -3));
	const m = Number(month.slice(-2));
	if (!/^\d{4,}-\d{2}$/.test(month) || m < 1 || m > 12) throw new RangeError(`not a month: "${month.slice(0, 40)}"`);
	return y * 12 + m - 1;
}

const fromIndex = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

/** `month` moved by `delta` months: shiftMonth('2020-01', -1) → '2019-12'. */
export const shiftMonth = (month: string, delta: number): string => fromIndex(monthIndex(month) + delta);

/** Months from `from` to `to` inclusive (counts both ends): monthSpan('2020-11', '2021-02') → 4. */
export const monthSpan = (from: string, to: string): number => monthIndex(to) - monthIndex(from) + 1;

/** The longest range `monthsBetween` lists: a century, far beyond any warehouse. */
export const MAX_MONTHS = 1200;

/** Months from `from` to `to` inclusive, oldest first; [] when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
	const a = monthIndex(from);
	const n = monthIndex(to) - a + 1;
	if (n > MAX_MONTHS) throw new RangeError(`${from} to ${to} spans ${n} months, more than ${MAX_MONTHS}`);
	return Array.from({ length: Math.max(0, n) }, (_, k) => fromIndex(a + k));
}

/** '2020-12' → '2021-01-01': the exclusive upper bound of the month, for SQL. */
export const monthAfter = (month: string): string => `${shiftMonth(month, 1)}-01`;

/** The later of two months (either may be null). */
export const laterMonth = (a: string | null, b: string | null): string | null =>
	a && b ? (monthIndex(a) >= monthIndex(b) ? a : b) : (a ?? b);
