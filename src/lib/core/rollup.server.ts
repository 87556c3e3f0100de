// monthly_rollup: complaint counts per month of filing and area (province × kab/kota), in slices
// (`grain`) that add one breakdown each, so a count query reads the smallest table part that can
// answer it (at 10M complaints: 43k rows per month × area against 5.6M for every combination):
//   'area'      month × province × kab/kota
//   'category'  … × top-level category      'channel' … × channel
//   'status'    … × status                  'opd'     … × OPD type
//   'full'      … × category × channel × status × OPD type (for queries with a category, channel
//               or status filter: in the other slices those columns are NULL, not a filter value)
// Every row holds the same counts (ROLLUP_COUNTS): the complaints, the rate and backlog counts
// by status, and the deadline counts (deadline-facts.ts) as of the warehouse's snapshot. Its
// created_at is the month start (NULL: unknown filing date), so the dashboard's FILTER_WHERE
// applies unchanged: the period filter only ever compares created_at with month starts, which a
// month bucket passes exactly when every complaint in it does.
//
// The deadline counts of open complaints depend on the as-of date (the latest timestamp in the
// warehouse) and on the holiday list, so the rollup is stamped with both (meta key). A later
// snapshot only changes the counts of complaints filed within DEADLINE_HORIZON_DAYS of it: an
// ingest rebuilds the months it touched and those; a changed holiday list, or a stamp that
// cannot be read, rebuilds everything.
import type { DuckDBConnection } from '@duckdb/node-api';
import { DEADLINE_CONDITIONS, DEADLINE_HORIZON_DAYS, holidayFingerprint, snapshotSql } from './deadline-facts.server.ts';
import type { CountName } from './metrics.ts';
import { OPEN_STATUSES } from './vocab.ts';

const ROLLUP_TABLE = 'monthly_rollup';
export const ROLLUP_META_KEY = ROLLUP_TABLE;

export const GRAINS = ['area', 'category', 'channel', 'status', 'opd', 'full'] as const;
export type Grain = (typeof GRAINS)[number];

// Statuses of complaints an agency has acted on (domain.md §1, §5: "tindak lanjut").
const FOLLOWED_UP_SQL = `status IN ('ditindaklanjuti', 'ditanggapi_pelapor', 'selesai')`;
// Closed or removed from the queue: not "unresolved".
export const RESOLVED_SQL = `status IN ('selesai', 'dihapus', 'arsip')`;
// Removed from the agencies' queue (rejected as incomplete, or archived): out of the rates' denominators.
const REMOVED_SQL = `status IN ('dihapus', 'arsip')`;

/**
 * Counted per complaint, per combination of every breakdown (a group of the full slice): the
 * complaints, those with a first response, and DEADLINE_CONDITIONS for complaints with a known
 * filing date (over a row with `removed`, `wd_now` and `asof_t` beside the complaint's columns).
 */
const PER_COMPLAINT: Record<string, string> = {
	n: 'true',
	responded: 'first_response_at IS NOT NULL',
	...Object.fromEntries(Object.entries(DEADLINE_CONDITIONS).map(([name, cond]) => [name, `created_at IS NOT NULL AND ${cond}`]))
};

/**
 * The counts every rollup row holds, from the PER_COMPLAINT counts of a full-slice group (one
 * status, one category): what depends on the status alone needs no per-complaint work. Sum them
 * over rows of one grain.
 * - eligible: not removed; followed_up: eligible and followed up, or answered before moving on
 *   (a first response); completed: selesai; uncategorised: no top-level category.
 * - due3 … old60: DEADLINE_CONDITIONS; unresolved60: old60 and not selesai, dihapus or arsip.
 * - open_<status>: the backlog by open status.
 */
export const ROLLUP_COUNTS: Record<string, string> = {
	n: 'n',
	eligible: `CASE WHEN ${REMOVED_SQL} THEN 0 ELSE n END`,
	followed_up: `CASE WHEN ${REMOVED_SQL} THEN 0 WHEN ${FOLLOWED_UP_SQL} THEN n ELSE responded END`,
	completed: `CASE WHEN status = 'selesai' THEN n ELSE 0 END`,
	uncategorised: `CASE WHEN nullif(trim(category_top), '') IS NULL THEN n ELSE 0 END`,
	...Object.fromEntries(Object.keys(DEADLINE_CONDITIONS).map((name) => [name, name])),
	unresolved60: `CASE WHEN ${RESOLVED_SQL} THEN 0 ELSE old60 END`,
	...Object.fromEntries(OPEN_STATUSES.map((s) => [`open_${s}`, `CASE WHEN status = '${s}' THEN n ELSE 0 END`]))
};
const COUNT_NAMES = Object.keys(ROLLUP_COUNTS);

/**
 * The metrics' counts (core/metrics.ts CountName) as conditions over one complaint, for queries
 * that count complaints themselves (the OPD league): over a row with `removed`, `wd_now` and
 * `asof_t` beside the complaint's columns, as the rollup counts them.
 */
