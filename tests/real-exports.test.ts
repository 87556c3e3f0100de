// The real exports a new user loads (../shared/data, see SOURCES.md), through the real CLI and the
// built server: the Surabaya Media Center export (one city; no verification, closing or status
// columns) and the LAPOR! 2017 corpus (no dates). No figure whose inputs are absent shows a number;
// "Data per" is the data's last date; the comparison month is the last complete one; a warehouse of
// one city is not framed as the nation. Expected figures come from SQL written here.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURABLE_MACRO } from '../pipelines/notebooks/sql-cells';
import { lastJson, npmRun, readCsv, readXlsx, ROOT, sql, startServer, type RunningServer } from './harness';

const SHARED = resolve(ROOT, '../shared/data');
const SURABAYA = join(SHARED, 'surabaya_mediacenter/surabaya_complaints_2022_2023.csv');
const LAPOR2017 = join(SHARED, 'lapor_2017_corpus/lapor_2017_complaints.csv');
const SBY = '35.78';

const dir = mkdtempSync(join(tmpdir(), 'telaah-real-'));
const sbyDb = join(dir, 'surabaya.duckdb');
const laporDb = join(dir, 'lapor2017.duckdb');
let sby: RunningServer;
let lapor: RunningServer;

const get = async (origin: string, path: string) => {
	const r = await fetch(`${origin}${path}`);
	return { status: r.status, text: await r.text() };
};
/** The visible text of an element with data-testid `id` (server-rendered HTML, tags stripped). */
const byTestId = (html: string, id: string): string | null => {
	const m = new RegExp(`data-testid="${id}"[^>]*>([\\s\\S]*?)</(p|span|td|li|section|div|table)>`).exec(html);
	return m
		? m[1]!
				.replace(/<[^>]+>/g, '')
				.replace(/\s+/g, ' ')
				.trim()
		: null;
};
// The page without the filter bar and the hydration data, which list every region to choose from.
const ownContent = (html: string) =>
	html.replace(/<form[^>]*data-testid="filter-bar"[\s\S]*?<\/form>/, '').replace(/<script[\s\S]*?<\/script>/g, '');
