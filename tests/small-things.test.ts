// Small things of issue 15, each as a reader meets it: chart months in the page's language on
// every chart (one formatter), a national recommendation's scope said once, complaint
// classifications by their labels, a region code of no region refused like any bad filter, and a
// page past the end of the complaint list answered with its last page. (`npm run briefing`
// without a warehouse: pipelines/briefing/cli.test.ts.)
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, sql } from './harness';

let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

const MONTH_TICK = /^(\p{L}{3,4}) (\d{4})$/u;
/** The month tick labels ("Okt 2022") of the page's wide charts, in order of appearance. */
const monthTicks = (page: Page, selector: string) =>
	page
		.locator(`${selector} svg text`)
		.evaluateAll((ts, re) => ts.map((t) => t.textContent ?? '').filter((s) => new RegExp(re, 'u').test(s)), MONTH_TICK.source);

describe('small things', () => {
	it('labels the months of /tren in the language of the page, as the overview does', async () => {
		const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
		for (const [lang, october] of [
			['id', 'Okt 2022'],
			['en', 'Oct 2022']
		] as const) {
			await page.goto(`${base}/?from=2022-01&to=2022-12&lang=${lang}`);
			const overview = await monthTicks(page, '.chart-wide');
			await page.goto(`${base}/tren?from=2022-01&to=2022-12&lang=${lang}`);
			const trends = await monthTicks(page, '[data-testid="trend-category"]');
			expect(trends).toContain(october);
			expect(trends).toEqual(overview);
			// Every month name is one Intl gives for the language (Plot's default is English).
			const names = new Set(
				Array.from({ length: 12 }, (_, m) =>
					new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'short', timeZone: 'UTC' }).format(
						new Date(Date.UTC(2022, m, 1))
					)
				)
			);
			for (const t of trends) expect(names.has(MONTH_TICK.exec(t)![1]!), `${lang}: ${t}`).toBe(true);
		}
		await page.close();
	});

	it("says a national recommendation's scope once: 'Nasional', not 'Nasional: Nasional'", async () => {
		const page = await browser.newPage();
		for (const [lang, word] of [
			['id', 'Nasional'],
			['en', 'National']
		] as const) {
			await page.goto(`${base}/rekomendasi?lang=${lang}`);
			const scopes = (await page.getByTestId('rec-scope').allTextContents()).map((s) => s.trim());
			expect(scopes).toContain(word);
			expect(scopes.filter((s) => s.startsWith(`${word}:`))).toEqual([]);
			// Other scopes still name their area.
			expect(scopes.filter((s) => s !== word).every((s) => /^[^:]+: \S/.test(s))).toBe(true);
		}
		await page.close();
	});

	it('shows a complaint’s classification by its label, never the stored code', async () => {
		const page = await browser.newPage();
		const labels = {
			pengaduan: ['Pengaduan', 'Complaint'],
			aspirasi: ['Aspirasi', 'Suggestion'],
			permintaan_informasi: ['Permintaan informasi', 'Information request']
		};
		for (const [code, [id, en]] of Object.entries(labels)) {
			const { t } = (
				await sql<{ t: string }>(
					db,
					`SELECT tracking_id AS t FROM complaints WHERE classification = '${code}' ORDER BY tracking_id LIMIT 1`
				)
			)[0]!;
			await page.goto(`${base}/aduan/${t}?lang=id`);
			expect((await page.getByTestId('classification').textContent())?.trim()).toBe(id);
			await page.goto(`${base}/aduan/${t}?lang=en`);
			expect((await page.getByTestId('classification').textContent())?.trim()).toBe(en);
			if (code.includes('_')) expect(await page.locator('main').textContent()).not.toContain(code);
		}
		await page.close();
	});

	it('answers a region code of no region with 400, like any bad filter, on pages and downloads', async () => {
		for (const path of [
			'/?region=99',
			'/tren?region=36.99',
			'/wilayah?region=00',
			'/aduan?region=99.99',
			'/api/overview.csv?region=99',
			'/api/aduan.csv?region=99'
		]) {
			const res = await fetch(`${base}${path}`);
			expect(res.status, path).toBe(400);
			expect(await res.text(), path).toMatch(/bukan kode provinsi atau kabupaten\/kota/);
		}
		const code = (await sql<{ c: string }>(db, `SELECT regency_code AS c FROM complaints WHERE regency_code IS NOT NULL LIMIT 1`))[0]!.c;
		for (const path of ['/?region=36', `/?region=${code}`, '/api/overview.csv?region=36'])
			expect((await fetch(`${base}${path}`)).status, path).toBe(200);
	});

	it('answers a page past the end of the complaint list with the last page, also without JavaScript', async () => {
		const { n } = (await sql<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM complaints WHERE status = 'selesai'`))[0]!;
		const last = Math.ceil(n / 25);
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const res = await page.goto(`${base}/aduan?status=selesai&page=99999`);
		expect(res?.status()).toBe(200);
		expect(new URL(page.url()).searchParams.get('page')).toBe(String(last));
		expect(new URL(page.url()).searchParams.get('status')).toBe('selesai');
		const fmt = new Intl.NumberFormat('id-ID');
		expect((await page.getByTestId('page-of').textContent())?.trim()).toBe(`Halaman ${fmt.format(last)} dari ${fmt.format(last)}`);
		expect(await page.locator('[data-testid="complaint-table"] tbody tr').count()).toBe(n - (last - 1) * 25);
		expect(await page.getByTestId('next').count()).toBe(0);
		await context.close();
	});
});
