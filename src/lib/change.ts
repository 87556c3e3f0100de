// Change between two figures and the periods compared: the overview's cards (against the period
// before and a year earlier), /tren's year on year and /banding. Pure: tested on small cases.
import { monthSpan, shiftMonth } from './core/month';
import type { I18n } from './i18n';

/** 'rel': relative change of a count or a median; 'pts': a rate's change in percentage points. */
export type ChangeKind = 'rel' | 'pts';

/** From `before` to `now`: (now − before) / before, or (now − before) × 100 points; null without both (or a relative change from 0). */
export function changeOf(now: number | null, before: number | null, kind: ChangeKind): number | null {
	if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) return null;
	if (kind === 'pts') return (now - before) * 100;
	return before === 0 ? null : (now - before) / before;
}

export interface MonthPeriod {
	from: string;
	to: string;
}

/** The same months one year earlier. */
export const yearEarlier = (p: MonthPeriod): MonthPeriod => ({ from: shiftMonth(p.from, -12), to: shiftMonth(p.to, -12) });

/** The longest period compared with a year earlier: a longer one would overlap its own year-earlier twin. */
export const YOY_MAX_MONTHS = 12;

/** The period a year-on-year change compares `current` with, or null when it spans more than 12 months. */
export function yearOnYear(current: MonthPeriod): { current: MonthPeriod; previous: MonthPeriod } | null {
	return monthSpan(current.from, current.to) > YOY_MAX_MONTHS ? null : { current, previous: yearEarlier(current) };
}

/** ▲ up, ▼ down, ▬ unchanged. */
export const arrowOf = (v: number): string => (v > 0 ? '▲' : v < 0 ? '▼' : '▬');

/** A change as shown: "+12,5%" (relative) or "-1,3 poin" (points), signed, one decimal, in the UI language. */
export function formatChange(v: number, kind: ChangeKind, L: I18n): string {
	const f = new Intl.NumberFormat(L.locale, {
		...(kind === 'rel' ? { style: 'percent' as const } : {}),
		minimumFractionDigits: 1,
		maximumFractionDigits: 1,
		signDisplay: 'exceptZero'
	});
	return kind === 'rel' ? f.format(v) : L.t('kpi.points', { n: f.format(v) });
}
