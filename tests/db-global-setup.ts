// Once per `vitest run` of the db project: the warehouses its test files would otherwise each
// build (pipelines/ingest/test-support.ts hands them out). An empty one that tests copy before
// writing, and the SHARED_SAMPLE warehouse with a topic model that tests only read. A test that
// changed either would change what later files get: the teardown fails the run if one did.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { copyWarehouse, ingestInto, SHARED_SAMPLE, withWarehouse } from '../pipelines/ingest/test-support';
import { generateComplaints, toCsvText } from '../pipelines/sample/generate';
import { loadRegionRefs } from '../pipelines/sample/reference';
import { runTopics } from '../pipelines/topics/store';
import { openWarehouse, REFERENCE_DIR } from '../pipelines/warehouse/open';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'telaah-db-tier-'));
	const empty = join(dir, 'empty.duckdb');
	const sample = join(dir, 'sample.duckdb');
	const cleanup = () => rmSync(dir, { recursive: true, force: true });
	let built: string[];
	try {
		let t0 = performance.now();
		(await openWarehouse(empty)).close();
		console.log(`[db] empty warehouse in ${seconds(t0)} s`);
		t0 = performance.now();
		const { rows, seed, dirty, topicsK } = SHARED_SAMPLE;
		const csv = join(dir, 'sample.csv');
		writeFileSync(csv, toCsvText(generateComplaints({ rows, seed, dirty, regions: loadRegionRefs(REFERENCE_DIR) })));
		const sampleIngest = await ingestInto(copyWarehouse(empty, sample), [csv]);
		await withWarehouse(sample, (w) => runTopics(w.conn, { k: topicsK }));
		built = [sha256(empty), sha256(sample)];
		project.provide('sharedWarehouses', { empty, sample, setupError: null });
		console.log(`[db] sample warehouse (${sampleIngest.loaded} complaints, k = ${topicsK}) in ${seconds(t0)} s (${dir})`);
	} catch (err) {
		// Don't abort the other projects of the run: each test that asks for a warehouse fails with this.
		cleanup();
		const message = err instanceof Error ? err.message : String(err);
		console.error(`[db] setup failed: ${message}`);
		project.provide('sharedWarehouses', { setupError: message });
		return;
	}
	return () => {
		const changed = [empty, sample].filter((file, i) => sha256(file) !== built[i]);
		cleanup();
		if (!changed.length) return;
		// vitest reports a teardown error but exits 0 without this.
		process.exitCode = 1;
		throw new Error(`a test wrote to the shared ${changed.join(' and ')}: use emptyWarehouse() or a copy (copyWarehouse)`);
	};
}
