// /banding end to end (issue 15.1): three regions side by side against independent SQL on the
// test warehouse (totals, per 100k, follow-up, 5-working-day compliance, median response, the
// change against a year earlier, the months), the CSVs, OPD types as /instansi counts them, the
// picker and the ranking checkboxes without JavaScript, bad selections, events only where the
// period overlaps them.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openE2E, readCsv, RESULTS, sql, WORKING_DAYS_CTES } from './harness';

const idInt = new Intl.NumberFormat('id-ID');
const idDec1 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const idPct = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const idSigned = new Intl.NumberFormat('id-ID', {
	style: 'percent',
	minimumFractionDigits: 1,
	maximumFractionDigits: 1,
	signDisplay: 'exceptZero'
});
const arrow = (v: number) => (v > 0 ? '▲' : v < 0 ? '▼' : '▬');

let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

const REGIONS = ['36.03', '32.73', '36'] as const;
const inRegion = (code: string) => `(province_code = '${code}' OR regency_code = '${code}')`;
const between = (from: string, to: string) =>
	`created_at >= TIMESTAMP '${from}-01' AND created_at < TIMESTAMP '${to}-01' + INTERVAL 1 MONTH`;

interface Truth {
	n: number;
	population: number;
	followUp: number;
	comply5: number;
	medianDays: number;
}

/** One region's figures over a period, written here without the app's code. */
async function truth(code: string, from: string, to: string): Promise<Truth> {
	const [r] = await sql<Truth & { due5: number; late5: number }>(
		db,
		`WITH ${WORKING_DAYS_CTES},
		c AS (
			SELECT x.*, x.status IN ('dihapus', 'arsip') AS removed,
				(SELECT count(*) FROM wd WHERE wd.d > CAST(x.created_at AS DATE) AND wd.d <= coalesce(CAST(x.first_response_at AS DATE), snap.s)) AS days
			FROM complaints x, snap WHERE ${inRegion(code)} AND ${between(from, to)}
		)
		SELECT count(*)::INTEGER AS n,
			(SELECT sum(population)::DOUBLE FROM regions WHERE level = 'regency' AND (code = '${code}' OR province_code = '${code}')) AS population,
			(count(*) FILTER (WHERE NOT removed AND (status IN ('ditindaklanjuti', 'ditanggapi_pelapor', 'selesai') OR first_response_at IS NOT NULL)))::DOUBLE
				/ count(*) FILTER (WHERE NOT removed) AS "followUp",
			count(*) FILTER (WHERE NOT removed AND (first_response_at IS NOT NULL OR days > 5))::INTEGER AS due5,
			count(*) FILTER (WHERE NOT removed AND days > 5)::INTEGER AS late5,
			median(epoch(first_response_at) - epoch(created_at)) FILTER (WHERE first_response_at >= created_at) / 86400.0 AS "medianDays"
		FROM c`
	);
	return { ...r!, comply5: 1 - r!.late5 / r!.due5 };
}

const cells = (page: import('playwright-core').Page, id: string) =>
	page.locator(`[data-testid^="cmp-${id}-"]`).evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''));