export const ROW_CONDITIONS: Record<CountName, string> = {
	eligible: 'NOT removed',
	followed_up: `NOT removed AND (${FOLLOWED_UP_SQL} OR first_response_at IS NOT NULL)`,
	completed: `status = 'selesai'`,
	...(Object.fromEntries(Object.entries(DEADLINE_CONDITIONS).map(([name, cond]) => [name, `created_at IS NOT NULL AND ${cond}`])) as Record<
		keyof typeof DEADLINE_CONDITIONS,
		string
	>),
	unresolved60: `created_at IS NOT NULL AND ${DEADLINE_CONDITIONS.old60} AND NOT (${RESOLVED_SQL})`,
	open: `status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`
};

/** Months to rebuild, collected during a load: `m` is a month start or NULL (unknown date). */
const ROLLUP_MONTHS_TABLE = 'etl_rollup_months';
export const CREATE_ROLLUP_MONTHS = `CREATE OR REPLACE TEMP TABLE ${ROLLUP_MONTHS_TABLE} (m TIMESTAMP)`;

/** Records the months of stored complaints matching `where` (call before deleting or replacing them). */
export const rememberMonthsSql = (where: string) =>
	`INSERT INTO ${ROLLUP_MONTHS_TABLE} SELECT DISTINCT date_trunc('month', created_at) FROM complaints WHERE ${where}`;

const DIMS = ['category_top', 'channel', 'status', 'opd_type'] as const;
const SET_DIMS: Record<Grain, readonly string[]> = {
	area: [],
	category: ['category_top'],
	channel: ['channel'],
	status: ['status'],
	opd: ['opd_type'],
	full: DIMS
};

const KEYS = ['province_code', 'regency_code', 'fields', ...DIMS] as const;

/**
 * CTEs `g` (the PER_COMPLAINT counts of the complaints `where`, SQL over the complaint `c`, per
 * month of filing and `keys`) and `d` (their ROLLUP_COUNTS), counted with the session's `snapshot`.
 * `source` is the complaint rows: the table, or a query over it.
 */
const countedSql = (where: string, keys: readonly string[], source = 'complaints') => `
	WITH g AS (
		SELECT date_trunc('month', created_at) AS created_at, ${keys.join(', ')},
			${Object.entries(PER_COMPLAINT)
				.map(([k, cond]) => `count(*) FILTER (WHERE ${cond}) AS ${k}`)
				.join(',\n\t\t\t')}
		FROM (SELECT c.*, snap.wd AS wd_now, snap.t AS asof_t, ${REMOVED_SQL} AS removed FROM ${source === 'complaints' ? source : `(${source})`} c CROSS JOIN snapshot snap) c
		WHERE ${where}
		GROUP BY ALL
	), d AS (
		SELECT created_at, ${keys.join(', ')},
			${COUNT_NAMES.map((k) => `${ROLLUP_COUNTS[k]} AS ${k}`).join(',\n\t\t\t')}
		FROM g
	)`;

/**
 * The rollup's rows of the complaints `where` (SQL over the complaint `c`; 'true' for all),
 * counted with the session's `snapshot`, in slice and month order: DuckDB's per-row-group
 * min/max then lets the grain and period filters skip the rest.
 */
const rollupRowsSql = (where: string) => `${countedSql(where, KEYS)}
	SELECT CASE ${GRAINS.filter((g) => g !== 'area')
		.reverse()
		.map((g) => `WHEN ${SET_DIMS[g].map((d) => `grouping(${d}) = 0`).join(' AND ')} THEN '${g}'`)
		.join(' ')} ELSE 'area' END AS grain,
		created_at, ${KEYS.join(', ')},
		${COUNT_NAMES.map((k) => `sum(${k})::INTEGER AS ${k}`).join(', ')}
	FROM d
	GROUP BY GROUPING SETS (${GRAINS.map((g) => `(${['created_at', 'province_code', 'regency_code', 'fields', ...SET_DIMS[g]].join(', ')})`).join(', ')})
	ORDER BY grain, created_at`;

/**
 * Rows shaped like the rollup's full slice, broken down further by kecamatan (district_code) and
 * agency (agency_name), for the complaint rows `source` (a query over `complaints`): what the
 * dashboard counts under a kecamatan or agency filter, which the stored rollup does not break
 * down by (src/lib/server/queries/filter-sql.ts ROLLUP_FROM). Same counts, same definitions.
 */
export const drillRollupSql = (source: string) => `${countedSql('true', [...KEYS, 'district_code', 'agency_name'], source)}
	SELECT 'full' AS grain, created_at, ${[...KEYS, 'district_code', 'agency_name'].join(', ')},
		${COUNT_NAMES.map((k) => `${k}::INTEGER AS ${k}`).join(', ')}
	FROM d`;

/**
 * The stamp the rollup carries: the snapshot it was counted at and the holiday list's fingerprint
 * (SQL over `snapshot`), with the layout's version: a rollup counted with an older layout (before
 * the `fields` breakdown) is rebuilt.
 */
const ROLLUP_VERSION = 'v2';
const stampSql = (fingerprint: string) =>
	`(SELECT coalesce(strftime(t, '%Y-%m-%dT%H:%M:%S'), '') || ' ${fingerprint}-${ROLLUP_VERSION}' FROM snapshot)`;

