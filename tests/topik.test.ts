// /topik end to end, on the e2e warehouse that global-setup fitted with `npm run topics`: the
// cluster and theme figures against SQL written here, examples never confidential, the 2020 bansos
// surge in the spikes table, the heatmap, the CSV downloads, and the filter bar without JavaScript.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANSOS_SURGE_REGIONS } from '../pipelines/sample/anchors';
import { openE2E, readCsv, RESULTS, sql, startServer } from './harness';

const idInt = new Intl.NumberFormat('id-ID');
const idPct = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
let browser: Browser;
let base: string;
let db: string;

beforeAll(async () => ({ base, db, browser } = await openE2E()));
afterAll(async () => await browser?.close());

// Complaints per cluster under a WHERE over complaints, deleted ones left out (as the page says).
const PER_CLUSTER = (where = 'true') => `
	SELECT t.cluster_id, t.label, count(c.tracking_id)::INTEGER AS n
	FROM topic_clusters t
	LEFT JOIN complaint_topics ct ON ct.cluster_id = t.cluster_id
	LEFT JOIN complaints c ON c.tracking_id = ct.tracking_id AND c.status <> 'dihapus' AND ${where}
	GROUP BY ALL ORDER BY n DESC, t.cluster_id`;

const rowsOf = (page: import('playwright-core').Page, table: string, attr: string) =>
	page
		.locator(`[data-testid="${table}"] tbody tr`)
		.evaluateAll(
			(trs, attr) =>
				trs.map((tr) => [
					tr.getAttribute(attr),
					tr.querySelector('[data-col="n"]')?.textContent?.trim(),
					tr.querySelector('[data-col="share"]')?.textContent?.trim()
				]),
			attr
		);

