// The overview page (/) end to end: figures against independent SQL on a copy of the served
// warehouse, id-ID / en-GB formatting, language switch, CSV export, bad input, no-JS rendering.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eContext, launchBrowser, readCsv, ROOT, sql, startServer } from './harness';

const RESULTS = resolve(ROOT, 'test-results');

const idInt = new Intl.NumberFormat('id-ID');
const enInt = new Intl.NumberFormat('en-GB');

// Written independently of src/lib/server/queries/overview.ts on purpose.
const TOP10 = (where: string) => `
	SELECT category_top AS category, count(*)::INTEGER AS n
	FROM complaints
	WHERE category_top IS NOT NULL AND trim(category_top) <> '' ${where}
	GROUP BY category_top ORDER BY n DESC, category_top LIMIT 10`;
const TOTAL = (where: string) => `SELECT count(*)::INTEGER AS n FROM complaints WHERE true ${where}`;
const IN_2020 = `AND created_at >= TIMESTAMP '2020-01-01' AND created_at < TIMESTAMP '2021-01-01'`;

let browser: Browser;
let total: number;
let base: string;
let db: string;
let workDir: string;

beforeAll(async () => {
	({ baseUrl: base, dbCopy: db, workDir } = e2eContext());
	mkdirSync(RESULTS, { recursive: true });
	browser = await launchBrowser();
	total = (await sql<{ n: number }>(db, TOTAL('')))[0]!.n;
});

afterAll(async () => {
	await browser?.close();
});

