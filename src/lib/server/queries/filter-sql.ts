// The one WHERE fragment for the global filters (src/lib/filters.ts). Constant SQL text: every
// value is a bound parameter ($start, $end, $region, $category, $channel, $status, $district,
// $agency), NULL meaning "no filter". Use `${FILTER_WHERE}` inside a query over `complaints` (or
// an alias exposing the same column names, like ROLLUP_FROM) and pass `withFilters(filters)`.
// Row-level access: FILTER_WHERE always includes SCOPE_WHERE, and withFilters() always binds
// $scope to the current request's scope (auth/context.ts), whatever the caller passes; db.ts
// refuses a query over complaint data without $scope when the request is scoped.
import { filterParams, type Filters } from '$lib/filters';
import { drillRollupSql, type Grain } from '$lib/core/rollup.server';
import { currentScope } from '../auth/context';
import { scopeCode } from '../auth/scope';
import type { Params } from '../db';

/** Rows in the request's scope: NULL = national, else a province or kab/kota code. */
export const SCOPE_WHERE = `($scope IS NULL OR province_code = $scope OR regency_code = $scope)`;

/** The $scope parameter of the current request, for queries that use SCOPE_WHERE alone. */
export function scopeParams(): { scope: string | null } {
	return { scope: scopeCode(currentScope()) };
}

export const FILTER_WHERE = `${SCOPE_WHERE}
	AND ($start IS NULL OR created_at >= $start::TIMESTAMP)
	AND ($end IS NULL OR created_at < $end::TIMESTAMP)
	AND ($region IS NULL OR province_code = $region OR regency_code = $region)
	AND ($category IS NULL OR category_top = $category)
	AND ($channel IS NULL OR channel = $channel)
	AND ($status IS NULL OR status = $status)
	AND ($district IS NULL OR district_code = $district)
	AND ($agency IS NULL OR agency_name = $agency)`;

/** The filter parameters plus any extra ones a query needs. */
export function withFilters(f: Partial<Filters>, extra: Params = {}): Params {
	return { ...filterParams(f), ...extra, ...scopeParams() };
}

export { RESOLVED_SQL } from '$lib/core/rollup.server';

/**
 * The complaints of the kecamatan filter (and the agency filter, if set), else of the agency
 * filter; none without either. Each side joins its bound value as a one-row table instead of
 * testing it in a WHERE: a prepared statement keeps its plan whatever the values, and a join with
 * an empty side skips the scan of `complaints` (about 15 ms of 300k rows under the WHERE).
 */
const DRILL_ROWS = `
	SELECT c.* FROM complaints c JOIN (SELECT $district AS v WHERE $district IS NOT NULL) k ON c.district_code = k.v
	WHERE $agency IS NULL OR c.agency_name = $agency
	UNION ALL
	SELECT c.* FROM complaints c JOIN (SELECT $agency AS v WHERE $agency IS NOT NULL AND $district IS NULL) k ON c.agency_name = k.v`;

/**
 * What count queries over the filters read instead of `monthly_rollup` (`FROM ${ROLLUP_FROM}`): the
 * stored rollup, or, under a kecamatan or agency filter (breakdowns the rollup leaves out: it
 * would grow by thousands of times), the same rows counted from those complaints with the same
 * definitions (core/rollup.server.ts drillRollupSql), as the full slice. The bound $district and
 * $agency choose; the other side reads nothing. Both sides carry district_code and agency_name,
 * so FILTER_WHERE applies to either.
 */
export const ROLLUP_FROM = `(
	SELECT *, NULL::VARCHAR AS district_code, NULL::VARCHAR AS agency_name FROM monthly_rollup WHERE $district IS NULL AND $agency IS NULL
	UNION ALL BY NAME
	SELECT * FROM (${drillRollupSql(DRILL_ROWS)})
)`;

/**
 * The rollup slice (monthly_rollup.grain, pipelines/warehouse/rollup.ts) a count query over the
 * filters reads: `slice` when no category, channel, status, kecamatan or agency filter is set,
 * else 'full', the only slice those columns filter (see ROLLUP_FROM). Bind it as $grain next to
 * the filters (`grain = $grain`).
 */
export function grainFor(f: Partial<Filters>, slice: Grain): Grain {
	return f.category || f.channel || f.status || f.district || f.agency ? 'full' : slice;
}

/** The filter parameters plus the rollup slice to read (see grainFor). */
export function withRollupFilters(f: Partial<Filters>, slice: Grain, extra: Params = {}): Params {
	return withFilters(f, { ...extra, grain: grainFor(f, slice) });
}

/**
 * Complaints per calendar month where `condition` (constant SQL with bound parameters over the
 * rollup's columns: FILTER_WHERE, opd_type) holds, with the empty months between the first and
 * the last as 0. Rows: { month: 'YYYY-MM', n }. Reads the monthly rollup's $grain slice
 * (withRollupFilters), not every complaint.
 */
export const monthlyCountsSql = (condition: string) => `
	WITH m AS (
		SELECT created_at AS month, sum(n) AS n
		FROM ${ROLLUP_FROM} WHERE grain = $grain AND created_at IS NOT NULL AND ${condition}
		GROUP BY 1
	), months AS (
		SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH)) AS month FROM m
	)
	SELECT strftime(months.month, '%Y-%m') AS month, coalesce(m.n, 0)::INTEGER AS n
	FROM months LEFT JOIN m USING (month)
	ORDER BY months.month`;
