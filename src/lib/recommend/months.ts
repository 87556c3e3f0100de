// 'YYYY-MM' arithmetic for the rules' windows.

/** `month` moved by `delta` months: shiftMonth('2020-01', -1) → '2019-12'. */
export function shiftMonth(month: string, delta: number): string {
	const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
	return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to` inclusive, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
	const out: string[] = [];
	for (let m = from; m <= to; m = shiftMonth(m, 1)) out.push(m);
	return out;
}

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
