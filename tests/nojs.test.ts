// Every main page must be readable with JavaScript off: server-rendered content, filters and
// links. Walks the main navigation (so new pages are covered once they are in NAV) plus the
// detail pages and view variants, in a Chromium context with JavaScript disabled.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAV } from '../src/lib/nav';
import { openE2E, sql } from './harness';

let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

describe('pages with JavaScript off', () => {
	it('renders every main page, its variants and detail pages from the server', async () => {
		const one = async (q: string) => Object.values((await sql<Record<string, string>>(db, q))[0]!)[0]!;
		const kab = await one(
			`SELECT regency_code FROM complaints WHERE regency_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`
		);
		const opd = await one(`SELECT opd_type FROM complaints WHERE opd_type IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
		const id = await one(`SELECT tracking_id FROM complaints WHERE NOT is_confidential ORDER BY created_at DESC, tracking_id LIMIT 1`);
		const urls = [
			...NAV.map((n) => n.href),
			'/tren?grain=week',
			'/wilayah?level=province&metric=follow_up',
			`/wilayah/${kab.slice(0, 2)}`,
			`/wilayah/${kab}`,
			`/instansi/${encodeURIComponent(opd)}`,
			`/aduan/${encodeURIComponent(id)}`,
			'/?lang=en'
		];
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		for (const url of urls) {
			const res = await page.goto(`${base}${url}`);
			expect(res?.status(), url).toBe(200);
			expect((await page.locator('h1').first().textContent())?.trim(), url).not.toBe('');
			// The shared layout is there (navigation, filter form) and the page has its own content.
			expect(await page.locator('header nav a').count(), url).toBeGreaterThanOrEqual(NAV.length);
			expect(
				await page.locator('main table, main svg, main .kpi, main dl, main article, main [data-testid^="notebook"]').count(),
				url
			).toBeGreaterThan(0);
			expect(await page.locator('body').textContent(), url).not.toMatch(/Internal error|undefined|NaN/);
		}
		// Without JS a map region is a plain link: focus it and press Enter to open the region page.
		await page.goto(`${base}/wilayah`);
		const region = page.locator(`[data-testid="map"] a[data-code="${kab}"]`);
		await region.focus();
		await Promise.all([page.waitForURL(`${base}/wilayah/${kab}`), page.keyboard.press('Enter')]);
		await context.close();
	});
});
