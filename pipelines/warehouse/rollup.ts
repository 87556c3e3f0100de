// complaint_monthly: complaint counts per month of filing × province × kab/kota × top-level
// category × channel × status × OPD type (schema.sql). The dashboard's count-only queries read it
// instead of scanning every complaint. Its created_at is the month start (NULL: unknown filing
// date), so the dashboard's FILTER_WHERE applies to it unchanged: the period filter only ever
// compares created_at with month starts, which a month bucket passes exactly when every
// complaint in it does.
import type { DuckDBConnection } from '@duckdb/node-api';

/** Months to rebuild, collected during a load: `m` is a month start or NULL (unknown date). */
export const ROLLUP_MONTHS_TABLE = 'etl_rollup_months';
export const CREATE_ROLLUP_MONTHS = `CREATE OR REPLACE TEMP TABLE ${ROLLUP_MONTHS_TABLE} (m TIMESTAMP)`;

/** Records the months of stored complaints matching `where` (call before deleting or replacing them). */
export const rememberMonthsSql = (where: string) =>
	`INSERT INTO ${ROLLUP_MONTHS_TABLE} SELECT DISTINCT date_trunc('month', created_at) FROM complaints WHERE ${where}`;

export const ROLLUP_SELECT = `SELECT date_trunc('month', created_at) AS created_at, province_code, regency_code, category_top, channel, status,
		opd_type, count(*)::INTEGER AS n
	FROM complaints`;

/**
 * Appended to ROLLUP_SELECT (and its WHERE): groups and writes the rows in month order, so that
 * DuckDB's per-row-group min/max lets a period filter skip the other months (3x faster for six
 * months of a 1M-complaint rollup).
 */
export const ROLLUP_GROUP = `GROUP BY ALL ORDER BY 1`;

/**
 * Rebuilds the rollup for the remembered months plus those of the complaints written by
 * `batchIds`, inside the caller's transaction. Other months are left as they are.
 */
export async function refreshRollup(conn: DuckDBConnection, batchIds: readonly number[]): Promise<void> {
	if (batchIds.some((b) => !Number.isInteger(b))) throw new Error('batch ids must be integers');
	if (batchIds.length) await conn.run(rememberMonthsSql(`last_batch_id IN (${batchIds.join(', ')})`));
	const touched = `EXISTS (SELECT 1 FROM ${ROLLUP_MONTHS_TABLE} t WHERE t.m IS NOT DISTINCT FROM %s)`;
	await conn.run(`DELETE FROM complaint_monthly r WHERE ${touched.replace('%s', 'r.created_at')}`);
	await conn.run(`INSERT INTO complaint_monthly ${ROLLUP_SELECT} c WHERE ${touched.replace('%s', "date_trunc('month', c.created_at)")} ${ROLLUP_GROUP}`);
	await conn.run(`DELETE FROM ${ROLLUP_MONTHS_TABLE}`);
}

/**
 * True when the warehouse's rollup can be trusted: built (meta key) and holding as many
 * complaints as the table. Files written by other means than the ETL (hand-made test warehouses,
 * older versions) fail it; the server then builds a temporary rollup for itself (db.ts).
 */
export const ROLLUP_IN_SYNC_SQL = `SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'complaint_monthly')
	AND (SELECT count(*) FROM complaints) = (SELECT coalesce(sum(n), 0) FROM complaint_monthly) AS ok`;

/** Builds the rollup of a warehouse made before it existed (the meta key marks it as built). */
export async function ensureRollup(conn: DuckDBConnection): Promise<void> {
	const built = (await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM meta WHERE key = 'complaint_monthly'`)).getRows()[0]![0];
	if (built) return;
	await conn.run('BEGIN TRANSACTION');
	try {
		await conn.run(`DELETE FROM complaint_monthly`);
		await conn.run(`INSERT INTO complaint_monthly ${ROLLUP_SELECT} ${ROLLUP_GROUP}`);
		await conn.run(`INSERT OR REPLACE INTO meta VALUES ('complaint_monthly', 'maintained by the ETL')`);
		await conn.run('COMMIT');
	} catch (err) {
		await conn.run('ROLLBACK');
		throw err;
	}
}
