// e2e harness: build a small warehouse with the real CLIs, serve the built app on a free port,
// drive it with Debian's Chromium through playwright-core, and check figures against DuckDB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { inject } from 'vitest';
import { startServer as startApp, type RunningServer } from '../pipelines/lib/app-server';
import { launchBrowser } from '../src/lib/core/chromium.server';
import { FORMATS } from '../src/lib/downloads';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Runs `npm run <script> -- args`; throws with its output when it fails. Returns stdout. */
export function npmRun(script: string, args: string[], timeoutMs = 600_000, input?: string): string {
	const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts;
	if (!scripts?.[script]) throw new Error(`package.json has no "${script}" script: e2e tests need \`npm run ${script}\``);
	const r = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: timeoutMs,
		maxBuffer: 64 * 1024 * 1024,
		input
	});
	if (r.error) throw new Error(`npm run ${script} could not run: ${r.error.message}`);
	if (r.status !== 0) {
		throw new Error(
			`npm run ${script} -- ${args.join(' ')} failed with exit code ${r.status ?? r.signal}\n` +
				`--- stdout ---\n${r.stdout.slice(-4000)}\n--- stderr ---\n${r.stderr.slice(-4000)}`
		);
	}
	return r.stdout;
}

/** The last JSON value printed on stdout (the ingest CLI's --json summary). */
export function lastJson(stdout: string): unknown {
	const text = stdout.trim();
	try {
		return JSON.parse(text);
	} catch {
		const lines = text.split('\n');
		for (let i = lines.length - 1; i >= 0; i--) {
			const chunk = lines.slice(i).join('\n');
			if (!/^\s*[{[]/.test(lines[i] ?? '')) continue;
			try {
				return JSON.parse(chunk);
			} catch {
				/* keep looking */
			}
		}
	}
	throw new Error(`no JSON on stdout:\n${text.slice(-2000)}`);
}

export const RESULTS = resolve(ROOT, 'test-results');

/**
 * Routes on disk as SvelteKit route ids ('/wilayah/[code]'), found by their files (pages and
 * endpoints by default), so tests that walk them cover new routes without being edited.
 */
export function routeIds(files: readonly string[] = ['+page.svelte', '+server.ts', '+page.server.ts']): string[] {
	const base = resolve(ROOT, 'src/routes');
	const out: string[] = [];
	const walk = (d: string) => {
		for (const e of readdirSync(d)) {
			const p = join(d, e);
			if (statSync(p).isDirectory()) walk(p);
			else if (files.includes(e)) {
				const id =
					'/' +
					relative(base, d)
						.split('/')
						.filter((s) => s && !/^\(.*\)$/.test(s))
						.join('/');
				if (!out.includes(id)) out.push(id);
			}
		}
	};
	walk(base);
	return out.sort();
}

/** Route ids with each download route expanded into its formats: /api/wilayah.[ext=download] → /api/wilayah.csv, .xlsx, .arrow. */
export const withFormats = (ids: readonly string[]): string[] =>
	ids.flatMap((id) => (id.endsWith('.[ext=download]') ? FORMATS.map((f) => id.replace(/\[ext=download\]$/, f)) : [id]));

/** Every sheet of an XLSX file as rows of cell values (exceljs's 1-based rows, without the leading hole). */
export async function readXlsx(
	bytes: Buffer | ArrayBuffer
): Promise<{ name: string; rows: ExcelJS.CellValue[][]; sheet: ExcelJS.Worksheet }[]> {
	const book = new ExcelJS.Workbook();
	// exceljs declares its own Buffer type (an ArrayBuffer); a node Buffer is what it reads.
	await book.xlsx.load((bytes instanceof ArrayBuffer ? Buffer.from(bytes) : bytes) as unknown as ArrayBuffer);
	return book.worksheets.map((sheet) => ({
		name: sheet.name,
		sheet,
		rows: sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1) as ExcelJS.CellValue[]] : []))
	}));
}

