// npm run bench -- [--rows N] [--reps R] [--keep] [--skip-server] [--skip-steps] [--step-timeout S]
// npm run bench -- --server-only --db PATH [--reps R] [--note TEXT]
// Builds a synthetic export of N complaints with the sample generator, then in one run:
//  1. the ETL against a bare DuckDB load of the same file (separate processes), and a re-ingest;
//  2. the built server on that warehouse: every page and CSV endpoint cold, cached and uncached
//     (R requests each, default 30), its peak memory and the JavaScript each page ships;
//  3. the topic fit (before the server, which then shows its topics) and the briefings, when
//     this checkout has those commands.
// Results are kept per row count in bench/results.json ({"1m": …, "10m": …}), so one size does not
// erase another; bench/results.md shows them side by side and the table is printed.
// --server-only measures step 2 on an existing warehouse (e.g. after a change to the queries),
// keeping the ingest figures already recorded for its size.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { build, buildNeeded } from '../pipelines/lib/app-server.ts';
import { markdown, mergeResults, sizeKey, validResults, type IngestResult, type SizeResult, type StepResult } from './report.ts';
import { measureServer } from './serve.ts';

const started = Date.now();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
	options: {
		rows: { type: 'string', default: '1000000' },
		reps: { type: 'string', default: '30' },
		keep: { type: 'boolean' },
		'skip-server': { type: 'boolean' },
		'skip-steps': { type: 'boolean' },
		'server-only': { type: 'boolean' },
		db: { type: 'string' },
		note: { type: 'string' },
		'step-timeout': { type: 'string', default: '1800' }
	}
});
if (values['server-only'] && !values.db) throw new Error('--server-only needs --db PATH');
const rows = values['server-only'] ? await countRows(resolve(values.db!)) : Number(values.rows);
const reps = Number(values.reps);
if (!Number.isInteger(rows) || rows < 1000) throw new Error('--rows must be an integer >= 1000');
if (!Number.isInteger(reps) || reps < 1) throw new Error('--reps must be a positive integer');
const out = join(root, 'bench/out');
mkdirSync(out, { recursive: true });
const csv = join(out, `sample-${rows}.csv`);
const tsx = join(root, 'node_modules/.bin/tsx');
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const log = (s: string) => console.error(`[bench ${Math.round((Date.now() - started) / 1000)} s] ${s}`);

function run(args: string[]): string {
	return execFileSync(tsx, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
}
function task(name: string, db: string) {
	const lines = run(['bench/task.ts', name, csv, db]).trim().split('\n');
	return JSON.parse(lines.at(-1)!) as { ms: number; max_rss_mb: number; [k: string]: unknown };
}
const fresh = (name: string) => {
	const db = join(out, name);
	for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
	return db;
};

/** Times an npm script of this checkout, or says why it could not be. */
function step(script: string, args: string[], timeoutMs: number): StepResult {
	const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
	if (!scripts[script]) return { not_measured: `command missing (no "npm run ${script}" in this checkout)` };
	log(`npm run ${script} -- ${args.join(' ')}`);
	const t0 = performance.now();
	const r = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
		cwd: root,
		encoding: 'utf8',
		timeout: timeoutMs,
		maxBuffer: 1 << 26
	});
	const ms = Math.round(performance.now() - t0);
	if (r.error) return { not_measured: `did not finish within ${timeoutMs / 1000} s (${r.error.message})` };
	if (r.status !== 0) return { not_measured: `exit code ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' / ')}` };
	// The command's own JSON summary (per-stage timings), when it prints one as its last line.
	let summary: unknown;
	try {
		summary = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '');
	} catch {
		summary = undefined;
	}
	return { ms, ...(summary && typeof summary === 'object' ? { summary } : {}) };
}

async function countRows(path: string): Promise<number> {
	const inst = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
	const conn = await inst.connect();
	try {
		return Number((await conn.runAndReadAll('SELECT count(*) FROM complaints')).getRows()[0]![0]);
	} finally {
		conn.closeSync();
		inst.closeSync();
	}
}

