// /rekomendasi end to end on the 20k sample: the default month, ranked recommendations with
// severity badges, evidence figures against SQL written here, evidence links that resolve, the
// region view, CSV, English, a bad month, and the notice when the topic tables are absent.
// Working days are counted here straight from data/reference/holidays_id.csv, not with the app's calendar.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, readCsv, RESULTS, sql, WORKING_DAYS_CTES } from './harness';

const idInt = new Intl.NumberFormat('id-ID');
const idPct = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const idDec1 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
let browser: Browser;
let base: string;
let db: string;
let month: string;

beforeAll(async () => {
	({ base, db, browser } = await openE2E());
	// Last complete month: the as-of date's month if it is that month's last day, else the month before.
	const [r] = await sql<{ m: string }>(
		db,
		`WITH a AS (SELECT greatest(max(created_at), max(verified_at), max(first_response_at), max(closed_at))::DATE AS d FROM complaints)
		SELECT strftime(CASE WHEN (d + 1) = date_trunc('month', d + 1) THEN d ELSE date_trunc('month', d) - INTERVAL 1 DAY END, '%Y-%m') AS m FROM a`
	);
	month = r!.m;
});
afterAll(async () => await browser?.close());

const longMonth = (m: string) =>
	new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
const monthStart = (m: string, back: number) => {
	const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 - back;
	return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
};

interface Shown {
	key: string;
	severity: string;
	evidence: { value: string; href: string | null }[];
}

async function shownRecs(page: import('playwright-core').Page): Promise<Shown[]> {
	return page.locator('[data-testid="rec"]').evaluateAll((lis) =>
		lis.map((li) => ({
			key: li.getAttribute('data-key')!,
			severity: li.querySelector('[data-testid="severity"]')!.textContent!.replace(/\s+/g, ' ').trim(),
			evidence: [...li.querySelectorAll('[data-testid="evidence-value"]')].map((dd) => ({
				value: dd.textContent!.trim(),
				href: dd.querySelector('a')?.getAttribute('href') ?? null
			}))
		}))
	);
}

