// Drilling down (issue 15.3–4) end to end in Chromium: the kecamatan breakdown of Kota Surabaya on
// its real export (31 kecamatan; ../shared/data), the kecamatan filter, agency rows leading to
// their complaints, the text search, and the "Terlambat" work list on the 20k sample and on the
// Surabaya export (which has no verification dates). Every figure is compared with SQL written
// here, working days counted with the harness's own calendar (WORKING_DAYS_CTES), not the app's.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { themeName } from '../src/lib/core/themes';
import { lastJson, npmRun, openE2E, readCsv, RESULTS, ROOT, sql, startServer, WORKING_DAYS_CTES, type RunningServer } from './harness';

const SURABAYA = join(resolve(ROOT, '../shared/data'), 'surabaya_mediacenter/surabaya_complaints_2022_2023.csv');
const SBY = '35.78';
const idInt = new Intl.NumberFormat('id-ID');
const idPct = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const idDec1 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const idDate = (ymd: string) =>
	new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${ymd.slice(0, 10)}T00:00:00Z`));
const OPEN = `('belum_terverifikasi', 'terverifikasi', 'terdisposisi', 'ditindaklanjuti', 'ditanggapi_pelapor', 'ditunda')`;

const dir = mkdtempSync(join(tmpdir(), 'telaah-drill-'));
const sbyDb = join(dir, 'surabaya.duckdb');
let sby: RunningServer;
let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => {
	// Fail loudly, never skip: CI has ../shared beside the repository.
	if (!existsSync(SURABAYA)) throw new Error(`${SURABAYA} is missing: the kecamatan tests need ../shared/data`);
	({ base, db, browser } = await openE2E());
	lastJson(npmRun('ingest', [SURABAYA, '--db', sbyDb, '--json']));
	lastJson(npmRun('topics', ['--db', sbyDb, '--k', '8', '--json']));
	sby = await startServer(sbyDb);
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await sby?.stop();
	if (!process.env.TELAAH_KEEP_E2E) rmSync(dir, { recursive: true, force: true });
});

/** Working days after the filing date up to `until` (a date column), as the harness counts them. */
const wdSince = (until: string) => `(SELECT count(*) FROM wd WHERE wd.d > c.created_at::DATE AND wd.d <= ${until})`;

/** The cells of a table's body rows, by data-col, with the row's header text and data-* attributes. */
const tableRows = (page: Page, selector: string) =>
	page.locator(`${selector} tbody tr`).evaluateAll((trs) =>
		trs.map((tr) => ({
			head: tr.querySelector('th')?.textContent?.trim() ?? '',
			attrs: Object.fromEntries([...tr.attributes].map((a) => [a.name, a.value])),
			cols: Object.fromEntries([...tr.querySelectorAll('[data-col]')].map((td) => [td.getAttribute('data-col'), td.textContent?.trim()]))
		}))
	);

describe('kecamatan of Kota Surabaya (real export)', () => {
	it('lists its 31 kecamatan with volume and the declared figures, as SQL counts them, with a ranked bar chart', async () => {
		const want = await sql<{
			code: string;
			name: string;
			n: number;
			eligible: number;
			followed: number;
			med: number | null;
			due5: number;
			breach5: number;
		}>(
			sbyDb,
			`WITH ${WORKING_DAYS_CTES}, c AS (
				SELECT c.*, ${wdSince('snap.s')} AS elapsed, ${wdSince('c.first_response_at::DATE')} AS resp_wd
				FROM complaints c, snap
			)
			SELECT d.code, d.name, count(c.tracking_id)::INTEGER AS n,
				count(*) FILTER (WHERE c.status NOT IN ('dihapus', 'arsip'))::INTEGER AS eligible,
				count(*) FILTER (WHERE c.status NOT IN ('dihapus', 'arsip') AND (c.status IN ('ditindaklanjuti', 'ditanggapi_pelapor', 'selesai') OR c.first_response_at IS NOT NULL))::INTEGER AS followed,
				(median(round(epoch(c.first_response_at) - epoch(c.created_at))) FILTER (WHERE c.first_response_at >= c.created_at) / 86400)::DOUBLE AS med,
				count(*) FILTER (WHERE c.status NOT IN ('dihapus', 'arsip') AND (c.first_response_at IS NOT NULL OR c.elapsed > 5))::INTEGER AS due5,
				count(*) FILTER (WHERE c.status NOT IN ('dihapus', 'arsip') AND (CASE WHEN c.first_response_at IS NOT NULL THEN c.resp_wd ELSE c.elapsed END) > 5)::INTEGER AS breach5
			FROM districts d LEFT JOIN c ON c.district_code = d.code
			WHERE d.regency_code = '${SBY}'
			GROUP BY d.code, d.name`
		);
		// The page's order: most complaints first, then by name.
		want.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
		expect(want).toHaveLength(31);
		const [all] = await sql<{ n: number; matched: number }>(
			sbyDb,
			`SELECT count(*)::INTEGER AS n, count(district_code)::INTEGER AS matched FROM complaints`
		);
		expect(want.reduce((s, r) => s + r.n, 0)).toBe(all!.matched);

		const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
		expect((await page.goto(`${sby.origin}/wilayah/${SBY}`))?.status()).toBe(200);
		const rows = await tableRows(page, '[data-testid="district-table"]');
		const kecamatan = rows.filter((r) => r.attrs['data-code']);
		expect(
			kecamatan.map((r) => [
				r.attrs['data-code'],
				r.head,
				r.cols.n,
				r.cols.followUpRate,
				r.cols.medianResponseDays,
				r.cols.breach3Rate,
				r.cols.breach5Rate,
				r.cols.per100k
			])
		).toEqual(
			want.map((w) => [
				w.code,
				w.name,
				idInt.format(w.n),
				w.eligible ? idPct.format(w.followed / w.eligible) : '–',
				w.med === null ? '–' : idDec1.format(w.med),
				// No verification dates in this export: not 0 %, "tidak tersedia".
				'tidak tersedia',
				w.due5 ? idPct.format(w.breach5 / w.due5) : '–',
				'tidak tersedia'
			])
		);
		// Every complaint is in one row: the unmatched ones (if any) apart.
		const unmatched = rows.filter((r) => !r.attrs['data-code']);
		expect(unmatched.reduce((s, r) => s + Number(r.cols.n!.replaceAll('.', '')), 0)).toBe(all!.n - all!.matched);

		// Top themes per kecamatan, from the topic model's tags, small counts as "<5".
		const themes = await sql<{ code: string; theme: string; n: number }>(
			sbyDb,
			`SELECT c.district_code AS code, t.theme, count(*)::INTEGER AS n FROM complaint_themes t JOIN complaints c USING (tracking_id)
			 WHERE c.status <> 'dihapus' AND c.district_code IS NOT NULL GROUP BY ALL ORDER BY code, n DESC, theme`
		);
		expect(themes.length).toBeGreaterThan(31);
		const top = (code: string) =>
			themes
				.filter((t) => t.code === code)
				.slice(0, 3)
				.map((t) => `${themeName(t.theme, 'id')} (${t.n < 5 ? '<5' : idInt.format(t.n)})`)
				.join(', ') || '–';
		expect(kecamatan.map((r) => r.cols.themes)).toEqual(want.map((w) => top(w.code)));

		// The ranked bar chart: one bar per kecamatan, largest first, named for a screen reader.
		const chart = page.locator('[data-testid="district-chart"] svg');
		expect(await chart.getAttribute('role')).toBe('img');
		expect(await chart.getAttribute('aria-description')).toContain(`Terbanyak ${want[0]!.name}`);
		const bars = await chart.locator('rect title').allTextContents();
		expect(bars).toEqual(want.filter((w) => w.n > 0).map((w) => `${w.name}: ${idInt.format(w.n)} aduan`));
		await page.locator('[data-testid="districts"]').screenshot({ path: resolve(RESULTS, 'kecamatan-surabaya.png') });
		await page.close();

		// The CSV: the same rows, numbers as numbers.
		const [head, ...csv] = readCsv(await (await fetch(`${sby.origin}/api/kecamatan.csv?region=${SBY}`)).text());
		const col = (k: string) => head!.indexOf(k);
		expect(
			csv
				.filter((r) => r[col('district_code')])
				.map((r) => [r[col('district_code')], Number(r[col('complaints')]), r[col('per_100k')], r[col('verification_breach_pct')]])
		).toEqual(want.map((w) => [w.code, w.n, 'tidak tersedia', 'tidak tersedia']));
		expect(csv.filter((r) => r[col('district_code')]).map((r) => Number(r[col('follow_up_pct')]))).toEqual(
			want.map((w) => Math.round((w.followed / w.eligible) * 10_000) / 100)
		);
		// Without a kab/kota there is no kecamatan to list.
		expect((await fetch(`${sby.origin}/api/kecamatan.csv`)).status).toBe(400);
	});

	it('filters every view to one kecamatan from the filter bar, in the URL', async () => {
		const [k] = await sql<{ code: string; name: string; n: number }>(
			sbyDb,
			`SELECT d.code, d.name, count(*)::INTEGER AS n FROM complaints c JOIN districts d ON d.code = c.district_code
			 GROUP BY ALL ORDER BY n DESC, d.code LIMIT 1 OFFSET 2`
		);
		const page = await browser.newPage();
		await page.goto(`${sby.origin}/aduan?region=${SBY}`);
		await page.selectOption('#f-district', k!.code);
		await Promise.all([page.waitForURL(/district=/), page.locator('[data-testid="filter-bar"] button[type="submit"]').click()]);
		expect(new URL(page.url()).searchParams.get('district')).toBe(k!.code);
		expect(await page.getByTestId('complaint-caption').textContent()).toContain(`(${idInt.format(k!.n)} aduan)`);
		// The kab/kota page under that kecamatan: its KPIs are the kecamatan's; the table marks it.
		await page.goto(`${sby.origin}/wilayah/${SBY}?district=${k!.code}`);
		expect(await page.getByTestId('kpi-total').textContent()).toBe(idInt.format(k!.n));
		expect(await page.locator('[data-testid="district-table"] tr[aria-current="true"] th').textContent()).toBe(k!.name);
		// A kecamatan of another kab/kota, or a malformed one, is a 400.
		for (const bad of [`/aduan?region=${SBY}&district=36.03.01`, `/wilayah/35?district=${k!.code}`, `/aduan?district=35.78.1`])
			expect((await fetch(`${sby.origin}${bad}`)).status, bad).toBe(400);
		await page.close();
	});

	it('says the verification deadline is "tidak tersedia" in the work list, and lists what is late for a response', async () => {
		const want = await sql<{ id: string; late: number }>(
			sbyDb,
			`WITH ${WORKING_DAYS_CTES}, c AS (SELECT c.*, ${wdSince('snap.s')} AS elapsed FROM complaints c, snap)
			 SELECT tracking_id AS id, (elapsed - 5)::INTEGER AS late FROM c
			 WHERE status IN ${OPEN} AND first_response_at IS NULL AND elapsed > 5 ORDER BY id`
		);
		expect(want.length).toBeGreaterThan(100);
		const page = await browser.newPage();
		await page.goto(`${sby.origin}/aduan/terlambat?region=${SBY}`);
		expect(await page.getByTestId('late-verify').getAttribute('data-state')).toBe('absent');
		expect(await page.getByTestId('late-verify').textContent()).toMatch(/^tidak tersedia/);
		expect(await page.getByTestId('late-respond').textContent()).toBe(idInt.format(want.length));
		await page.close();
		const [head, ...csv] = readCsv(await (await fetch(`${sby.origin}/api/terlambat.csv?region=${SBY}`)).text());
		const col = (k: string) => head!.indexOf(k);
		expect(csv.every((r) => r[col('verification_overdue_wd')] === 'tidak tersedia')).toBe(true);
		expect(
			csv
				.map((r) => ({ id: r[col('tracking_id')], late: Number(r[col('response_overdue_wd')]) }))
				.sort((a, b) => a.id!.localeCompare(b.id!))
		).toEqual([...want].sort((a, b) => a.id.localeCompare(b.id)));
	});
});

describe('agencies lead to their complaints (20k sample)', () => {
	it('from /wilayah/[code], /instansi and /instansi/[type], filtered to the agency in the URL and the filter bar', async () => {
		const page = await browser.newPage();
		for (const [from, region] of [
			['/wilayah/36.03', '36.03'],
			['/instansi?region=36.03', '36.03'],
			['/instansi/dinsos?region=36', null]
		] as const) {
			await page.goto(`${base}${from}`);
			const link = page.getByTestId('agency-complaints').first();
			const name = (await link.textContent())!.trim();
			await Promise.all([page.waitForURL(/\/aduan\?/), link.click()]);
			const url = new URL(page.url());
			expect(url.searchParams.get('agency'), from).toBe(name);
			const inRegion = region ?? url.searchParams.get('region');
			expect(inRegion, from).toBeTruthy();
			const [n] = await sql<{ n: number }>(
				db,
				`SELECT count(*)::INTEGER AS n FROM complaints WHERE agency_name = '${name.replaceAll("'", "''")}' AND (regency_code = '${inRegion}' OR province_code = '${inRegion}')`
			);
			expect(n!.n, from).toBeGreaterThan(0);
			expect(await page.getByTestId('complaint-caption').textContent(), from).toContain(`(${idInt.format(n!.n)} aduan)`);
			if (inRegion!.includes('.')) expect(await page.locator('#f-agency').inputValue(), from).toBe(name);
			const agencies = await page.locator('[data-testid="complaint-table"] tbody tr td:nth-child(6)').allTextContents();
			expect(new Set(agencies.map((a) => a.trim())), from).toEqual(new Set([name]));
		}
		await page.close();
		expect((await fetch(`${base}/aduan?agency=${'x'.repeat(201)}`)).status).toBe(400);
	});
});

