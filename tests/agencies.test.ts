// One agency, one name, end to end on the 20k sample: Dinas Sosial Kab. Tangerang, written four
// ways in the export, is one row with the sum of its spellings in the league table of the
// region, the OPD type's agency page, both CSVs and the monthly briefing. The spellings are
// counted here with SQL of their own over the raw agency text, not with the ETL's resolution.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, readCsv, sql } from './harness';

const NAME = 'Dinas Sosial Kabupaten Tangerang';
// The sample's spellings of it: long or abbreviated, "Kabupaten" or "Kab.", any case.
const SPELLED = `regexp_matches(lower(agency_raw), '^(dinas sosial|dinsos) kab(upaten|\\.) ?tangerang$')`;
const idInt = new Intl.NumberFormat('id-ID');
let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

async function spelled(where = 'true') {
	const [r] = await sql<{ n: number; spellings: number }>(
		db,
		`SELECT count(*)::INTEGER AS n, count(DISTINCT agency_raw)::INTEGER AS spellings FROM complaints
		 WHERE created_at IS NOT NULL AND regency_code = '36.03' AND ${SPELLED} AND ${where}`
	);
	return r!;
}

describe('one agency, one name', () => {
	it('Dinas Sosial Kab. Tangerang is one row with the sum of its spellings in the league, the agency page and both CSVs', async () => {
		const { n, spellings } = await spelled();
		expect(spellings).toBeGreaterThanOrEqual(3); // the sample does write it several ways
		const [stored] = await sql<{ names: number }>(
			db,
			`SELECT count(DISTINCT agency_name)::INTEGER AS names FROM complaints WHERE ${SPELLED}`
		);
		expect(stored!.names).toBe(1);

		const page = await browser.newPage();
		await page.goto(`${base}/instansi?region=36.03`);
		const league = await page.locator('[data-testid="agency-table"] tbody tr[data-opd="dinsos"]').evaluateAll((trs) =>
			trs.map((tr) => ({
				name: tr.querySelector('[data-col="agency"]')?.textContent?.trim(),
				n: tr.querySelector('[data-col="n"]')?.textContent?.trim(),
				authority: tr.querySelector('[data-col="authority"]')?.textContent?.trim()
			}))
		);
		expect(league.filter((r) => /sosial|dinsos/i.test(r.name ?? '') && /tangerang/i.test(r.name ?? ''))).toEqual([
			{ name: NAME, n: idInt.format(n), authority: 'Pemda kab/kota' }
		]);

		await page.goto(`${base}/instansi/dinsos?region=36.03`);
		const typeRows = await page
			.locator('[data-testid="type-agency-table"] tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [tr.querySelector('th')?.textContent?.trim(), tr.querySelector('[data-col="n"]')?.textContent?.trim()])
			);
		expect(typeRows.filter(([name]) => /tangerang/i.test(name ?? '') && !/kota|provinsi/i.test(name ?? ''))).toEqual([
			[NAME, idInt.format(n)]
		]);
		await page.close();

		for (const path of ['/api/instansi.csv?region=36.03', '/api/instansi/dinsos.csv?region=36.03']) {
			const [head, ...rows] = readCsv(await (await fetch(`${base}${path}`)).text());
			const col = (name: string) => head!.indexOf(name);
			const mine = rows.filter(
				(r) => r[col('opd_type')] === 'dinsos' && /tangerang/i.test(r[col('agency')]!) && !/kota|provinsi/i.test(r[col('agency')]!)
			);
			expect(
				mine.map((r) => [r[col('agency')], Number(r[col('complaints')]), r[col('authority')]]),
				path
			).toEqual([[NAME, n, 'pemda']]);
		}
	});

	it('is one row in the briefing’s agency table too', async () => {
		const [{ month }] = (await sql<{ month: string }>(
			db,
			`SELECT strftime(created_at, '%Y-%m') AS month FROM complaints WHERE ${SPELLED} AND regency_code = '36.03'
			 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`
		)) as [{ month: string }];
		const { n } = await spelled(`strftime(created_at, '%Y-%m') = '${month}'`);
		const page = await browser.newPage();
		expect((await page.goto(`${base}/briefing/36.03/${month}`))?.status()).toBe(200);
		const rows = await page
			.locator('[data-testid="briefing-agencies"] tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [tr.querySelector('th')?.firstChild?.textContent?.trim(), tr.querySelector('td')?.textContent?.trim()])
			);
		await page.close();
		expect(rows.filter(([name]) => /^(dinas sosial|dinsos)/i.test(name ?? ''))).toEqual([[NAME, idInt.format(n)]]);
	});
});
