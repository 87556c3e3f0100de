// Queries behind /wilayah: a ranking of kab/kota (or provinces) with volume, per 100k
// population, follow-up rate and 3/5-working-day deadline compliance (1 - breach share, see
// agencies.ts), plus peer comparison: rank by per-100k within the province (kab/kota level) and
// the population-band quartile (1 = smallest quarter of regions at that level, by population).
// Counts from the monthly rollup (monthly_rollup); each rate over the complaints whose files provide
// its fields (core/metrics.ts). Every region of the level is listed, with 0 complaints when none
// match the filters (or "tidak tercakup" when no source covers it); a region filter keeps that
// region and, for a province, its kab/kota.
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import type { RegionLevel } from '$lib/core/vocab';
import { query } from '../db';
import { complement, measured, metricSums, type Measured, type MetricId } from '$lib/core/metrics';
import { FILTER_WHERE, ROLLUP_FROM, withRollupFilters } from './filter-sql';
import { naturalDir, sortRows, type SortDir, type SortSpec } from '$lib/sort';

const RANKING_METRICS = ['followUpRate', 'breach3Rate', 'breach5Rate', 'unresolved60Rate'] as const satisfies readonly MetricId[];

// Undated complaints count in a region's volume when no period is chosen (they have no month to
// fall out of); only covered regions (core/coverage.ts) get a population, a rank and a band.
const sqlFor = (level: RegionLevel) => `
	WITH agg AS (
		SELECT ${level === 'province' ? 'province_code' : 'regency_code'} AS code, ${metricSums(RANKING_METRICS)}
		FROM ${ROLLUP_FROM} WHERE grain = $grain AND ${FILTER_WHERE} GROUP BY 1
	),
	r AS (
		SELECT r.code, r.short_name, r.province_code, cov.population, cov.code IS NOT NULL AS covered,
			CASE WHEN cov.code IS NOT NULL THEN ntile(4) OVER (PARTITION BY cov.code IS NOT NULL ORDER BY cov.population NULLS FIRST, r.code) END::INTEGER AS band
		FROM regions r LEFT JOIN coverage cov ON cov.code = r.code WHERE r.level = '${level}'
	)
	SELECT r.code, r.short_name AS name, r.province_code, p.short_name AS province_name, r.population, r.band, r.covered,
		agg.* EXCLUDE (code),
		CASE WHEN r.covered THEN rank() OVER (PARTITION BY r.province_code, r.covered ORDER BY coalesce(agg.n, 0) / nullif(r.population, 0) DESC NULLS LAST) END::INTEGER AS province_rank,
		(count(*) FILTER (WHERE r.covered) OVER (PARTITION BY r.province_code))::INTEGER AS province_peers
	FROM r
	LEFT JOIN agg USING (code)
	LEFT JOIN regions p ON p.code = r.province_code AND p.level = 'province'
	-- Ranks compare only regions in the user's scope (a kab/kota user is 1 of 1, see auth/scope.ts).
	WHERE ($region IS NULL OR r.code = $region OR r.province_code = $region)
		AND ($scope IS NULL OR r.code = $scope OR r.province_code = $scope)
	ORDER BY r.code`;

const SQL = { regency: sqlFor('regency'), province: sqlFor('province') } as const;

const Row = z
	.object({
		code: z.string(),
		name: z.string(),
		province_code: z.string(),
		province_name: z.string().nullable(),
		population: z.number().nullable(),
		band: z.number().int().nullable(),
		covered: z.boolean(),
		n: z.number().int().nullable(),
		province_rank: z.number().int().nullable(),
		province_peers: z.number().int()
	})
	.catchall(z.number().nullable());

export interface RegionRow {
	code: string;
	name: string;
	province_code: string;
	province_name: string | null;
	/** Of the covered kab/kota; null when the region is not covered. */
	population: number | null;
	/** Population quartile among covered regions of the level; null when not covered. */
	band: number | null;
	/** Whether the warehouse's sources cover the region (core/coverage.ts): else "tidak tercakup", not 0. */
	covered: boolean;
	n: number;
	province_rank: number | null;
	province_peers: number;
	per100k: number | null;
	followUpRate: Measured;
	comply3: Measured;
	comply5: Measured;
	breach3Rate: Measured;
	breach5Rate: Measured;
	unresolved60Rate: Measured;
}

const REGION_SORTS = [
	'n',
	'per100k',
	'follow_up',
	'comply3',
	'comply5',
	'name',
	'code',
	'province',
	'population',
	'province_rank',
	'band'
] as const;
export type RegionSort = (typeof REGION_SORTS)[number];

/** The ranking's order in the URL (sort.ts): volume, largest first, unless asked otherwise. */
export const REGION_SORT: SortSpec<RegionSort> = {
	param: 'sort',
	keys: REGION_SORTS,
	initial: { key: 'n', dir: 'desc' },
	ascFirst: ['name', 'code', 'province', 'province_rank']
};

// A region no source covers has no figures (not 0): it sorts last whichever way.
const regionValue: Record<RegionSort, (r: RegionRow) => number | string | null> = {
	n: (r) => (r.covered ? r.n : null),
	per100k: (r) => r.per100k,
	follow_up: (r) => r.followUpRate.value,
	comply3: (r) => r.comply3.value,
	comply5: (r) => r.comply5.value,
	name: (r) => r.name,
	code: (r) => r.code,
	province: (r) => r.province_name ?? r.province_code,
	population: (r) => r.population,
	province_rank: (r) => r.province_rank,
	band: (r) => r.band
};

/** The ranking in the order of one column (`dir`: its natural direction unless given; ties by code). */
export async function regionRanking(
	f: Partial<Filters>,
	level: RegionLevel,
	sort: RegionSort = 'n',
	dir: SortDir = naturalDir(REGION_SORT, sort)
): Promise<RegionRow[]> {
	// Peer ranks need every region of the level: the query runs without the region filter
	// (other filters kept) and the region filter then narrows the rows listed.
	const all = await query(SQL[level], withRollupFilters({ ...f, region: null }, 'area'), Row);
	const region = f.region ?? null;
	const rows = region ? all.filter((r) => r.code === region || r.province_code === region) : all;
	return sortRows(
		rows.map((r): RegionRow => {
			const n = r.n ?? 0;
			const breach3Rate = measured('breach3Rate', r);
			const breach5Rate = measured('breach5Rate', r);
			return {
				code: r.code,
				name: r.name,
				province_code: r.province_code,
				province_name: r.province_name,
				population: r.population,
				band: r.band,
				covered: r.covered,
				n,
				province_rank: r.province_rank,
				province_peers: r.province_peers,
				per100k: r.covered && r.population ? (n / r.population) * 100_000 : null,
				followUpRate: measured('followUpRate', r),
				breach3Rate,
				breach5Rate,
				unresolved60Rate: measured('unresolved60Rate', r),
				comply3: complement(breach3Rate),
				comply5: complement(breach5Rate)
			};
		}),
		regionValue[sort],
		dir,
		(a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
	);
}
