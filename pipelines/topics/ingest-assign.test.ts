// Assignment at ingest, through the real CLIs: fit on a small warehouse, ingest more rows, and the
// new complaints are placed in the stored clusters and tagged with themes by `npm run ingest` itself.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyWarehouse, scratchDir, sql } from '../ingest/test-support.ts';
import { REPO_ROOT } from '../warehouse/open.ts';
import { buildTagger } from './themes.ts';

const s = scratchDir();
afterAll(() => s.cleanup());

const tsx = (script: string, ...args: string[]) => {
	const r = spawnSync(resolve(REPO_ROOT, 'node_modules/.bin/tsx'), [resolve(REPO_ROOT, script), ...args], {
		encoding: 'utf8',
		cwd: REPO_ROOT,
		env: { ...process.env, TELAAH_REPORTER_SALT: 'test-salt' }
	});
	expect(r.status, `${script} ${args.join(' ')}\n${r.stderr}`).toBe(0);
	return r.stdout;
};
/** Runs a CLI with --json: its last stdout line. */
const tsxJson = (script: string, ...args: string[]) =>
	JSON.parse(
		tsx(script, ...args, '--json')
			.trim()
			.split('\n')
			.at(-1)!
	);

/** Splits a CSV export by record (DuckDB's reader, so quoted newlines stay inside their record). */
async function split(src: string, first: string, rest: string, n: number) {
	const inst = await DuckDBInstance.create(':memory:');
	const conn = await inst.connect();
	const read = `read_csv('${src}', header = true, all_varchar = true)`;
	await conn.run(`COPY (SELECT * FROM ${read} LIMIT ${n}) TO '${first}' (HEADER)`);
	await conn.run(`COPY (SELECT * FROM ${read} OFFSET ${n}) TO '${rest}' (HEADER)`);
	conn.closeSync();
	inst.closeSync();
}

describe('npm run ingest into a warehouse with a topic model', () => {
	it('assigns the newly loaded complaints to the stored clusters and themes; counts reconcile', async () => {
		const sample = `${s.dir}/sample.csv`;
		const [a, b] = [`${s.dir}/a.csv`, `${s.dir}/b.csv`];
		const db = emptyWarehouse(`${s.dir}/w.duckdb`);
		tsx('pipelines/sample/cli.ts', '--rows', '3000', '--out', sample, '--dirty', '0');
		await split(sample, a, b, 2000);

		// no model yet: the ingest assigns nothing
		expect(tsxJson('pipelines/ingest/cli.ts', a, '--db', db).topics).toBeNull();
		const fit = tsxJson('pipelines/topics/cli.ts', '--db', db, '--k', '8');
		expect(Object.keys(fit.stages_ms)).toEqual(['read', 'text', 'themes', 'fit', 'assignment', 'write', 'spikes', 'total']);
		const before = await sql<{ id: string }>(db, 'SELECT tracking_id AS id FROM complaint_topics');
		expect(before.length).toBe(fit.documents);

		const summary = tsxJson('pipelines/ingest/cli.ts', b, '--db', db);
		expect(summary.loaded).toBeGreaterThan(0);
		const fresh = await sql<{ id: string; text: string }>(
			db,
			`
			SELECT tracking_id AS id, concat_ws('. ', nullif(title, ''), nullif(body, '')) AS text FROM complaints
			WHERE status <> 'dihapus' AND tracking_id NOT IN (${before.map((r) => `'${r.id}'`).join(',')})
			ORDER BY tracking_id`
		);
		expect(fresh.length).toBeGreaterThan(0);
		expect(summary.topics.assigned).toBe(fresh.length);

		// every live complaint has exactly one cluster, among the fitted ones; sizes add up
		const [c] = await sql<{ live: number; rows: number; ids: number; sized: number; unknown: number }>(
			db,
			`
			SELECT (SELECT count(*) FROM complaints WHERE status <> 'dihapus') AS live,
				(SELECT count(*) FROM complaint_topics) AS rows,
				(SELECT count(DISTINCT tracking_id) FROM complaint_topics) AS ids,
				(SELECT sum(size) FROM topic_clusters) AS sized,
				(SELECT count(*) FROM complaint_topics WHERE cluster_id NOT IN (SELECT cluster_id FROM topic_clusters)) AS unknown`
		);
		expect(c).toEqual({
			live: before.length + fresh.length,
			rows: before.length + fresh.length,
			ids: before.length + fresh.length,
			sized: before.length + fresh.length,
			unknown: 0
		});
		const sizes = await sql<{ ok: boolean }>(
			db,
			`
			SELECT bool_and(t.size = (SELECT count(*) FROM complaint_topics ct WHERE ct.cluster_id = t.cluster_id)) AS ok FROM topic_clusters t`
		);
		expect(sizes[0]!.ok).toBe(true);

		// the new complaints' theme tags are the tagger's, and the stored spikes were recomputed
		const tagger = buildTagger();
		const expected = fresh.flatMap((f) => tagger.tag(f.text).map((t) => `${f.id} ${t}`)).sort();
		const ids = new Set(fresh.map((f) => f.id));
		const stored = (await sql<{ id: string; theme: string }>(db, 'SELECT tracking_id AS id, theme FROM complaint_themes'))
			.filter((r) => ids.has(r.id))
			.map((r) => `${r.id} ${r.theme}`)
			.sort();
		expect(stored).toEqual(expected);
		expect(expected.length).toBeGreaterThan(0);
		expect(Object.values(summary.topics.themes as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(expected.length);
		const spikes = tsxJson('pipelines/topics/cli.ts', '--spikes', '--db', db);
		expect((await sql(db, 'SELECT * FROM topic_spikes')).length).toBe(spikes.spikes.length);
	}, 180_000);
});