describe('comparing three regions', () => {
	it('shows each region’s figures and its change against a year earlier, equal to SQL', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const url = `${base}/banding?from=2023-01&to=2023-12&${REGIONS.map((r) => `r=${r}`).join('&')}`;
		expect((await page.goto(url))?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Bandingkan');
		const names = (await sql<{ code: string; short_name: string }>(db, `SELECT code, short_name FROM regions`)).reduce(
			(m, r) => m.set(r.code, r.short_name),
			new Map<string, string>()
		);
		const heads = await page.locator('[data-testid="cmp-figures"] thead th').allTextContents();
		expect(heads.slice(1)).toEqual(REGIONS.map((r) => names.get(r)));

		const now = await Promise.all(REGIONS.map((r) => truth(r, '2023-01', '2023-12')));
		const before = await Promise.all(REGIONS.map((r) => truth(r, '2022-01', '2022-12')));
		expect(now.every((t) => t.n > 50)).toBe(true);
		expect(await cells(page, 'total')).toEqual(now.map((t) => idInt.format(t.n)));
		expect(await cells(page, 'per100k')).toEqual(now.map((t) => idDec1.format((t.n / t.population) * 100_000)));
		expect(await cells(page, 'followUpRate')).toEqual(now.map((t) => idPct.format(t.followUp)));
		expect(await cells(page, 'comply5')).toEqual(now.map((t) => idPct.format(t.comply5)));
		expect(await cells(page, 'medianResponseDays')).toEqual(now.map((t) => `${idDec1.format(t.medianDays)} hari`));
		// The province holds its kab/kota: Kab. Tangerang's complaints are part of Banten's.
		expect(now[2]!.n).toBeGreaterThan(now[0]!.n);

		// Against 2022: the total's relative change, the follow-up rate's change in points.
		expect(await page.getByTestId('cmp-yoy-periods').textContent()).toBe('Jan 2023 – Des 2023 dibanding Jan 2022 – Des 2022.');
		const yoyTotal = await page.locator('[data-testid^="cmp-yoy-total-"] [aria-hidden]').allTextContents();
		expect(yoyTotal).toEqual(
			now.map((t, i) => {
				const v = (t.n - before[i]!.n) / before[i]!.n;
				return `${arrow(v)} ${idSigned.format(v)}`;
			})
		);
		const pts = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
		const yoyFollow = await page.locator('[data-testid^="cmp-yoy-followUpRate-"] [aria-hidden]').allTextContents();
		expect(yoyFollow).toEqual(
			now.map((t, i) => {
				const v = (t.followUp - before[i]!.followUp) * 100;
				return `${arrow(v)} ${pts.format(v)} poin`;
			})
		);

		// One chart with a line per region, and its table of months equal to SQL.
		expect(await page.locator('[data-testid="cmp-counts"] svg[role="img"]').count()).toBe(1);
		expect(await page.locator('[data-testid="cmp-per100k"] svg[role="img"]').count()).toBe(1);
		// A line and a marker shape per region, named in the legend.
		expect(await page.locator('[data-testid="cmp-counts"]').textContent()).toContain(names.get('32.73'));
		const monthly = await sql<{ code: string; m: string; n: number }>(
			db,
			`SELECT r.code, strftime(c.created_at, '%Y-%m') AS m, count(*)::INTEGER AS n
			 FROM complaints c JOIN (SELECT unnest([${REGIONS.map((r) => `'${r}'`).join(', ')}]) AS code) r
			   ON c.province_code = r.code OR c.regency_code = r.code
			 WHERE ${between('2023-01', '2023-12')} GROUP BY 1, 2`
		);
		const rows = await page
			.locator('[data-testid="cmp-counts"] + details tbody tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
		expect(rows).toHaveLength(12);
		const months = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`);
		expect(rows).toEqual(months.map((m) => REGIONS.map((r) => idInt.format(monthly.find((x) => x.code === r && x.m === m)?.n ?? 0))));
		await page.screenshot({ path: resolve(RESULTS, 'banding.png'), fullPage: true });
		await context.close();
	});

	it('downloads the comparison, its months and its themes as CSV, with the same figures', async () => {
		const q = `from=2023-01&to=2023-12&${REGIONS.map((r) => `r=${r}`).join('&')}`;
		const res = await fetch(`${base}/api/banding.csv?${q}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(/telaah-banding-r_36\.03_32\.73_36_2023-01_2023-12\.csv/);
		const [header, ...rows] = readCsv(await res.text());
		const col = (name: string) => header!.indexOf(name);
		expect(header!.slice(0, 7)).toEqual([
			'subject_kind',
			'subject_code',
			'subject_name',
			'population',
			'per_100k',
			'complaints',
			'follow_up_pct'
		]);
		const now = await Promise.all(REGIONS.map((r) => truth(r, '2023-01', '2023-12')));
		const before = await Promise.all(REGIONS.map((r) => truth(r, '2022-01', '2022-12')));
		expect(rows.map((r) => r[col('subject_code')])).toEqual([...REGIONS]);
		expect(rows.map((r) => Number(r[col('complaints')]))).toEqual(now.map((t) => t.n));
		expect(rows.map((r) => Number(r[col('follow_up_pct')]))).toEqual(now.map((t) => Math.round(t.followUp * 10_000) / 100));
		expect(rows.map((r) => Number(r[col('followup_breach_pct')]))).toEqual(now.map((t) => Math.round((1 - t.comply5) * 10_000) / 100));
		expect(rows.map((r) => Number(r[col('complaints_yoy_previous')]))).toEqual(before.map((t) => t.n));
		expect(rows.map((r) => [r[col('yoy_from')], r[col('yoy_previous_to')]])).toEqual(REGIONS.map(() => ['2023-01', '2022-12']));

		const [mh, ...months] = readCsv(await (await fetch(`${base}/api/banding.csv?${q}&table=monthly`)).text());
		expect(mh).toEqual(['subject_kind', 'subject_code', 'subject_name', 'month', 'complaints', 'per_100k']);
		expect(months).toHaveLength(36);
		for (const [i, code] of REGIONS.entries())
			expect(months.filter((r) => r[1] === code).reduce((s, r) => s + Number(r[4]), 0)).toBe(now[i]!.n);

		const [th, ...themes] = readCsv(await (await fetch(`${base}/api/banding.csv?${q}&table=themes`)).text());
		expect(th).toEqual(['subject_kind', 'subject_code', 'subject_name', 'theme', 'theme_label', 'complaints', 'share_of_subject_pct']);
		expect(themes.length).toBeGreaterThan(0);
		// Small kab/kota cells are "<5", never 1–4; the province's are shown as they are.
		expect(themes.filter((r) => r[1]!.includes('.') && /^[1-4]$/.test(r[5]!))).toEqual([]);
		// The same figures in Excel: typed numbers, the region codes as text, headers in the UI language.
		const xlsx = await fetch(`${base}/api/banding.xlsx?${q}`);
		expect(xlsx.status).toBe(200);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
		const sheet = book.worksheets[0]!;
		const heads = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(heads.slice(0, 3)).toEqual(['Jenis yang dibandingkan', 'Kode', 'Nama']);
		expect(sheet.getRow(2).getCell(2).value).toBe('36.03');
		expect(sheet.getRow(2).getCell(heads.indexOf('Jumlah aduan') + 1).value).toBe(now[0]!.n);
		// No selection yet: the header alone.
		const empty = readCsv(await (await fetch(`${base}/api/banding.csv?r=36.03`)).text());
		expect(empty).toHaveLength(1);
	});

	it('compares OPD types as the agency league counts them', async () => {
		const page = await browser.newPage();
		expect((await page.goto(`${base}/banding?region=36&t=pupr&t=dinsos&t=disdukcapil`))?.status()).toBe(200);
		const league = await sql<{ opd_type: string; n: number; due: number; late: number }>(
			db,
			`WITH ${WORKING_DAYS_CTES},
			c AS (
				SELECT opd_type, status, first_response_at,
					(SELECT count(*) FROM wd WHERE wd.d > CAST(x.created_at AS DATE) AND wd.d <= coalesce(CAST(x.first_response_at AS DATE), snap.s)) AS days
				FROM complaints x, snap WHERE ${inRegion('36')}
			)
			SELECT opd_type, count(*)::INTEGER AS n,
				count(*) FILTER (WHERE status NOT IN ('dihapus', 'arsip') AND (first_response_at IS NOT NULL OR days > 5))::INTEGER AS due,
				count(*) FILTER (WHERE status NOT IN ('dihapus', 'arsip') AND days > 5)::INTEGER AS late
			FROM c GROUP BY opd_type`
		);
		const of = (t: string) => league.find((l) => l.opd_type === t)!;
		const types = ['pupr', 'dinsos', 'disdukcapil'];
		expect(await cells(page, 'total')).toEqual(types.map((t) => idInt.format(of(t).n)));
		expect(await cells(page, 'comply5')).toEqual(types.map((t) => idPct.format(1 - of(t).late / of(t).due)));
		expect(await page.locator('[data-testid="cmp-figures"] thead th').allTextContents()).toEqual([
			'Indikator',
			'Dinas PUPR',
			'Dinas Sosial',
			'Disdukcapil'
		]);
		await page.close();
	});
});

describe('choosing what to compare', () => {
	it('works without JavaScript: the picker, the ranking checkboxes, the region page link', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		expect((await page.goto(`${base}/banding`))?.status()).toBe(200);
		expect(await page.getByTestId('empty-state').count()).toBe(1);
		await page.selectOption('select[name="r"]', ['36.03', '32.73']);
		await Promise.all([page.waitForURL(/\/banding\?.*r=/), page.click('[data-testid="pick-regions"] button[type="submit"]')]);
		// In the list's order (provinces by code).
		expect(new URL(page.url()).searchParams.getAll('r')).toEqual(['32.73', '36.03']);
		expect(await page.locator('[data-testid="cmp-figures"] thead th').count()).toBe(3);

		// Ticks on /wilayah rows, keeping the period filter.
		await page.goto(`${base}/wilayah?from=2022-01&to=2022-12`);
		await page.check('input[form="compare-regions"][value="36.03"]');
		await page.check('input[form="compare-regions"][value="31.75"]');
		await Promise.all([page.waitForURL(/\/banding\?/), page.click('[data-testid="compare-form"] button')]);
		const u = new URL(page.url());
		expect(u.searchParams.getAll('r')).toEqual(['36.03', '31.75']);
		expect(u.searchParams.get('from')).toBe('2022-01');
		expect(await cells(page, 'total')).toHaveLength(2);
		// The filter bar keeps the selection while the period changes.
		await page.fill('input[name="from"]', '2021-01');
		await page.fill('input[name="to"]', '2021-12');
		await Promise.all([page.waitForURL(/from=2021-01/), page.click('form.filter-bar button[type="submit"]')]);
		expect(new URL(page.url()).searchParams.getAll('r')).toEqual(['36.03', '31.75']);

		// Agencies within a region, ticked on /instansi.
		await page.goto(`${base}/instansi?region=36.03`);
		const boxes = page.locator('input[form="compare-agencies"]');
		const picked = [await boxes.nth(0).getAttribute('value'), await boxes.nth(1).getAttribute('value')];
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		await Promise.all([page.waitForURL(/\/banding\?/), page.click('[data-testid="compare-form"] button')]);
		expect(new URL(page.url()).searchParams.getAll('a')).toEqual(picked);
		const [n0] = await sql<{ n: number }>(
			db,
			`SELECT count(*)::INTEGER AS n FROM complaints WHERE regency_code = '36.03' AND agency_name = '${picked[0]!.replaceAll("'", "''")}'`
		);
		expect((await cells(page, 'total'))[0]).toBe(idInt.format(n0!.n));

		// From a kab/kota's page: it and its province at once.
		await page.goto(`${base}/wilayah/36.03`);
		await Promise.all([page.waitForURL(/\/banding\?/), page.getByTestId('region-compare').click()]);
		expect(new URL(page.url()).searchParams.getAll('r')).toEqual(['36.03', '36']);
		await context.close();
	});

	it('answers 400 for bad or too many codes, 404 for an unknown agency, in both page and CSV', async () => {
		const seven = ['11', '12', '13', '14', '15', '16', '17'].map((r) => `r=${r}`).join('&');
		for (const [q, status, text] of [
			['r=36.03&r=3603', 400, '3603'],
			['r=36.03&r=99', 400, '99'],
			['r=36.03&t=pupr', 400, 'tidak dicampur'],
			[seven, 400, 'Paling banyak 6'],
			['t=pupr&t=dinas', 400, 'dinas'],
			['a=Dinas%20Tidak%20Ada&a=Dinas%20Lain', 404, 'Dinas Tidak Ada']
		] as const) {
			const page = await fetch(`${base}/banding?${q}`);
			expect(page.status, q).toBe(status);
			expect(await page.text(), q).toContain(text);
			expect((await fetch(`${base}/api/banding.csv?${q}`)).status, q).toBe(status);
		}
		expect((await fetch(`${base}/api/banding.csv?r=36.03&r=32.73&table=nope`)).status).toBe(400);
	});

	it('speaks English', async () => {
		const page = await browser.newPage();
		await page.goto(`${base}/banding?r=36.03&r=32.73&lang=en`);
		expect(await page.locator('h1').textContent()).toBe('Compare');
		expect(await page.locator('#h-yoy').textContent()).toBe('Against a year earlier');
		expect(await page.locator('[data-testid="cmp-figures"] tbody th').first().textContent()).toBe('Total complaints');
		await page.close();
	});
});

