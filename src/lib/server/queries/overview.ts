// Queries behind the overview page (Ringkasan) and its CSV export. All take the period filter
// as bound parameters ($start inclusive, $end exclusive, both 'YYYY-MM-DD' or NULL), applied to
// created_at. Without a period, complaints with an unknown created_at are counted too; with
// one, they cannot be placed and drop out.
import { z } from 'zod';
import { monthIndex, monthSpan, shiftMonth } from '$lib/core/month';
import type { Filters } from '$lib/filters';
import { query, queryOne } from '../db';
import { RESPONSE_MEDIAN, ROLLUP_DEADLINE_COUNTS } from './agencies';
import { OPEN_STATUSES, type OpenStatus } from '$lib/core/rollup.server';
import {
	FILTER_WHERE,
	monthlyCountsSql,
	ROLLUP_FOLLOW_UP_COUNTS,
	SCOPE_WHERE,
	scopeParams,
	withFilters,
	withRollupFilters
} from './filter-sql';

/** The global filters (period, region, category, channel, status); values are bound. */
const IN_PERIOD = FILTER_WHERE;

type Period = Partial<Filters>;
const params = (p: Period) => withFilters(p);
// The rollup's month × area slice, or the full one under a category, channel or status filter.
const areaParams = (p: Period) => withRollupFilters(p, 'area');

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
 * The counts come from the monthly rollup; only the median reads the complaints.
 */
const KPI_SQL = `
	SELECT coalesce(sum(n), 0)::INTEGER AS total, ${ROLLUP_FOLLOW_UP_COUNTS},
		coalesce(sum(uncategorised), 0)::INTEGER AS uncategorised,
		(SELECT sum(population)::DOUBLE FROM regions
			WHERE CASE WHEN $region IS NULL THEN level = 'province' ELSE code = $region END) AS population
	FROM monthly_rollup WHERE grain = $grain AND ${IN_PERIOD}`;

/**
 * Median days to the first response per month of filing and for the whole period (month NULL),
 * over the filtered complaints with a known filing date: the one figure the rollup cannot hold.
 */
const responseMedianSql = (byMonth: boolean) => `
	SELECT ${byMonth ? "strftime(date_trunc('month', created_at), '%Y-%m')" : 'NULL::VARCHAR'} AS month, ${RESPONSE_MEDIAN}
	FROM complaints WHERE created_at IS NOT NULL AND response_s IS NOT NULL AND ${IN_PERIOD}
	${byMonth ? "GROUP BY GROUPING SETS ((date_trunc('month', created_at)), ())" : ''}`;
const RESPONSE_MEDIAN_SQL = { byMonth: responseMedianSql(true), whole: responseMedianSql(false) } as const;

const MedianRow = z.object({ month: z.string().nullable(), response_median: z.number().nullable() });

/** The median for the whole period (key null), and per month when `byMonth`. */
async function responseMedians(period: Period, byMonth: boolean): Promise<Map<string | null, number | null>> {
	const rows = await query(byMonth ? RESPONSE_MEDIAN_SQL.byMonth : RESPONSE_MEDIAN_SQL.whole, params(period), MedianRow);
	return new Map(rows.map((r) => [r.month, r.response_median]));
}

const KpiRow = z.object({
	total: z.number().int(),
	eligible: z.number().int(),
	followed_up: z.number().int(),
	completed: z.number().int(),
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

export async function kpis(period: Period, median = true): Promise<Kpis> {
	const [r, medians] = await Promise.all([queryOne(KPI_SQL, areaParams(period), KpiRow), median ? responseMedians(period, false) : null]);
	return {
		total: r.total,
		population: r.population,
		per100k: r.population ? (r.total / r.population) * 100_000 : null,
		followUpRate: r.eligible ? r.followed_up / r.eligible : null,
		completionRate: r.eligible ? r.completed / r.eligible : null,
		medianResponseDays: medians?.get(null) ?? null,
		uncategorised: r.uncategorised
	};
}

/** Complaints per calendar month, with empty months between the first and last as 0. */
const MONTHLY_SQL = monthlyCountsSql(IN_PERIOD);

const MonthRow = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), n: z.number().int() });
export type MonthCount = z.infer<typeof MonthRow>;

export function monthly(period: Period): Promise<readonly MonthCount[]> {
	return query(MONTHLY_SQL, areaParams(period), MonthRow);
}

/**
 * The 10 top-level categories with the most complaints in the period. `share` is the fraction of
 * ALL complaints in the period (uncategorised ones included), so shares need not sum to 1.
 * Ties are ordered by name so the table and its CSV are stable. From the monthly rollup.
 */
