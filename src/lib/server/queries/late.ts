// Queries behind /aduan/terlambat, the work list of late complaints ("Terlambat"): open complaints
// (ROW_CONDITIONS.open) still waiting for their verification past 3 working days, or for their
// first response past 5, at the as-of date (the warehouse's snapshot), per OPD (the canonical
// agency, or the OPD type when no agency was given), oldest first, with the working days each is
// overdue. The deadline facts and conditions are the dashboard's own (core/deadline-facts.server.ts
// OVERDUE_WD over DEADLINE_CTE's rows): no date arithmetic of its own. A deadline whose timestamp
// the loaded files do not provide (the fields core/metrics.ts declares for breach3Rate and
// breach5Rate) is "tidak tersedia" for those complaints, never "not late": a complaint counts for a
// deadline only when its file has the fields. Titles of confidential complaints are withheld.
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import { requirementSql } from '$lib/core/fields';
import { METRICS, type Measured } from '$lib/core/metrics';
import { OVERDUE_WD } from '$lib/core/deadline-facts.server';
import { ROW_CONDITIONS } from '$lib/core/rollup.server';
import { query } from '../db';
import { DEADLINE_CTE } from './agencies';
import { CSV_LIMIT } from './complaints';
import { withFilters } from './filter-sql';

const VERIFY_KNOWN = requirementSql(METRICS.breach3Rate.requires);
const RESPOND_KNOWN = requirementSql(METRICS.breach5Rate.requires);

/** Every dated complaint in view with its overdue working days per deadline (NULL: not late, or not known). */
const LATE_CTE = `${DEADLINE_CTE}, a AS (
		SELECT tracking_id, created_at, status, opd_type, agency_name, regency_code,
			${VERIFY_KNOWN} AS verify_known, ${RESPOND_KNOWN} AS respond_known,
			CASE WHEN ${VERIFY_KNOWN} AND ${ROW_CONDITIONS.open} THEN ${OVERDUE_WD.verify} END AS verify_late,
			CASE WHEN ${RESPOND_KNOWN} AND ${ROW_CONDITIONS.open} THEN ${OVERDUE_WD.respond} END AS respond_late
		FROM f
	), late AS (
		SELECT *, coalesce(agency_name, '') AS agency, greatest(verify_late, respond_late) AS most_late
		FROM a WHERE verify_late IS NOT NULL OR respond_late IS NOT NULL
	), lg AS (
		SELECT agency, opd_type, count(*) AS n,
			row_number() OVER (ORDER BY count(*) DESC, agency, opd_type) AS group_rank
		FROM late GROUP BY agency, opd_type
	)`;

const SUMMARY_SQL = `
	WITH ${LATE_CTE}
	SELECT (SELECT count(*) FROM a)::INTEGER AS n,
		(SELECT count(*) FILTER (WHERE verify_known) FROM a)::INTEGER AS verify_known,
		(SELECT count(*) FILTER (WHERE respond_known) FROM a)::INTEGER AS respond_known,
		(SELECT count(*) FROM late)::INTEGER AS late,
		(SELECT count(verify_late) FROM late)::INTEGER AS verify_late,
		(SELECT count(respond_late) FROM late)::INTEGER AS respond_late,
		(SELECT count(*) FROM lg)::INTEGER AS groups`;

const GROUPS_SQL = `
	WITH ${LATE_CTE}
	SELECT g.agency, g.opd_type, g.n::INTEGER AS n, count(verify_late)::INTEGER AS verify_late, count(respond_late)::INTEGER AS respond_late,
		strftime(min(late.created_at), '%Y-%m-%d') AS oldest, max(most_late)::INTEGER AS most_late
	FROM lg g JOIN late USING (agency, opd_type)
	WHERE g.group_rank <= $groups
	GROUP BY g.agency, g.opd_type, g.n, g.group_rank
	ORDER BY g.group_rank`;

