// Pure helpers of the monthly briefing (/briefing/[region]/[month] and `npm run briefing`): the
// route's parameters, the month-on-month / year-on-year change of a KPI, and the slice of a peer
// ranking shown on paper. No I/O.
import { z } from 'zod';
import { MONTH_RE } from './month';
import { AREA_LEVEL_WORD, REGION_CODE } from './vocab';

/** 'YYYY-MM' with a real month (01–12) of the years the app accepts. */
export const MonthSchema = z.string().regex(MONTH_RE);

/** The region parameter of the nation's briefing: `/briefing/nasional/2024-05`. */
export const NATIONAL_PARAM = AREA_LEVEL_WORD.national;

/** The region parameter: 'nasional', a province code '36' or a kab/kota code '36.03'. */
export const RegionParamSchema = z.union([z.literal(NATIONAL_PARAM), z.string().regex(REGION_CODE)]);

/** The file name a briefing PDF gets: `<code>-<month>.pdf`, `nasional-<month>.pdf`. */
export function briefingFileName(region: string, month: string): string {
	return `${region}-${month}.pdf`;
}

/** How a KPI's change is expressed: relative (%) for counts, percentage points for rates, days for durations. */
export type ChangeKind = 'rel' | 'pts' | 'days';

export interface Change {
	/** +1 up, -1 down, 0 unchanged. */
	dir: -1 | 0 | 1;
	/** The change in the kind's unit: a fraction for 'rel' (0.25 = +25 %), points for 'pts', days for 'days'. */
	value: number;
}

/** Half the display step of each kind (one decimal of %, p.p., days): smaller changes print as 0,0. */
const NO_CHANGE: Record<ChangeKind, number> = { rel: 0.0005, pts: 0.05, days: 0.05 };

/**
 * The change from `before` to `now`, or null when it cannot be stated (a value missing, or a
 * relative change from 0). Rates are fractions; their change is reported in percentage points.
 * A change that rounds to zero at one decimal is no change (dir 0, value 0), so the arrow never
 * contradicts the printed "0,0".
 */
export function changeOf(now: number | null, before: number | null, kind: ChangeKind): Change | null {
	if (now === null || before === null || !Number.isFinite(now) || !Number.isFinite(before)) return null;
	if (kind === 'rel' && before === 0) return null;
	const value = kind === 'rel' ? (now - before) / before : kind === 'pts' ? (now - before) * 100 : now - before;
	if (Math.abs(value) < NO_CHANGE[kind]) return { dir: 0, value: 0 };
	return { dir: value > 0 ? 1 : -1, value };
}

/**
 * Rank (1 = highest value) of every row by `value`, rows without a value last and unranked
 * (null). Ties share the rank (1, 2, 2, 4), ordered by code.
 */
export function rankBy<T extends { code: string }>(rows: readonly T[], value: (r: T) => number | null): { row: T; rank: number | null }[] {
	const sorted = [...rows].sort((a, b) => {
		const va = value(a);
		const vb = value(b);
		if (va === vb) return a.code.localeCompare(b.code);
		if (va === null) return 1;
		if (vb === null) return -1;
		return vb - va;
	});
	let rank = 0;
	let prev: number | null = null;
	return sorted.map((row, i) => {
		const v = value(row);
		if (v === null) return { row, rank: null };
		if (i === 0 || v !== prev) rank = i + 1;
		prev = v;
		return { row, rank };
	});
}

/**
 * At most `size` consecutive entries of a ranking around the one with `code` (centred on it,
 * shifted to stay inside the list), so a long peer list fits on paper. The whole list when short.
 */
export function windowAround<T extends { row: { code: string } }>(ranked: readonly T[], code: string, size: number): T[] {
	if (ranked.length <= size) return [...ranked];
	const i = ranked.findIndex((r) => r.row.code === code);
	if (i < 0) return ranked.slice(0, size);
	const start = Math.min(Math.max(0, i - Math.floor(size / 2)), ranked.length - size);
	return ranked.slice(start, start + size);
}