const TOP_CATEGORIES_SQL = `
	WITH c AS (SELECT nullif(trim(category_top), '') AS category, n FROM monthly_rollup WHERE grain = $grain AND ${IN_PERIOD}),
	total AS (SELECT sum(n) AS n FROM c)
	SELECT category, sum(c.n)::INTEGER AS n, (sum(c.n) / any_value(total.n))::DOUBLE AS share
	FROM c, total
	WHERE category IS NOT NULL
	GROUP BY category
	ORDER BY n DESC, category
	LIMIT 10`;

const CategoryRow = z.object({ category: z.string(), n: z.number().int(), share: z.number() });
export type CategoryCount = z.infer<typeof CategoryRow>;

export function topCategories(period: Period): Promise<readonly CategoryCount[]> {
	return query(TOP_CATEGORIES_SQL, withRollupFilters(period, 'category'), CategoryRow);
}

/** Whole-warehouse facts (of the user's scope), independent of the period: size, month range, freshness (from the rollup). */
const WAREHOUSE_SQL = `
	SELECT
		coalesce(sum(n), 0)::INTEGER AS complaints,
		strftime(min(created_at), '%Y-%m') AS first_month,
		strftime(max(created_at), '%Y-%m') AS last_month,
		(SELECT /* unscoped: the time of the last load, no region's data */ strftime(max(finished_at), '%Y-%m-%dT%H:%M:%S') FROM ingest_batches) AS data_as_of
	FROM monthly_rollup WHERE grain = 'area' AND ${SCOPE_WHERE}`;

const WarehouseRow = z.object({
	complaints: z.number().int(),
	first_month: z.string().nullable(),
	last_month: z.string().nullable(),
	data_as_of: z.string().nullable()
});
export type WarehouseFacts = z.infer<typeof WarehouseRow>;

export function warehouseFacts(): Promise<WarehouseFacts> {
	return queryOne(WAREHOUSE_SQL, scopeParams(), WarehouseRow);
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
	/** Deadline breaches and backlog for the period (the other cards read `kpis`). */
	cards: CardValues;
	/** Card figures per month of `monthly` (zero-filled months: total 0, rates null). */
	cardMonths: readonly CardValues[];
	/** The periods compared for each card's change, with their figures; null when there is no data. */
	change: {
		current: { from: string; to: string };
		previous: { from: string; to: string };
		selected: boolean;
		now: CardValues;
		before: CardValues;
	} | null;
	target: { year: number; target: number } | null;
}

export async function overview(period: Period): Promise<Overview> {
	// One connection: these run one after the other anyway; the counts read the rollup, the medians the complaints.
	const warehouse = await warehouseFacts();
	const cmp = comparisonPeriods({ from: period.from ?? null, to: period.to ?? null }, warehouse.last_month);
	const [k, m, c, pc, target] = await Promise.all([
		kpis(period, false),
		monthly(period),
		topCategories(period),
		periodCards(period),
		regionTarget(period)
	]);
	// A comparison period that is the selected one, or one of its months, is already counted in
	// `pc` from the same rows (no data lies after the last month): only the others are queried.
	const cardsFor = async (p: { from: string; to: string }): Promise<CardValues> => {
		if (cmp?.selected && p === cmp.current) return pc.period;
		if (p.from === p.to && (!period.from || p.from >= period.from) && (!period.to || p.to <= period.to))
			return pc.months.get(p.from) ?? EMPTY;
		return (await periodCards({ ...period, ...p })).period;
	};
	const change = cmp ? { ...cmp, now: await cardsFor(cmp.current), before: await cardsFor(cmp.previous) } : null;
	return {
		warehouse,
		// periodCards' whole-period median is KPI_SQL's: both need a filing date and a response after it.
		kpis: { ...k, medianResponseDays: pc.period.medianResponseDays },
		monthly: m,
		categories: c,
		cards: pc.period,
		cardMonths: m.map((x) => pc.months.get(x.month) ?? EMPTY),
		change,
		target
	};
}

// ---------------------------------------------------------------------------------------------
// Deadline breaches, backlog, change against the previous period, sparklines and target (issue 3).

/*
 * Per month and for the whole period (the row with month NULL), over the filtered complaints with a
 * known created_at, from the monthly rollup: the deadline figures of /instansi (breach3/due3 and
 * breach5/due5 in working days with holidays, agencies.ts), the follow-up and completion counts
 * of KPI_SQL and the backlog (complaints now in an open status) by status. The median days to
 * the first response come from RESPONSE_MEDIAN_SQL.
 */
