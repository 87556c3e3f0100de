import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { readCsvRecords } from './src/lib/core/csv.ts';

// `import records from 'x.csv?records'`: the file read at build time by the core CSV reader
// (src/lib/core/csv.ts), so browser code gets the records without a CSV parser in its bundle.
const csvRecords = (): Plugin => ({
	name: 'telaah-csv-records',
	enforce: 'pre',
	load(id) {
		const file = id.endsWith('.csv?records') ? id.slice(0, -'?records'.length) : null;
		if (!file) return null;
		this.addWatchFile(file);
		return `export default ${JSON.stringify(readCsvRecords(readFileSync(file, 'utf8'), file))};`;
	}
});

// Three tiers (README "Tests"): `fast` (pure functions, no database, no child process: run it
// constantly), `db` (real DuckDB files and the CLIs), `e2e` (a built server and Chromium). A unit
// test file is in the db tier when it opens a warehouse or starts a process, read from its source,
// so a new test lands in the right tier without a list to keep.
const UNIT = ['src/**/*.test.ts', 'pipelines/**/*.test.ts', 'bench/**/*.test.ts'];
const NEEDS_DB =
	/@duckdb\/node-api|test-support|openWarehouse|npmRun|spawnSync|execFile|child_process|TELAAH_DB|from '\.{1,2}(\/\.\.)*\/db'/;
const dbFiles = ['src', 'pipelines', 'bench']
	.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
	.filter((f) => f.endsWith('.test.ts') && !f.includes('node_modules') && NEEDS_DB.test(readFileSync(f, 'utf8')));

export default defineConfig({
	plugins: [csvRecords(), sveltekit()],
	test: {
		// `npm test` (scripts/run-tests.ts) builds first, then runs every tier.
		projects: [
			{
				extends: true,
				test: {
					name: 'fast',
					include: UNIT,
					exclude: ['**/node_modules/**', ...dbFiles],
					environment: 'node',
					// A few read the real shared texts: generous on a loaded machine, as the other tiers.
					testTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: dbFiles.length ? dbFiles : ['no-db-tests'],
					environment: 'node',
					// Real DuckDB files and CLI runs; the warehouses many files share are built once per run.
					globalSetup: ['tests/db-global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/**/*.test.ts'],
					environment: 'node',
					// One warehouse + one built server per run (tests/global-setup.ts), one browser per file.
					globalSetup: ['tests/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
					fileParallelism: false,
					maxWorkers: 1
				}
			}
		]
	}
});
