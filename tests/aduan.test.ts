// /aduan end to end: filtered server-side paging against independent SQL, the detail view with
// escaped text, confidential complaints without text anywhere (list, detail, CSV).
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

const WHERE = `category_top = 'Corona Virus' AND created_at >= TIMESTAMP '2020-01-01' AND created_at < TIMESTAMP '2021-01-01'`;

describe('complaints explorer', () => {
	it('pages through filtered complaints, newest first, 25 per page', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const res = await page.goto(`${base}/aduan?from=2020-01&to=2020-12&category=Corona+Virus`);
		expect(res?.status()).toBe(200);
		const { n } = (await sql<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM complaints WHERE ${WHERE}`))[0]!;
		expect(n).toBeGreaterThan(50);
		const pages = Math.ceil(n! / 25);
		expect(await page.getByTestId('complaint-caption').textContent()).toBe(
			`Daftar aduan, halaman 1 dari ${idInt.format(pages)} (${idInt.format(n!)} aduan)`
		);
		const ids = async (offset: number) =>
			(
				await sql<{ id: string }>(
					db,
					`SELECT tracking_id AS id FROM complaints WHERE ${WHERE} ORDER BY created_at DESC, tracking_id LIMIT 25 OFFSET ${offset}`
				)
			).map((r) => `#${r.id}`);
		const shown = () => page.locator('[data-testid="complaint-table"] tbody th a').allTextContents();
		expect(await shown()).toEqual(await ids(0));
		await page.screenshot({ path: resolve(RESULTS, 'aduan.png'), fullPage: false });
		await Promise.all([page.waitForURL(/page=2/), page.getByTestId('next').click()]);
		expect(page.url()).toContain('category=Corona+Virus');
		expect(await shown()).toEqual(await ids(25));
		expect((await fetch(`${base}/aduan?page=0`)).status).toBe(400);
		await context.close();
	});

	it('shows a complaint escaped, and no text at all for a confidential one', async () => {
		const [open] = await sql<{ id: string; title: string; body: string }>(
			db,
			`SELECT tracking_id AS id, title, body FROM complaints WHERE NOT is_confidential AND body IS NOT NULL AND title IS NOT NULL ORDER BY tracking_id LIMIT 1`
		);
		const [secret] = await sql<{ id: string; title: string; body: string; created: string }>(
			db,
			`SELECT tracking_id AS id, title, body, strftime(created_at, '%Y-%m') AS created FROM complaints
			 WHERE is_confidential AND title IS NOT NULL AND length(title) > 12 ORDER BY tracking_id LIMIT 1`
		);
		const page = await browser.newPage();
		await page.goto(`${base}/aduan/${open!.id}`);
		expect(await page.locator('h1').textContent()).toBe(`Aduan #${open!.id}`);
		expect(await page.getByTestId('complaint-body').textContent()).toBe(open!.body);
		expect(await page.getByTestId('complaint-title').textContent()).toContain(open!.title);
		expect(await page.locator('[data-testid="complaint-body"] *').count()).toBe(0); // text, not markup
		await page.screenshot({ path: resolve(RESULTS, 'aduan-detail.png'), fullPage: false });

		const res = await page.goto(`${base}/aduan/${secret!.id}`);
		expect(res?.status()).toBe(200);
		const html = await page.content();
		expect(html).not.toContain(secret!.title);
		expect(html).not.toContain(secret!.body.slice(0, 40));
		expect(await page.getByTestId('complaint-body').textContent()).toContain('Rahasia');

		// Nor in the list or the CSV of its month.
		const month = secret!.created;
		await page.goto(`${base}/aduan?from=${month}&to=${month}`);
		expect(await page.content()).not.toContain(secret!.title);
		const csv = readCsv(await (await fetch(`${base}/api/aduan.csv?from=${month}&to=${month}`)).text());
		const row = csv.find((r) => r[0] === secret!.id);
		expect(row?.[2]).toBe('');
		expect(row?.at(-1)).toBe('true');
		expect(csv.some((r) => r.includes(secret!.title))).toBe(false);
		expect((await fetch(`${base}/aduan/does-not-exist`)).status).toBe(404);
		await page.close();
	});
});
