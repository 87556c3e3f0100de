// /wilayah end to end: province ranking and per-capita figures against independent SQL, the
// kab/kota and province choropleths (classes against SQL, metric switch, tooltip, links), the
// drill-down province → kab/kota → complaints, 404s.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, RESULTS, readCsv, sql } from './harness';

const idInt = new Intl.NumberFormat('id-ID');
const idDec1 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

/** Per kab/kota value of a metric in one month, computed here in SQL (null: nothing to rate). */
async function regencyValues(metric: 'per100k' | 'follow_up', month: string): Promise<Map<string, number | null>> {
	const inMonth = `c.created_at >= TIMESTAMP '${month}-01' AND c.created_at < TIMESTAMP '${month}-01' + INTERVAL 1 MONTH`;
	const rows = await sql<{ code: string; v: number | null }>(
		db,
		metric === 'per100k'
			? `SELECT r.code, count(c.tracking_id)::DOUBLE / r.population * 100000 AS v FROM regions r
			   LEFT JOIN complaints c ON c.regency_code = r.code AND ${inMonth}
			   WHERE r.level = 'regency' GROUP BY r.code, r.population`
			: `SELECT r.code, (count(*) FILTER (WHERE c.status IN ('ditindaklanjuti', 'ditanggapi_pelapor', 'selesai') OR c.first_response_at IS NOT NULL))::DOUBLE
			     / nullif(count(c.tracking_id), 0) AS v
			   FROM regions r LEFT JOIN complaints c ON c.regency_code = r.code AND ${inMonth} AND c.status NOT IN ('dihapus', 'arsip')
			   WHERE r.level = 'regency' GROUP BY r.code`
	);
	return new Map(rows.map((r) => [r.code, r.v]));
}

/** The map as drawn: fill per region code, and the legend's colours in order (null: no data). */
async function drawnMap(page: Page) {
	const fills = new Map(
		await page
			.locator('[data-testid="map"] a[data-code]')
			.evaluateAll((as) => as.map((a) => [a.getAttribute('data-code')!, a.querySelector('path')!.getAttribute('fill')!] as const))
	);
	const legend = await page.locator('[data-testid="map-legend"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-color')));
	return { fills, legend };
}