const PERIOD_AGG_SQL = `
	SELECT strftime(created_at, '%Y-%m') AS month, coalesce(sum(n), 0)::INTEGER AS n, ${ROLLUP_DEADLINE_COUNTS}, ${ROLLUP_FOLLOW_UP_COUNTS},
		${OPEN_STATUSES.map((s) => `coalesce(sum(open_${s}), 0)::INTEGER AS open_${s}`).join(', ')}
	FROM monthly_rollup WHERE grain = $grain AND created_at IS NOT NULL AND ${IN_PERIOD}
	GROUP BY GROUPING SETS ((created_at), ())
	ORDER BY month NULLS FIRST`;

const AggRow = z
	.object({
		month: z.string().nullable(),
		n: z.number().int(),
		due3: z.number().int(),
		breach3: z.number().int(),
		due5: z.number().int(),
		breach5: z.number().int(),
		eligible: z.number().int(),
		followed_up: z.number().int(),
		completed: z.number().int(),
		...Object.fromEntries(OPEN_STATUSES.map((s) => [`open_${s}`, z.number().int()]))
	})
	.passthrough();

/** The card figures of one month or one period. */
export interface CardValues {
	total: number;
	followUpRate: number | null;
	completionRate: number | null;
	medianResponseDays: number | null;
	breach3Rate: number | null;
	breach5Rate: number | null;
	backlog: number;
	backlogByStatus: Record<OpenStatus, number>;
}

const rate = (a: number, b: number) => (b ? a / b : null);
function cardValues(r: z.infer<typeof AggRow>, medianResponseDays: number | null): CardValues {
	const row = r as Record<string, unknown>;
	const byStatus = Object.fromEntries(OPEN_STATUSES.map((s) => [s, row[`open_${s}`] as number])) as Record<OpenStatus, number>;
	return {
		total: r.n,
		followUpRate: rate(r.followed_up, r.eligible),
		completionRate: rate(r.completed, r.eligible),
		medianResponseDays,
		breach3Rate: rate(r.breach3, r.due3),
		breach5Rate: rate(r.breach5, r.due5),
		backlog: OPEN_STATUSES.reduce((s, k) => s + byStatus[k], 0),
		backlogByStatus: byStatus
	};
}

const EMPTY: CardValues = cardValues(
	{
		month: null,
		n: 0,
		due3: 0,
		breach3: 0,
		due5: 0,
		breach5: 0,
		eligible: 0,
		followed_up: 0,
		completed: 0,
		...Object.fromEntries(OPEN_STATUSES.map((s) => [`open_${s}`, 0]))
	} as z.infer<typeof AggRow>,
	null
);

/** Card figures for the whole period and per month (only months with complaints). */
export async function periodCards(period: Period): Promise<{ period: CardValues; months: Map<string, CardValues> }> {
	const [rows, medians] = await Promise.all([query(PERIOD_AGG_SQL, areaParams(period), AggRow), responseMedians(period, true)]);
	const months = new Map<string, CardValues>();
	let whole = EMPTY;
	for (const r of rows) {
		const card = cardValues(r, medians.get(r.month) ?? null);
		if (r.month === null) whole = card;
		else months.set(r.month, card);
	}
	return { period: whole, months };
}

/**
 * The two periods a KPI's change compares. With a `from` month: the selected period (to the
 * last month with data when `to` is open) against the period of the same length just before
 * it. Without one: the last full month (the `to` month, or the month before the last month
 * with data, which may be partial) against the month before.
 */
export function comparisonPeriods(
	p: { from: string | null; to: string | null },
	lastMonth: string | null
): { current: { from: string; to: string }; previous: { from: string; to: string }; selected: boolean } | null {
	if (p.from) {
		const to = p.to ?? lastMonth;
		if (!to || monthIndex(to) < monthIndex(p.from)) return null;
		const len = monthSpan(p.from, to);
		return { current: { from: p.from, to }, previous: { from: shiftMonth(p.from, -len), to: shiftMonth(p.from, -1) }, selected: true };
	}
	const last = p.to ?? (lastMonth ? shiftMonth(lastMonth, -1) : null);
	if (!last) return null;
	return { current: { from: last, to: last }, previous: { from: shiftMonth(last, -1), to: shiftMonth(last, -1) }, selected: false };
}

/** Annual target of the selected region for the selected year (a period within one calendar year). */
const TARGET_SQL = `SELECT target::INTEGER AS target FROM region_targets WHERE region_code = $region AND year = $year`;

export async function regionTarget(f: Period): Promise<{ year: number; target: number } | null> {
	if (!f.region || !f.from || !f.to || f.from.slice(0, 4) !== f.to.slice(0, 4)) return null;
	const year = Number(f.from.slice(0, 4));
	const rows = await query(TARGET_SQL, { region: f.region, year }, z.object({ target: z.number().int() }));
	return rows[0] ? { year, target: rows[0].target } : null;
}
