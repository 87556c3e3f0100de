// Sortable tables end to end, with JavaScript off: each header is a link to the table in its
// order (`sort=key` ascending, `sort=-key` descending), a second click reverses it, and the rows
// come in the order SQL written here gives them (rows without a value last both ways, ties by
// code). Sticky header rows inside a scroll box; at 1366 px /wilayah and /instansi show every column.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, readCsv, sql, WORKING_DAYS_CTES } from './harness';

let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

const YEAR = { from: '2023-01', to: '2023-12' };
const IN_YEAR = `c.created_at >= TIMESTAMP '2023-01-01' AND c.created_at < TIMESTAMP '2024-01-01'`;
const FOLLOWED_UP = `c.status IN ('ditindaklanjuti', 'ditanggapi_pelapor', 'selesai') OR c.first_response_at IS NOT NULL`;

/** Codes in SQL's order of `value` (a SQL expression per region `r`), nulls last, ties by code. */
async function sqlOrder(fromWhere: string, value: string, dir: 'ASC' | 'DESC'): Promise<string[]> {
	const rows = await sql<{ code: string }>(
		db,
		`SELECT code FROM (SELECT r.code, ${value} AS v ${fromWhere}) ORDER BY v ${dir} NULLS LAST, code`
	);
	return rows.map((r) => r.code);
}

/** Every kab/kota (or province) with its complaints of 2023 left-joined (removed ones kept apart by `removed`). */
const REGIONS = (level: 'regency' | 'province', extra = '') => `
	FROM regions r LEFT JOIN complaints c ON c.${level === 'regency' ? 'regency_code' : 'province_code'} = r.code AND ${IN_YEAR}
	WHERE r.level = '${level}' ${extra} GROUP BY r.code, r.population, r.short_name`;

/** The header link of column `key` clicked (JS off): the URL it leads to and the rows it shows. */
async function clickSort(page: Page, table: string, key: string, param = 'sort') {
	const link = page.locator(`${table} th[data-sort="${key}"] a`);
	const href = (await link.getAttribute('href'))!;
	await Promise.all([page.waitForURL((u) => u.href === new URL(href, base).href), link.click()]);
	return {
		value: new URL(page.url()).searchParams.get(param),
		aria: await page.locator(`${table} th[data-sort="${key}"]`).getAttribute('aria-sort'),
		others: await page.locator(`${table} th[aria-sort]`).count()
	};
}

