// Queries behind the overview page (Ringkasan) and its CSV export. All take the period filter
// as bound parameters ($start inclusive, $end exclusive, both 'YYYY-MM-DD' or NULL), applied to
// created_at. Without a period, complaints with an unknown created_at are counted too; with
// one, they cannot be placed and drop out.
import { z } from 'zod';
import { yearOnYear } from '$lib/change';
import { monthIndex, monthSpan, shiftMonth } from '$lib/core/month';
import type { Filters } from '$lib/filters';
import { query, queryOne } from '../db';
import { completeMonthOf } from './asof';
import { OPEN_STATUSES, type OpenStatus } from '$lib/core/vocab';
import { requirementSql } from '$lib/core/fields';
import { measured, metricCounts, metricSums, METRICS, NOTHING, type Measured, type MetricId } from '$lib/core/metrics';
import { ROW_CONDITIONS } from '$lib/core/rollup.server';
import { FILTER_WHERE, monthlyCountsSql, ROLLUP_FROM, SCOPE_WHERE, scopeParams, withFilters, withRollupFilters } from './filter-sql';

/** The global filters (period, region, category, channel, status); values are bound. */
const IN_PERIOD = FILTER_WHERE;

type Period = Partial<Filters>;
const params = (p: Period) => withFilters(p);
// The rollup's month × area slice, or the full one under a category, channel or status filter.
const areaParams = (p: Period) => withRollupFilters(p, 'area');

/*
 * Headline figures for a period (the metrics are declared in $lib/core/metrics.ts):
 *
 * - total: every complaint in the period (without a period, those with no filing date too).
 * - per100k: total / the population of the covered regions in view × 100,000 (Dukcapil 2024 S2;
 *   core/coverage.ts): null when the region in view is not covered. Not annualised.
 * - the rates, the median days to the first response and the backlog: over the complaints whose
 *   files provide the fields each needs; "tidak tersedia" when none in view does.
 * - uncategorised: complaints with no top-level category (NULL or blank).
 * - undated: complaints with no filing date (counted in the total, in no month).
 * The counts come from the monthly rollup; only the median reads the complaints.
 */
const KPI_METRICS = ['followUpRate', 'completionRate'] as const satisfies readonly MetricId[];
const KPI_SQL = `
	SELECT ${metricSums(KPI_METRICS)},
		coalesce(sum(uncategorised), 0)::INTEGER AS uncategorised,
		coalesce(sum(n) FILTER (WHERE created_at IS NULL), 0)::INTEGER AS undated,
		(SELECT sum(population)::DOUBLE FROM coverage
			WHERE CASE WHEN $region IS NULL THEN level = 'regency' ELSE code = $region END) AS population
	FROM ${ROLLUP_FROM} WHERE grain = $grain AND ${IN_PERIOD}`;

/**
 * Median days to the first response per month of filing and for the whole period (month NULL),
 * over the filtered complaints with a known filing date whose files provide the response time:
 * the one figure the rollup cannot hold. `known`: how many complaints it is over.
 */
const responseMedianSql = (byMonth: boolean) => `
	SELECT ${byMonth ? "strftime(date_trunc('month', created_at), '%Y-%m')" : 'NULL::VARCHAR'} AS month,
		${metricCounts(['medianResponseDays'], ROW_CONDITIONS, { medianResponseDays: 'response_s' })}
	FROM complaints WHERE created_at IS NOT NULL AND ${IN_PERIOD}
	${byMonth ? "GROUP BY GROUPING SETS ((date_trunc('month', created_at)), ())" : ''}`;
const RESPONSE_MEDIAN_SQL = { byMonth: responseMedianSql(true), whole: responseMedianSql(false) } as const;

const MedianRow = z.object({
	month: z.string().nullable(),
	n: z.number().int(),
	medianResponseDays: z.number().nullable(),
	medianResponseDays_known: z.number().int()
});

/** The median for the whole period (key null), and per month when `byMonth`: value and how many complaints it is over. */
async function responseMedians(period: Period, byMonth: boolean): Promise<Map<string | null, z.infer<typeof MedianRow>>> {
	const rows = await query(byMonth ? RESPONSE_MEDIAN_SQL.byMonth : RESPONSE_MEDIAN_SQL.whole, params(period), MedianRow);
	return new Map(rows.map((r) => [r.month, r]));
}

/** The median as a measure of the `of` complaints in view (the undated ones cannot have one). */
const medianOf = (row: z.infer<typeof MedianRow> | undefined, of: number): Measured =>
	row ? { ...measured('medianResponseDays', row), of } : { ...NOTHING, of };

