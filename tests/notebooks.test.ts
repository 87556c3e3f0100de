// The analyst notebooks on the sample warehouse: `npm run notebooks` builds them offline (any
// connection off this machine refused by a preload), every SQL cell's Arrow file holds the rows the
// same SQL gives, no file carries complaint text, reporter hashes or counts of 1–4, and each built
// page, served by the app at /notebooks, draws its charts in Chromium with every non-loopback
// request aborted.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tableFromIPC, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCountColumn } from '../pipelines/notebooks/sql-cells';
import type { Manifest } from '../pipelines/notebooks/build';
import { openE2E, RESULTS, ROOT, sql, startServer, type RunningServer } from './harness';

let e2e: Awaited<ReturnType<typeof openE2E>>;
let out: string;
let netLog: string;
let build: ReturnType<typeof spawnSync>;
let manifest: Manifest;
let server: RunningServer;
const arrows = new Map<string, Table>();

beforeAll(async () => {
	e2e = await openE2E();
	out = join(e2e.workDir, 'notebooks-dist');
	netLog = join(e2e.workDir, 'notebooks-network.log');
	writeFileSync(netLog, '');
	build = spawnSync('npm', ['run', '--silent', 'notebooks', '--', '--db', e2e.db, '--out', out, '--json'], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 300_000,
		env: { ...process.env, NODE_OPTIONS: `--import ${pathToFileURL(resolve(ROOT, 'tests/no-network.mjs')).href}`, NO_NETWORK_LOG: netLog }
	});
	if (build.status !== 0) throw new Error(`npm run notebooks failed (${build.status}):\n${String(build.stderr).slice(-3000)}`);
	manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
	for (const f of readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.arrow'))) {
		const t = tableFromIPC(readFileSync(join(out, 'assets', f)));
		arrows.set(`${t.schema.metadata.get('telaah.notebook')}#${t.schema.metadata.get('telaah.cell')}`, t);
	}
	server = await startServer(e2e.db, 30_000, { TELAAH_NOTEBOOKS_DIR: out });
}, 600_000);

afterAll(async () => {
	await server?.stop();
	await e2e?.browser.close();
});

const NOTEBOOKS = ['kinerja-instansi', 'kualitas-data', 'perbandingan-wilayah', 'tren-kategori'];

describe('npm run notebooks', () => {
	it('builds the four notebooks offline, exit 0, with no connection off this machine', () => {
		expect(build.status).toBe(0);
		expect(readFileSync(netLog, 'utf8')).toBe('');
		expect(manifest.notebooks.map((n) => n.name)).toEqual(NOTEBOOKS);
		expect(manifest.data_version).toBeGreaterThan(0);
		for (const n of NOTEBOOKS) expect(existsSync(join(out, `${n}.html`)), n).toBe(true);
	});

	it('writes each SQL cell as an Arrow file with the rows the same SQL gives, stamped with the data version', async () => {
		const cells = manifest.notebooks.flatMap((n) => n.cells.map((c) => ({ notebook: n.name, ...c })));
		expect(cells.length).toBeGreaterThanOrEqual(12);
		for (const c of cells) {
			const [direct] = await sql<{ n: number }>(e2e.db, `SELECT count(*)::INTEGER AS n FROM (${c.sql})`);
			const t = arrows.get(`${c.notebook}#${c.id}`);
			expect(t, `${c.notebook} cell ${c.id}`).toBeDefined();
			expect([c.rows, t!.numRows], `${c.notebook} cell ${c.id}`).toEqual([direct!.n, direct!.n]);
			expect(t!.schema.metadata.get('telaah.data_version')).toBe(String(manifest.data_version));
		}
		expect(arrows.size).toBe(cells.length);
	});

	it('puts no complaint text, reporter hash or count of 1–4 in any Arrow file', async () => {
		const secrets = new Set(
			(
				await sql<{ v: string }>(
					e2e.db,
					`SELECT title AS v FROM complaints WHERE title IS NOT NULL UNION SELECT body FROM complaints WHERE body IS NOT NULL
					 UNION SELECT reporter_hash FROM complaints WHERE reporter_hash IS NOT NULL`
				)
			).map((r) => r.v)
		);
		expect(secrets.size).toBeGreaterThan(1000);
		let strings = 0;
		let counts = 0;
		for (const [key, t] of arrows) {
			for (const field of t.schema.fields) {
				const values = [...t.getChild(field.name)!];
				for (const v of values)
					if (typeof v === 'string') {
						strings++;
						expect(secrets.has(v), `${key} ${field.name}`).toBe(false);
					}
				if (isCountColumn(field.name)) {
					counts += values.length;
					expect(
						values.filter((v) => typeof v === 'number' && v >= 1 && v <= 4),
						`${key} ${field.name}`
					).toEqual([]);
				}
			}
		}
		expect(strings).toBeGreaterThan(1000);
		expect(counts).toBeGreaterThan(1000);
	});

	it('keeps the built output (it holds data) out of git', () => {
		for (const path of ['notebooks/dist/assets/x.arrow', 'notebooks/dist/manifest.json', 'notebooks/.data/x/1.v1.arrow'])
			expect(spawnSync('git', ['check-ignore', '-q', path], { cwd: ROOT }).status, path).toBe(0);
	});
});

describe('/notebooks', () => {
	it('lists the built notebooks', async () => {
		const html = await (await fetch(`${server.origin}/notebooks`)).text();
		for (const n of NOTEBOOKS) expect(html).toContain(`/notebooks/${n}.html`);
		expect(html).not.toContain('data-testid="notebooks-stale"');
	});

	it('draws every notebook in Chromium with no request off this machine and no cell error', async () => {
		const charts: Record<string, number> = { 'perbandingan-wilayah': 2, 'kinerja-instansi': 2, 'tren-kategori': 3, 'kualitas-data': 2 };
		for (const name of NOTEBOOKS) {
			const page = await e2e.browser.newPage({ viewport: { width: 1200, height: 900 } });
			const external: string[] = [];
			const errors: string[] = [];
			await page.route('**/*', (route) => {
				const host = new URL(route.request().url()).hostname;
				if (host === '127.0.0.1' || host === 'localhost') return route.continue();
				external.push(route.request().url());
				return route.abort();
			});
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			await page.goto(`${server.origin}/notebooks/${name}.html`);
			// Plot's charts are SVGs with the plot class (legends are separate).
			await page.waitForFunction((n) => document.querySelectorAll('svg[class^="plot-"]').length >= n, charts[name]!, { timeout: 60_000 });
			await page.waitForLoadState('networkidle');
			const cellErrors = await page.locator('.observablehq--error').allTextContents();
			const tables = await page.locator('form table').count();
			await page.screenshot({ path: join(RESULTS, `notebook-${name}.png`), fullPage: true });
			await page.close();
			expect(external, name).toEqual([]);
			expect(cellErrors, name).toEqual([]);
			expect(errors, name).toEqual([]);
			expect(tables, `${name}: a table`).toBeGreaterThanOrEqual(1);
		}
	});

	it('shows the seed figures reproduced from the sample', async () => {
		const page = await e2e.browser.newPage();
		await page.goto(`${server.origin}/notebooks/tren-kategori.html`);
		const text = await page.getByTestId('seed-check').textContent({ timeout: 60_000 });
		await page.close();
		expect(text).toMatch(/^Cocok: .*40\.939.*22\.747/);
	});
});