describe('text search (20k sample)', () => {
	it('finds the complaints holding every word, in title or body, within the filters, never a confidential one', async () => {
		const where = `regency_code = '36.03' AND NOT is_confidential
			AND (contains(lower(title), 'jalan') OR contains(lower(body), 'jalan'))
			AND (contains(lower(title), 'rusak') OR contains(lower(body), 'rusak'))`;
		const ids = await sql<{ id: string }>(
			db,
			`SELECT tracking_id AS id FROM complaints WHERE ${where} ORDER BY created_at DESC NULLS LAST, tracking_id`
		);
		expect(ids.length).toBeGreaterThan(25);
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${base}/aduan?region=36.03`);
		await page.fill('#q', 'Jalan  RUSAK,');
		await Promise.all([page.waitForURL(/q=/), page.locator('[data-testid="search-form"] button[type="submit"]').click()]);
		expect(new URL(page.url()).searchParams.get('region')).toBe('36.03');
		expect(await page.getByTestId('search-summary').textContent()).toContain(`${idInt.format(ids.length)} aduan memuat “jalan” + “rusak”`);
		const shown = await page.locator('[data-testid="complaint-table"] tbody th a').allTextContents();
		expect(shown).toEqual(ids.slice(0, 25).map((r) => `#${r.id}`));
		await page.screenshot({ path: resolve(RESULTS, 'aduan-search.png') });
		// The next page and the CSV keep the search.
		await Promise.all([page.waitForURL(/page=2/), page.getByTestId('next').click()]);
		expect(await page.locator('[data-testid="complaint-table"] tbody th a').allTextContents()).toEqual(
			ids.slice(25, 50).map((r) => `#${r.id}`)
		);
		const href = await page.getByTestId('csv-link').getAttribute('href');
		const csv = readCsv(await (await fetch(`${base}${href}`)).text());
		expect(csv.slice(1).map((r) => r[0])).toEqual(ids.map((r) => r.id));
		await page.close();
		// (Confidential complaints: tests/security.test.ts searches for a word only their bodies hold, as a scoped user.)
		for (const bad of [`q=${'x'.repeat(201)}`, 'q=a+b+c+d+e+f']) expect((await fetch(`${base}/aduan?${bad}`)).status, bad).toBe(400);
	});
});

