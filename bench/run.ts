// npm run bench -- [--rows N] [--keep]
// Builds a synthetic export of N complaints with the sample generator, then measures the ETL
// against a bare DuckDB load of the same file in the same run, and writes bench/results.json
// (merged by key, so later benchmarks add to it) and bench/results.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean' } } });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1000) throw new Error('--rows must be an integer >= 1000');
const out = join(root, 'bench/out');
mkdirSync(out, { recursive: true });
const csv = join(out, `sample-${rows}.csv`);
const tsx = join(root, 'node_modules/.bin/tsx');

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

if (!existsSync(csv)) {
	console.error(`generating ${rows.toLocaleString('en-US')} complaints -> ${csv}`);
	run(['pipelines/sample/cli.ts', '--rows', String(rows), '--out', csv]);
}
console.error('measuring: bare DuckDB CTAS, ETL ingest, idempotent re-ingest');
const ctas = task('ctas', fresh('ctas.duckdb'));
const db = fresh('etl.duckdb');
const ingest = task('ingest', db);
const reingest = task('ingest', db);
const dbBytes = statSync(db).size;
const key = `ingest_${rows >= 1e6 ? `${rows / 1e6}m` : `${rows / 1e3}k`}`;
const result = {
	rows,
	csv_mb: Math.round(statSync(csv).size / 1e6),
	ctas_ms: ctas.ms,
	ingest_ms: ingest.ms,
	ingest_ratio: +(ingest.ms / ctas.ms).toFixed(2),
	ingest_rows_per_s: Math.round((rows / ingest.ms) * 1000),
	reingest_ms: reingest.ms,
	reingest_ratio: +(reingest.ms / ctas.ms).toFixed(2),
	reingest_duplicates: Number(reingest.duplicate),
	ingest_peak_rss_mb: ingest.max_rss_mb,
	db_mb_per_million: +((dbBytes / 1e6) * (1e6 / rows)).toFixed(1),
	target_ratio: 4,
	machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
	measured_at: new Date().toISOString()
};

const jsonPath = join(root, 'bench/results.json');
const all = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, 'utf8')) : {};
all[key] = result;
writeFileSync(jsonPath, JSON.stringify(all, null, 2) + '\n');
const table = [
	'| benchmark | rows | reference (bare CTAS) | Telaah | ratio | target | notes |',
	'|---|---:|---:|---:|---:|---:|---|',
	...Object.entries(all as Record<string, typeof result>)
		.filter(([k]) => k.startsWith('ingest_'))
		.flatMap(([k, r]) => [
			`| ${k} | ${r.rows.toLocaleString('en-US')} | ${(r.ctas_ms / 1000).toFixed(1)} s | ${(r.ingest_ms / 1000).toFixed(1)} s | ${r.ingest_ratio}x | ≤ ${r.target_ratio}x | ${r.ingest_rows_per_s.toLocaleString('en-US')} rows/s, peak ${r.ingest_peak_rss_mb} MB, ${r.db_mb_per_million} MB per 1M rows |`,
			`| ${k} re-ingest | ${r.rows.toLocaleString('en-US')} | ${(r.ctas_ms / 1000).toFixed(1)} s | ${(r.reingest_ms / 1000).toFixed(1)} s | ${r.reingest_ratio}x | ≤ ${r.target_ratio}x | ${r.reingest_duplicates.toLocaleString("en-US")} rows recognised as unchanged |`
		])
].join('\n');
writeFileSync(join(root, 'bench/results.md'), `# Benchmark results\n\nMachine: ${result.machine}. Reproduce: \`npm run bench -- --rows ${rows}\`.\n\n${table}\n`);
console.log(table);
if (!values.keep) for (const f of ['ctas.duckdb', 'etl.duckdb', 'etl.duckdb.wal']) rmSync(join(out, f), { force: true });