/**
 * Brings the rollup up to date inside the caller's transaction, with the deadline counts as of
 * the current snapshot: rebuilds the remembered months, those of the complaints written by
 * `batchIds` and those near the old or new snapshot, or every month when the stamp says the
 * holidays changed or cannot be read. Other months are left as they are. Needs the calendar
 * table `cal` made from `holidays`.
 */
export async function refreshRollup(
	conn: DuckDBConnection,
	batchIds: readonly number[],
	cal: string,
	holidays: readonly string[]
): Promise<void> {
	if (batchIds.some((b) => !Number.isInteger(b))) throw new Error('batch ids must be integers');
	const fingerprint = holidayFingerprint(holidays);
	const stored = (await conn.runAndReadAll(`SELECT value FROM meta WHERE key = '${ROLLUP_META_KEY}'`)).getRows()[0]?.[0];
	const [, oldAsOf, oldFingerprint] = /^(\S*) (\S+)$/.exec(String(stored ?? '')) ?? [];
	await conn.run(snapshotSql(cal));
	if (oldFingerprint !== `${fingerprint}-${ROLLUP_VERSION}` || !/^\d{4}-\d\d-\d\dT[\d:]{8}$/.test(oldAsOf ?? ''))
		return rebuildRollup(conn, fingerprint);
	if (batchIds.length) await conn.run(rememberMonthsSql(`last_batch_id IN (${batchIds.join(', ')})`));
	// Complaints filed near either snapshot may have crossed a deadline (or, if it moved back, uncrossed one).
	await conn.run(`INSERT INTO ${ROLLUP_MONTHS_TABLE}
		SELECT DISTINCT date_trunc('month', created_at) FROM complaints, snapshot
		WHERE snapshot.t IS DISTINCT FROM TIMESTAMP '${oldAsOf}'
			AND created_at >= least(TIMESTAMP '${oldAsOf}', coalesce(snapshot.t, TIMESTAMP '${oldAsOf}')) - INTERVAL ${DEADLINE_HORIZON_DAYS} DAY`);
	const touched = `EXISTS (SELECT 1 FROM ${ROLLUP_MONTHS_TABLE} t WHERE t.m IS NOT DISTINCT FROM %s)`;
	await conn.run(`DELETE FROM ${ROLLUP_TABLE} r WHERE ${touched.replace('%s', 'r.created_at')}`);
	await conn.run(`INSERT INTO ${ROLLUP_TABLE} BY NAME ${rollupRowsSql(touched.replace('%s', "date_trunc('month', c.created_at)"))}`);
	await conn.run(`DELETE FROM ${ROLLUP_MONTHS_TABLE}`);
	await conn.run(`INSERT OR REPLACE INTO meta SELECT '${ROLLUP_META_KEY}', ${stampSql(fingerprint)}`);
}

async function rebuildRollup(conn: DuckDBConnection, fingerprint: string): Promise<void> {
	await conn.run(`DELETE FROM ${ROLLUP_TABLE}`);
	await conn.run(`INSERT INTO ${ROLLUP_TABLE} BY NAME ${rollupRowsSql('true')}`);
	await conn.run(`INSERT OR REPLACE INTO meta SELECT '${ROLLUP_META_KEY}', ${stampSql(fingerprint)}`);
}

/**
 * True when the warehouse's rollup can be trusted by a session whose `snapshot` is made: stamped
 * with that snapshot and this holiday list, and holding as many complaints as the table. Files
 * written by other means than the ETL (hand-made test warehouses, older versions) fail it; the
 * server then builds a temporary rollup for itself (db.ts).
 */
export const rollupInSyncSql = (holidays: readonly string[]) => `SELECT
	EXISTS (SELECT 1 FROM meta WHERE key = '${ROLLUP_META_KEY}' AND value = ${stampSql(holidayFingerprint(holidays))})
	AND (SELECT count(*) FROM complaints) = (SELECT coalesce(sum(n), 0) FROM ${ROLLUP_TABLE} WHERE grain = 'full') AS ok`;

/** The whole rollup as a temporary table of the session (which has made `snapshot`), shadowing the stored one. */
export const TEMP_ROLLUP_SQL = `CREATE OR REPLACE TEMP TABLE ${ROLLUP_TABLE} AS ${rollupRowsSql('true')}`;

/**
 * On opening a warehouse for writing: rebuilds the rollup unless it is stamped with the current
 * snapshot and this holiday list (a warehouse made before the rollup or its deadline counts
 * existed, or whose holiday list changed). Needs the calendar table `cal` made from `holidays`.
 */
export async function ensureRollup(conn: DuckDBConnection, cal: string, holidays: readonly string[]): Promise<void> {
	await conn.run(snapshotSql(cal));
	const ok = (await conn.runAndReadAll(rollupInSyncSql(holidays))).getRows()[0]![0] === true;
	if (ok) return;
	await conn.run('BEGIN TRANSACTION');
	try {
		await rebuildRollup(conn, holidayFingerprint(holidays));
		await conn.run('COMMIT');
	} catch (err) {
		await conn.run('ROLLBACK');
		throw err;
	}
}
