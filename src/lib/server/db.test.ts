// The data version: after an ingest (the server closes the file, the ETL adds a batch, the server
// reopens it), queries answer from the new data and every registered cache is emptied.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ingestInto, scratchDir, sql, type Scratch } from '$pipelines/ingest/test-support';
import { CSV_EOL, CSV_HEADER_LINE, generateComplaints, toCsvLine } from '$pipelines/sample/generate';
import { loadRegionRefs } from '$pipelines/sample/reference';
import { REFERENCE_DIR } from '$pipelines/warehouse/open';
import { Lru } from './cache';
import { closeDb, dataVersion, query } from './db';

let s: Scratch;
let db: string;
const before = process.env.TELAAH_DB;
const regions = loadRegionRefs(REFERENCE_DIR);

function sample(name: string, rows: number, seed: number): string {
	const lines = [CSV_HEADER_LINE, ...[...generateComplaints({ rows, seed, regions })].map(toCsvLine)];
	return s.file(name, lines.join(CSV_EOL) + CSV_EOL);
}

beforeAll(async () => {
	s = scratchDir();
	db = join(s.dir, 'w.duckdb');
	await ingestInto(db, [sample('a.csv', 300, 1)]);
	process.env.TELAAH_DB = db;
});
afterAll(async () => {
	await closeDb();
	process.env.TELAAH_DB = before;
	s.cleanup();
});

const COUNT = `SELECT count(*)::INTEGER AS n FROM complaints`;
const Row = z.object({ n: z.number().int() });

describe('data version', () => {
	it('is the last ingest batch; a new batch gives fresh answers and empties the caches', async () => {
		const count = async () => (await sql<{ n: number }>(db, COUNT))[0]!.n;
		const first = await count();
		expect(await dataVersion()).toBe(1);
		expect((await query(COUNT, {}, Row))[0]!.n).toBe(first);
		const charts = new Lru<string>(10);
		charts.set('chart', '<svg/>');

		await closeDb();
		await ingestInto(db, [sample('b.csv', 200, 2)]);
		const second = await count();
		expect(second).toBeGreaterThan(first);
		expect((await query(COUNT, {}, Row))[0]!.n).toBe(second);
		expect(await dataVersion()).toBe(2);
		expect(charts.size).toBe(0);
	});
});
