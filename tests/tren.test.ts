// /tren end to end: totals and per-category counts against independent SQL, the COVID band and
// the 2020 bansos surge, the weekly toggle, the global filter bar without JavaScript, CSV.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, RESULTS, readCsv, sql } from './harness';

const idInt = new Intl.NumberFormat('id-ID');
let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

const IN_2020 = `created_at >= TIMESTAMP '2020-01-01' AND created_at < TIMESTAMP '2021-01-01'`;

describe('trends page', () => {
	it('shows 2020 volume by category with the COVID period and the bansos surge', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const res = await page.goto(`${base}/tren?from=2020-01&to=2020-12`);
		expect(res?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Tren');
		const { n } = (await sql<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM complaints WHERE ${IN_2020}`))[0]!;
		expect((await page.getByTestId('trend-total').textContent())?.trim()).toBe(idInt.format(n!));

		// Top 8 categories of 2020, largest first, then "Lainnya".
		const top = await sql<{ c: string; n: number }>(
			db,
			`SELECT category_top AS c, count(*)::INTEGER AS n FROM complaints WHERE ${IN_2020} AND trim(coalesce(category_top, '')) <> ''
			 GROUP BY 1 ORDER BY n DESC, c LIMIT 8`
		);
		const section = page.getByTestId('trend-category');
		const heads = await section.locator('thead th').allTextContents();
		expect(heads.slice(1, 9)).toEqual(top.map((t) => t.c));
		expect(heads[9]).toBe('Lainnya');
		const totals = await section.locator('tfoot td').allTextContents();
		expect(totals.slice(0, 8)).toEqual(top.map((t) => idInt.format(t.n)));
		expect(totals.at(-1)).toBe(idInt.format(n!));

		// The chart marks the COVID period; Corona Virus complaints (bansos) peak inside it.
		expect(await section.locator('.chart-svg').textContent()).toContain('Masa COVID-19');
		expect(await page.locator('table:not(:has(caption))').count()).toBe(0);
		const bansos = await sql<{ covid: number; before: number }>(
			db,
			`SELECT count(*) FILTER (WHERE created_at >= TIMESTAMP '2020-03-01' AND created_at < TIMESTAMP '2021-02-01')::INTEGER AS covid,
				count(*) FILTER (WHERE created_at < TIMESTAMP '2020-03-01')::INTEGER AS before
			 FROM complaints WHERE category_path LIKE 'Corona Virus > Bantuan Sosial%'`
		);
		expect(bansos[0]!.covid).toBeGreaterThan(100);
		expect(bansos[0]!.covid).toBeGreaterThan(bansos[0]!.before * 5);
		await page.screenshot({ path: resolve(RESULTS, 'tren.png'), fullPage: false });

		// Weekly toggle keeps the filters.
		await Promise.all([page.waitForURL(/grain=week/), page.getByTestId('grain-week').click()]);
		expect(page.url()).toContain('from=2020-01');
		expect((await page.getByTestId('trend-total').textContent())?.trim()).toBe(idInt.format(n!));
		expect(await page.locator('[data-testid="trend-status"] tbody tr').count()).toBeGreaterThanOrEqual(52);
		await context.close();
	});

	it('applies the global filter bar without JavaScript and keeps filters across pages', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${base}/tren`);
		await page.selectOption('select[name="channel"]', 'sms');
		await page.selectOption('select[name="status"]', 'selesai');
		await Promise.all([page.waitForURL(/channel=sms/), page.click('form.filter-bar button[type="submit"]')]);
		const { n } = (
			await sql<{ n: number }>(
				db,
				`SELECT count(*)::INTEGER AS n FROM complaints WHERE channel = 'sms' AND status = 'selesai' AND created_at IS NOT NULL`
			)
		)[0]!;
		expect((await page.getByTestId('trend-total').textContent())?.trim()).toBe(idInt.format(n!));
		expect(await page.locator('select[name="channel"]').inputValue()).toBe('sms');
		// The nav keeps the filters: the overview shows the same count.
		await Promise.all([page.waitForURL(/\/\?.*channel=sms/), page.click('nav a:text-is("Ringkasan")')]);
		const { all } = (
			await sql<{ all: number }>(db, `SELECT count(*)::INTEGER AS all FROM complaints WHERE channel = 'sms' AND status = 'selesai'`)
		)[0]!;
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(idInt.format(all!));
		await context.close();
	});

	it('downloads the series as CSV and rejects bad parameters', async () => {
		const res = await fetch(`${base}/api/tren.csv?from=2020-01&to=2020-12`);
		expect(res.status).toBe(200);
		const [header = [], ...rows] = readCsv(await res.text());
		expect(header).toEqual(['dimension', 'period_start', 'key', 'complaints']);
		const byDim = (d: string) => rows.filter((r) => r[0] === d).reduce((s, r) => s + Number(r[3]), 0);
		const { n } = (await sql<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM complaints WHERE ${IN_2020}`))[0]!;
		expect([byDim('category'), byDim('channel'), byDim('status')]).toEqual([n, n, n]);
		const sms = rows.filter((r) => r[0] === 'channel' && r[1] === '2020-04-01' && r[2] === 'sms');
		const { april } = (
			await sql<{ april: number }>(
				db,
				`SELECT count(*)::INTEGER AS april FROM complaints WHERE channel = 'sms' AND created_at >= TIMESTAMP '2020-04-01' AND created_at < TIMESTAMP '2020-05-01'`
			)
		)[0]!;
		expect(Number(sms[0]?.[3] ?? 0)).toBe(april);
		expect((await fetch(`${base}/tren?grain=day`)).status).toBe(400);
		const bad = await fetch(`${base}/tren?channel=fax`);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('fax');
	});
});
