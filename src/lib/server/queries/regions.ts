// Queries behind /wilayah: a ranking of kab/kota (or provinces) with volume, per 100k
// population, follow-up rate and 3/5-working-day deadline compliance (1 - breach share, see
// agencies.ts), plus peer comparison: rank by per-100k within the province (kab/kota level) and
// the population-band quartile (1 = smallest quarter of regions at that level, by population).
// Counts from the monthly rollup (monthly_rollup), over complaints with a known filing date.
// Every region of the level is listed, with 0 complaints when none match the filters; a region
// filter keeps that region and, for a province, its kab/kota.
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import { query } from '../db';
import { MetricRowSchema, ROLLUP_DEADLINE_COUNTS, withRates } from './agencies';
import { FILTER_WHERE, ROLLUP_FOLLOW_UP_COUNTS, withRollupFilters } from './filter-sql';

export const LEVELS = ['regency', 'province'] as const;
export type Level = (typeof LEVELS)[number];

const sqlFor = (level: Level) => `
	WITH agg AS (
		SELECT ${level === 'province' ? 'province_code' : 'regency_code'} AS code, sum(n)::INTEGER AS n, ${ROLLUP_DEADLINE_COUNTS}, ${ROLLUP_FOLLOW_UP_COUNTS}
		FROM monthly_rollup WHERE grain = $grain AND created_at IS NOT NULL AND ${FILTER_WHERE} GROUP BY 1
	),
	r AS (
		SELECT code, short_name, province_code, population::DOUBLE AS population,
			ntile(4) OVER (ORDER BY population NULLS FIRST, code)::INTEGER AS band
		FROM regions WHERE level = '${level}'
	)
	SELECT r.code, r.short_name AS name, r.province_code, p.short_name AS province_name, r.population, r.band,
		coalesce(agg.n, 0)::INTEGER AS n,
		coalesce(agg.due3, 0)::INTEGER AS due3, coalesce(agg.breach3, 0)::INTEGER AS breach3,
		coalesce(agg.due5, 0)::INTEGER AS due5, coalesce(agg.breach5, 0)::INTEGER AS breach5,
		coalesce(agg.old60, 0)::INTEGER AS old60, coalesce(agg.unresolved60, 0)::INTEGER AS unresolved60,
		coalesce(agg.eligible, 0)::INTEGER AS eligible, coalesce(agg.followed_up, 0)::INTEGER AS followed_up,
		(rank() OVER (PARTITION BY r.province_code ORDER BY coalesce(agg.n, 0) / nullif(r.population, 0) DESC NULLS LAST))::INTEGER AS province_rank,
		(count(*) OVER (PARTITION BY r.province_code))::INTEGER AS province_peers
	FROM r
	LEFT JOIN agg USING (code)
	LEFT JOIN regions p ON p.code = r.province_code AND p.level = 'province'
	-- Ranks compare only regions in the user's scope (a kab/kota user is 1 of 1, see auth/scope.ts).
	WHERE ($region IS NULL OR r.code = $region OR r.province_code = $region)
		AND ($scope IS NULL OR r.code = $scope OR r.province_code = $scope)
	ORDER BY r.code`;

const SQL = { regency: sqlFor('regency'), province: sqlFor('province') } as const;

const Row = MetricRowSchema.omit({ opd_type: true, agency: true, response_median: true, response_p90: true, close_median: true }).extend({
	code: z.string(),
	name: z.string(),
	province_code: z.string(),
	province_name: z.string().nullable(),
	population: z.number().nullable(),
	band: z.number().int(),
	eligible: z.number().int(),
	followed_up: z.number().int(),
	province_rank: z.number().int(),
	province_peers: z.number().int()
});

export type RegionRow = z.infer<typeof Row> & {
	per100k: number | null;
	followUpRate: number | null;
	comply3: number | null;
	comply5: number | null;
	breach3Rate: number | null;
	breach5Rate: number | null;
	unresolved60Rate: number | null;
};

export const REGION_SORTS = ['n', 'per100k', 'follow_up', 'comply3', 'comply5', 'name', 'code'] as const;
export type RegionSort = (typeof REGION_SORTS)[number];

function sortRegions(rows: readonly RegionRow[], sort: RegionSort): RegionRow[] {
	const v: Record<string, (r: RegionRow) => number | null> = {
		n: (r) => r.n,
		per100k: (r) => r.per100k,
		follow_up: (r) => r.followUpRate,
		comply3: (r) => r.comply3,
		comply5: (r) => r.comply5
	};
	return [...rows].sort((a, b) => {
		if (sort === 'name') return a.name.localeCompare(b.name);
		if (sort === 'code') return a.code.localeCompare(b.code);
		const va = v[sort]!(a);
		const vb = v[sort]!(b);
		if (va !== vb) {
			if (va === null) return 1;
			if (vb === null) return -1;
			return vb - va;
		}
		return a.code.localeCompare(b.code);
	});
}

export async function regionRanking(f: Partial<Filters>, level: Level, sort: RegionSort = 'n'): Promise<RegionRow[]> {
	// Peer ranks need every region of the level: the query runs without the region filter
	// (other filters kept) and the region filter then narrows the rows listed.
	const all = await query(SQL[level], withRollupFilters({ ...f, region: null }, 'area'), Row);
	const region = f.region ?? null;
	const rows = region ? all.filter((r) => r.code === region || r.province_code === region) : all;
	return sortRegions(
		rows.map((r) => {
			const x = withRates(r);
			return {
				...r,
				breach3Rate: x.breach3Rate,
				breach5Rate: x.breach5Rate,
				unresolved60Rate: x.unresolved60Rate,
				per100k: r.population ? (r.n / r.population) * 100_000 : null,
				followUpRate: r.eligible ? r.followed_up / r.eligible : null,
				comply3: x.breach3Rate === null ? null : 1 - x.breach3Rate,
				comply5: x.breach5Rate === null ? null : 1 - x.breach5Rate
			};
		}),
		sort
	);
}
