// Queries behind the overview page (Ringkasan) and its CSV export. All take the period filter
// as bound parameters ($start inclusive, $end exclusive, both 'YYYY-MM-DD' or NULL), applied to
// created_at. Without a period, complaints with an unknown created_at are counted too; with
// one, they cannot be placed and drop out.
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import { query, queryOne } from '../db';
import { FILTER_WHERE, withFilters } from './filter-sql';

/** The global filters (period, region, category, channel, status); values are bound. */
const IN_PERIOD = FILTER_WHERE;

type Period = Partial<Filters>;
const params = (p: Period) => withFilters(p);

// Statuses of complaints an agency has acted on (see domain.md §1 and §5, "tindak lanjut").
export const FOLLOWED_UP_STATUSES = ['ditindaklanjuti', 'ditanggapi_pelapor', 'selesai'] as const;
// Complaints removed from the agencies' queue: rejected/deleted as incomplete, or archived by
// the admin. They never reach an agency, so they are left out of the rates' denominators.
export const EXCLUDED_STATUSES = ['dihapus', 'arsip'] as const;
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/*
 * Headline figures for a period.
 *
 * - total: every complaint in the period.
 * - per100k: total / national population × 100,000, where the population is the sum of the
 *   province rows of `regions` (Dukcapil 2024 S2), or the selected region's population. Not annualised: a longer period gives a
 *   larger figure. NULL when the population is unknown.
 * - followUpRate ("tingkat tindak lanjut"): among complaints whose status is not dihapus or
 *   arsip, the share that has been followed up, i.e. status ditindaklanjuti,
 *   ditanggapi_pelapor or selesai, OR any status with a first_response_at (an agency answered
 *   before the complaint moved on, e.g. to ditunda or bukan_wewenang). Mirrors KemenPANRB's
 *   "% laporan ditindaklanjuti" (selesai + proses). NULL when the denominator is 0.
 * - completionRate ("tingkat penyelesaian"): status selesai over the same denominator.
 * - medianResponseDays: median calendar days (fractional) from created_at to first_response_at,
 *   over complaints with both timestamps and first_response_at >= created_at (a response
 *   dated before the complaint is a data error and is ignored).
 * - uncategorised: complaints with no top-level category (NULL or blank).
 */
const KPI_SQL = `
	WITH c AS (SELECT status, created_at, first_response_at, category_top FROM complaints WHERE ${IN_PERIOD})
	SELECT
		count(*)::INTEGER AS total,
		count(*) FILTER (WHERE status NOT IN (${list(EXCLUDED_STATUSES)}))::INTEGER AS eligible,
		count(*) FILTER (WHERE status NOT IN (${list(EXCLUDED_STATUSES)})
			AND (status IN (${list(FOLLOWED_UP_STATUSES)}) OR first_response_at IS NOT NULL))::INTEGER AS followed_up,
		count(*) FILTER (WHERE status = 'selesai')::INTEGER AS completed,
		(median(epoch(first_response_at) - epoch(created_at))
			FILTER (WHERE first_response_at >= created_at) / 86400.0)::DOUBLE AS median_response_days,
		count(*) FILTER (WHERE nullif(trim(category_top), '') IS NULL)::INTEGER AS uncategorised,
		(SELECT sum(population)::DOUBLE FROM regions
			WHERE CASE WHEN $region IS NULL THEN level = 'province' ELSE code = $region END) AS population
	FROM c`;

const KpiRow = z.object({
	total: z.number().int(),
	eligible: z.number().int(),
	followed_up: z.number().int(),
	completed: z.number().int(),
	median_response_days: z.number().nullable(),
	uncategorised: z.number().int(),
	population: z.number().nullable()
});

export interface Kpis {
	total: number;
	per100k: number | null;
	population: number | null;
	followUpRate: number | null;
	completionRate: number | null;
	medianResponseDays: number | null;
	uncategorised: number;
}

