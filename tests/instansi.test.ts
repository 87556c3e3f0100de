// /instansi end to end: the league table's volume and deadline figures against SQL written here
// independently (its own working-day calendar straight from data/reference/holidays_id.csv),
// sorting, the region drill-down by agency name, CSV.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLIDAYS, openE2E, RESULTS, readCsv, sql, WORKING_DAYS_CTES } from './harness';

const idInt = new Intl.NumberFormat('id-ID');
const idPct = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

// Per OPD type: volume, and the 5-working-day follow-up breach share counted day by day.
const LEAGUE = (where: string) => `
	WITH ${WORKING_DAYS_CTES},
	c AS (
		SELECT opd_type, status, first_response_at,
			(SELECT count(*) FROM wd WHERE wd.d > CAST(x.created_at AS DATE) AND wd.d <= coalesce(CAST(x.first_response_at AS DATE), snap.s)) AS days
		FROM complaints x, snap WHERE created_at IS NOT NULL ${where}
	)
	SELECT opd_type, count(*)::INTEGER AS n,
		count(*) FILTER (WHERE status NOT IN ('dihapus', 'arsip') AND (first_response_at IS NOT NULL OR days > 5))::INTEGER AS due,
		count(*) FILTER (WHERE status NOT IN ('dihapus', 'arsip') AND days > 5)::INTEGER AS late
	FROM c GROUP BY opd_type ORDER BY n DESC, opd_type`;