describe('events on trend charts', () => {
	it('marks an event only when the period overlaps it, on /tren, the overview and /banding', async () => {
		const page = await browser.newPage();
		const covid = async (url: string) => {
			expect((await page.goto(`${base}${url}`))?.status(), url).toBe(200);
			const svg = (await page.locator('main .chart-svg svg, main figure svg').allTextContents()).join(' ');
			return { inChart: svg.includes('Masa COVID-19'), inKey: await page.locator('[data-testid="event-covid"]').count() };
		};
		expect(await covid('/tren?from=2020-01&to=2020-12')).toEqual({ inChart: true, inKey: 3 });
		expect(await covid('/tren?from=2022-01&to=2022-12')).toEqual({ inChart: false, inKey: 0 });
		// The period ends on the band's first month / starts after its last.
		expect((await covid('/?from=2019-06&to=2020-03')).inChart).toBe(true);
		expect(await covid('/?from=2021-02&to=2021-06')).toEqual({ inChart: false, inKey: 0 });
		expect((await covid('/banding?r=36.03&r=32.73&from=2020-01&to=2020-12')).inChart).toBe(true);
		expect((await covid('/banding?r=36.03&r=32.73&from=2023-01&to=2023-12')).inChart).toBe(false);
		// Other events from the table: the 2019 election as a line, the PPDB season as a band.
		await page.goto(`${base}/tren?from=2019-01&to=2019-12`);
		expect(await page.locator('[data-testid="trend-status"] svg title', { hasText: 'Pemilu 2019: 17 April 2019' }).count()).toBe(1);
		expect(await page.locator('[data-testid="trend-status"] [data-testid="event-ppdb"]').textContent()).toContain('Juni 2019 – Juli 2019');
		await page.close();
	});
});

