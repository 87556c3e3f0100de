// Queries behind /instansi: the OPD league table, grouped by opd_type, or by (opd_type,
// agency_name) when a region is selected; and /instansi/[type], the same SQL restricted to one
// OPD type by $opd. agency_name is the canonical agency (one name per agency and region, whatever
// the spelling in the export) and agency_authority whom it answers to, both set at ingest
// (pipelines/ingest/agency-names.ts). Definitions (domain.md §1, §5):
// - responseMedian / responseP90: calendar days created_at → first_response_at, only where >= 0;
// - closeMedian: calendar days created_at → closed_at, only where >= 0;
// - breach3 ("verifikasi ≤3 hari kerja"): share of due complaints whose verified_at came more than
//   3 working days after the filing date, or which are still unverified more than 3 working days
//   after it at the as-of date. Due = verified, or unverified and past the deadline; dihapus and
//   arsip complaints are left out (they leave the queue). Working days from the stored deadline facts
//   (pipelines/warehouse/deadline-facts.ts);
// - breach5 ("tindak lanjut ≤5 hari kerja"): the same with first_response_at and 5;
// - unresolved60: among complaints filed more than 60 days before the as-of date, the share whose
//   status is not selesai, dihapus or arsip.
// The as-of date is the latest timestamp in the warehouse (the export's snapshot), not the
// filters' period end.
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import { DEADLINE_CONDITIONS } from '$lib/core/deadline-facts.server';
import { query } from '../db';
import { FILTER_WHERE, monthlyCountsSql, RESOLVED_SQL, withFilters, withRollupFilters } from './filter-sql';

/** The as-of time: `snapshot` (db.ts) holds it with its working-day number, made once per open. */
export const AS_OF_SQL = `(SELECT t FROM snapshot)`;

/**
 * The filtered complaints with what the deadline figures need: the stored deadline facts
 * (pipelines/warehouse/deadline-facts.ts) and the as-of time and working-day number.
 */
export const DEADLINE_CTE = `f AS (
		SELECT c.tracking_id, c.created_at, c.verified_at, c.first_response_at, c.closed_at, c.status, c.opd_type, c.agency_name, c.agency_authority,
			c.province_code, c.regency_code, c.wd_created, c.verify_wd, c.response_wd, c.response_s, c.close_s,
			snap.wd AS wd_now, snap.t AS asof_t, c.status IN ('dihapus', 'arsip') AS removed
		FROM complaints c CROSS JOIN snapshot snap
		WHERE c.created_at IS NOT NULL AND ${FILTER_WHERE}
	)`;

/** Median calendar days to the first response; over `f` rows. */
export const RESPONSE_MEDIAN = `(median(response_s) / 86400.0)::DOUBLE AS response_median`;

/** The deadline and unresolved-after-60-days counts over `f` rows (see the top of this file). */
export const DEADLINE_COUNTS = [
	...Object.entries(DEADLINE_CONDITIONS).map(([name, cond]) => `count(*) FILTER (WHERE ${cond})::INTEGER AS ${name}`),
	`count(*) FILTER (WHERE ${DEADLINE_CONDITIONS.old60} AND NOT (${RESOLVED_SQL}))::INTEGER AS unresolved60`
].join(',\n\t\t');

/** The same counts from the monthly rollup (as of the warehouse's snapshot): over rollup rows, for a SELECT that groups them. */
export const ROLLUP_DEADLINE_COUNTS = [...Object.keys(DEADLINE_CONDITIONS), 'unresolved60']
	.map((k) => `coalesce(sum(${k}), 0)::INTEGER AS ${k}`)
	.join(', ');

/**
 * Aggregates over `f` rows; append to a SELECT that groups them. Both response quantiles from one
 * aggregate (DuckDB computes the repeated expression once): one pass over the values, not two.
 */
export const DEADLINE_METRICS = `
		count(*)::INTEGER AS n,
		((quantile_cont(response_s, [0.5, 0.9]))[1] / 86400.0)::DOUBLE AS response_median,
		((quantile_cont(response_s, [0.5, 0.9]))[2] / 86400.0)::DOUBLE AS response_p90,
		(median(close_s) / 86400.0)::DOUBLE AS close_median,
		${DEADLINE_COUNTS}`;

const LEAGUE_SQL = `
	WITH ${DEADLINE_CTE}
	SELECT opd_type, CASE WHEN $byAgency THEN coalesce(agency_name, '') END AS agency, CASE WHEN $byAgency THEN agency_authority END AS authority,
		${DEADLINE_METRICS}
	FROM f WHERE ($opd::VARCHAR IS NULL OR opd_type = $opd)
	GROUP BY ALL
	ORDER BY n DESC, opd_type, agency`;

const Row = z.object({
	opd_type: z.string(),
	agency: z.string().nullable(),
	n: z.number().int(),
	response_median: z.number().nullable(),
	response_p90: z.number().nullable(),
	close_median: z.number().nullable(),
	due3: z.number().int(),
	breach3: z.number().int(),
	due5: z.number().int(),
	breach5: z.number().int(),
	old60: z.number().int(),
	unresolved60: z.number().int()
});
export type MetricRow = z.infer<typeof Row>;
export const MetricRowSchema = Row;
/** Whom the agency answers to (vocab.ts AUTHORITIES); null for a row per OPD type or without an agency. */
const LeagueRow = Row.extend({ authority: z.string().nullable() });