describe('"Terlambat" work list (20k sample)', () => {
	it('lists every open complaint past its deadline per OPD, oldest first, with the working days overdue, as SQL does', async () => {
		const want = await sql<{ agency: string; opd: string; id: string; created: string; verify: number | null; respond: number | null }>(
			db,
			`WITH ${WORKING_DAYS_CTES}, c AS (
				SELECT c.*, ${wdSince('snap.s')} AS elapsed FROM complaints c, snap WHERE c.regency_code = '36.03' AND c.created_at IS NOT NULL
			), late AS (
				SELECT coalesce(agency_name, '') AS agency, opd_type AS opd, tracking_id AS id, created_at,
					CASE WHEN verified_at IS NULL AND elapsed > 3 THEN elapsed - 3 END AS verify,
					CASE WHEN first_response_at IS NULL AND elapsed > 5 THEN elapsed - 5 END AS respond
				FROM c WHERE status IN ${OPEN}
			), g AS (SELECT agency, opd, count(*) AS n FROM late WHERE verify IS NOT NULL OR respond IS NOT NULL GROUP BY ALL)
			SELECT late.agency, late.opd, late.id, strftime(late.created_at, '%Y-%m-%d %H:%M') AS created, late.verify::INTEGER AS verify, late.respond::INTEGER AS respond
			FROM late JOIN g USING (agency, opd)
			WHERE verify IS NOT NULL OR respond IS NOT NULL
			ORDER BY g.n DESC, late.agency, late.opd, late.created_at, late.id`
		);
		expect(want.length).toBeGreaterThan(20);
		const [head, ...csv] = readCsv(await (await fetch(`${base}/api/terlambat.csv?region=36.03`)).text());
		const col = (k: string) => head!.indexOf(k);
		const num = (v: string | undefined) => (v ? Number(v) : null);
		expect(
			csv.map((r) => ({
				agency: r[col('agency')],
				opd: r[col('opd_type')],
				id: r[col('tracking_id')],
				created: r[col('created_at')],
				verify: num(r[col('verification_overdue_wd')]),
				respond: num(r[col('response_overdue_wd')])
			}))
		).toEqual(want);

		// The page: the counts, the OPD table (most late first) and the list's first group, oldest first.
		const groups = [...new Map(want.map((w) => [`${w.agency}|${w.opd}`, w])).keys()];
		const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${base}/aduan/terlambat?region=36.03`);
		expect(await page.getByTestId('late-verify').textContent()).toBe(idInt.format(want.filter((w) => w.verify !== null).length));
		expect(await page.getByTestId('late-respond').textContent()).toBe(idInt.format(want.filter((w) => w.respond !== null).length));
		expect(await page.getByTestId('late-groups').textContent()).toBe(idInt.format(groups.length));
		const table = await tableRows(page, '[data-testid="late-groups-table"]');
		const byGroup = (key: string) => want.filter((w) => `${w.agency}|${w.opd}` === key);
		expect(table.map((r) => r.cols.n)).toEqual(groups.slice(0, 50).map((g) => idInt.format(byGroup(g).length)));
		expect(table.map((r) => r.cols.most)).toEqual(
			groups.slice(0, 50).map((g) => idInt.format(Math.max(...byGroup(g).map((w) => Math.max(w.verify ?? 0, w.respond ?? 0)))))
		);
		const first = byGroup(groups[0]!);
		const listed = await page
			.locator('[data-testid="late-group"]')
			.first()
			.locator('tr[data-id]')
			.evaluateAll((trs) =>
				trs.map((tr) => [
					tr.getAttribute('data-id'),
					tr.querySelector('.date')?.textContent?.trim(),
					tr.querySelector('[data-col="respond"]')?.textContent?.trim()
				])
			);
		expect(listed).toEqual(first.slice(0, 10).map((w) => [w.id, idDate(w.created), w.respond === null ? '–' : idInt.format(w.respond)]));
		await page.screenshot({ path: resolve(RESULTS, 'terlambat.png') });

		// One OPD's own list, from its row in the table (the first with an agency name).
		const named = groups.find((g) => !g.startsWith('|'))!;
		const link = page.getByTestId('late-group-link').first();
		expect(await link.textContent()).toBe(named.split('|')[0]);
		await Promise.all([page.waitForURL(/agency=/), link.click()]);
		const mine = await page
			.locator('[data-testid="late-table"] tr[data-id]')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
		expect(mine).toEqual(
			byGroup(named)
				.slice(0, 500)
				.map((w) => w.id)
		);
		await page.close();
	});
});
