// Queries behind /instansi: the OPD league table, grouped by opd_type, or by (opd_type,
// agency_name) when a region is selected; and /instansi/[type], the same SQL restricted to one
// OPD type by $opd. agency_name is the canonical agency (one name per agency and region, whatever
// the spelling in the export) and agency_authority whom it answers to, both set at ingest
// (pipelines/ingest/agency-names.ts). Definitions (domain.md §1, §5):
// Each figure is declared in $lib/core/metrics.ts and computed over the complaints whose files
// provide its fields ("tidak tersedia" where none does).
// - medianResponseDays / responseP90: calendar days created_at → first_response_at, only where >= 0;
// - closeMedianDays: calendar days created_at → closed_at, only where >= 0;
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
import { requirementSql } from '$lib/core/fields';
import { measured, metricCounts, METRICS, type Measured, type MetricId } from '$lib/core/metrics';
import { ROW_CONDITIONS } from '$lib/core/rollup.server';
import { query } from '../db';
import { FILTER_WHERE, monthlyCountsSql, withFilters, withRollupFilters } from './filter-sql';
import type { Lang } from '$lib/i18n';
import { authorityLabel, opdLabel } from '$lib/labels';
import { naturalDir, sortRows, type SortDir, type SortSpec } from '$lib/sort';

/** The as-of time: `snapshot` (db.ts) holds it with its working-day number, made once per open. */
export const AS_OF_SQL = `(SELECT t FROM snapshot)`;

/**
 * The filtered complaints with what the deadline figures need: the stored deadline facts
 * (core/deadline-facts.server.ts), the as-of time and working-day number, and the fields their
 * files provide (core/fields.ts).
 */
export const DEADLINE_CTE = `f AS (
		SELECT c.tracking_id, c.created_at, c.verified_at, c.first_response_at, c.closed_at, c.status, c.opd_type, c.agency_name, c.agency_authority,
			c.province_code, c.regency_code, c.wd_created, c.verify_wd, c.response_wd, c.response_s, c.close_s, c.fields,
			snap.wd AS wd_now, snap.t AS asof_t, c.status IN ('dihapus', 'arsip') AS removed
		FROM complaints c CROSS JOIN snapshot snap
		WHERE ${FILTER_WHERE}
	)`;

const LEAGUE_METRICS = [
	'medianResponseDays',
	'closeMedianDays',
	'breach3Rate',
	'breach5Rate',
	'unresolved60Rate'
] as const satisfies readonly MetricId[];

/** The league's figures over `f` rows (core/metrics.ts); append to a SELECT that groups them. */
export const DEADLINE_METRICS = `
		${metricCounts(LEAGUE_METRICS, ROW_CONDITIONS, { medianResponseDays: 'response_s', closeMedianDays: 'close_s' })},
		(quantile_cont(response_s, 0.9) FILTER (WHERE ${requirementSql(METRICS.medianResponseDays.requires)}) / 86400.0)::DOUBLE AS response_p90`;

const LEAGUE_SQL = `
	WITH ${DEADLINE_CTE}
	SELECT opd_type, CASE WHEN $byAgency THEN coalesce(agency_name, '') END AS agency, CASE WHEN $byAgency THEN agency_authority END AS authority,
		${DEADLINE_METRICS}
	FROM f WHERE ($opd::VARCHAR IS NULL OR opd_type = $opd)
	GROUP BY ALL
	ORDER BY n DESC, opd_type, agency`;

const Row = z
	.object({ opd_type: z.string(), agency: z.string().nullable(), authority: z.string().nullable(), n: z.number().int() })
	.catchall(z.number().nullable());

export interface AgencyRow {
	opd_type: string;
	agency: string | null;
	/** Whom the agency answers to (vocab.ts AUTHORITIES); null for a row per OPD type or without an agency. */
	authority: string | null;
	n: number;
	medianResponseDays: Measured;
	/** The 90th percentile of days to the first response, over the same complaints as the median. */
	responseP90: number | null;
	closeMedianDays: Measured;
	breach3Rate: Measured;
	breach5Rate: Measured;
	unresolved60Rate: Measured;
}

const agencyRow = (r: z.infer<typeof Row>): AgencyRow => ({
	opd_type: r.opd_type,
	agency: r.agency,
	authority: r.authority,
	n: r.n,
	medianResponseDays: measured('medianResponseDays', r),
	responseP90: r.response_p90 ?? null,
	closeMedianDays: measured('closeMedianDays', r),
	breach3Rate: measured('breach3Rate', r),
	breach5Rate: measured('breach5Rate', r),
	unresolved60Rate: measured('unresolved60Rate', r)
});

const AGENCY_SORTS = [
	'n',
	'response_median',
	'response_p90',
	'close_median',
	'breach3',
	'breach5',
	'unresolved60',
	'name',
	'agency',
	'authority',
	'region'
] as const;
export type AgencySort = (typeof AGENCY_SORTS)[number];