const codes = (page: Page, table: string) =>
	page.locator(`${table} tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')!));

describe('sorting both ways without JavaScript', () => {
	it('orders the kab/kota ranking by each figure as SQL does, then the reverse, empty ones last', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
		const page = await context.newPage();
		const table = '[data-testid="region-table"]';
		await page.goto(`${base}/wilayah?from=${YEAR.from}&to=${YEAR.to}`);
		expect(await page.locator(`${table} th[data-sort="n"]`).getAttribute('aria-sort')).toBe('descending');
		const volume = `count(c.tracking_id)`;
		expect(await codes(page, table)).toEqual(await sqlOrder(REGIONS('regency'), volume, 'DESC'));

		const columns: [key: string, value: string][] = [
			['per100k', `count(c.tracking_id)::DOUBLE / r.population * 100000`],
			[
				'follow_up',
				`(count(*) FILTER (WHERE c.status NOT IN ('dihapus', 'arsip') AND (${FOLLOWED_UP})))::DOUBLE / nullif(count(*) FILTER (WHERE c.status NOT IN ('dihapus', 'arsip')), 0)`
			],
			['name', 'r.short_name'],
			['n', volume]
		];
		let nulls = 0;
		for (const [key, value] of columns) {
			// Figures go largest first, names A–Z; n is the initial order, so its link is the same order without a parameter.
			const firstDir = key === 'name' ? 'ASC' : 'DESC';
			const first = await clickSort(page, table, key);
			expect(first.value, key).toBe(key === 'name' ? 'name' : key === 'n' ? null : `-${key}`);
			expect(first.aria, key).toBe(firstDir === 'ASC' ? 'ascending' : 'descending');
			expect(first.others, 'one sorted column').toBe(1);
			const expectedFirst = await sqlOrder(REGIONS('regency'), value, firstDir);
			expect(await codes(page, table), `${key} first click`).toEqual(expectedFirst);
			const second = await clickSort(page, table, key);
			expect(second.value, key).toBe(firstDir === 'ASC' ? `-${key}` : key);
			expect(second.aria, key).toBe(firstDir === 'ASC' ? 'descending' : 'ascending');
			const expectedSecond = await sqlOrder(REGIONS('regency'), value, firstDir === 'ASC' ? 'DESC' : 'ASC');
			expect(await codes(page, table), `${key} second click`).toEqual(expectedSecond);
			expect(expectedSecond).not.toEqual(expectedFirst);
			if (key === 'follow_up') {
				// Kab/kota without a complaint that year have no rate: last in both directions.
				const empty = (
					await sql<{ code: string }>(db, `SELECT code FROM (SELECT r.code, ${value} AS v ${REGIONS('regency')}) WHERE v IS NULL`)
				).length;
				expect(expectedFirst.slice(-empty)).toEqual(expectedSecond.slice(-empty));
				nulls = empty;
			}
		}
		expect(nulls).toBeGreaterThan(0);
		// The download follows the page's order.
		await clickSort(page, table, 'per100k');
		const csv = readCsv(await (await fetch(new URL((await page.getByTestId('csv-link').getAttribute('href'))!, base))).text());
		expect(csv.slice(1).map((r) => r[1])).toEqual(await codes(page, table));
		await context.close();
	});

	it("orders a province's kab/kota by 5-working-day compliance both ways, as SQL counts it, beside its agency table", async () => {
		const province = (
			await sql<{ p: string }>(
				db,
				`SELECT province_code AS p FROM regions WHERE level = 'regency' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`
			)
		)[0]!.p;
		// Compliance = 1 − late/due, day by day with the holiday file (due: answered, or unanswered past the deadline).
		const comply = `
			WITH ${WORKING_DAYS_CTES},
			d AS (
				SELECT x.regency_code, x.first_response_at,
					(SELECT count(*) FROM wd WHERE wd.d > CAST(x.created_at AS DATE) AND wd.d <= coalesce(CAST(x.first_response_at AS DATE), snap.s)) AS days
				FROM complaints x, snap
				WHERE x.created_at >= TIMESTAMP '2023-01-01' AND x.created_at < TIMESTAMP '2024-01-01' AND x.status NOT IN ('dihapus', 'arsip')
			)
			SELECT r.code, 1 - (count(*) FILTER (WHERE d.days > 5))::DOUBLE / nullif(count(*) FILTER (WHERE d.first_response_at IS NOT NULL OR d.days > 5), 0) AS v
			FROM regions r LEFT JOIN d ON d.regency_code = r.code WHERE r.level = 'regency' AND r.province_code = '${province}' GROUP BY r.code`;
		const order = async (dir: 'ASC' | 'DESC') =>
			(await sql<{ code: string }>(db, `SELECT code FROM (${comply}) ORDER BY v ${dir} NULLS LAST, code`)).map((r) => r.code);

		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
		const page = await context.newPage();
		const table = '[data-testid="region-table"]';
		await page.goto(`${base}/wilayah/${province}?from=${YEAR.from}&to=${YEAR.to}&sort=-breach5`);
		const down = await clickSort(page, table, 'comply5', 'ksort');
		expect(down).toMatchObject({ value: '-comply5', aria: 'descending' });
		expect(await codes(page, table)).toEqual(await order('DESC'));
		// The agency table keeps its own order.
		expect(new URL(page.url()).searchParams.get('sort')).toBe('-breach5');
		expect(await page.locator('[data-testid="agency-table"] th[data-sort="breach5"]').getAttribute('aria-sort')).toBe('descending');
		const up = await clickSort(page, table, 'comply5', 'ksort');
		expect(up).toMatchObject({ value: 'comply5', aria: 'ascending' });
		expect(await codes(page, table)).toEqual(await order('ASC'));
		expect((await order('ASC')).length).toBeGreaterThan(3);
		await context.close();
	});

	it('orders the OPD league by follow-up breach and by volume both ways, as SQL does', async () => {
		const league = `
			WITH ${WORKING_DAYS_CTES},
			d AS (
				SELECT x.opd_type, x.status, x.first_response_at,
					(SELECT count(*) FROM wd WHERE wd.d > CAST(x.created_at AS DATE) AND wd.d <= coalesce(CAST(x.first_response_at AS DATE), snap.s)) AS days
				FROM complaints x, snap WHERE x.created_at IS NOT NULL
			)
			SELECT opd_type, count(*) AS n,
				(count(*) FILTER (WHERE status NOT IN ('dihapus', 'arsip') AND days > 5))::DOUBLE
					/ nullif(count(*) FILTER (WHERE status NOT IN ('dihapus', 'arsip') AND (first_response_at IS NOT NULL OR days > 5)), 0) AS breach5
			FROM d GROUP BY opd_type`;
		const order = async (by: string) =>
			(await sql<{ opd_type: string }>(db, `SELECT opd_type FROM (${league}) ORDER BY ${by}`)).map((r) => r.opd_type);
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
		const page = await context.newPage();
		const table = '[data-testid="agency-table"]';
		const opds = () => page.locator(`${table} tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-opd')!));
		await page.goto(`${base}/instansi`);
		expect(await opds()).toEqual(await order('n DESC, opd_type'));
		expect(await clickSort(page, table, 'breach5')).toMatchObject({ value: '-breach5', aria: 'descending', others: 1 });
		expect(await opds()).toEqual(await order('breach5 DESC NULLS LAST, n DESC, opd_type'));
		expect(await clickSort(page, table, 'breach5')).toMatchObject({ value: 'breach5', aria: 'ascending' });
		expect(await opds()).toEqual(await order('breach5 ASC NULLS LAST, n DESC, opd_type'));
		expect(await clickSort(page, table, 'n')).toMatchObject({ value: null, aria: 'descending' });
		expect(new URL(page.url()).search).toBe('');
		expect(await clickSort(page, table, 'n')).toMatchObject({ value: 'n', aria: 'ascending' });
		expect(await opds()).toEqual(await order('n ASC, opd_type'));
		// The CSV link carries the order; a bad order is a 400 on the page and the download.
		expect(await page.getByTestId('csv-link').getAttribute('href')).toBe('/api/instansi.csv?sort=n');
		for (const path of [
			'/instansi?sort=-nope',
			'/instansi?sort=--n',
			'/api/instansi.csv?sort=nope',
			'/wilayah?sort=-',
			'/wilayah/36?ksort=x'
		])
			expect((await fetch(`${base}${path}`)).status, path).toBe(400);
		await context.close();
	});

	it("orders an OPD type's agencies by name both ways, in the collation the table reads", async () => {
		const type = (await sql<{ t: string }>(db, `SELECT opd_type AS t FROM complaints GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`))[0]!.t;
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
		const page = await context.newPage();
		const table = '[data-testid="type-agency-table"]';
		await page.goto(`${base}/instansi/${type}?region=36`);
		const names = () => page.locator(`${table} tbody th`).allTextContents();
		// One row per agency and kab/kota; an agency without a name ('–') has no value and comes last.
		const rows = (
			await sql<{ a: string }>(
				db,
				`SELECT coalesce(agency_name, '') AS a FROM complaints WHERE opd_type = '${type}' AND province_code = '36' GROUP BY agency_name, regency_code`
			)
		).map((r) => r.a);
		const named = rows.filter(Boolean).sort(new Intl.Collator('id').compare);
		const unnamed = rows.filter((a) => !a).map(() => '–');
		expect(await clickSort(page, table, 'agency')).toMatchObject({ value: 'agency', aria: 'ascending' });
		const asc = await names();
		expect(asc.length).toBeGreaterThan(3);
		expect(asc).toEqual([...named, ...unnamed].slice(0, asc.length));
		expect(await clickSort(page, table, 'agency')).toMatchObject({ value: '-agency', aria: 'descending' });
		expect(await names()).toEqual([...[...named].reverse(), ...unnamed].slice(0, asc.length));
		await context.close();
	});
});

