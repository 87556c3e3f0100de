// Per-complaint deadline facts, computed once when a complaint is stored instead of on every
// dashboard query: working days to verification and to the first response (Mon–Fri minus
// data/reference/holidays_id.csv), the working-day number of the filing date (to compare open
// complaints with the as-of date) and the calendar seconds to the first response and to closing.
// The ETL writes them with each complaint (load.ts) and recomputes every row when the holiday
// list changes (open.ts); the web server checks they are there and in step with its own copy of
// the holidays, and otherwise computes them itself in a temporary view (db.ts). One calendar
// SQL and one set of expressions serve all three.
import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';

export const FACT_COLUMNS = ['wd_created', 'verify_wd', 'response_wd', 'response_s', 'close_s'] as const;

/** meta key holding the fingerprint of the holiday list the stored facts were computed with. */
export const FACTS_META_KEY = 'deadline_facts';

/** A short fingerprint of a holiday list ('YYYY-MM-DD' dates, any order). */
export function holidayFingerprint(dates: readonly string[]): string {
	const sorted = [...new Set(dates)].sort();
	return `${sorted.length}:${createHash('sha256').update(sorted.join(',')).digest('hex').slice(0, 16)}`;
}

/**
 * `CREATE TEMP TABLE <name> (d DATE, wd INTEGER)`: one row per day 2000–2040, `wd` the running
 * count of working days up to and including d. Working days from a to b = wd(b) − wd(a). The
 * dates are checked here: they are spliced into the SQL.
 */