describe('agencies page', () => {
	it('shows each OPD type with its volume and 5-working-day breach share', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const res = await page.goto(`${base}/instansi`);
		expect(res?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Instansi');
		const expected = await sql<{ opd_type: string; n: number; due: number; late: number }>(db, LEAGUE(''));
		const shown = await page
			.locator('[data-testid="agency-table"] tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [
					tr.getAttribute('data-opd'),
					tr.querySelector('[data-col="n"]')?.textContent?.trim(),
					tr.querySelector('[data-col="breach5"]')?.textContent?.trim()
				])
			);
		expect(shown).toEqual(expected.map((e) => [e.opd_type, idInt.format(e.n), e.due ? idPct.format(e.late / e.due) : '–']));
		expect(await page.locator('table:not(:has(caption))').count()).toBe(0);
		await page.screenshot({ path: resolve(RESULTS, 'instansi.png'), fullPage: false });

		// Sorting by the breach share: a link, so it works without JavaScript.
		await Promise.all([page.waitForURL(/sort=-breach5/), page.locator('th a', { hasText: 'Lewat tenggat tindak lanjut' }).click()]);
		const rates = await page.locator('[data-col="breach5"]').allTextContents();
		const values = rates.map((r) => Number(r.replace('%', '').replace(',', '.')));
		expect(values).toEqual([...values].sort((a, b) => b - a));
		await context.close();
	});

	it('lists agencies by name within a region and downloads the same rows as CSV', async () => {
		const { code } = (
			await sql<{ code: string }>(
				db,
				`SELECT regency_code AS code FROM complaints WHERE regency_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`
			)
		)[0]!;
		const page = await browser.newPage();
		await page.goto(`${base}/instansi?region=${code}`);
		const expected = await sql<{ agency: string; n: number }>(
			db,
			`SELECT coalesce(agency_name, '') AS agency, count(*)::INTEGER AS n FROM complaints
			 WHERE created_at IS NOT NULL AND (province_code = '${code}' OR regency_code = '${code}')
			 GROUP BY opd_type, agency ORDER BY n DESC`
		);
		const total = expected.reduce((s, e) => s + e.n, 0);
		const counts = (await page.locator('[data-col="n"]').allTextContents()).map((t) => Number(t.replaceAll('.', '')));
		expect(counts.reduce((s, n) => s + n, 0)).toBe(total);
		expect(counts[0]).toBe(expected[0]!.n);
		await page.close();

		const res = await fetch(`${base}/api/instansi.csv?from=2020-03&to=2021-01`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toContain('telaah-instansi_2020-03_2021-01.csv');
		const [header = [], ...rows] = readCsv(await res.text());
		expect(header.slice(0, 4)).toEqual(['rank', 'opd_type', 'agency', 'complaints']);
		const covid = await sql<{ opd_type: string; n: number; due: number; late: number }>(
			db,
			LEAGUE(`AND created_at >= TIMESTAMP '2020-03-01' AND created_at < TIMESTAMP '2021-02-01'`)
		);
		expect(rows.map((r) => [r[1], Number(r[3]), Number(r[9]), Number(r[10])])).toEqual(
			covid.map((e) => [e.opd_type, e.n, e.due, Math.round((e.late / e.due) * 10_000) / 100])
		);
		expect((await fetch(`${base}/instansi?sort=nope`)).status).toBe(400);
		expect(readFileSync(HOLIDAYS, 'utf8')).toContain('2020-05-25');
	});

	it('follows an OPD type to its agency page, whose volume matches SQL; an unknown type is a 404', async () => {
		const page = await browser.newPage();
		await page.goto(`${base}/instansi?from=2020-03&to=2021-01`);
		const link = page.locator('[data-testid="agency-table"] tbody tr').first().locator('a[data-testid="opd-link"]');
		const type = await page.locator('[data-testid="agency-table"] tbody tr').first().getAttribute('data-opd');
		expect(type).toBeTruthy();
		await Promise.all([page.waitForURL(new RegExp(`/instansi/${type}\\?`)), link.click()]);
		expect(page.url()).toContain('from=2020-03');
		const [{ n }] = (await sql<{ n: number }>(
			db,
			`SELECT count(*)::INTEGER AS n FROM complaints WHERE opd_type = '${type}' AND created_at >= TIMESTAMP '2020-03-01' AND created_at < TIMESTAMP '2021-02-01'`
		)) as [{ n: number }];
		expect(n).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="kpi-total"]').textContent()).toBe(idInt.format(n));
		const perAgency = (await page.locator('[data-testid="type-agency-table"] [data-col="n"]').allTextContents()).map((t) =>
			Number(t.replaceAll('.', ''))
		);
		await page.close();
		expect((await fetch(`${base}/instansi/nonsense`)).status).toBe(404);
		const csv = await fetch(`${base}/api/instansi/${type}.csv?from=2020-03&to=2021-01`);
		expect(csv.status).toBe(200);
		const [head, ...rows] = readCsv(await csv.text());
		const col = head!.indexOf('complaints');
		expect(rows.reduce((a, r) => a + Number(r[col]), 0)).toBe(n);
		// The page lists the CSV's first rows (at most 50), in the same order.
		expect(perAgency).toEqual(rows.slice(0, 50).map((r) => Number(r[col])));
	});

	it('scoped to a province, the agency page says so and names each kab/kota', async () => {
		const [{ type, code, name }] = (await sql<{ type: string; code: string; name: string }>(
			db,
			`SELECT c.opd_type AS type, c.province_code AS code, r.short_name AS name FROM complaints c JOIN regions r ON r.code = c.province_code
			 WHERE c.regency_code IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1`
		)) as [{ type: string; code: string; name: string }];
		const page = await browser.newPage();
		await page.goto(`${base}/instansi/${type}?region=${code}`);
		expect(await page.locator('[data-testid="agency-lead"]').textContent()).toContain(name);
		const link = page.locator('[data-testid="type-agency-table"] tbody tr a[href^="/wilayah/"]').first();
		const kab = /\/wilayah\/([\d.]+)/.exec((await link.getAttribute('href')) ?? '')?.[1];
		const [{ short }] = (await sql<{ short: string }>(db, `SELECT short_name AS short FROM regions WHERE code = '${kab}'`)) as [
			{ short: string }
		];
		expect(await link.textContent()).toBe(short);
		await page.close();
	});
});
