// Once per `vitest run` (e2e project): a 20,000-row sample warehouse made with the real
// sample and ingest CLIs, a read-only copy of it for the tests' own SQL, and the built server
// running on it. One process holds a .duckdb file's lock, hence the copy.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { lastJson, npmRun, startServer } from './harness';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** A copy of the served warehouse, for the tests' independent SQL. */
		dbCopy: string;
		/** The served warehouse (locked by the server while the run lasts). */
		dbServed: string;
		workDir: string;
		ingestSummary: unknown;
		/** `npm run topics -- --json` on the served warehouse (fitted before the copy is taken). */
		topicsSummary: unknown;
		/** Why the setup failed, or null. Reported by every e2e test (see e2eContext). */
		setupError: string | null;
	}
}

export default async function setup(project: TestProject) {
	const t0 = Date.now();
	const dir = mkdtempSync(join(tmpdir(), 'telaah-e2e-'));
	const csv = join(dir, 's.csv');
	const db = join(dir, 't.duckdb');
	const copy = join(dir, 't.copy.duckdb');
	let stop: (() => Promise<void>) | undefined;
	const cleanup = async () => {
		await stop?.();
		if (!process.env.TELAAH_KEEP_E2E) rmSync(dir, { recursive: true, force: true });
	};
	try {
		npmRun('sample', ['--rows', '20000', '--out', csv]);
		const summary = lastJson(npmRun('ingest', [csv, '--db', db, '--json']));
		const tTopics = Date.now();
		const topics = lastJson(npmRun('topics', ['--db', db, '--json']));
		console.log(`[e2e] npm run topics on the sample: ${((Date.now() - tTopics) / 1000).toFixed(1)} s`);
		copyFileSync(db, copy);
		if (existsSync(`${db}.wal`)) copyFileSync(`${db}.wal`, `${copy}.wal`);
		const server = await startServer(db);
		let stopping = false;
		stop = () => ((stopping = true), server.stop());
		// A shared server that dies fails every later test with "connection refused": say why, once.
		server.child.once('exit', (code, signal) => {
			if (!stopping) console.error(`[e2e] the shared server exited (${code ?? signal}):\n${server.output().slice(-4000)}`);
		});
		project.provide('baseUrl', server.origin);
		project.provide('dbCopy', copy);
		project.provide('dbServed', db);
		project.provide('workDir', dir);
		project.provide('ingestSummary', summary);
		project.provide('topicsSummary', topics);
		project.provide('setupError', null);
		console.log(`[e2e] warehouse + server ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${server.origin} (${dir})`);
	} catch (err) {
		// Don't abort the whole vitest run (the unit project would report nothing): each e2e
		// test fails with this message instead.
		await cleanup();
		const message = err instanceof Error ? err.message : String(err);
		console.error(`[e2e] setup failed: ${message}`);
		for (const key of ['baseUrl', 'dbCopy', 'dbServed', 'workDir'] as const) project.provide(key, '');
		project.provide('ingestSummary', null);
		project.provide('topicsSummary', null);
		project.provide('setupError', message);
		return;
	}
	return cleanup;
}