export async function kpis(period: Period): Promise<Kpis> {
	const r = await queryOne(KPI_SQL, params(period), KpiRow);
	return {
		total: r.total,
		population: r.population,
		per100k: r.population ? (r.total / r.population) * 100_000 : null,
		followUpRate: r.eligible ? r.followed_up / r.eligible : null,
		completionRate: r.eligible ? r.completed / r.eligible : null,
		medianResponseDays: r.median_response_days,
		uncategorised: r.uncategorised
	};
}

/** Complaints per calendar month, with empty months between the first and last as 0. */
const MONTHLY_SQL = `
	WITH m AS (
		SELECT date_trunc('month', created_at) AS month, count(*) AS n
		FROM complaints WHERE created_at IS NOT NULL AND ${IN_PERIOD}
		GROUP BY 1
	), months AS (
		SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH)) AS month FROM m
	)
	SELECT strftime(months.month, '%Y-%m') AS month, coalesce(m.n, 0)::INTEGER AS n
	FROM months LEFT JOIN m USING (month)
	ORDER BY months.month`;

const MonthRow = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), n: z.number().int() });
export type MonthCount = z.infer<typeof MonthRow>;

export function monthly(period: Period): Promise<readonly MonthCount[]> {
	return query(MONTHLY_SQL, params(period), MonthRow);
}

/**
 * The 10 top-level categories with the most complaints in the period. `share` is the fraction of
 * ALL complaints in the period (uncategorised ones included), so shares need not sum to 1.
 * Ties are ordered by name so the table and its CSV are stable.
 */
const TOP_CATEGORIES_SQL = `
	WITH c AS (SELECT nullif(trim(category_top), '') AS category FROM complaints WHERE ${IN_PERIOD}),
	total AS (SELECT count(*) AS n FROM c)
	SELECT category, count(*)::INTEGER AS n, (count(*) / any_value(total.n))::DOUBLE AS share
	FROM c, total
	WHERE category IS NOT NULL
	GROUP BY category
	ORDER BY n DESC, category
	LIMIT 10`;

const CategoryRow = z.object({ category: z.string(), n: z.number().int(), share: z.number() });
export type CategoryCount = z.infer<typeof CategoryRow>;

export function topCategories(period: Period): Promise<readonly CategoryCount[]> {
	return query(TOP_CATEGORIES_SQL, params(period), CategoryRow);
}

/** Whole-warehouse facts, independent of the period: size, month range, freshness. */
const WAREHOUSE_SQL = `
	SELECT
		(SELECT count(*)::INTEGER FROM complaints) AS complaints,
		(SELECT strftime(min(created_at), '%Y-%m') FROM complaints) AS first_month,
		(SELECT strftime(max(created_at), '%Y-%m') FROM complaints) AS last_month,
		(SELECT strftime(max(finished_at), '%Y-%m-%dT%H:%M:%S') FROM ingest_batches) AS data_as_of`;

const WarehouseRow = z.object({
	complaints: z.number().int(),
	first_month: z.string().nullable(),
	last_month: z.string().nullable(),
	data_as_of: z.string().nullable()
});
export type WarehouseFacts = z.infer<typeof WarehouseRow>;

export function warehouseFacts(): Promise<WarehouseFacts> {
	return queryOne(WAREHOUSE_SQL, {}, WarehouseRow);
}

/** "Data as of": when the last ingest finished (ingest_batches.finished_at), or null. */
export async function dataAsOf(): Promise<string | null> {
	return (await warehouseFacts()).data_as_of;
}

export interface Overview {
	warehouse: WarehouseFacts;
	kpis: Kpis;
	monthly: readonly MonthCount[];
	categories: readonly CategoryCount[];
}

export async function overview(period: Period): Promise<Overview> {
	// One connection: these run one after the other anyway; each is a single scan of `complaints`.
	const warehouse = await warehouseFacts();
	const [k, m, c] = await Promise.all([kpis(period), monthly(period), topCategories(period)]);
	return { warehouse, kpis: k, monthly: m, categories: c };
}
