// Queries behind /tren: complaint volume per month or ISO week (Monday start), split by
// top-level category (the 8 largest in the filtered set, the rest and the uncategorised as
// "lainnya" = key null), by channel and by status. All global filters apply (FILTER_WHERE).
import { z } from 'zod';
import { monthIndex } from '$lib/core/month';
import type { Filters } from '$lib/filters';
import { query } from '../db';
import { FILTER_WHERE, grainFor, ROLLUP_FROM, withFilters } from './filter-sql';
import { monthly, type WarehouseFacts } from './overview';

export const GRAINS = ['month', 'week'] as const;
export type Grain = (typeof GRAINS)[number];
export const DIMENSIONS = ['category', 'channel', 'status'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
const TOP_CATEGORIES = 8;

// By month from the monthly rollup (monthly_rollup: counts n per month and area, one slice per
// breakdown, or the full slice under a category, channel or status filter, see grainFor); by week
// from the complaints themselves (weight 1).
export const trendsSql = (unit: 'month' | 'week', source: 'rollup' | 'complaints') => {
	const rollup = source === 'rollup';
	const slice = (dim: Dimension) => (rollup ? `AND grain = $${dim}_grain` : '');
	return `
	WITH c AS (
		SELECT ${rollup ? 'grain, ' : ''}date_trunc('${unit}', created_at) AS b, nullif(trim(category_top), '') AS cat, channel, status,
			${rollup ? 'n' : '1'} AS w
		FROM ${rollup ? ROLLUP_FROM : 'complaints'} WHERE created_at IS NOT NULL AND ${FILTER_WHERE}
			${rollup ? 'AND grain IN ($category_grain, $channel_grain, $status_grain)' : ''}
	), top AS (
		SELECT cat FROM c WHERE cat IS NOT NULL ${slice('category')} GROUP BY cat ORDER BY sum(w) DESC, cat LIMIT ${TOP_CATEGORIES}
	)
	SELECT 'category' AS dim, strftime(b, '%Y-%m-%d') AS bucket,
		CASE WHEN cat IN (SELECT cat FROM top) THEN cat END AS key, sum(w)::INTEGER AS n
	FROM c WHERE true ${slice('category')} GROUP BY dim, bucket, key
	UNION ALL
	SELECT 'channel', strftime(b, '%Y-%m-%d'), channel, sum(w)::INTEGER FROM c WHERE true ${slice('channel')} GROUP BY 1, 2, 3
	UNION ALL
	SELECT 'status', strftime(b, '%Y-%m-%d'), status, sum(w)::INTEGER FROM c WHERE true ${slice('status')} GROUP BY 1, 2, 3
	ORDER BY 1, 2, 3 NULLS LAST`;
};

const SQL = { month: trendsSql('month', 'rollup'), week: trendsSql('week', 'complaints') } as const;

const Row = z.object({
	dim: z.enum(DIMENSIONS),
	bucket: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	key: z.string().nullable(),
	n: z.number().int()
});
export type TrendRow = z.infer<typeof Row>;

export interface Series {
	/** Bucket starts 'YYYY-MM-DD' from the first to the last with data, gaps included. */
	buckets: string[];
	/** Keys by total volume, largest first; null ("lainnya") last. */
	keys: (string | null)[];
	/** counts[key index][bucket index] */
	counts: number[][];
	totals: number[];
}

export interface Trends {
	grain: Grain;
	total: number;
	rows: readonly TrendRow[];
	series: Record<Dimension, Series>;
}

function nextBucket(b: string, grain: Grain): string {
	const d = new Date(`${b}T00:00:00Z`);
	if (grain === 'week') d.setUTCDate(d.getUTCDate() + 7);
	else d.setUTCMonth(d.getUTCMonth() + 1);
	return d.toISOString().slice(0, 10);
}

export function buildSeries(rows: readonly TrendRow[], dim: Dimension, grain: Grain): Series {
	const mine = rows.filter((r) => r.dim === dim);
	if (mine.length === 0) return { buckets: [], keys: [], counts: [], totals: [] };
	const present = [...new Set(mine.map((r) => r.bucket))].sort();
	const buckets: string[] = [];
	for (let b = present[0]!; b <= present.at(-1)!; b = nextBucket(b, grain)) buckets.push(b);
	const byKey = new Map<string | null, number>();
	for (const r of mine) byKey.set(r.key, (byKey.get(r.key) ?? 0) + r.n);
	const keys = [...byKey.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : byKey.get(b)! - byKey.get(a)! || a.localeCompare(b)));
	const bi = new Map(buckets.map((b, i) => [b, i]));
	const counts = keys.map(() => buckets.map(() => 0));
	for (const r of mine) {
		const row = counts[keys.indexOf(r.key)]!;
		const i = bi.get(r.bucket)!;
		row[i] = (row[i] ?? 0) + r.n;
	}
	return { buckets, keys, counts, totals: keys.map((k) => byKey.get(k)!) };
}

