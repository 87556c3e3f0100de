// /wilayah end to end: province ranking and per-capita figures against independent SQL, the
// choropleth and its metric switch, the drill-down province → kab/kota → complaints, 404s.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, RESULTS, parseCsv, sql } from './harness';

const idInt = new Intl.NumberFormat('id-ID');
const idDec1 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

describe('regions page', () => {
	it('ranks provinces by volume with per-100k figures and draws the map', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const res = await page.goto(`${base}/wilayah?level=province`);
		expect(res?.status()).toBe(200);
		const expected = await sql<{ code: string; n: number; pop: number }>(
			db,
			`SELECT r.code, count(c.tracking_id)::INTEGER AS n, r.population::DOUBLE AS pop
			 FROM regions r LEFT JOIN complaints c ON c.province_code = r.code AND c.created_at IS NOT NULL
			 WHERE r.level = 'province' GROUP BY r.code, r.population ORDER BY n DESC, r.code`
		);
		expect(expected).toHaveLength(38);
		const shown = await page.locator('[data-testid="region-table"] tbody tr').evaluateAll((trs) =>
			trs.map((tr) => [
				tr.getAttribute('data-code'),
				tr.querySelector('[data-col="n"]')?.textContent?.trim(),
				tr.querySelector('[data-col="per100k"]')?.textContent?.trim()
			])
		);
		expect(shown).toEqual(expected.map((e) => [e.code, idInt.format(e.n), idDec1.format((e.n / e.pop) * 100_000)]));
		// 38 provinces drawn, each with a tooltip title; switching the metric keeps the level.
		expect(await page.locator('[data-testid="map"] svg g path').count()).toBeGreaterThanOrEqual(38);
		expect(await page.locator('[data-testid="map"] title').count()).toBeGreaterThanOrEqual(38);
		await page.screenshot({ path: resolve(RESULTS, 'wilayah.png'), fullPage: false });
		await Promise.all([page.waitForURL(/metric=follow_up/), page.getByTestId('metric-switch').getByRole('link', { name: 'Tindak lanjut', exact: true }).click()]);
		expect(page.url()).toContain('level=province');
		expect(await page.locator('[data-testid="map"] title').first().textContent()).toMatch(/%$/);
		await context.close();
	});

	it('drills down from a province to a kab/kota to its complaints', async () => {
		const { prov, kab } = (await sql<{ prov: string; kab: string }>(
			db,
			`SELECT province_code AS prov, regency_code AS kab FROM complaints WHERE regency_code IS NOT NULL
			 GROUP BY 1, 2 ORDER BY count(*) DESC, 2 LIMIT 1`
		))[0]!;
		const count = async (where: string) => (await sql<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM complaints WHERE ${where}`))[0]!.n;
		const page = await browser.newPage();
		await page.goto(`${base}/wilayah?level=province`);
		await Promise.all([page.waitForURL(new RegExp(`/wilayah/${prov}$`)), page.locator(`tr[data-code="${prov}"] th a`).click()]);
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(idInt.format(await count(`province_code = '${prov}'`)));
		await Promise.all([page.waitForURL(new RegExp(`/wilayah/${kab.replace('.', '\\.')}$`)), page.locator(`tr[data-code="${kab}"] th a`).click()]);
		const nKab = await count(`regency_code = '${kab}'`);
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(idInt.format(nKab));
		expect(await page.getByTestId('parent-province').getAttribute('href')).toBe(`/wilayah/${prov}`);
		const agencyCounts = (await page.locator('[data-testid="agency-table"] [data-col="n"]').allTextContents()).map((t) => Number(t.replaceAll('.', '')));
		expect(agencyCounts.reduce((s, n) => s + n, 0)).toBe(await count(`regency_code = '${kab}' AND created_at IS NOT NULL`));
		await page.screenshot({ path: resolve(RESULTS, 'wilayah-region.png'), fullPage: false });
		await Promise.all([page.waitForURL(/\/aduan\?region=/), page.getByTestId('region-complaints').click()]);
		expect(await page.getByTestId('complaint-caption').textContent()).toContain(`(${idInt.format(nKab)} aduan)`);
		await page.close();
	});

	it('answers 404 for an unknown region and downloads the kab/kota ranking', async () => {
		expect((await fetch(`${base}/wilayah/99`)).status).toBe(404);
		expect((await fetch(`${base}/wilayah/x'1`)).status).toBe(404);
		expect((await fetch(`${base}/wilayah?metric=x`)).status).toBe(400);
		const res = await fetch(`${base}/api/wilayah.csv?region=36`);
		const [header = [], ...rows] = parseCsv(await res.text());
		expect(header.slice(0, 6)).toEqual(['rank', 'code', 'name', 'province_code', 'population', 'complaints']);
		const expected = await sql<{ code: string; n: number }>(
			db,
			`SELECT r.code, count(c.tracking_id)::INTEGER AS n FROM regions r
			 LEFT JOIN complaints c ON c.regency_code = r.code AND c.created_at IS NOT NULL
			 WHERE r.level = 'regency' AND r.province_code = '36' GROUP BY r.code ORDER BY n DESC, r.code`
		);
		expect(rows.map((r) => [r[1], Number(r[5])])).toEqual(expected.map((e) => [e.code, e.n]));
	});
});