/** Colour classes must rank regions as SQL does: lowest value palest class, highest darkest, never inverted. */
function expectClassesFollow(values: Map<string, number | null>, fills: Map<string, string>, legend: (string | null)[]) {
	const rated = [...values].filter((e): e is [string, number] => e[1] !== null).sort((a, b) => a[1] - b[1]);
	const classes = legend.filter((c) => c !== '#c4c7cc');
	const cls = (code: string) => classes.indexOf(fills.get(code)!);
	expect(rated.length).toBeGreaterThan(100);
	expect(cls(rated[0]![0])).toBe(0);
	expect(cls(rated.at(-1)![0])).toBe(classes.length - 1);
	for (let i = 1; i < rated.length; i++) {
		expect(cls(rated[i]![0]), rated[i]![0]).toBeGreaterThanOrEqual(0);
		if (rated[i]![1] > rated[i - 1]![1]) expect(cls(rated[i]![0]), rated[i]![0]).toBeGreaterThanOrEqual(cls(rated[i - 1]![0]));
	}
	for (const [code, v] of values) if (v === null) expect(fills.get(code), code).toMatch(/^url\(#/);
}

describe('regions page', () => {
	it('maps all 514 kab/kota, classed as SQL ranks them, with a metric switch, tooltips and links', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		// One busy month: most kab/kota have complaints, some have none (no follow-up rate to map).
		const month = (
			await sql<{ m: string }>(
				db,
				`SELECT strftime(created_at, '%Y-%m') AS m FROM complaints WHERE created_at IS NOT NULL GROUP BY 1
			 HAVING count(DISTINCT regency_code) BETWEEN 150 AND 500 ORDER BY count(*) DESC, 1 LIMIT 1`
			)
		)[0]!.m;
		expect((await page.goto(`${base}/wilayah?from=${month}&to=${month}`))?.status()).toBe(200);
		const codes = (await sql<{ code: string }>(db, `SELECT code FROM regions WHERE level = 'regency' ORDER BY code`)).map((r) => r.code);
		expect(codes).toHaveLength(514);
		let map = await drawnMap(page);
		expect([...map.fills.keys()].sort()).toEqual(codes);
		expect(await page.locator('[data-testid="map"] a[data-code] title').count()).toBe(514);
		expectClassesFollow(await regencyValues('per100k', month), map.fills, map.legend);

		await Promise.all([
			page.waitForURL(/metric=follow_up/),
			page.getByTestId('metric-switch').getByRole('link', { name: 'Tindak lanjut', exact: true }).click()
		]);
		expect(new URL(page.url()).searchParams.get('metric')).toBe('follow_up');
		const followUp = await regencyValues('follow_up', month);
		map = await drawnMap(page);
		expect(map.fills.size).toBe(514);
		expectClassesFollow(followUp, map.fills, map.legend);
		// Kab/kota without complaints that month: hatched, and named in the legend.
		expect([...followUp.values()].some((v) => v === null)).toBe(true);
		expect(await page.getByTestId('map-legend').textContent()).toContain('Tidak ada data');

		// A known region: the kab/kota with most complaints that month. Its value and tooltip match SQL.
		const top = (
			await sql<{ code: string; name: string }>(
				db,
				`SELECT c.regency_code AS code, r.short_name AS name FROM complaints c JOIN regions r ON r.code = c.regency_code
			 WHERE strftime(c.created_at, '%Y-%m') = '${month}' GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1`
			)
		)[0]!;
		const link = page.locator(`[data-testid="map"] a[data-code="${top.code}"]`);
		expect(Number(await link.getAttribute('data-value'))).toBeCloseTo(followUp.get(top.code)!, 4);
		const label = `${top.name}: ${new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(followUp.get(top.code)!)}`;
		expect(await link.getAttribute('aria-label')).toBe(label);
		expect(await link.locator('title').textContent()).toBe(label);

		// Hover: the formatted tip shows; the native <title> is back once the pointer leaves. The
		// pointer can only reach a shape on screen: scrolled into view first (the map may start below the fold).
		await link.scrollIntoViewIfNeeded();
		const box = (await link.boundingBox())!;
		const inside = await link.locator('path').evaluate((p: SVGGeometryElement, b) => {
			// A point of the shape itself (its bounding box centre may be a neighbour's).
			const m = p.getScreenCTM()!.inverse();
			for (let fy = 0.5; fy < 1; fy += 0.05)
				for (const fx of [0.5, 0.4, 0.6, 0.3, 0.7]) {
					const pt = new DOMPoint(b.x + b.width * fx, b.y + b.height * fy).matrixTransform(m);
					if (p.isPointInFill(pt)) return { x: b.x + b.width * fx, y: b.y + b.height * fy };
				}
			return null;
		}, box);
		expect(inside).not.toBeNull();
		await page.mouse.move(inside!.x, inside!.y);
		await expect.poll(() => page.getByTestId('chart-tip').textContent()).toBe(label);
		expect(await page.getByTestId('chart-tip').isVisible()).toBe(true);
		await page.screenshot({ path: resolve(RESULTS, 'wilayah-kabkota.png'), fullPage: false });
		await page.mouse.move(5, 5);
		await expect.poll(() => page.getByTestId('chart-tip').isVisible()).toBe(false);
		expect(await link.locator('title').count()).toBe(1);

		// Keyboard: the region is focusable and shows the same tip; a click drills into its page.
		await link.focus();
		await expect.poll(() => page.getByTestId('chart-tip').textContent()).toBe(label);
		await Promise.all([page.waitForURL(`${base}/wilayah/${top.code}?from=${month}&to=${month}`), page.mouse.click(inside!.x, inside!.y)]);
		expect(await page.locator('h1').textContent()).toBe(top.name);
		await context.close();
	});

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
		const shown = await page
			.locator('[data-testid="region-table"] tbody tr')
			.evaluateAll((trs) =>
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
		await Promise.all([
			page.waitForURL(/metric=follow_up/),
			page.getByTestId('metric-switch').getByRole('link', { name: 'Tindak lanjut', exact: true }).click()
		]);
		expect(page.url()).toContain('level=province');
		expect(await page.locator('[data-testid="map"] title').first().textContent()).toMatch(/%$/);
		await context.close();
	});

	it('drills down from a province to a kab/kota to its complaints', async () => {
		const { prov, kab } = (
			await sql<{ prov: string; kab: string }>(
				db,
				`SELECT province_code AS prov, regency_code AS kab FROM complaints WHERE regency_code IS NOT NULL
			 GROUP BY 1, 2 ORDER BY count(*) DESC, 2 LIMIT 1`
			)
		)[0]!;
		const count = async (where: string) =>
			(await sql<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM complaints WHERE ${where}`))[0]!.n;
		const page = await browser.newPage();
		await page.goto(`${base}/wilayah?level=province`);
		await Promise.all([page.waitForURL(new RegExp(`/wilayah/${prov}$`)), page.locator(`tr[data-code="${prov}"] th a`).click()]);
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(idInt.format(await count(`province_code = '${prov}'`)));
		// The province's own kab/kota map: one shape per kab/kota of the reference table.
		const kabs = (
			await sql<{ code: string }>(db, `SELECT code FROM regions WHERE level = 'regency' AND province_code = '${prov}' ORDER BY code`)
		).map((r) => r.code);
		const drawn = await page.locator('[data-testid="map"] a[data-code]').evaluateAll((as) => as.map((a) => a.getAttribute('data-code')));
		expect(drawn.sort()).toEqual(kabs);
		// The trend bars carry their figure as <title>; hovering one shows it as the formatted tip,
		// and it is that month's count in SQL.
		// (Event bands of data/reference/events.csv carry a <title> too, in marks of class "event".)
		const bar = page.locator('.chart-svg svg g:not(.event) > rect:has(> title)').nth(30);
		const barTitle = (await bar.locator('title').textContent())!;
		const [, label, n] = /^(.+): ([\d.]+) aduan$/.exec(barTitle)!;
		await bar.hover();
		await expect.poll(() => page.getByTestId('chart-tip').textContent()).toBe(barTitle);
		const byMonth = await sql<{ m: string; n: number }>(
			db,
			`SELECT strftime(created_at, '%Y-%m') AS m, count(*)::INTEGER AS n FROM complaints WHERE province_code = '${prov}' AND created_at IS NOT NULL GROUP BY 1 ORDER BY 1`
		);
		const month = byMonth[30]!;
		expect(n).toBe(idInt.format(month.n));
		expect(label).toBe(
			new Intl.DateTimeFormat('id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month.m}-01T00:00:00Z`))
		);
		await Promise.all([
			page.waitForURL(new RegExp(`/wilayah/${kab.replace('.', '\\.')}$`)),
			page.locator(`tr[data-code="${kab}"] th a`).click()
		]);
		const nKab = await count(`regency_code = '${kab}'`);
		expect((await page.getByTestId('kpi-total').textContent())?.trim()).toBe(idInt.format(nKab));
		expect(await page.getByTestId('parent-province').getAttribute('href')).toBe(`/wilayah/${prov}`);
		// The table lists the first agencies (at most 50); the CSV has all of them, adding up to the total.
		const agencyCounts = (await page.locator('[data-testid="agency-table"] [data-col="n"]').allTextContents()).map((t) =>
			Number(t.replaceAll('.', ''))
		);
		const [, ...csvRows] = readCsv(await (await fetch(`${base}${await page.getByTestId('agencies-csv').getAttribute('href')}`)).text());
		expect(csvRows.reduce((s, r) => s + Number(r[3]), 0)).toBe(await count(`regency_code = '${kab}' AND created_at IS NOT NULL`));
		expect(agencyCounts).toEqual(csvRows.slice(0, 50).map((r) => Number(r[3])));
		expect(await page.getByTestId('agencies-more').count()).toBe(csvRows.length > 50 ? 1 : 0);
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
		const [header = [], ...rows] = readCsv(await res.text());
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