const KpiRow = z
	.object({ n: z.number().int(), uncategorised: z.number().int(), undated: z.number().int(), population: z.number().nullable() })
	.catchall(z.number());

export interface Kpis {
	total: number;
	per100k: number | null;
	/** Of the covered regions in view; null when none is covered. */
	population: number | null;
	followUpRate: Measured;
	completionRate: Measured;
	medianResponseDays: Measured;
	uncategorised: number;
	/** Complaints with no filing date: in the total, in no month. */
	undated: number;
}

export async function kpis(period: Period, median = true): Promise<Kpis> {
	const [r, medians] = await Promise.all([queryOne(KPI_SQL, areaParams(period), KpiRow), median ? responseMedians(period, false) : null]);
	return {
		total: r.n,
		population: r.population,
		per100k: r.population ? (r.n / r.population) * 100_000 : null,
		followUpRate: measured('followUpRate', r),
		completionRate: measured('completionRate', r),
		medianResponseDays: medians ? medianOf(medians.get(null), r.n) : { ...NOTHING, of: r.n },
		uncategorised: r.uncategorised,
		undated: r.undated
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
	WITH c AS (SELECT nullif(trim(category_top), '') AS category, n FROM ${ROLLUP_FROM} WHERE grain = $grain AND ${IN_PERIOD}),
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

/**
 * Whole-warehouse facts (of the user's scope), independent of the period: size, month range, the
 * complaints with no filing date, the data's own date (its latest timestamp: "Data per") and its
 * last complete month, and, apart, when it was last loaded.
 */
const WAREHOUSE_SQL = `
	SELECT
		coalesce(sum(n), 0)::INTEGER AS complaints,
		coalesce(sum(n) FILTER (WHERE created_at IS NULL), 0)::INTEGER AS undated,
		strftime(min(created_at), '%Y-%m') AS first_month,
		strftime(max(created_at), '%Y-%m') AS last_month,
		(SELECT /* unscoped: the data's latest timestamp, no region's data */ strftime(t, '%Y-%m-%d') FROM snapshot) AS data_until,
		(SELECT /* unscoped: the time of the last load, no region's data */ strftime(max(finished_at), '%Y-%m-%dT%H:%M:%S') FROM ingest_batches) AS loaded_at
	FROM monthly_rollup WHERE grain = 'area' AND ${SCOPE_WHERE}`;

const WarehouseRow = z.object({
	complaints: z.number().int(),
	undated: z.number().int(),
	first_month: z.string().nullable(),
	last_month: z.string().nullable(),
	data_until: z.string().nullable(),
	loaded_at: z.string().nullable()
});
export type WarehouseFacts = z.infer<typeof WarehouseRow> & {
	/** the last complete month of the data ('YYYY-MM') */ complete_month: string | null;
};

export async function warehouseFacts(): Promise<WarehouseFacts> {
	const r = await queryOne(WAREHOUSE_SQL, scopeParams(), WarehouseRow);
	return { ...r, complete_month: completeMonthOf(r.data_until) };
}

/** The footer's dates: the data's own ("Data per") and the last load's. */
export async function dataDates(): Promise<{ until: string | null; loaded: string | null }> {
	const f = await warehouseFacts();
	return { until: f.data_until, loaded: f.loaded_at };
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
	/** The same cards against the same months a year earlier (change.ts yearOnYear); null without data or for a period over 12 months. */
	yoy: { current: { from: string; to: string }; previous: { from: string; to: string }; now: CardValues; before: CardValues } | null;
	target: { year: number; target: number } | null;
}

export async function overview(period: Period): Promise<Overview> {
	// One connection: these run one after the other anyway; the counts read the rollup, the medians the complaints.
	const warehouse = await warehouseFacts();
	const cmp = comparisonPeriods({ from: period.from ?? null, to: period.to ?? null }, warehouse);
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
			return pc.months.get(p.from) ?? EMPTY_CARD;
		return (await periodCards({ ...period, ...p })).period;
	};
	const change = cmp ? { ...cmp, now: await cardsFor(cmp.current), before: await cardsFor(cmp.previous) } : null;
	// The period's cards are over every complaint in view, the undated ones too (without a period
	// filter): they have no deadline or response time, so a source without dates shows "tidak
	// tersedia", not n/a, and one with some shows over how many.
	const inView = (m: Measured): Measured => ({ ...m, of: m.of + k.undated });
	const cards: CardValues = {
		...pc.period,
		medianResponseDays: inView(pc.period.medianResponseDays),
		breach3Rate: inView(pc.period.breach3Rate),
		breach5Rate: inView(pc.period.breach5Rate),
		backlog: inView(pc.period.backlog)
	};
	const y = change && yearOnYear(change.current);
	const yoy = y && change ? { ...y, now: change.now, before: await cardsFor(y.previous) } : null;
	return {
		warehouse,
		// periodCards' whole-period median is KPI_SQL's: both need a filing date and a response after it.
		kpis: { ...k, medianResponseDays: cards.medianResponseDays },
		monthly: m,
		categories: c,
		cards,
		cardMonths: m.map((x) => pc.months.get(x.month) ?? EMPTY_CARD),
		change,
		yoy,
		target
	};
}

// ---------------------------------------------------------------------------------------------
// Deadline breaches, backlog, change against the previous period, sparklines and target (issue 3).

/*
 * Per month and for the whole period (the row with month NULL), over the filtered complaints with a
 * known created_at, from the monthly rollup: the card metrics (core/metrics.ts; deadline counts as
 * of the warehouse's snapshot) and the backlog by open status. The median days to the first
 * response come from RESPONSE_MEDIAN_SQL.
 */
const CARD_METRICS = ['followUpRate', 'completionRate', 'breach3Rate', 'breach5Rate', 'backlog'] as const satisfies readonly MetricId[];
const PERIOD_AGG_SQL = `
	SELECT strftime(created_at, '%Y-%m') AS month, ${metricSums(CARD_METRICS)},
		${OPEN_STATUSES.map((s) => `coalesce(sum(open_${s}) FILTER (WHERE ${requirementSql(METRICS.backlog.requires)}), 0)::INTEGER AS open_${s}`).join(', ')}
	FROM ${ROLLUP_FROM} WHERE grain = $grain AND created_at IS NOT NULL AND ${IN_PERIOD}
	GROUP BY GROUPING SETS ((created_at), ())
	ORDER BY month NULLS FIRST`;

const AggRow = z.object({ month: z.string().nullable() }).catchall(z.number());

/** The card figures of one month or one period. */
export interface CardValues {
	total: number;
	followUpRate: Measured;
	completionRate: Measured;
	medianResponseDays: Measured;
	breach3Rate: Measured;
	breach5Rate: Measured;
	backlog: Measured;
	/** null when the status is not in the data. */
	backlogByStatus: Record<OpenStatus, number> | null;
}

function cardValues(r: Readonly<Record<string, unknown>>, median: z.infer<typeof MedianRow> | undefined): CardValues {
	const backlog = measured('backlog', r);
	return {
		total: Number(r.n ?? 0),
		followUpRate: measured('followUpRate', r),
		completionRate: measured('completionRate', r),
		medianResponseDays: medianOf(median, Number(r.n ?? 0)),
		breach3Rate: measured('breach3Rate', r),
		breach5Rate: measured('breach5Rate', r),
		backlog,
		backlogByStatus: backlog.known
			? (Object.fromEntries(OPEN_STATUSES.map((s) => [s, Number(r[`open_${s}`] ?? 0)])) as Record<OpenStatus, number>)
			: null
	};
}

/** The cards of a month with no complaint. */
export const EMPTY_CARD: CardValues = cardValues({ n: 0 }, undefined);

/** Card figures for the whole period and per month (only months with complaints). */
export async function periodCards(period: Period): Promise<{ period: CardValues; months: Map<string, CardValues> }> {
	const [rows, medians] = await Promise.all([query(PERIOD_AGG_SQL, areaParams(period), AggRow), responseMedians(period, true)]);
	const months = new Map<string, CardValues>();
	let whole = EMPTY_CARD;
	for (const r of rows) {
		const card = cardValues(r, medians.get(r.month));
		if (r.month === null) whole = card;
		else months.set(r.month, card);
	}
	return { period: whole, months };
}

/**
 * The two periods a KPI's change compares. With a `from` month: the selected period (to the
 * last month with data when `to` is open) against the period of the same length just before
 * it. Without one: the last complete month of the data (the `to` month, or the month the data
 * covers to its end) against the month before.
 */
export function comparisonPeriods(
	p: { from: string | null; to: string | null },
	data: { last_month: string | null; complete_month: string | null }
): { current: { from: string; to: string }; previous: { from: string; to: string }; selected: boolean } | null {
	if (p.from) {
		const to = p.to ?? data.last_month;
		if (!to || monthIndex(to) < monthIndex(p.from)) return null;
		const len = monthSpan(p.from, to);
		return { current: { from: p.from, to }, previous: { from: shiftMonth(p.from, -len), to: shiftMonth(p.from, -1) }, selected: true };
	}
	const last = p.to ?? data.complete_month;
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
