// The deadline facts the ETL stores with each complaint equal an independent computation in JS
// (workingDaysBetween over data/reference/holidays_id.csv, seconds between timestamps), after a
// first ingest and after a later export changes some complaints; a different holiday list
// recomputes them, the same list leaves them alone.
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLIDAYS, workingDaysBetween } from '../holidays';
import { emptyWarehouse, ingestInto, scratchDir, sql, withWarehouse, type Scratch } from '../../../pipelines/ingest/test-support.ts';
import { generateComplaints, toCsvText } from '../../../pipelines/sample/generate.ts';
import { loadRegionRefs } from '../../../pipelines/sample/reference.ts';
import { ensureDeadlineFacts, FACTS_META_KEY, holidayFingerprint } from './deadline-facts.server.ts';
import { readHolidayDates, REFERENCE_DIR } from '../../../pipelines/warehouse/open.ts';

let s: Scratch;
let db: string;

interface FactRow {
	tracking_id: string;
	created: string | null;
	verified: string | null;
	responded: string | null;
	closed: string | null;
	verify_wd: number | null;
	response_wd: number | null;
	response_s: number | null;
	close_s: number | null;
}

const FACTS_SQL = `SELECT tracking_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created, strftime(verified_at, '%Y-%m-%d %H:%M:%S') AS verified,
	strftime(first_response_at, '%Y-%m-%d %H:%M:%S') AS responded, strftime(closed_at, '%Y-%m-%d %H:%M:%S') AS closed,
	verify_wd, response_wd, response_s, close_s
	FROM complaints ORDER BY tracking_id`;

const seconds = (a: string, b: string) => (Date.parse(`${b.replace(' ', 'T')}Z`) - Date.parse(`${a.replace(' ', 'T')}Z`)) / 1000;

function expectFacts(rows: FactRow[], holidays?: ReadonlySet<string>) {
	for (const r of rows) {
		const wd = (t: string | null) => (r.created && t ? workingDaysBetween(r.created, t, holidays) : null);
		const secs = (t: string | null) => (r.created && t && seconds(r.created, t) >= 0 ? seconds(r.created, t) : null);
		expect([r.tracking_id, r.verify_wd, r.response_wd, r.response_s, r.close_s]).toEqual([
			r.tracking_id,
			wd(r.verified),
			wd(r.responded),
			secs(r.responded),
			secs(r.closed)
		]);
	}
}

beforeAll(async () => {
	s = scratchDir();
	db = emptyWarehouse(join(s.dir, 'w.duckdb'));
	const regions = loadRegionRefs(REFERENCE_DIR);
	const rows = [...generateComplaints({ rows: 3_000, seed: 11, regions })];
	const file = (name: string, rs: typeof rows) => s.file(name, toCsvText(rs));
	await ingestInto(db, [file('a.csv', rows)]);
	// A later export answers every 5th complaint a week after it was filed.
	const answered = rows
		.filter((_, i) => i % 5 === 0)
		.map((r) => {
			const t = new Date(`${r['Tanggal Laporan'].replace(' ', 'T')}Z`);
			t.setUTCDate(t.getUTCDate() + 7);
			return { ...r, 'Tanggal Tindak Lanjut': t.toISOString().slice(0, 19).replace('T', ' ') };
		});
	await ingestInto(db, [file('b.csv', answered)]);
}, 120_000);
afterAll(() => s.cleanup());

describe('deadline facts', () => {
	it('are stored with every complaint and equal working days and seconds computed independently', async () => {
		const rows = await sql<FactRow>(db, FACTS_SQL);
		expect(rows.length).toBe(3_000);
		expect(rows.filter((r) => r.verify_wd !== null).length).toBeGreaterThan(2_000);
		expect(rows.filter((r) => r.response_wd !== null && r.response_wd >= 4).length).toBeGreaterThan(500);
		expectFacts(rows);
		const [meta] = await sql<{ value: string }>(db, `SELECT value FROM meta WHERE key = '${FACTS_META_KEY}'`);
		expect(meta!.value).toBe(holidayFingerprint(HOLIDAYS.map((h) => h.date)));
	});

	it('are recomputed when the holiday list changes, and left alone when it does not', async () => {
		const dates = readHolidayDates();
		// Every Wednesday of 2020 off: thousands of working-day counts change.
		const wednesdays: string[] = [];
		for (let d = new Date('2020-01-01T00:00:00Z'); d.getUTCFullYear() === 2020; d.setUTCDate(d.getUTCDate() + 7))
			wednesdays.push(d.toISOString().slice(0, 10));
		const changed = [...dates, ...wednesdays];
		// A plain connection: openWarehouse() would first bring the reference list back.
		const ensure = async (list: string[]) => {
			const inst = await DuckDBInstance.create(db);
			const conn = await inst.connect();
			try {
				return await ensureDeadlineFacts(conn, list);
			} finally {
				conn.closeSync();
				inst.closeSync();
			}
		};
		expect(await ensure(changed)).toBe(true);
		expectFacts(await sql<FactRow>(db, FACTS_SQL), new Set(changed));
		expect(await ensure(changed)).toBe(false);
		// Opening the warehouse the usual way puts the reference list back.
		await withWarehouse(db, async () => undefined);
		expectFacts(await sql<FactRow>(db, FACTS_SQL));
	});
});
