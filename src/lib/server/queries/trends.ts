// Queries behind /tren: complaint volume per month or ISO week (Monday start), split by
// top-level category (the 8 largest in the filtered set, the rest and the uncategorised as
// "lainnya" = key null), by channel and by status. All global filters apply (FILTER_WHERE).
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import { query } from '../db';
import { FILTER_WHERE, grainFor, ROLLUP_FROM, withFilters } from './filter-sql';

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