export function workCalendarSql(name: string, holidays: readonly string[]): string {
	for (const d of holidays) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not a holiday date: "${d}"`);
	const values = holidays.length ? holidays.map((d) => `(DATE '${d}')`).join(', ') : `(NULL::DATE)`;
	return `CREATE OR REPLACE TEMP TABLE ${name} AS
		WITH hol(d) AS (VALUES ${values})
		SELECT g.d::DATE AS d,
			(sum(CASE WHEN isodow(g.d) >= 6 OR g.d::DATE IN (SELECT d FROM hol WHERE d IS NOT NULL) THEN 0 ELSE 1 END)
				OVER (ORDER BY g.d ROWS UNBOUNDED PRECEDING))::INTEGER AS wd
		FROM generate_series(TIMESTAMP '2000-01-01', TIMESTAMP '2040-12-31', INTERVAL 1 DAY) g(d)`;
}

/**
 * `CREATE TEMP TABLE snapshot (t TIMESTAMP, wd INTEGER)`: the as-of time of the deadline figures
 * (the latest timestamp in the warehouse, the export's snapshot) and its working-day number from
 * the calendar table `cal`. A session making it once saves every deadline query a scan for the maxima.
 */
export const snapshotSql = (cal: string) => `CREATE OR REPLACE TEMP TABLE snapshot AS
	SELECT s.t, k.wd FROM (SELECT greatest(max(created_at), max(verified_at), max(first_response_at), max(closed_at)) AS t FROM complaints) s
	LEFT JOIN ${cal} k ON k.d = s.t::DATE`;

/** What a session running the dashboard's deadline SQL needs first: `work_calendar` and `snapshot`. */
export const deadlineSessionSql = (holidays: readonly string[]) => `${workCalendarSql('work_calendar', holidays)};
${snapshotSql('work_calendar')}`;

/** The deadlines (domain.md §5): verification within 3 working days of filing, the first response within 5. */
const DEADLINE_WD = { verify: 3, respond: 5 } as const;

/**
 * The deadline conditions of one complaint (domain.md §5), over a row exposing the complaint's
 * columns and facts plus `wd_now` and `asof_t` (the snapshot) and `removed` (dihapus or arsip: out
 * of the queue). Unverified or unanswered complaints count once their deadline has passed at the
 * as-of date. Counted per complaint by the dashboard's queries and per rollup group by the ETL.
 */
export const DEADLINE_CONDITIONS = {
	due3: `NOT removed AND (verified_at IS NOT NULL OR wd_now - wd_created > ${DEADLINE_WD.verify})`,
	breach3: `NOT removed AND (CASE WHEN verified_at IS NOT NULL THEN verify_wd ELSE wd_now - wd_created END) > ${DEADLINE_WD.verify}`,
	due5: `NOT removed AND (first_response_at IS NOT NULL OR wd_now - wd_created > ${DEADLINE_WD.respond})`,
	breach5: `NOT removed AND (CASE WHEN first_response_at IS NOT NULL THEN response_wd ELSE wd_now - wd_created END) > ${DEADLINE_WD.respond}`,
	old60: `created_at < asof_t - INTERVAL 60 DAY`
} as const;

/**
 * Working days a complaint still waiting for its verification (`verify`) or first response
 * (`respond`) is past that deadline at the as-of date, over the same row as DEADLINE_CONDITIONS;
 * NULL when it is not waiting or not yet late: the breaches the work list of late complaints shows.
 */
export const OVERDUE_WD = {
	verify: `CASE WHEN verified_at IS NULL AND ${DEADLINE_CONDITIONS.breach3} THEN wd_now - wd_created - ${DEADLINE_WD.verify} END`,
	respond: `CASE WHEN first_response_at IS NULL AND ${DEADLINE_CONDITIONS.breach5} THEN wd_now - wd_created - ${DEADLINE_WD.respond} END`
} as const;

/** How far before the as-of date a complaint's deadline conditions can still change (old60's 60 days, plus a margin). */
export const DEADLINE_HORIZON_DAYS = 61;

/**
 * The fact columns over rows aliased `row`: `joins` goes after the FROM item (three lookups of
 * the calendar table `cal`, plain hash joins: as scalar subqueries they cost ten times more),
 * `select` lists the columns. A response or closing dated before the filing is a data error: no
 * seconds for it.
 */
export function factsSql(row: string, cal: string): { select: string; joins: string } {
	const seconds = (col: string) =>
		`CASE WHEN ${row}.${col} >= ${row}.created_at THEN round(epoch(${row}.${col}) - epoch(${row}.created_at))::INTEGER END`;
	return {
		joins: `LEFT JOIN ${cal} fact_c ON fact_c.d = ${row}.created_at::DATE
		LEFT JOIN ${cal} fact_v ON fact_v.d = ${row}.verified_at::DATE
		LEFT JOIN ${cal} fact_r ON fact_r.d = ${row}.first_response_at::DATE`,
		select: `fact_c.wd AS wd_created, fact_v.wd - fact_c.wd AS verify_wd, fact_r.wd - fact_c.wd AS response_wd,
		${seconds('first_response_at')} AS response_s, ${seconds('closed_at')} AS close_s`
	};
}

/** The calendar table ensureDeadlineFacts leaves in the session, for the ETL's other deadline SQL. */
export const FACTS_CALENDAR = 'etl_work_calendar';

/**
 * Recomputes the facts of every stored complaint with `holidays` when they were computed with
 * another list (or never); true when it did. The fingerprint is written last, so an interrupted
 * run is simply redone on the next open.
 */
export async function ensureDeadlineFacts(conn: DuckDBConnection, holidays: readonly string[]): Promise<boolean> {
	const fingerprint = holidayFingerprint(holidays);
	const stored = (await conn.runAndReadAll(`SELECT value FROM meta WHERE key = '${FACTS_META_KEY}'`)).getRows()[0]?.[0];
	await conn.run(workCalendarSql(FACTS_CALENDAR, holidays));
	if (stored === fingerprint) return false;
	const facts = factsSql('c', FACTS_CALENDAR);
	await conn.run(`UPDATE complaints SET ${FACT_COLUMNS.map((col) => `${col} = x.${col}`).join(', ')}
		FROM (SELECT c.rowid AS rid, ${facts.select} FROM complaints c ${facts.joins}) x
		WHERE complaints.rowid = x.rid`);
	await conn.run(`INSERT OR REPLACE INTO meta VALUES ('${FACTS_META_KEY}', '${fingerprint}')`);
	return true;
}

/**
 * True when the stored facts can be used as they are: computed with this holiday list, and
 * present on every complaint (rows written by other means than the ETL lack them).
 */
export const factsInSyncSql = (fingerprint: string) => `SELECT
	EXISTS (SELECT 1 FROM meta WHERE key = '${FACTS_META_KEY}' AND value = '${fingerprint.replaceAll("'", "''")}')
	AND NOT EXISTS (SELECT 1 FROM complaints WHERE created_at IS NOT NULL AND wd_created IS NULL) AS ok`;