/**
 * A download's content as text, whatever its format, for probes that look for what must not be
 * there: an XLSX's cells and an Arrow stream's rows (both unreadable as raw bytes), else the body.
 */
export async function downloadText(contentType: string | null, bytes: Buffer): Promise<string> {
	if (contentType?.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml'))
		return (await readXlsx(bytes))
			.map((s) => s.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? ''))).join('\t')).join('\n'))
			.join('\n');
	if (contentType?.startsWith('application/vnd.apache.arrow'))
		return tableFromIPC(bytes)
			.toArray()
			.map((r) => JSON.stringify(r.toJSON()))
			.join('\n');
	return bytes.toString('utf8');
}

export const HOLIDAYS = resolve(ROOT, 'data/reference/holidays_id.csv');
/**
 * CTEs for tests that count working days themselves, independently of the app's calendar:
 * `hol` (the holiday file), `wd` (every working day 2015–2030) and `snap` (the warehouse's
 * as-of date: its latest timestamp). Put `WITH ${WORKING_DAYS_CTES}, …` before the test's own.
 */
export const WORKING_DAYS_CTES = `hol AS (SELECT CAST(date AS DATE) AS d FROM read_csv('${HOLIDAYS}', header = true, all_varchar = true)),
	wd AS (SELECT CAST(t.d AS DATE) AS d FROM range(TIMESTAMP '2015-01-01', TIMESTAMP '2031-01-01', INTERVAL 1 DAY) t(d)
		WHERE dayofweek(t.d) NOT IN (0, 6) AND CAST(t.d AS DATE) NOT IN (SELECT d FROM hol)),
	snap AS (SELECT CAST(greatest(max(created_at), max(verified_at), max(first_response_at), max(closed_at)) AS DATE) AS s FROM complaints)`;

/** What every e2e file starts with: the shared server and warehouse copy, and its own browser. */
export async function openE2E() {
	const ctx = e2eContext();
	mkdirSync(RESULTS, { recursive: true });
	return { ...ctx, base: ctx.baseUrl, db: ctx.dbCopy, browser: await launchBrowser() };
}

/** The run's e2e context from tests/global-setup.ts; throws the setup's error if it failed. */
export function e2eContext() {
	const error = inject('setupError');
	if (error) throw new Error(`e2e setup failed: ${error}`);
	return { baseUrl: inject('baseUrl'), dbCopy: inject('dbCopy'), dbServed: inject('dbServed'), workDir: inject('workDir') };
}

export { type RunningServer } from '../pipelines/lib/app-server';
export { launchBrowser } from '../src/lib/core/chromium.server';

/** Starts `node build` on a free port for `db` and waits until it answers HTTP. */
export async function startServer(db: string, timeoutMs = 30_000, env: Record<string, string> = {}): Promise<RunningServer> {
	if (process.env.TELAAH_BUILD_FAILED) throw new Error('vite build failed in this run: e2e tests need build/');
	if (!existsSync(resolve(ROOT, 'build/index.js'))) {
		throw new Error('build/index.js is missing: run `npx vite build` first (npm test does it)');
	}
	// Notebooks built in the checkout (notebooks/dist) are not this warehouse's: none unless a test builds them.
	return startApp(db, { root: ROOT, timeoutMs, env: { TELAAH_NOTEBOOKS_DIR: `${db}.notebooks`, ...env } });
}

/** Runs one query against a warehouse file opened read-only (after `setup` statements, e.g. temporary macros), then closes it. */
export async function sql<T = Record<string, unknown>>(db: string, text: string, setup: readonly string[] = []): Promise<T[]> {
	const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	try {
		const conn = await instance.connect();
		try {
			for (const statement of setup) await conn.run(statement);
			return (await conn.runAndReadAll(text)).getRowObjectsJS() as T[];
		} finally {
			conn.closeSync();
		}
	} finally {
		instance.closeSync();
	}
}

/** The app's CSV downloads are read with the core reader (csv-parse). */
export { readCsv } from '../src/lib/core/csv';
