// The CLI as users run it: a real process, real files, exit codes and the --json contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../warehouse/open.ts';
import { runTopics } from '../topics/store.ts';
import { baseRow, emptyWarehouse, laporCsv, scratchDir, sql, withWarehouse, type Scratch } from './test-support.ts';

let s: Scratch;
beforeAll(() => {
	s = scratchDir();
});
afterAll(() => s.cleanup());

const cli = (...args: string[]) =>
	spawnSync(resolve(REPO_ROOT, 'node_modules/.bin/tsx'), [resolve(REPO_ROOT, 'pipelines/ingest/cli.ts'), ...args], {
		encoding: 'utf8',
		cwd: REPO_ROOT
	});

describe('npm run ingest', () => {
	it('creates the warehouse, ingests, and prints the reconciled summary as the last JSON line', () => {
		const db = `${s.dir}/cli/w.duckdb`;
		const file = s.file('a.csv', laporCsv([baseRow(), baseRow({ 'ID Tracking': '2', 'Tanggal Laporan': 'besok' })]));
		const r = cli(file, '--db', db, '--json');
		expect(r.status, r.stderr).toBe(0);
		const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
		expect(summary).toMatchObject({ rows_read: 2, loaded: 1, updated: 0, duplicate: 0, quarantined: 1, reasons: { bad_date: 1 } });
		expect(existsSync(db)).toBe(true);
		// the reporter-hash salt is kept beside the warehouse, not in it
		expect(existsSync(`${db}.salt`)).toBe(true);
	});

	it('exits non-zero with a clear message for an unreadable file and leaves the warehouse unchanged', async () => {
		const db = emptyWarehouse(`${s.dir}/cli/w2.duckdb`);
		expect(cli(s.file('ok.csv', laporCsv([baseRow()])), '--db', db).status).toBe(0);
		const r = cli(s.file('ok2.csv', laporCsv([baseRow({ 'ID Tracking': '9' })])), s.file('empty.csv', ''), '--db', db, '--json');
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/empty\.csv: the file is empty/);
		expect(r.stderr).toMatch(/warehouse is unchanged/);
		expect(await sql(db, `SELECT tracking_id FROM complaints`)).toEqual([{ tracking_id: '5000001' }]);
	});

	it("assigns new complaints to topics in the load's own transaction: when that fails, nothing is loaded", async () => {
		const db = emptyWarehouse(`${s.dir}/cli/topics.duckdb`);
		const texts = ['lampu jalan mati gelap', 'sampah menumpuk belum diangkut', 'jalan rusak berlubang aspal'];
		const rows = Array.from({ length: 30 }, (_, i) =>
			baseRow({ 'ID Tracking': String(6_000_000 + i), 'Judul Laporan': texts[i % 3]!, 'Isi Laporan': `${texts[i % 3]} ${i}` })
		);
		expect(cli(s.file('t1.csv', laporCsv(rows)), '--db', db).status).toBe(0);
		await withWarehouse(db, (w) => runTopics(w.conn, { k: 3, vocabulary: { minDf: 2 } }));
		const more = (n: number) =>
			s.file(
				`t${n}.csv`,
				laporCsv([baseRow({ 'ID Tracking': String(6_100_000 + n), 'Judul Laporan': texts[0]!, 'Isi Laporan': texts[0]! })])
			);
		const ok = cli(more(2), '--db', db, '--json');
		expect(ok.status, ok.stderr).toBe(0);
		expect(JSON.parse(ok.stdout.trim().split('\n').at(-1)!).topics.assigned).toBe(1);
		const count = async () =>
			(
				await sql<{ c: number; t: number }>(
					db,
					`SELECT (SELECT count(*) FROM complaints)::INTEGER c, (SELECT count(*) FROM complaint_topics)::INTEGER t`
				)
			)[0];
		expect(await count()).toEqual({ c: 31, t: 31 });
		// A model the assignment cannot read: the load fails as a whole, no complaint without its topic.
		await withWarehouse(db, (w) => w.conn.run(`ALTER TABLE complaint_topics ADD COLUMN poison INTEGER DEFAULT 1`));
		const failed = cli(more(3), '--db', db, '--json');
		expect(failed.status).toBe(1);
		expect(failed.stderr).toMatch(/warehouse is unchanged/);
		expect(await count()).toEqual({ c: 31, t: 31 });
	});

	it('explains its usage and rejects unknown options and missing files', () => {
		expect(cli().status).toBe(2);
		expect(cli('--bogus', 'x.csv').status).toBe(2);
		const missing = cli(`${s.dir}/nope.csv`);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toMatch(/file not found/);
		const unknownProfile = cli(s.file('p.csv', laporCsv([baseRow()])), '--profile', 'nosuch', '--db', `${s.dir}/cli/w3.duckdb`);
		expect(unknownProfile.status).toBe(1);
		expect(unknownProfile.stderr).toMatch(/^error: unknown profile "nosuch" \(known: lapor, lapor2017, surabaya\)/m);
		expect(unknownProfile.stderr).not.toMatch(/\bat \S+\.ts:\d+/); // a message, not a stack trace
	});
});