// The complaints in group order (most late complaints first), oldest first within a group; up to
// $perGroup of the first $groups groups, $limit in all.
const LIST_SQL = `
	WITH ${LATE_CTE}, ranked AS (
		SELECT late.*, g.group_rank,
			row_number() OVER (PARTITION BY g.group_rank ORDER BY late.created_at, late.tracking_id) AS rk
		FROM late JOIN lg g USING (agency, opd_type)
		WHERE g.group_rank <= $groups
		QUALIFY rk <= $perGroup
	)
	SELECT r.agency, r.opd_type, r.tracking_id, strftime(r.created_at, '%Y-%m-%d %H:%M') AS created_at, r.status,
		c.regency_name, c.district_name, c.is_confidential, CASE WHEN c.is_confidential THEN NULL ELSE c.title END AS title,
		r.verify_known, r.respond_known, r.verify_late::INTEGER AS verify_late, r.respond_late::INTEGER AS respond_late
	FROM ranked r JOIN complaints c USING (tracking_id)
	ORDER BY r.group_rank, r.rk
	LIMIT $limit`;

const Summary = z.object({
	n: z.number().int(),
	verify_known: z.number().int(),
	respond_known: z.number().int(),
	late: z.number().int(),
	verify_late: z.number().int(),
	respond_late: z.number().int(),
	groups: z.number().int()
});

export interface LateSummary {
	/** Open complaints past either deadline that the data can tell (the rows of the list). */
	late: number;
	/** Complaints still unverified past 3 working days, over the `known` of `of` dated complaints whose files give verification dates. */
	verify: Measured;
	/** Complaints still without a first response past 5 working days, likewise. */
	respond: Measured;
	/** OPDs with a late complaint. */
	groups: number;
}

export async function lateSummary(f: Partial<Filters>): Promise<LateSummary> {
	const [r] = await query(SUMMARY_SQL, withFilters(f), Summary);
	const s = r!;
	return {
		late: s.late,
		verify: { value: s.verify_known ? s.verify_late : null, known: s.verify_known, of: s.n },
		respond: { value: s.respond_known ? s.respond_late : null, known: s.respond_known, of: s.n },
		groups: s.groups
	};
}

const GroupRow = z.object({
	agency: z.string(),
	opd_type: z.string(),
	n: z.number().int(),
	verify_late: z.number().int(),
	respond_late: z.number().int(),
	oldest: z.string(),
	most_late: z.number().int()
});
export type LateGroup = z.infer<typeof GroupRow>;

/** The OPDs with the most late complaints, at most `limit`. */
export function lateGroups(f: Partial<Filters>, limit: number): Promise<readonly LateGroup[]> {
	return query(GROUPS_SQL, withFilters(f, { groups: limit }), GroupRow);
}

const ListRow = z.object({
	agency: z.string(),
	opd_type: z.string(),
	tracking_id: z.string(),
	created_at: z.string(),
	status: z.string(),
	regency_name: z.string().nullable(),
	district_name: z.string().nullable(),
	is_confidential: z.boolean(),
	title: z.string().nullable(),
	/** Whether the complaint's file gives the dates the deadline needs (else its overdue days are not known, not none). */
	verify_known: z.boolean(),
	respond_known: z.boolean(),
	verify_late: z.number().int().nullable(),
	respond_late: z.number().int().nullable()
});
export type LateRow = z.infer<typeof ListRow>;

/** The oldest `perGroup` late complaints of each of the first `groups` OPDs, in the groups' order. */
export function lateList(f: Partial<Filters>, groups: number, perGroup: number): Promise<readonly LateRow[]> {
	return query(LIST_SQL, withFilters(f, { groups, perGroup, limit: groups * perGroup }), ListRow);
}

/**
 * Every late complaint (up to CSV_LIMIT), in the list's order. Not streamed: the deadline SQL reads
 * the session's `snapshot` and `work_calendar`, which a download's own connection (queryStream) lacks.
 */
export function lateCsvRows(f: Partial<Filters>): Promise<readonly LateRow[]> {
	return query(LIST_SQL, withFilters(f, { groups: CSV_LIMIT, perGroup: CSV_LIMIT, limit: CSV_LIMIT }), ListRow);
}