/** Step 1: generate the export, time the bare load, the ingest and the re-ingest. */
function measureIngest(db: string): IngestResult {
	if (!existsSync(csv)) {
		log(`generating ${rows.toLocaleString('en-US')} complaints -> ${csv}`);
		run(['pipelines/sample/cli.ts', '--rows', String(rows), '--out', `${csv}.part`]);
		execFileSync('mv', [`${csv}.part`, csv]);
	}
	log('measuring: bare DuckDB CTAS, ETL ingest, idempotent re-ingest');
	const ctas = task('ctas', fresh('ctas.duckdb'));
	rmSync(join(out, 'ctas.duckdb'), { force: true });
	const ingest = task('ingest', db);
	log(`ingest ${(ingest.ms / 1000).toFixed(1)} s vs CTAS ${(ctas.ms / 1000).toFixed(1)} s`);
	const reingest = task('ingest', db);
	return {
		csv_mb: Math.round(statSync(csv).size / 1e6),
		ctas_ms: ctas.ms,
		ingest_ms: ingest.ms,
		ingest_ratio: +(ingest.ms / ctas.ms).toFixed(2),
		ingest_rows_per_s: Math.round((rows / ingest.ms) * 1000),
		reingest_ms: reingest.ms,
		reingest_ratio: +(reingest.ms / ctas.ms).toFixed(2),
		reingest_duplicates: Number(reingest.duplicate),
		ingest_peak_rss_mb: ingest.max_rss_mb,
		db_mb_per_million: +((statSync(db).size / 1e6) * (1e6 / rows)).toFixed(1)
	};
}

const loadStart = loadavg();
const jsonPath = join(root, 'bench/results.json');
const previous: unknown = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {};
const key = sizeKey(rows);
const db = values['server-only'] ? resolve(values.db!) : fresh('etl.duckdb');
const result: SizeResult = {
	// --server-only keeps the ingest figures recorded for this size; a full run replaces them.
	...(values['server-only'] ? validResults(previous)[key] : measureIngest(db)),
	rows,
	targets: { ingest_ratio: 4, p95_ms: 100, js_gzip_kb: 100 },
	loadavg: { start: loadStart, end: '' },
	machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
	measured_at: new Date().toISOString(),
	total_s: 0,
	...(values.note ? { note: values.note } : {})
};
const runSteps = !values['skip-steps'] && !values['server-only'];
const timeout = Number(values['step-timeout']) * 1000;
// The topic fit writes its tables, so it runs before the server holds the file: /topik and its
// CSVs are then measured with a model.
const topicFit = runSteps ? step('topics', ['--db', db, '--json'], timeout) : undefined;

// The text search against its reference, before the server holds the file (bench/search.ts).
log('text search against the reference query');
result.search = task('search', db) as unknown as SizeResult['search'];

if (!values['skip-server']) {
	const why = buildNeeded(root);
	if (why) {
		log(`building the app (${why})`);
		build(root);
	}
	log(`server: ${reps} cached + ${reps} uncached requests per URL`);
	const s = await measureServer(root, db, reps, log);
	result.pages = s.pages;
	result.server_peak_rss_mb = s.server_peak_rss_mb;
	if (s.skipped.length) log(`not measured: ${s.skipped.join(', ')}`);
}

if (runSteps) {
	const args = JSON.parse(
		execFileSync(tsx, ['bench/task.ts', 'briefing-args', csv, db], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1)!
	) as {
		month: string;
		regions: string[];
	};
	const briefings = join(out, 'briefings');
	rmSync(briefings, { recursive: true, force: true });
	const briefing = (regions: string[], dir: string) =>
		step(
			'briefing',
			['--db', db, '--month', args.month, ...regions.flatMap((r) => ['--region', r]), '--out', join(briefings, dir)],
			timeout
		);
	result.steps = {
		'briefing (one kab/kota)': briefing(args.regions.slice(0, 1), 'one'),
		'briefing (batch of 50 kab/kota)': briefing(args.regions, 'batch'),
		'topic fit': topicFit!
	};
	rmSync(briefings, { recursive: true, force: true });
}

result.loadavg.end = loadavg();
result.total_s = Math.round((Date.now() - started) / 1000);
const all = mergeResults(previous, key, result);
writeFileSync(jsonPath, JSON.stringify(all, null, 2) + '\n');
const report = markdown(all);
writeFileSync(join(root, 'bench/results.md'), report);
console.log(report);
if (!values.keep && !values['server-only']) {
	rmSync(db, { force: true });
	rmSync(`${db}.wal`, { force: true });
}
console.log(
	`npm run bench -- --rows ${rows}: done in ${(result.total_s / 60).toFixed(1)} min (the generated CSV stays in ${csv} for the next run; delete bench/out/ to free the space)`
);