const stateOf = (html: string, id: string) => new RegExp(`data-testid="${id}" data-state="(\\w+)"`).exec(html)?.[1] ?? null;
const idDate = (ymd: string) =>
	new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${ymd}T00:00:00Z`));
const idMonth = (ym: string) =>
	new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));

beforeAll(async () => {
	// Fail loudly, never skip: CI has ../shared beside the repository.
	for (const f of [SURABAYA, LAPOR2017]) if (!existsSync(f)) throw new Error(`${f} is missing: the real-export tests need ../shared/data`);
	lastJson(npmRun('ingest', [SURABAYA, '--db', sbyDb, '--json']));
	lastJson(npmRun('ingest', [LAPOR2017, '--db', laporDb, '--json']));
	[sby, lapor] = await Promise.all([startServer(sbyDb), startServer(laporDb)]);
}, 600_000);

afterAll(async () => {
	await Promise.all([sby?.stop(), lapor?.stop()]);
	if (!process.env.TELAAH_KEEP_E2E) rmSync(dir, { recursive: true, force: true });
});

describe('the Surabaya Media Center export (one city, no status, verification or closing dates)', () => {
	it('records the fields the file provides and the city it covers', async () => {
		const fields = await sql<{ field: string; provided: boolean }>(sbyDb, `SELECT field, provided FROM batch_fields ORDER BY field`);
		const provided = new Set(fields.filter((f) => f.provided).map((f) => f.field));
		for (const f of ['created_at', 'first_response_at', 'category', 'agency', 'district', 'body']) expect(provided.has(f), f).toBe(true);
		for (const f of ['verified_at', 'closed_at', 'status', 'confidential']) expect(provided.has(f), f).toBe(false);
		expect(await sql(sbyDb, `SELECT coverage FROM ingest_batches`)).toEqual([{ coverage: SBY }]);
		// `alamat` is where the problem is: kept, as the incident place, not dropped as reporter PII.
		const [place] = await sql<{ n: number }>(sbyDb, `SELECT count(incident_place)::INTEGER AS n FROM complaints`);
		expect(place!.n).toBeGreaterThan(1000);
	});

	it('shows no number for a figure whose fields are absent, on the overview, and the ones it can give', async () => {
		const html = (await get(sby.origin, '/')).text;
		for (const id of ['kpi-completion', 'kpi-breach3', 'kpi-backlog']) {
			expect(stateOf(html, id), id).toBe('absent');
			expect(byTestId(html, id), id).toMatch(/^tidak tersedia/);
		}
		// A first response is in the data: follow-up and response times are real figures.
		expect(stateOf(html, 'kpi-followup')).toBe('full');
		expect(byTestId(html, 'kpi-followup')).toMatch(/^\d+,\d\s?%$/);
		expect(stateOf(html, 'kpi-median')).toBe('full');
		expect(html).not.toMatch(/100,0\s?%|>0,0\s?%/);
	});

	it('dates the data from the data, and compares the last complete month', async () => {
		const [d] = await sql<{ until: string; month: string }>(
			sbyDb,
			`SELECT strftime(greatest(max(created_at), max(first_response_at)), '%Y-%m-%d') AS until FROM complaints`
		);
		const until = d!.until;
		const html = (await get(sby.origin, '/')).text;
		expect(byTestId(html, 'data-as-of')).toContain(`Data per ${idDate(until)}`);
		const next = new Date(`${until}T00:00:00Z`);
		next.setUTCDate(next.getUTCDate() + 1);
		const complete =
			next.getUTCDate() === 1
				? until.slice(0, 7)
				: new Date(Date.UTC(+until.slice(0, 4), +until.slice(5, 7) - 2, 1)).toISOString().slice(0, 7);
		expect(html).toContain(`Perubahan (panah): ${idMonth(complete)} dibanding`);
	});

	it('is not the nation: per-capita over the city only, other regions "tidak tercakup", no target advice elsewhere', async () => {
		const [c] = await sql<{ n: number; pop: number }>(
			sbyDb,
			`SELECT (SELECT count(*) FROM complaints)::INTEGER AS n, (SELECT population FROM regions WHERE code = '${SBY}')::DOUBLE AS pop`
		);
		const per100k = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
			(c!.n / c!.pop) * 100_000
		);
		const home = (await get(sby.origin, '/')).text;
		expect(byTestId(home, 'kpi-per100k')).toBe(per100k);
		// Every page says what "all of Indonesia" stands for here.
		expect(byTestId(home, 'coverage-note')).toMatch(/mencakup 1 dari 514 kabupaten\/kota: Kota Surabaya\./);
		const ranking = readCsv((await get(sby.origin, '/api/wilayah.csv')).text);
		const h = ranking[0]!;
		const rows = ranking.slice(1);
		const covered = rows.filter((r) => r[h.indexOf('complaints')] !== 'tidak tercakup');
		expect(covered.map((r) => r[h.indexOf('code')])).toEqual([SBY]);
		expect(rows.length).toBe(514);
		const page = (await get(sby.origin, '/wilayah')).text;
		expect((page.match(/tidak tercakup/g) ?? []).length).toBeGreaterThan(500);
		// The recommendations say nothing of Kab. Tangerang's target (or of any region not covered), nor of absent fields.
		const month = (await sql<{ m: string }>(sbyDb, `SELECT strftime(max(created_at), '%Y-%m') AS m FROM complaints`))[0]!.m;
		const rec = ownContent((await get(sby.origin, `/rekomendasi?month=${month}`)).text);
		expect(rec).not.toContain('Kab. Tangerang');
		expect(rec).not.toMatch(/belum tuntas|100,0\s?%/);
	});

	it('says "tidak tersedia" in the agency league and its CSV where the data cannot tell', async () => {
		const page = (await get(sby.origin, '/instansi')).text;
		const cells = [...page.matchAll(/data-col="(breach3|unresolved60)">([^<]*)</g)].map((m) => m[2]);
		expect(cells.length).toBeGreaterThan(4);
		expect(cells.every((c) => c === 'tidak tersedia')).toBe(true);
		const csv = readCsv((await get(sby.origin, '/api/instansi.csv')).text);
		const h = csv[0]!;
		for (const col of ['verification_breach_pct', 'unresolved_60d_pct'])
			expect(
				csv.slice(1).every((r) => r[h.indexOf(col)] === 'tidak tersedia'),
				col
			).toBe(true);
		// The response figures are there.
		expect(csv.slice(1).some((r) => /^\d/.test(r[h.indexOf('followup_breach_pct')]!))).toBe(true);
		// The same in Excel (a text cell, never a 0 a sum would take in) and Arrow (null).
		const [sheet] = await readXlsx(Buffer.from(await (await fetch(`${sby.origin}/api/instansi.xlsx`)).arrayBuffer()));
		const arrow = tableFromIPC(new Uint8Array(await (await fetch(`${sby.origin}/api/instansi.arrow`)).arrayBuffer()));
		expect(sheet!.rows.length).toBe(csv.length);
		for (const col of ['verification_breach_pct', 'unresolved_60d_pct']) {
			expect(new Set(sheet!.rows.slice(1).map((r) => r[h.indexOf(col)])), col).toEqual(new Set(['tidak tersedia']));
			expect(sheet!.sheet.getRow(2).getCell(h.indexOf(col) + 1).type, col).toBe(ExcelJS.ValueType.String);
			expect(arrow.getChild(col)!.nullCount, col).toBe(arrow.numRows);
		}
		const j = h.indexOf('followup_breach_pct');
		expect(sheet!.rows.slice(1).some((r) => typeof r[j] === 'number')).toBe(true);
		expect(arrow.getChild('followup_breach_pct')!.nullCount).toBeLessThan(arrow.numRows);
	});

	it('prints a briefing that leaves the absent figures out and says so, with the data range', async () => {
		const month = (await sql<{ m: string }>(sbyDb, `SELECT strftime(max(created_at) - INTERVAL 1 MONTH, '%Y-%m') AS m FROM complaints`))[0]!
			.m;
		const { status, text } = await get(sby.origin, `/briefing/${SBY}/${month}`);
		expect(status).toBe(200);
		const leftOut = byTestId(text, 'briefing-left-out');
		expect(leftOut).toContain('Tingkat penyelesaian');
		expect(leftOut).toContain('tanggal verifikasi');
		expect(byTestId(text, 'kpi-completionRate')).toContain('tidak tersedia');
		expect(byTestId(text, 'briefing-asof')).toMatch(/^Data per \d+ \w+ \d{4}: aduan \w+ \d{4} s\.d\. \w+ \d{4}; dimuat/);
		// No status in the data: no "status as of" line about figures it does not show.
		expect(byTestId(text, 'briefing-status-asof')).toBeNull();
		// The only kab/kota of its province in the data: no "rank 1 of 1".
		expect(byTestId(text, 'briefing-rank')).toBe('Tidak ada pembanding: data yang dimuat tidak mencakup wilayah lain di kelompok ini.');
	});

	it('shows on /data the file and its row counts, the fields the source lacks, and the city it covers', async () => {
		const [b] = await sql<{ rows_read: number; loaded: number; updated: number; duplicate: number; quarantined: number }>(
			sbyDb,
			`SELECT rows_read::INTEGER AS rows_read, loaded::INTEGER AS loaded, updated::INTEGER AS updated,
				duplicate::INTEGER AS duplicate, quarantined::INTEGER AS quarantined FROM ingest_batches`
		);
		expect(b!.rows_read).toBe(b!.loaded + b!.updated + b!.duplicate + b!.quarantined);
		const csv = readCsv((await get(sby.origin, '/api/data.csv?table=batches')).text);
		const h = csv[0]!;
		expect(csv.length).toBe(2);
		for (const [k, v] of Object.entries(b!)) expect(Number(csv[1]![h.indexOf(k)]), k).toBe(v);
		expect(csv[1]![h.indexOf('file')]).toBe('surabaya_complaints_2022_2023.csv');

		const html = (await get(sby.origin, '/data')).text;
		const cell = (field: string) =>
			new RegExp(`data-field="${field}"[^>]*>([\\s\\S]*?)</td>`)
				.exec(html.slice(html.indexOf('data-testid="fields-sources"')))![1]!
				.replace(/<!--.*?-->/g, '');
		for (const f of ['verified_at', 'closed_at', 'status']) expect(cell(f), f).toContain('tidak ada di sumber');
		const [filled] = await sql<{ share: number }>(
			sbyDb,
			`SELECT avg((first_response_at IS NOT NULL)::INTEGER)::DOUBLE AS share FROM complaints`
		);
		const idPct = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
		expect(cell('first_response_at').trim()).toBe(idPct.format(filled!.share));
		const sources = readCsv((await get(sby.origin, '/api/data.csv?table=sources')).text);
		expect(sources[1]![sources[0]!.indexOf('verified_at_filled_pct')]).toBe('tidak tersedia');
		const [coverage] = await readXlsx(Buffer.from(await (await fetch(`${sby.origin}/api/data.xlsx?table=sources`)).arrayBuffer()));
		expect(coverage!.rows[1]![sources[0]!.indexOf('verified_at_filled_pct')]).toBe('tidak tersedia');
		expect(coverage!.rows[0]![sources[0]!.indexOf('verified_at_filled_pct')]).toBe('tanggal verifikasi: terisi (%)');
		expect(byTestId(html, 'coverage')).toMatch(/mencakup 1 dari 514 kabupaten\/kota.*Kota Surabaya \(35\.78\)/);
		expect(byTestId(html, 'fact-until')).toBe(
			byTestId((await get(sby.origin, '/')).text, 'data-as-of')!.match(/Data per (\d+ \w+ \d{4})/)![1]
		);
	});

	it("gives no rate in the notebooks' SQL where the file lacks its fields, and the ones it can give", async () => {
		// The cells as written in notebooks/*.html, run as the notebook build runs them (with its measurable() macro).
		const cell = (notebook: string, output: string) => {
			const html = readFileSync(join(ROOT, 'notebooks', `${notebook}.html`), 'utf8');
			const m = new RegExp(`<script[^>]*type="application/sql"[^>]*output="${output}"[^>]*>([\\s\\S]*?)</script>`).exec(html);
			if (!m) throw new Error(`no SQL cell ${output} in ${notebook}.html`);
			return m[1]!;
		};
		const liga = await sql<{ selesai_pct: number | null; median_hari_kerja_tanggapan: number | null }>(
			sbyDb,
			cell('kinerja-instansi', 'liga'),
			[MEASURABLE_MACRO]
		);
		expect(liga.length).toBeGreaterThan(4);
		expect(liga.every((r) => r.selesai_pct === null)).toBe(true);
		expect(liga.some((r) => typeof r.median_hari_kerja_tanggapan === 'number')).toBe(true);
		const wilayah = await sql<{ kode: string; patuh_3hk_pct: number | null; patuh_5hk_pct: number | null }>(
			sbyDb,
			cell('perbandingan-wilayah', 'wilayah'),
			[MEASURABLE_MACRO]
		);
		const sby = wilayah.find((r) => r.kode === SBY)!;
		expect(sby.patuh_3hk_pct).toBeNull();
		expect(sby.patuh_5hk_pct).toEqual(expect.any(Number));
	});
});

describe('the LAPOR! 2017 corpus (no dates)', () => {
	it('counts undated complaints where they matter and never makes them vanish', async () => {
		const [c] = await sql<{ n: number; undated: number; semarang: number }>(
			laporDb,
			`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE created_at IS NULL)::INTEGER AS undated,
				count(*) FILTER (WHERE regency_code = '33.74')::INTEGER AS semarang FROM complaints`
		);
		expect(c!.undated).toBe(c!.n);
		expect(c!.semarang).toBeGreaterThan(0);
		const fmt = new Intl.NumberFormat('id-ID');
		const home = (await get(lapor.origin, '/')).text;
		expect(byTestId(home, 'kpi-total')).toBe(fmt.format(c!.n));
		expect(byTestId(home, 'undated-note')).toContain(fmt.format(c!.undated));
		expect(byTestId((await get(lapor.origin, '/tren')).text, 'undated-note')).toContain(fmt.format(c!.undated));
		const ranking = readCsv((await get(lapor.origin, '/api/wilayah.csv')).text);
		const h = ranking[0]!;
		const semarang = ranking.find((r) => r[h.indexOf('code')] === '33.74')!;
		expect(semarang[h.indexOf('complaints')]).toBe(String(c!.semarang));
	});

	it('invents no status, no deadline and no agency-free league from a source without dates or status', async () => {
		const home = (await get(lapor.origin, '/')).text;
		// The public stream's complaints had passed verification, which says nothing of follow-up or completion.
		for (const id of ['kpi-followup', 'kpi-completion', 'kpi-median', 'kpi-breach3', 'kpi-breach5', 'kpi-backlog']) {
			expect(stateOf(home, id), id).toBe('absent');
			expect(byTestId(home, id), id).toMatch(/^tidak tersedia/);
		}
		expect(byTestId(home, 'trend-undated')).toContain('tidak ada aduan bertanggal');
		expect(byTestId((await get(lapor.origin, '/wilayah/33.74')).text, 'trend-undated')).toContain('tidak ada aduan bertanggal');
		expect(byTestId(home, 'data-as-of')).toMatch(/^Data tanpa tanggal aduan · dimuat \d+ \w+ \d{4}/);
		// Undated complaints still count in the agency league: volume per OPD type, deadlines unknown.
		const [a] = await sql<{ n: number }>(laporDb, `SELECT count(*)::INTEGER AS n FROM complaints`);
		const league = readCsv((await get(lapor.origin, '/api/instansi.csv')).text);
		const h = league[0]!;
		expect(league.slice(1).reduce((s, r) => s + Number(r[h.indexOf('complaints')]), 0)).toBe(a!.n);
		for (const r of league.slice(1)) expect(r[h.indexOf('followup_breach_pct')]).toBe('tidak tersedia');
	});
});