export interface AgencyRow extends MetricRow {
	authority: string | null;
	breach3Rate: number | null;
	breach5Rate: number | null;
	unresolved60Rate: number | null;
}

export const withRates = <T extends Pick<MetricRow, 'due3' | 'breach3' | 'due5' | 'breach5' | 'old60' | 'unresolved60'>>(r: T) => ({
	...r,
	breach3Rate: r.due3 ? r.breach3 / r.due3 : null,
	breach5Rate: r.due5 ? r.breach5 / r.due5 : null,
	unresolved60Rate: r.old60 ? r.unresolved60 / r.old60 : null
});

export const AGENCY_SORTS = ['n', 'response_median', 'response_p90', 'close_median', 'breach3', 'breach5', 'unresolved60', 'name'] as const;
export type AgencySort = (typeof AGENCY_SORTS)[number];

const sortValue: Record<Exclude<AgencySort, 'name'>, (r: AgencyRow) => number | null> = {
	n: (r) => r.n,
	response_median: (r) => r.response_median,
	response_p90: (r) => r.response_p90,
	close_median: (r) => r.close_median,
	breach3: (r) => r.breach3Rate,
	breach5: (r) => r.breach5Rate,
	unresolved60: (r) => r.unresolved60Rate
};

/** Largest first for the metrics (nulls last), A–Z for name; ties by volume then name. */
function sortAgencies(rows: readonly AgencyRow[], sort: AgencySort): AgencyRow[] {
	const name = (r: AgencyRow) => `${r.opd_type}\u0000${r.agency ?? ''}`;
	return [...rows].sort((a, b) => {
		if (sort === 'name') return name(a).localeCompare(name(b));
		const va = sortValue[sort](a);
		const vb = sortValue[sort](b);
		if (va !== vb) {
			if (va === null) return 1;
			if (vb === null) return -1;
			return vb - va;
		}
		return b.n - a.n || name(a).localeCompare(name(b));
	});
}

/** The league table: by OPD type, or by agency within type when a region is selected. */
export async function agencyLeague(f: Partial<Filters>, sort: AgencySort = 'n'): Promise<AgencyRow[]> {
	const rows = await query(LEAGUE_SQL, withFilters(f, { byAgency: Boolean(f.region), opd: null }), LeagueRow);
	return sortAgencies(rows.map(withRates), sort);
}

/** The league table's one row for an OPD type (the same SQL, restricted to it); null when it has no complaints. */
export async function opdTypeSummary(f: Partial<Filters>, opdType: string): Promise<AgencyRow | null> {
	const rows = await query(LEAGUE_SQL, withFilters(f, { byAgency: false, opd: opdType }), LeagueRow);
	return rows[0] ? withRates(rows[0]) : null;
}

// The agencies of one OPD type, by name and kab/kota (regency_code), same metrics.
const TYPE_AGENCIES_SQL = `
	WITH ${DEADLINE_CTE}
	SELECT opd_type, coalesce(agency_name, '') AS agency, agency_authority AS authority, f.regency_code, r.short_name AS regency_name,
		f.province_code, ${DEADLINE_METRICS}
	FROM f LEFT JOIN regions r ON r.code = f.regency_code
	WHERE opd_type = $opd
	GROUP BY ALL
	ORDER BY n DESC, agency, f.regency_code`;

const AgencyRegionRow = LeagueRow.extend({
	regency_code: z.string().nullable(),
	regency_name: z.string().nullable(),
	province_code: z.string().nullable()
});
export type AgencyRegionRow = AgencyRow & { regency_code: string | null; regency_name: string | null; province_code: string | null };

// A province or an OPD type can have thousands of agencies (Banten: ~2,300, PUPR: ~6,000 on the
// sample): pages list the first ones in the chosen order and their CSV has them all.
export const AGENCY_PAGE_ROWS = 50;

/** Agencies (agency_name × regency) of one OPD type, largest first. */
export async function opdTypeAgencies(f: Partial<Filters>, opdType: string): Promise<AgencyRegionRow[]> {
	const rows = await query(TYPE_AGENCIES_SQL, withFilters(f, { opd: opdType }), AgencyRegionRow);
	return rows.map(withRates);
}

const TYPE_MONTHLY_SQL = monthlyCountsSql(`opd_type = $opd AND ${FILTER_WHERE}`);

const MonthRow = z.object({ month: z.string(), n: z.number().int() });

/** Complaints per month for one OPD type under the filters (empty months between as 0). */
export function opdTypeMonthly(f: Partial<Filters>, opdType: string): Promise<readonly { month: string; n: number }[]> {
	return query(TYPE_MONTHLY_SQL, withRollupFilters(f, 'opd', { opd: opdType }), MonthRow);
}