/** The league's order in the URL (sort.ts): volume, largest first, unless asked otherwise. */
export const AGENCY_SORT: SortSpec<AgencySort> = {
	param: 'sort',
	keys: AGENCY_SORTS,
	initial: { key: 'n', dir: 'desc' },
	ascFirst: ['name', 'agency', 'authority', 'region']
};

// Text columns sort by what the table shows: the OPD type's and the authority's label in the
// page's language, the agency's and the kab/kota's name.
type Sortable = AgencyRow & { regency_name?: string | null };
const sortValue = (sort: AgencySort, lang: Lang): ((r: Sortable) => number | string | null) => {
	const value: Record<AgencySort, (r: Sortable) => number | string | null> = {
		n: (r) => r.n,
		response_median: (r) => r.medianResponseDays.value,
		response_p90: (r) => r.responseP90,
		close_median: (r) => r.closeMedianDays.value,
		breach3: (r) => r.breach3Rate.value,
		breach5: (r) => r.breach5Rate.value,
		unresolved60: (r) => r.unresolved60Rate.value,
		name: (r) => opdLabel(lang, r.opd_type),
		agency: (r) => r.agency || null,
		authority: (r) => (r.authority ? authorityLabel(lang, r.authority) : null),
		region: (r) => r.regency_name ?? null
	};
	return value[sort];
};

/** Rows in the order of one column, nulls last; ties by volume, then OPD type and agency name. */
function sortAgencies<T extends Sortable>(rows: readonly T[], sort: AgencySort, dir: SortDir, lang: Lang): T[] {
	const name = (r: AgencyRow) => `${r.opd_type}\u0000${r.agency ?? ''}`;
	return sortRows(rows, sortValue(sort, lang), dir, (a, b) => b.n - a.n || name(a).localeCompare(name(b)));
}

/**
 * The league table: by OPD type, or by agency within type when a region is selected, in the order
 * of one column (`dir`: its natural direction unless given; `lang`: the labels text columns sort by).
 */
export async function agencyLeague(
	f: Partial<Filters>,
	sort: AgencySort = 'n',
	dir: SortDir = naturalDir(AGENCY_SORT, sort),
	lang: Lang = 'id'
): Promise<AgencyRow[]> {
	const rows = await query(LEAGUE_SQL, withFilters(f, { byAgency: Boolean(f.region), opd: null }), Row);
	return sortAgencies(rows.map(agencyRow), sort, dir, lang);
}

/** The league table's one row for an OPD type (the same SQL, restricted to it); null when it has no complaints. */
export async function opdTypeSummary(f: Partial<Filters>, opdType: string): Promise<AgencyRow | null> {
	const rows = await query(LEAGUE_SQL, withFilters(f, { byAgency: false, opd: opdType }), Row);
	return rows[0] ? agencyRow(rows[0]) : null;
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

const AgencyRegionRow = z
	.object({
		opd_type: z.string(),
		agency: z.string().nullable(),
		authority: z.string().nullable(),
		n: z.number().int(),
		regency_code: z.string().nullable(),
		regency_name: z.string().nullable(),
		province_code: z.string().nullable()
	})
	.catchall(z.number().nullable());
export type AgencyRegionRow = AgencyRow & { regency_code: string | null; regency_name: string | null; province_code: string | null };

// A province or an OPD type can have thousands of agencies (Banten: ~2,300, PUPR: ~6,000 on the
// sample): pages list the first ones in the chosen order and their CSV has them all.
export const AGENCY_PAGE_ROWS = 50;

/** Agencies (agency_name × regency) of one OPD type, largest first unless another order is asked for. */
export async function opdTypeAgencies(
	f: Partial<Filters>,
	opdType: string,
	sort: AgencySort = 'n',
	dir: SortDir = naturalDir(AGENCY_SORT, sort),
	lang: Lang = 'id'
): Promise<AgencyRegionRow[]> {
	const rows = await query(TYPE_AGENCIES_SQL, withFilters(f, { opd: opdType }), AgencyRegionRow);
	return sortAgencies(
		rows.map((r) => ({ ...agencyRow(r), regency_code: r.regency_code, regency_name: r.regency_name, province_code: r.province_code })),
		sort,
		dir,
		lang
	);
}

const TYPE_MONTHLY_SQL = monthlyCountsSql(`opd_type = $opd AND ${FILTER_WHERE}`);

const MonthRow = z.object({ month: z.string(), n: z.number().int() });

/** Complaints per month for one OPD type under the filters (empty months between as 0). */
export function opdTypeMonthly(f: Partial<Filters>, opdType: string): Promise<readonly { month: string; n: number }[]> {
	return query(TYPE_MONTHLY_SQL, withRollupFilters(f, 'opd', { opd: opdType }), MonthRow);
}
