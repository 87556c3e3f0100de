// The Parquet export answers the dashboard's SQL exactly like the warehouse it came from: the db
// tier's shared sample (with its quarantine and topic model), opened read-only.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEADLINE_CTE, DEADLINE_METRICS } from '../../src/lib/server/queries/agencies.ts';
import { FILTER_WHERE, monthlyCountsSql } from '../../src/lib/server/queries/filter-sql.ts';
import { sampleWarehouse, scratchDir, sql, type Scratch } from '../ingest/test-support.ts';
import { deadlineSessionSql } from '../../src/lib/core/deadline-facts.server.ts';
import { readHolidayDates } from '../warehouse/open.ts';
import { exportParquet, parquetViews } from './parquet.ts';

let s: Scratch;
let db: string;
let out: string;

// Dashboard queries: the /instansi deadline metrics per province (the stored deadline facts, the
// working-day calendar and as-of snapshot of the session) and the monthly series under a period + region filter.
const DEADLINES_BY_PROVINCE = `WITH ${DEADLINE_CTE} SELECT province_code, opd_type, ${DEADLINE_METRICS} FROM f GROUP BY ALL ORDER BY ALL`;
const MONTHLY = monthlyCountsSql(FILTER_WHERE);

/**
 * Runs `text` with every `$param` bound: the given values, NULL ("no filter") for the rest. The
 * shared warehouse is only read (its session setup makes TEMP tables); a views file is written.
 */
async function run(setup: string | null, file: string, text: string, values: Record<string, string> = {}) {
	const inst = await DuckDBInstance.create(file, file === db ? { access_mode: 'READ_ONLY' } : {});
	const conn = await inst.connect();
	try {
		if (setup) await conn.run(setup);
		const stmt = await conn.prepare(text);
		const names = [...new Set([...text.matchAll(/\$(\w+)/g)].map((m) => m[1]!))];
		stmt.bind(Object.fromEntries(names.map((n) => [n, values[n] ?? null])));
		return (await stmt.runAndReadAll()).getRowObjectsJson();
	} finally {
		conn.closeSync();
		inst.closeSync();
	}
}

beforeAll(async () => {
	s = scratchDir();
	db = sampleWarehouse();
	out = join(s.dir, 'parquet');
	const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	const conn = await inst.connect();
	try {
		const summary = await exportParquet(conn, out);
		expect(summary.complaints).toBe((await sql<{ n: number }>(db, 'SELECT count(*) AS n FROM complaints'))[0]!.n);
		expect(summary.partitions).toBeGreaterThan(100);
	} finally {
		conn.closeSync();
		inst.closeSync();
	}
}, 120_000);
afterAll(() => s.cleanup());

describe('export:parquet', () => {
	it('keeps every complaint, column and type, partitioned by year/month/province', async () => {
		const views = parquetViews(out);
		const mem = join(s.dir, 'views.duckdb');
		const cols = `SELECT column_name, column_type FROM (DESCRIBE complaints) ORDER BY column_name`;
		const fromParquet = await run(views, mem, cols);
		const fromWarehouse = await run(null, db, cols);
		const extra = new Set(['year', 'month', 'province']);
		expect(fromParquet.filter((c) => !extra.has(String(c.column_name)))).toEqual(fromWarehouse);
		const same = `SELECT count(*) AS n, count(DISTINCT tracking_id) AS ids, sum(hash(tracking_id, title, created_at, status, province_code)) AS h FROM complaints`;
		expect(await run(views, mem, same)).toEqual(await run(null, db, same));
	});

	it('answers the dashboard SQL identically', async () => {
		const views = parquetViews(out);
		const mem = join(s.dir, 'views2.duckdb');
		const warehouse = await run(deadlineSessionSql(readHolidayDates()), db, DEADLINES_BY_PROVINCE);
		expect(warehouse.length).toBeGreaterThan(20);
		expect(await run(views, mem, DEADLINES_BY_PROVINCE)).toEqual(warehouse);
		const [region] = await run(null, db, `SELECT province_code FROM complaints GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
		const filters = { start: '2020-03-01', end: '2021-07-01', region: String(region!.province_code), grain: 'area' };
		// Count queries read the session's snapshot too: under a kecamatan or agency filter they count the complaints themselves.
		const session = deadlineSessionSql(readHolidayDates());
		const monthly = await run(session, db, MONTHLY, filters);
		expect(monthly.length).toBe(16);
		expect(await run(views, mem, MONTHLY, filters)).toEqual(monthly);
		const [agency] = await run(
			null,
			db,
			`SELECT agency_name FROM complaints WHERE agency_name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`
		);
		const { region: _region, ...period } = filters;
		const byAgency = { ...period, agency: String(agency!.agency_name), grain: 'full' };
		const agencyMonthly = await run(session, db, MONTHLY, byAgency);
		expect(agencyMonthly.reduce((n, r) => n + Number(r.n), 0)).toBeGreaterThan(0);
		expect(await run(views, mem, MONTHLY, byAgency)).toEqual(agencyMonthly);
	});
});
