// The data version: after an ingest (the server closes the file, the ETL adds a batch, the server
// reopens it), queries answer from the new data and every registered cache is emptied.
// Deadline facts: the figures from the facts the ETL stored equal those the server computes for
// itself when a file lacks them.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emptyWarehouse, ingestInto, scratchDir, sql, type Scratch } from '../../../pipelines/ingest/test-support';
import { generateComplaints, toCsvText } from '../../../pipelines/sample/generate';
import { loadRegionRefs } from '../../../pipelines/sample/reference';
import { REFERENCE_DIR } from '../../../pipelines/warehouse/open';
import { Lru } from './cache';
import { closeDb, dataVersion, query } from './db';
import { agencyLeague, opdTypeAgencies } from './queries/agencies';
import { periodCards } from './queries/overview';
import { regionRanking } from './queries/regions';

let s: Scratch;
let db: string;
const before = process.env.TELAAH_DB;
const regions = loadRegionRefs(REFERENCE_DIR);

function sample(name: string, rows: number, seed: number): string {
	return s.file(name, toCsvText(generateComplaints({ rows, seed, regions })));
}

beforeAll(async () => {
	s = scratchDir();
	db = emptyWarehouse(join(s.dir, 'w.duckdb'));
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

describe('deadline facts', () => {
	const TEMP_VIEW = `SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE temporary AND view_name = 'complaints'`;
	const figures = async () => {
		const cards = await periodCards({});
		return {
			league: await agencyLeague({}),
			agencies: await opdTypeAgencies({}, 'pupr'),
			regions: await regionRanking({}, 'province'),
			cards: { period: cards.period, months: [...cards.months] }
		};
	};

	it('give the same figures whether stored by the ETL or computed by the server', async () => {
		await closeDb();
		const stored = await figures();
		expect((await query(TEMP_VIEW, {}, Row))[0]!.n).toBe(0);
		expect(stored.league.reduce((a, r) => a + (r.breach5Rate.value ?? 0), 0)).toBeGreaterThan(0);

		// The same warehouse with its facts wiped, as a file filled by other means would be.
		await closeDb();
		const bare = join(s.dir, 'bare.duckdb');
		copyFileSync(db, bare);
		const inst = await DuckDBInstance.create(bare);
		const conn = await inst.connect();
		await conn.run(`UPDATE complaints SET wd_created = NULL, verify_wd = NULL, response_wd = NULL, response_s = NULL, close_s = NULL`);
		conn.closeSync();
		inst.closeSync();
		process.env.TELAAH_DB = bare;
		try {
			expect((await query(TEMP_VIEW, {}, Row))[0]!.n).toBe(1);
			expect(await figures()).toEqual(stored);
		} finally {
			await closeDb();
			process.env.TELAAH_DB = db;
		}
	});
});