export async function trends(f: Partial<Filters>, grain: Grain): Promise<Trends> {
	const slices = grain === 'month' ? Object.fromEntries(DIMENSIONS.map((d) => [`${d}_grain`, grainFor(f, d)])) : {};
	const rows = await query(SQL[grain], withFilters(f, slices), Row);
	const series = Object.fromEntries(DIMENSIONS.map((d) => [d, buildSeries(rows, d, grain)])) as Record<Dimension, Series>;
	return { grain, rows, series, total: series.status.totals.reduce((s, n) => s + n, 0) };
}

export interface YearOnYear {
	year: number;
	/** January to December: the complaints of `year` and of the year before; null for a month outside the data. */
	months: { month: string; now: number | null; before: number | null }[];
	/**
	 * Year to date: `year`'s months through the last complete month of the data (or the period's
	 * end, if earlier) against the same months a year earlier; null before a complete month.
	 */
	ytd: { from: string; to: string; now: number; before: number } | null;
}

/**
 * This year against last year, month by month, under the filters but the period, whose end (or
 * the data's last month) picks the year. From the monthly rollup (overview.ts monthly).
 */
export async function yearOnYearMonths(
	f: Partial<Filters>,
	data: Pick<WarehouseFacts, 'first_month' | 'last_month' | 'complete_month'>
): Promise<YearOnYear | null> {
	const end = f.to ?? data.last_month;
	if (!end || !data.first_month || !data.last_month) return null;
	const year = Number(end.slice(0, 4));
	const counts = new Map((await monthly({ ...f, from: `${year - 1}-01`, to: `${year}-12` })).map((m) => [m.month, m.n]));
	const [first, last] = [monthIndex(data.first_month), monthIndex(data.last_month)];
	// A month the data covers has a count (0 when nothing matched the filters); others have none.
	const count = (m: string) => counts.get(m) ?? (monthIndex(m) >= first && monthIndex(m) <= last ? 0 : null);
	const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')).map((mm) => ({
		month: mm,
		now: count(`${year}-${mm}`),
		before: count(`${year - 1}-${mm}`)
	}));
	const through = [f.to, data.complete_month]
		.filter((m): m is string => !!m && m.startsWith(String(year)))
		.sort((a, b) => monthIndex(a) - monthIndex(b))[0];
	const upto = through ? months.slice(0, Number(through.slice(5))) : [];
	const ytd =
		through &&
		data.complete_month &&
		monthIndex(through) <= monthIndex(data.complete_month) &&
		upto.every((m) => m.now !== null && m.before !== null)
			? {
					from: `${year}-01`,
					to: through,
					now: upto.reduce((s, m) => s + m.now!, 0),
					before: upto.reduce((s, m) => s + m.before!, 0)
				}
			: null;
	return { year, months, ytd };
}
