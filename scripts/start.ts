// `npm start`: build if needed, create the sample warehouse if there is none, fit the topic
// model if the warehouse has none, serve.
//
//   PORT       port to listen on (default 3000)
//   HOST       interface (default 0.0.0.0)
//   ORIGIN     public origin, needed by adapter-node for form posts (default http://localhost:PORT)
//   TELAAH_DB  warehouse file (default data/telaah.duckdb)
//   TELAAH_UPLOAD_MAX_MB  upload limit (default 50); BODY_SIZE_LIMIT is set to fit it unless given
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNeeded, serverEnv, VITE_BUILD } from '../pipelines/lib/app-server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const log = (msg: string) => console.log(`[telaah] ${msg}`);
const fail = (msg: string): never => {
	console.error(`[telaah] ERROR: ${msg}`);
	process.exit(1);
};

function run(label: string, cmd: string, args: string[]): void {
	log(`${label}: ${cmd} ${args.join(' ')}`);
	const t0 = Date.now();
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
	if (r.error) fail(`${label} could not start: ${r.error.message}`);
	if (r.status !== 0) fail(`${label} failed (exit code ${r.status ?? r.signal}).`);
	log(`${label}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// 1. Build when build/ is missing or older than the sources it is made from.
const why = buildNeeded(root);
if (why) run(`build (${why})`, process.execPath, VITE_BUILD);
else log('build: up to date');

// 2. A warehouse: the one in TELAAH_DB, or the sample data loaded into a fresh one.
const db = resolve(process.env.TELAAH_DB || 'data/telaah.duckdb');
if (existsSync(db)) {
	log(`warehouse: ${db}`);
} else {
	log(`warehouse: ${db} does not exist; loading the sample data into it`);
	const sample = 'data/cache/sample.csv';
	if (existsSync(sample)) log(`sample: reusing ${sample}`);
	else {
		mkdirSync(dirname(sample), { recursive: true });
		run('sample', 'npm', ['run', '--silent', 'sample', '--', '--out', sample]);
	}
	log('ingest: loading the sample (first run only)');
	const r = spawnSync('npm', ['run', '--silent', 'ingest', '--', sample, '--db', db], { stdio: 'inherit' });
	if (r.status !== 0) {
		// Leave no half-made warehouse behind, so the next start tries again.
		for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
		fail(`ingest failed (exit code ${r.status ?? r.signal}).`);
	}
	if (!existsSync(db)) fail(`ingest finished but ${db} was not created.`);
	log('ingest: done');
}

// 3. Topic clusters for /topik: fitted once (a no-op when the warehouse has a model). Not fatal:
// without a model the dashboard still works and /topik says how to fit one.
{
	log('topics: fitting the topic model if the warehouse has none');
	const t0 = Date.now();
	const r = spawnSync('npm', ['run', '--silent', 'topics', '--', '--db', db, '--if-missing'], { stdio: 'inherit' });
	if (r.status === 0) log(`topics: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	else log(`WARNING: npm run topics failed (exit code ${r.status ?? r.signal}); /topik stays empty until it succeeds.`);
}

// 4. Serve.
const port = process.env.PORT || '3000';
const env = serverEnv({
	...process.env,
	PORT: port,
	HOST: process.env.HOST || '0.0.0.0',
	ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
	TELAAH_DB: db
});
log(`server: starting on ${env.HOST}:${port} (origin ${env.ORIGIN})`);
log(`dashboard: http://localhost:${port}/`);
const server = spawn(process.execPath, ['build'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
	if (signal) log(`server: stopped (${signal})`);
	process.exit(code ?? 0);
});