describe('recommendations page', () => {
	it('lists ranked national recommendations for the last complete month, with figures equal to SQL and working links', async () => {
		const page = await browser.newPage();
		const res = await page.goto(`${base}/rekomendasi`);
		expect(res?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Rekomendasi');
		expect(await page.locator('[data-testid="month-form"] input[name="month"]').inputValue()).toBe(month);
		const recs = await shownRecs(page);
		expect(recs.length).toBeGreaterThan(0);
		for (const r of recs) expect(r.severity).toMatch(/^Tingkat: (Tinggi|Sedang|Rendah)$/);

		// Figures against SQL: low reporting (12-month count and rate per 100k of a kab/kota) and
		// the backlog (complaints older than 60 days at the month's end and still open then).
		const from12 = monthStart(month, 11);
		const end = monthStart(month, -1);
		let checked = 0;
		for (const r of recs.filter((r) => r.key.startsWith('low_reporting:kabkota:'))) {
			const code = r.key.split(':')[2]!;
			const [e] = await sql<{ n: number; pop: number }>(
				db,
				`SELECT (SELECT count(*) FROM complaints WHERE regency_code = '${code}'
					AND created_at >= DATE '${from12}' AND created_at < DATE '${end}')::INTEGER AS n,
					(SELECT population FROM regions WHERE code = '${code}')::DOUBLE AS pop`
			);
			expect(r.evidence[0]!.value).toBe(`${idInt.format(e!.n)} (${idDec1.format((e!.n / e!.pop) * 1e5)})`);
			checked++;
		}
		const backlog = recs.find((r) => r.key === 'backlog:nasional:');
		if (backlog) {
			const [b] = await sql<{ old: number; open: number }>(
				db,
				`SELECT count(*)::INTEGER AS old,
					count(*) FILTER (WHERE status NOT IN ('dihapus', 'arsip')
						AND (closed_at >= TIMESTAMP '${end}' OR (closed_at IS NULL AND status <> 'selesai')))::INTEGER AS open
				FROM complaints WHERE created_at >= DATE '${from12}' AND created_at < DATE '${end}' - INTERVAL 60 DAY`
			);
			expect(backlog.evidence[0]!.value).toBe(`${idInt.format(b!.open)} dari ${idInt.format(b!.old)} (${idPct.format(b!.open / b!.old)})`);
			checked++;
		}
		// The month's 5-working-day follow-up breaches, counted day by day from holidays_id.csv.
		const deadline = recs.find((r) => r.key === 'deadline_breach:nasional:');
		if (deadline) {
			const [d] = await sql<{ due: number; late: number }>(
				db,
				`WITH ${WORKING_DAYS_CTES},
				c AS (
					SELECT status, first_response_at,
						(SELECT count(*) FROM wd WHERE wd.d > CAST(x.created_at AS DATE) AND wd.d <= coalesce(CAST(x.first_response_at AS DATE), snap.s)) AS days
					FROM complaints x, snap WHERE created_at >= DATE '${monthStart(month, 0)}' AND created_at < DATE '${end}'
				)
				SELECT count(*) FILTER (WHERE status NOT IN ('dihapus', 'arsip') AND (first_response_at IS NOT NULL OR days > 5))::INTEGER AS due,
					count(*) FILTER (WHERE status NOT IN ('dihapus', 'arsip') AND days > 5)::INTEGER AS late
				FROM c`
			);
			expect(deadline.evidence[0]!.value).toBe(`${idInt.format(d!.late)} dari ${idInt.format(d!.due)} (${idPct.format(d!.late / d!.due)})`);
			checked++;
		}
		expect(checked).toBeGreaterThan(0);

		// Every evidence link answers 200.
		const links = [...new Set(recs.flatMap((r) => r.evidence.map((e) => e.href)).filter((h): h is string => h !== null))];
		expect(links.length).toBeGreaterThan(0);
		for (const href of links) expect((await page.request.get(`${base}${href}`)).status(), href).toBe(200);

		// The regions needing attention link to their own recommendations.
		const attention = page.locator('[data-testid="attention-table"] tbody a').first();
		expect(await attention.getAttribute('href')).toMatch(new RegExp(`^/rekomendasi\\?region=\\d{2}(\\.\\d{2})?&month=${month}$`));
		await page.screenshot({ path: resolve(RESULTS, 'rekomendasi.png'), fullPage: true });

		// Topic rules need the topic tables: when they are absent the page says so.
		const [t] = await sql<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'complaint_themes'`);
		expect(await page.locator('[data-testid="no-topics"]').count()).toBe(t!.n > 0 ? 0 : 1);
		await page.close();
	});

	it('downloads the same recommendations as CSV, one row per evidence figure', async () => {
		const page = await browser.newPage();
		await page.goto(`${base}/rekomendasi?month=${month}`);
		const recs = await shownRecs(page);
		const res = await page.request.get(`${base}/api/rekomendasi.csv?month=${month}`);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain('text/csv');
		const [header, ...rows] = readCsv(await res.text());
		expect(header!.slice(0, 3)).toEqual(['rank', 'rule', 'severity']);
		const keyOf = (row: string[]) => `${row[1]}:${row[4]}:${row[5]}`;
		expect([...new Set(rows.map(keyOf))]).toEqual(recs.map((r) => r.key));
		expect(rows.map((row) => row[10])).toEqual(recs.flatMap((r) => r.evidence.map((e) => e.value)));
		await page.close();
	});

	it('shows one region with the month kept by the form, in English too', async () => {
		const [{ code }] = (await sql<{ code: string }>(
			db,
			`SELECT regency_code AS code FROM complaints WHERE regency_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`
		)) as [{ code: string }];
		const page = await browser.newPage();
		const res = await page.goto(`${base}/rekomendasi?region=${code}&month=${month}&lang=en`);
		expect(res?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Recommendations');
		const recs = await shownRecs(page);
		if (recs.length === 0) expect(await page.locator('[data-testid="empty-state"]').textContent()).toContain('No recommendations');
		for (const r of recs) expect(r.severity).toMatch(/^Severity: (High|Medium|Low)$/);
		// Choosing another month keeps the region and the language.
		const previous = monthStart(month, 1).slice(0, 7);
		await page.locator('[data-testid="month-form"] input[name="month"]').fill(previous);
		await Promise.all([page.waitForURL(new RegExp(`month=${previous}`)), page.locator('[data-testid="month-form"] button').click()]);
		const url = new URL(page.url());
		expect(Object.fromEntries(url.searchParams)).toEqual({ region: code, lang: 'en', month: previous });
		await page.close();
	});

	it('follows the period filter, and says which month it shows and why', async () => {
		const page = await browser.newPage();
		await page.goto(`${base}/rekomendasi`);
		const why = page.locator('[data-testid="month-why"]');
		expect(await why.textContent()).toContain(`${longMonth(month)}: bulan lengkap terakhir dalam data`);
		const earlier = monthStart(month, 4).slice(0, 7);
		await page.goto(`${base}/rekomendasi?from=${monthStart(month, 8).slice(0, 7)}&to=${earlier}`);
		expect(await page.locator('[data-testid="month-form"] input[name="month"]').inputValue()).toBe(earlier);
		expect(await why.textContent()).toContain(`${longMonth(earlier)}: bulan terakhir periode yang dipilih`);
		// The list is that month's: the same as the CSV asked for it by name.
		const csv = await (await page.request.get(`${base}/api/rekomendasi.csv?month=${earlier}`)).text();
		const keyOf = (row: string[]) => `${row[1]}:${row[4]}:${row[5]}`;
		expect((await shownRecs(page)).map((r) => r.key)).toEqual([...new Set(readCsv(csv).slice(1).map(keyOf))]);
		// An explicit month wins over the period, and the period stays in the URL.
		await page.locator('[data-testid="month-form"] input[name="month"]').fill(month);
		await Promise.all([page.waitForURL(new RegExp(`month=${month}`)), page.locator('[data-testid="month-form"] button').click()]);
		expect(new URL(page.url()).searchParams.get('to')).toBe(earlier);
		expect(await why.count()).toBe(0);
		await page.close();
	});

	it('answers 400 for a bad month or region', async () => {
		const page = await browser.newPage();
		expect((await page.goto(`${base}/rekomendasi?month=2020-13`))?.status()).toBe(400);
		expect((await page.request.get(`${base}/api/rekomendasi.csv?month=abc`)).status()).toBe(400);
		expect((await page.goto(`${base}/rekomendasi?region=xx`))?.status()).toBe(400);
		await page.close();
	});
});