describe('table chrome', () => {
	it('keeps the header row in view while the rows scroll inside the table box', async () => {
		const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
		await page.goto(`${base}/wilayah`);
		const box = page.locator('[data-testid="region-table"]').locator('xpath=..');
		const geometry = () =>
			box.evaluate((el) => {
				const th = el.querySelector('thead th[data-sort="n"]')!;
				const b = el.getBoundingClientRect();
				const h = th.getBoundingClientRect();
				const hit = document.elementFromPoint(h.left + h.width / 2, h.top + h.height / 2);
				return {
					position: getComputedStyle(th).position,
					scrolls: el.scrollHeight > el.clientHeight,
					scrollTop: el.scrollTop,
					offset: Math.round(h.top - b.top),
					headerOnTop: hit !== null && th.contains(hit)
				};
			});
		await box.scrollIntoViewIfNeeded();
		const before = await geometry();
		expect(before).toMatchObject({ position: 'sticky', scrolls: true, headerOnTop: true });
		await box.evaluate((el) => (el.scrollTop = 3000));
		const after = await geometry();
		expect(after.scrollTop).toBeGreaterThan(2000);
		// The header sits at the top of the box, above the rows passing under it.
		expect(after.offset).toBe(0);
		expect(after.headerOnTop).toBe(true);
		await page.close();
	});

	it('shows every column of /wilayah and /instansi at 1366 px, and scrolls wide tables inside their box on a phone', async () => {
		const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
		for (const path of ['/wilayah', '/instansi', '/wilayah?level=province']) {
			await page.goto(`${base}${path}`);
			const fit = await page.locator('.table-scroll:has([data-testid="region-table"], [data-testid="agency-table"])').evaluate((el) => {
				const last = el.querySelector('thead th:last-child')!.getBoundingClientRect();
				return { scroll: el.scrollWidth, client: el.clientWidth, lastRight: last.right, boxRight: el.getBoundingClientRect().right };
			});
			expect(fit.scroll, path).toBeLessThanOrEqual(fit.client);
			expect(fit.lastRight, path).toBeLessThanOrEqual(fit.boxRight + 0.5);
		}
		await page.close();
		const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
		const p = await phone.newPage();
		await p.goto(`${base}/wilayah`);
		const box = await p
			.locator('[data-testid="region-table"]')
			.locator('xpath=..')
			.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
		expect(box.scroll).toBeGreaterThan(box.client);
		expect(await p.evaluate(() => [document.documentElement.scrollWidth, innerWidth])).toEqual([390, 390]);
		await phone.close();
	});
});