describe('overview page', () => {
	it('shows the complaint total from the warehouse, formatted for id-ID', async () => {
		expect(total).toBeGreaterThan(1000);
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const res = await page.goto(`${base}/`);
		expect(res?.status()).toBe(200);
		expect(await page.getAttribute('html', 'lang')).toBe('id');
		await expect(page.locator('h1').textContent()).resolves.toBe('Ringkasan');

		const shown = (await page.getByTestId('kpi-total').textContent())?.trim() ?? '';
		expect(shown).toBe(idInt.format(total));
		expect(shown).toMatch(/^\d{1,3}(\.\d{3})+$/); // "20.000": dot as the thousands separator
		expect(Number(shown.replaceAll('.', ''))).toBe(total);

		// Landmarks, one h1, captioned tables, the COVID band in the server-rendered chart.
		expect(await page.locator('header').count()).toBe(1);
		expect(await page.locator('nav[aria-label]').count()).toBe(1);
		expect(await page.locator('main#main').count()).toBe(1);
		expect(await page.locator('footer').count()).toBe(1);
		expect(await page.locator('h1').count()).toBe(1);
		expect(await page.locator('table:not(:has(caption))').count()).toBe(0);
		expect(await page.locator('.chart-svg svg').count()).toBe(2); // wide + narrow (CSS picks one)
		expect(await page.locator('.chart-narrow svg').isVisible()).toBe(false);
		expect(await page.locator('.chart-wide svg').textContent()).toContain('Masa COVID-19');
		for (const label of ['Ringkasan', 'Tren', 'Wilayah', 'Instansi', 'Aduan']) {
			expect(await page.locator('nav a', { hasText: label }).count()).toBe(1);
		}

		// Footer: "Data per" the data's own last date, the load time apart, and the region data attribution.
		const [d] = await sql<{ until: string; loaded: string }>(
			db,
			`SELECT (SELECT strftime(greatest(max(created_at), max(verified_at), max(first_response_at), max(closed_at)), '%Y-%m-%d') FROM complaints) AS until,
				(SELECT strftime(max(finished_at), '%Y-%m-%d') FROM ingest_batches) AS loaded`
		);
		const idLong = (ymd: string) =>
			new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${ymd}T00:00:00Z`));
		const footer = await page.getByTestId('data-as-of').textContent();
		expect(footer).toContain(`Data per ${idLong(d!.until)}`);
		expect(footer).toContain(`dimuat ${idLong(d!.loaded)}`);
		expect(await page.locator('footer').textContent()).toContain('Data wilayah: idn-area-data (ODbL), cahyadsn/wilayah (MIT)');

		await page.screenshot({ path: resolve(RESULTS, 'overview.png'), fullPage: true });
		await context.close();
	});

	it('switches to English with the header link and remembers it', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${base}/`);
		await Promise.all([page.waitForURL(/lang=en/), page.getByTestId('lang-switch').click()]);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').textContent()).toBe('Overview');
		const shown = (await page.getByTestId('kpi-total').textContent())?.trim();
		expect(shown).toBe(enInt.format(total)); // "20,000"
		expect(await page.locator('.chart-wide svg').textContent()).toContain('COVID-19 period');

		// The cookie keeps English on a plain URL; the link switches back.
		await page.goto(`${base}/`);
		expect(await page.locator('h1').textContent()).toBe('Overview');
		await Promise.all([page.waitForURL(/lang=id/), page.getByTestId('lang-switch').click()]);
		expect(await page.locator('h1').textContent()).toBe('Ringkasan');
		await context.close();
	});

	it('downloads the top-categories CSV with the same rows as SQL and as the table', async () => {
		const context = await browser.newContext({ acceptDownloads: true });
		const page = await context.newPage();
		await page.goto(`${base}/`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-link').click()]);
		expect(download.suggestedFilename()).toMatch(/^telaah-kategori-teratas.*\.csv$/);
		const text = readFileSync((await download.path())!, 'utf8');
		const [header, ...rows] = readCsv(text);
		expect(header).toEqual(['rank', 'category', 'complaints', 'share_pct']);

		const expected = await sql<{ category: string; n: number }>(db, TOP10(''));
		expect(expected.length).toBeGreaterThan(0);
		// Spreadsheet-formula defusing: a category starting with = + - @ gets a leading apostrophe.
		const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
		expect(rows).toEqual(
			expected.map((e, i) => [String(i + 1), defuse(e.category), String(e.n), String(Math.round((e.n / total) * 10_000) / 100)])
		);

		// The page's table shows the same categories and counts, in the same order.
		const cells = await page
			.locator('[data-testid="top-categories"] tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [tr.querySelector('th')?.textContent?.trim(), tr.querySelectorAll('td')[1]?.textContent?.trim()])
			);
		expect(cells).toEqual(expected.map((e) => [e.category, idInt.format(e.n)]));
		await context.close();
	});

	it('applies a period filter to the CSV and the KPI', async () => {
		const res = await fetch(`${base}/api/overview.csv?from=2020-01&to=2020-12`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/csv');
		const [, ...rows] = readCsv(await res.text());
		const expected = await sql<{ category: string; n: number }>(db, TOP10(IN_2020));
		expect(rows.map((r) => [r[1]?.replace(/^'(?=[=+\-@])/, ''), Number(r[2])])).toEqual(expected.map((e) => [e.category, e.n]));
	});

	it('answers 400 with a clear message for a malformed period', async () => {
		const page = await browser.newPage();
		const res = await page.goto(`${base}/?from=2020-13`);
		expect(res?.status()).toBe(400);
		const msg = await page.getByTestId('error-message').textContent();
		expect(msg).toContain('2020-13');
		expect(msg).toContain('TTTT-BB');
		await page.close();

		const csv = await fetch(`${base}/api/overview.csv?to=2020-1`);
		expect(csv.status).toBe(400);
		expect(await csv.text()).toContain('"to"');
		const reversed = await fetch(`${base}/?from=2021-01&to=2020-12&lang=en`);
		expect(reversed.status).toBe(400);
		expect(await reversed.text()).toContain('must not be after');
	});

	it('works with JavaScript disabled, including the period form', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const res = await page.goto(`${base}/`);
		expect(res?.status()).toBe(200);
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(idInt.format(total));
		expect(await page.locator('.chart-wide svg rect').count()).toBeGreaterThan(10);

		await page.fill('input[name="from"]', '2020-01');
		await page.fill('input[name="to"]', '2020-12');
		await Promise.all([page.waitForURL(/from=2020-01/), page.click('form.filter button[type="submit"]')]);
		const n2020 = (await sql<{ n: number }>(db, TOTAL(IN_2020)))[0]!.n;
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(idInt.format(n2020));
		expect(await page.getByTestId('period-label').textContent()).toBe('2020');
		await context.close();
	});

	it('shows target progress, the backlog and the change against the previous period, matching SQL', async () => {
		// Independent SQL: Kab. Tangerang (36.03), January–June 2023, and the same length before it.
		const inRegion = `(province_code = '36.03' OR regency_code = '36.03')`;
		const count = async (from: string, to: string) =>
			(
				await sql<{ n: number }>(
					db,
					`SELECT count(*)::INTEGER AS n FROM complaints WHERE ${inRegion}
				AND created_at >= TIMESTAMP '${from}' AND created_at < TIMESTAMP '${to}'`
				)
			)[0]!.n;
		const n = await count('2023-01-01', '2023-07-01');
		const before = await count('2022-07-01', '2023-01-01');
		const target = (
			await sql<{ t: number }>(db, `SELECT target::INTEGER AS t FROM region_targets WHERE region_code = '36.03' AND year = 2023`)
		)[0]!.t;
		const open = (
			await sql<{ n: number }>(
				db,
				`SELECT count(*)::INTEGER AS n FROM complaints WHERE ${inRegion}
			AND created_at >= TIMESTAMP '2023-01-01' AND created_at < TIMESTAMP '2023-07-01'
			AND status IN ('belum_terverifikasi', 'terverifikasi', 'terdisposisi', 'ditindaklanjuti', 'ditanggapi_pelapor', 'ditunda')`
			)
		)[0]!.n;
		expect(target).toBe(3000);

		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		expect((await page.goto(`${base}/?region=36.03&from=2023-01&to=2023-06`))?.status()).toBe(200);
		const pct = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
		await expect(page.getByTestId('target-text').textContent()).resolves.toBe(
			`${idInt.format(n)} dari ${idInt.format(target)} aduan (${pct.format(n / target)})`
		);
		expect(await page.locator('[data-testid=target-progress] progress').getAttribute('max')).toBe(String(target));
		await expect(page.getByTestId('kpi-backlog').textContent()).resolves.toBe(idInt.format(open));
		const change = (await page.getByTestId('change-total').locator('.visually-hidden').textContent()) ?? '';
		expect(change).toContain('Jul 2022 – Des 2022');
		if (before > 0 && n !== before) {
			const signed = new Intl.NumberFormat('id-ID', {
				style: 'percent',
				minimumFractionDigits: 1,
				maximumFractionDigits: 1,
				signDisplay: 'exceptZero'
			});
			await expect(page.getByTestId('change-total').locator('[aria-hidden]').textContent()).resolves.toBe(
				`${n > before ? '▲' : '▼'} ${signed.format((n - before) / before)}`
			);
		}
		expect(await page.locator('.kpi svg.sparkline').count()).toBeGreaterThan(0);
		await page.screenshot({ path: resolve(RESULTS, 'overview-target.png'), fullPage: true });
		await context.close();
	});

	it('explains a missing warehouse with a 503 page instead of crashing', async () => {
		const server = await startServer(resolve(workDir, 'missing.duckdb'));
		try {
			const res = await fetch(`${server.origin}/`);
			expect(res.status).toBe(503);
			const html = await res.text();
			expect(html).toContain('missing.duckdb');
			expect(html).toContain('npm run ingest');
			expect(html).toContain('Data belum dimuat');
		} finally {
			await server.stop();
		}
	});
});