describe('year on year', () => {
	it('puts the same months a year earlier on the overview cards, equal to SQL', async () => {
		const page = await browser.newPage();
		expect((await page.goto(`${base}/?region=36.03&from=2023-01&to=2023-06`))?.status()).toBe(200);
		const [now, before] = await Promise.all([truth('36.03', '2023-01', '2023-06'), truth('36.03', '2022-01', '2022-06')]);
		const v = (now.n - before.n) / before.n;
		expect(await page.locator('[data-testid="yoy-total"] [aria-hidden]').textContent()).toBe(
			`${arrow(v)} ${idSigned.format(v)}thd. tahun lalu`
		);
		expect(await page.locator('[data-testid="yoy-total"] .visually-hidden').textContent()).toContain(
			'Jan 2023 – Jun 2023 dibanding Jan 2022 – Jun 2022'
		);
		const pts = (now.followUp - before.followUp) * 100;
		const signed = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
		expect(await page.locator('[data-testid="yoy-followup"] [aria-hidden]').textContent()).toContain(`${signed.format(pts)} poin`);
		// A period over twelve months has no year-on-year line, and says why.
		await page.goto(`${base}/?from=2022-01&to=2023-06`);
		expect(await page.getByTestId('yoy-total').count()).toBe(0);
		expect(await page.locator('.kpi-compare-note').textContent()).toContain('paling lama 12 bulan');
		await page.close();
	});

	it('draws this year against last year on /tren, month by month, equal to SQL', async () => {
		const page = await browser.newPage();
		expect((await page.goto(`${base}/tren?region=36.03&to=2023-12`))?.status()).toBe(200);
		const counts = await sql<{ m: string; n: number }>(
			db,
			`SELECT strftime(created_at, '%Y-%m') AS m, count(*)::INTEGER AS n FROM complaints
			 WHERE ${inRegion('36.03')} AND ${between('2022-01', '2023-12')} GROUP BY 1`
		);
		const n = (m: string) => counts.find((c) => c.m === m)?.n ?? 0;
		const rows = await page
			.locator('[data-testid="yoy-table"] tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent?.trim())));
		const mm = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
		expect(rows).toEqual(mm.map((m) => [idInt.format(n(`2022-${m}`)), idInt.format(n(`2023-${m}`))]));
		const ytd = { now: mm.reduce((s, m) => s + n(`2023-${m}`), 0), before: mm.reduce((s, m) => s + n(`2022-${m}`), 0) };
		expect(await page.getByTestId('yoy-ytd').textContent()).toContain(
			`Jan 2023 – Des 2023: ${idInt.format(ytd.now)} aduan, dibanding ${idInt.format(ytd.before)} pada bulan yang sama 2022`
		);
		expect(await page.locator('[data-testid="trend-yoy"] svg[role="img"]').count()).toBe(1);
		await page.close();
	});
});