describe('topics page', () => {
	it('shows every cluster with its volume and share, and the policy themes, as SQL counts them', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const res = await page.goto(`${base}/topik`);
		expect(res?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Topik aduan');
		expect(await page.getByTestId('empty-state').count()).toBe(0);

		const expected = await sql<{ cluster_id: number; label: string; n: number }>(db, PER_CLUSTER());
		expect(expected.length).toBeGreaterThanOrEqual(6);
		const total = expected.reduce((s, e) => s + e.n, 0);
		const { live } = (await sql<{ live: number }>(db, `SELECT count(*)::INTEGER AS live FROM complaints WHERE status <> 'dihapus'`))[0]!;
		expect(total).toBe(live); // every live complaint has a topic
		expect(await rowsOf(page, 'topic-table', 'data-cluster')).toEqual(
			expected.map((e) => [String(e.cluster_id), idInt.format(e.n), idPct.format(e.n / total)])
		);
		const labels = await page.locator('[data-testid="topic-table"] [data-col="label"]').allTextContents();
		expect(labels).toEqual(expected.map((e) => e.label));
		// one sparkline per cluster with data
		expect(await page.locator('[data-testid="topic-table"] svg.sparkline').count()).toBe(expected.filter((e) => e.n > 0).length);

		const themes = await sql<{ theme: string; n: number }>(
			db,
			`SELECT t.theme, count(*)::INTEGER AS n FROM complaint_themes t JOIN complaints c USING (tracking_id)
			 WHERE c.status <> 'dihapus' GROUP BY 1 ORDER BY n DESC, 1`
		);
		expect(themes.map((t) => t.theme)).toContain('bansos');
		expect(await rowsOf(page, 'theme-table', 'data-theme')).toEqual(
			themes.map((t) => [t.theme, idInt.format(t.n), idPct.format(t.n / live)])
		);
		await page.screenshot({ path: resolve(RESULTS, 'topik.png'), fullPage: false });
		await context.close();
	});

	it('never shows a confidential complaint as an example, and shows no reporter data', async () => {
		const page = await browser.newPage();
		for (const url of ['/topik', '/topik?from=2020-01&to=2020-12', '/topik?region=32']) {
			await page.goto(`${base}${url}`);
			const ids = await page.locator('[data-testid="examples"] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')!));
			expect(ids.length, url).toBeGreaterThan(0);
			const rows = await sql<{ tracking_id: string; is_confidential: boolean }>(
				db,
				`SELECT tracking_id, is_confidential FROM complaints WHERE tracking_id IN (${ids.map((i) => `'${i.replaceAll("'", "''")}'`).join(',')})`
			);
			expect(rows.length, url).toBe(new Set(ids).size);
			expect(
				rows.filter((r) => r.is_confidential),
				url
			).toEqual([]);
			expect(await page.locator('[data-testid="examples"] li').count()).toBeLessThanOrEqual(
				3 * (await page.locator('[data-testid="topic-table"] tbody tr').count())
			);
		}
		// the sample has confidential complaints inside the clusters, so the exclusion is exercised
		const { conf } = (
			await sql<{ conf: number }>(
				db,
				`SELECT count(*)::INTEGER AS conf FROM complaint_topics JOIN complaints USING (tracking_id) WHERE is_confidential`
			)
		)[0]!;
		expect(conf).toBeGreaterThan(0);
		const html = await page.content();
		expect(html).not.toMatch(/reporter_hash|Nama Pelapor|Email Pelapor/);
		await page.close();
	});

	it('lists the 2020 bansos surge regions among the spikes, and no other region in the surge months', async () => {
		const page = await browser.newPage();
		await page.goto(`${base}/topik`);
		const shown = await page.locator('[data-testid="spike-table"] tbody tr').evaluateAll((trs) =>
			trs.map((tr) => ({
				code: tr.getAttribute('data-regency')!,
				theme: tr.getAttribute('data-theme')!,
				start: tr.getAttribute('data-start')!
			}))
		);
		const { n } = (await sql<{ n: number }>(db, 'SELECT count(*)::INTEGER AS n FROM topic_spikes'))[0]!;
		expect(shown.length).toBe(n);
		// the story first: the largest spikes lead, and the largest is the 2020 bansos surge
		const excess = await page.locator('[data-testid="spike-table"] tbody tr [data-col="excess"]').allTextContents();
		const values = excess.map((e) => Number(e.replace(/\./g, '')));
		expect(values).toEqual([...values].sort((a, b) => b - a));
		expect(shown[0]).toMatchObject({ theme: 'bansos' });
		expect(shown[0]!.start >= '2020-03' && shown[0]!.start <= '2020-06').toBe(true);
		const surge = new Set<string>(BANSOS_SURGE_REGIONS);
		const flagged = new Set(shown.filter((s) => s.theme === 'bansos' && s.start >= '2020-03' && s.start <= '2020-06').map((s) => s.code));
		// Must-find regions, by SQL: bansos complaints peak at >= 10 in a month of Mar-Jun 2020 against
		// a previous-12-month median <= 1 (any such month passes the detector's thresholds by far).
		const strong = await sql<{ code: string }>(
			db,
			`WITH m AS (
				SELECT c.regency_code AS code, date_trunc('month', c.created_at) AS month, count(*) AS n
				FROM complaint_themes t JOIN complaints c USING (tracking_id)
				WHERE t.theme = 'bansos' AND c.status <> 'dihapus' AND c.regency_code IS NOT NULL GROUP BY 1, 2
			), grid AS (
				SELECT code, unnest(generate_series(TIMESTAMP '2019-03-01', TIMESTAMP '2020-06-01', INTERVAL 1 MONTH)) AS month FROM (SELECT DISTINCT code FROM m)
			), dense AS (SELECT g.code, g.month, coalesce(m.n, 0) AS n FROM grid g LEFT JOIN m USING (code, month))
			SELECT p.code FROM dense p
			WHERE p.month BETWEEN TIMESTAMP '2020-03-01' AND TIMESTAMP '2020-06-01' AND p.n >= 10
				AND (SELECT median(h.n) FROM dense h WHERE h.code = p.code AND h.month >= p.month - INTERVAL 12 MONTH AND h.month < p.month) <= 1
			GROUP BY p.code ORDER BY p.code`
		);
		expect(strong.length).toBeGreaterThanOrEqual(8);
		for (const { code } of strong) expect(flagged, code).toContain(code);
		// no false alarm in the surge months: every bansos spike starting then is a surge region
		expect([...flagged].filter((c) => !surge.has(c))).toEqual([]);

		// the region filter keeps that region's spikes; the period filter drops spikes outside it
		const one = strong[0]!.code;
		await page.goto(`${base}/topik?region=${one}`);
		const codes = await page
			.locator('[data-testid="spike-table"] tbody tr')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-regency')));
		expect(codes.length).toBeGreaterThan(0);
		expect(new Set(codes)).toEqual(new Set([one]));
		await page.goto(`${base}/topik?from=2023-01&to=2023-12`);
		const after = await page
			.locator('[data-testid="spike-table"] tbody tr')
			.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-start')!));
		const { later } = (
			await sql<{ later: number }>(
				db,
				`SELECT count(*)::INTEGER AS later FROM topic_spikes WHERE end_month >= DATE '2023-01-01' AND start_month < DATE '2024-01-01'`
			)
		)[0]!;
		expect(after.length).toBe(later);
		await page.close();
	});

	it('draws the topic × region heatmap and downloads its data, the clusters and the spikes as CSV', async () => {
		const page = await browser.newPage();
		await page.goto(`${base}/topik`);
		const clusters = await sql<{ cluster_id: number; label: string; n: number }>(db, PER_CLUSTER());
		const provinces = await sql<{ code: string; n: number }>(
			db,
			`SELECT province_code AS code, count(*)::INTEGER AS n FROM complaints JOIN complaint_topics USING (tracking_id)
			 WHERE status <> 'dihapus' AND province_code IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT 15`
		);
		expect(await page.locator('[data-testid="heatmap"] svg[aria-label] rect').count()).toBeGreaterThanOrEqual(
			clusters.length * provinces.length
		);

		const heat = await fetch(`${base}/api/topik-heatmap.csv`);
		expect(heat.status).toBe(200);
		expect(heat.headers.get('content-type')).toMatch(/text\/csv/);
		const [hHead = [], ...hRows] = readCsv(await heat.text());
		expect(hHead).toEqual(['level', 'region_code', 'region', 'cluster_id', 'label', 'complaints', 'share_of_region_pct']);
		expect(hRows.length).toBe(clusters.length * provinces.length);
		expect(hRows.every((r) => r[0] === 'province')).toBe(true);
		const perRegion = new Map<string, number>();
		for (const r of hRows) perRegion.set(r[1]!, (perRegion.get(r[1]!) ?? 0) + Number(r[5]));
		expect([...perRegion]).toEqual(provinces.map((p) => [p.code, p.n]));

		const csv = await fetch(`${base}/api/topik.csv`);
		expect(csv.status).toBe(200);
		const [head = [], ...rows] = readCsv(await csv.text());
		expect(head).toEqual(['rank', 'cluster_id', 'label', 'complaints', 'share_pct', 'top_terms']);
		expect(rows.map((r) => [Number(r[1]), r[2], Number(r[3])])).toEqual(clusters.map((c) => [c.cluster_id, c.label, c.n]));

		const spikes = await fetch(`${base}/api/topik-spikes.csv?region=31`);
		expect(spikes.status).toBe(200);
		const [sHead = [], ...sRows] = readCsv(await spikes.text());
		expect(sHead.slice(0, 4)).toEqual(['regency_code', 'regency', 'province', 'theme']);
		const { jakarta } = (
			await sql<{ jakarta: number }>(db, `SELECT count(*)::INTEGER AS jakarta FROM topic_spikes WHERE regency_code LIKE '31.%'`)
		)[0]!;
		expect(sRows.length).toBe(jakarta);
		expect(sRows.every((r) => r[0]!.startsWith('31.'))).toBe(true);

		expect((await fetch(`${base}/api/topik.csv?region=abc`)).status).toBe(400);
		expect((await fetch(`${base}/topik?from=2020-13`)).status).toBe(400);
		await page.close();
	});

	it('applies the filter bar without JavaScript: the URL carries the region, the heatmap turns to kab/kota', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${base}/topik`);
		await page.selectOption('select[name="region"]', '36');
		await Promise.all([page.waitForURL(/region=36/), page.click('form.filter-bar button[type="submit"]')]);
		expect(new URL(page.url()).pathname).toBe('/topik');
		const expected = await sql<{ cluster_id: number; n: number }>(db, PER_CLUSTER(`(c.province_code = '36' OR c.regency_code = '36')`));
		const total = expected.reduce((s, e) => s + e.n, 0);
		expect(await rowsOf(page, 'topic-table', 'data-cluster')).toEqual(
			expected.map((e) => [String(e.cluster_id), idInt.format(e.n), idPct.format(e.n / total)])
		);
		expect(await page.locator('[data-testid="heatmap"] + figcaption').textContent()).toContain('kabupaten/kota di wilayah terpilih');
		const heat = readCsv(await (await fetch(`${base}/api/topik-heatmap.csv?region=36`)).text()).slice(1);
		expect(heat.every((r) => r[0] === 'regency' && r[1]!.startsWith('36.'))).toBe(true);

		// English: page, themes, and clusters named after a theme
		await page.goto(`${base}/topik?region=36&lang=en`);
		expect(await page.locator('h1').textContent()).toBe('Complaint topics');
		expect(await page.locator('[data-testid="theme-table"]').textContent()).toContain('Social assistance');
		const themed = await sql<{ cluster_id: number; label_en: string }>(
			db,
			`SELECT cluster_id, label_en FROM topic_clusters WHERE theme = 'bansos'`
		);
		expect(themed.length).toBeGreaterThan(0);
		for (const t of themed) {
			expect(t.label_en).toMatch(/^Social assistance/);
			expect(await page.locator(`[data-testid="topic-table"] tr[data-cluster="${t.cluster_id}"] [data-col="label"]`).textContent()).toBe(
				t.label_en
			);
		}
		await context.close();
	});
});

describe('topics page without a topic model', () => {
	it('says how to fit one, and the CSVs answer 404', async () => {
		const dir = mkdtempSync(resolve(tmpdir(), 'telaah-topik-'));
		const bare = resolve(dir, 'bare.duckdb');
		copyFileSync(db, bare);
		const inst = await DuckDBInstance.create(bare);
		const conn = await inst.connect();
		await conn.run('DROP TABLE topic_fit');
		conn.closeSync();
		inst.closeSync();
		const server = await startServer(bare);
		try {
			const page = await browser.newPage();
			expect((await page.goto(`${server.origin}/topik`))?.status()).toBe(200);
			expect(await page.getByTestId('empty-state').textContent()).toContain('npm run topics');
			expect(await page.getByTestId('topic-table').count()).toBe(0);
			expect((await fetch(`${server.origin}/api/topik.csv`)).status).toBe(404);
			await page.close();
		} finally {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
