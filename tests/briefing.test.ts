// The monthly briefing end to end: `npm run briefing` against the e2e server prints a kab/kota and
// the national briefing; their text (pdftotext) must carry the KPI figures that SQL written here
// gives (own working-day calendar from data/reference/holidays_id.csv), no complaint title,
// 2–4 pages and embedded fonts. Also the on-demand PDF endpoint and the /wilayah download link.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eContext, npmRun, ROOT, sql, WORKING_DAYS_CTES } from './harness';

// Where the PDFs and their page images go (look at the PNGs after a change to the layout).
const OUT = '/tmp/telaah-briefing';
const OPEN = `'belum_terverifikasi', 'terverifikasi', 'terdisposisi', 'ditindaklanjuti', 'ditanggapi_pelapor', 'ditunda'`;

let base: string;
let db: string;
let region: string;
let month: string;

function run(cmd: string, args: string[]): string {
	const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (r.error) throw new Error(`${cmd} could not run (apt-get install -y poppler-utils): ${r.error.message}`);
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
	return r.stdout;
}
/** GET on a fresh connection: the calls are far apart (CLI runs between them), a kept-alive socket may be gone. */
function get(path: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
	return new Promise((ok, ko) => {
		httpGet(`${base}${path}`, { agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', ko);
		}).on('error', ko);
	});
}
const pdfText = (file: string) => run('pdftotext', ['-layout', file, '-']);
const pdfPages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1]);

/** The KPI row of the briefing text: [value, vs last month, vs last year] for the row's label. */
function kpiRow(text: string, label: string): string[] {
	const line = text.split('\n').find((l) => l.trim().startsWith(`${label} `));
	if (!line) throw new Error(`no KPI row "${label}" in:\n${text.slice(0, 3000)}`);
	return line
		.trim()
		.slice(label.length)
		.trim()
		.split(/\s{2,}/);
}

const fmt = {
	int: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }),
	dec1: new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
	pct: new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
	signedPct: new Intl.NumberFormat('id-ID', {
		style: 'percent',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1,
		signDisplay: 'exceptZero'
	})
};

/** The month's KPIs of an area (regency code, or null for the nation), computed here from the complaints. */
async function expectedKpis(code: string | null, ym: string) {
	const inArea = code ? `regency_code = '${code}'` : 'TRUE';
	const [r] = await sql<Record<string, number | null>>(
		db,
		`WITH ${WORKING_DAYS_CTES},
		c AS (
			SELECT x.*, status IN ('dihapus', 'arsip') AS gone,
				(SELECT count(*) FROM wd WHERE wd.d > CAST(x.created_at AS DATE) AND wd.d <= coalesce(CAST(x.verified_at AS DATE), snap.s)) AS d3,
				(SELECT count(*) FROM wd WHERE wd.d > CAST(x.created_at AS DATE) AND wd.d <= coalesce(CAST(x.first_response_at AS DATE), snap.s)) AS d5
			FROM complaints x, snap WHERE strftime(created_at, '%Y-%m') = '${ym}' AND ${inArea}
		)
		SELECT count(*)::INTEGER AS total,
			(count(*) FILTER (WHERE NOT gone AND (status IN ('ditindaklanjuti', 'ditanggapi_pelapor', 'selesai') OR first_response_at IS NOT NULL))
				/ nullif(count(*) FILTER (WHERE NOT gone), 0))::DOUBLE AS follow,
			(count(*) FILTER (WHERE NOT gone AND status = 'selesai') / nullif(count(*) FILTER (WHERE NOT gone), 0))::DOUBLE AS done,
			(median(date_diff('second', created_at, first_response_at)) FILTER (WHERE first_response_at >= created_at) / 86400.0)::DOUBLE AS median_days,
			(count(*) FILTER (WHERE NOT gone AND d3 > 3) / nullif(count(*) FILTER (WHERE NOT gone AND (verified_at IS NOT NULL OR d3 > 3)), 0))::DOUBLE AS b3,
			(count(*) FILTER (WHERE NOT gone AND d5 > 5) / nullif(count(*) FILTER (WHERE NOT gone AND (first_response_at IS NOT NULL OR d5 > 5)), 0))::DOUBLE AS b5,
			count(*) FILTER (WHERE status IN (${OPEN}))::INTEGER AS backlog,
			(SELECT sum(population)::DOUBLE FROM regions WHERE ${code ? `code = '${code}'` : `level = 'province'`}) AS population
		FROM c`
	);
	return r!;
}

const total = async (code: string | null, ym: string) =>
	(
		await sql<{ n: number }>(
			db,
			`SELECT count(*)::INTEGER AS n FROM complaints WHERE strftime(created_at, '%Y-%m') = '${ym}' AND ${code ? `regency_code = '${code}'` : 'TRUE'}`
		)
	)[0]!.n;

beforeAll(async () => {
	({ baseUrl: base, dbCopy: db } = e2eContext());
	// The kab/kota with the most complaints in one month of the last full year of the sample.
	const [pick] = await sql<{ code: string; m: string }>(
		db,
		`SELECT regency_code AS code, strftime(created_at, '%Y-%m') AS m FROM complaints
		WHERE regency_code IS NOT NULL AND created_at >= (SELECT date_trunc('year', max(created_at)) - INTERVAL 1 YEAR FROM complaints)
			AND created_at < (SELECT date_trunc('year', max(created_at)) FROM complaints)
		GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1`
	);
	({ code: region, m: month } = pick!);
	rmSync(OUT, { recursive: true, force: true });
	mkdirSync(OUT, { recursive: true });
});

afterAll(() => {
	// Page images to look at; the PDFs stay beside them.
	for (const f of readdirSync(OUT).filter((f) => f.endsWith('.pdf')))
		run('pdftoppm', ['-r', '60', '-png', join(OUT, f), join(OUT, f.replace(/\.pdf$/, ''))]);
});

describe('npm run briefing', () => {
	let stdout = '';
	beforeAll(() => {
		stdout = npmRun('briefing', [
			'--month',
			month,
			'--region',
			region,
			'--region',
			'nasional',
			'--out',
			OUT,
			'--url',
			base,
			'--concurrency',
			'2'
		]);
	}, 300_000);

	it('prints one PDF per area and a summary', () => {
		expect(stdout).toMatch(/2 of 2 briefings for \d{4}-\d{2} written to .*, 0 failed/);
		expect(readdirSync(OUT).sort()).toEqual([`${region}-${month}.pdf`, `nasional-${month}.pdf`].sort());
	});

	for (const area of ['region', 'nasional'] as const) {
		it(`${area}: KPIs equal SQL, 2–4 pages, fonts embedded, page numbers`, async () => {
			const code = area === 'region' ? region : null;
			const file = join(OUT, `${code ?? 'nasional'}-${month}.pdf`);
			const text = pdfText(file);
			const e = await expectedKpis(code, month);
			expect(e.total).toBeGreaterThan(0);
			const v = (label: string) => kpiRow(text, label)[0];
			expect(v('Total aduan')).toBe(fmt.int.format(e.total!));
			expect(v('Aduan per 100 ribu penduduk')).toBe(fmt.dec1.format((e.total! / e.population!) * 100_000));
			expect(v('Tingkat tindak lanjut')).toBe(fmt.pct.format(e.follow!));
			expect(v('Tingkat penyelesaian')).toBe(fmt.pct.format(e.done!));
			expect(v('Median waktu tanggapan pertama')).toBe(`${fmt.dec1.format(e.median_days!)} hari`);
			expect(v('Melewati batas verifikasi')).toBe(fmt.pct.format(e.b3!));
			expect(v('Melewati batas tindak lanjut')).toBe(fmt.pct.format(e.b5!));
			expect(v('Aduan bulan ini belum selesai')).toBe(fmt.int.format(e.backlog!));
			// Month-on-month change of the total.
			const [y, m] = month.split('-').map(Number) as [number, number];
			const prevMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
			const prev = await total(code, prevMonth);
			const mom = kpiRow(text, 'Total aduan')[1]!;
			if (prev > 0) expect(mom.replace(/^[▲▼▬]\s*/, '')).toBe(fmt.signedPct.format((e.total! - prev) / prev));

			expect(text).toContain('Rekomendasi');
			expect(text).toContain('Metode dan kesegaran data');
			const pages = pdfPages(file);
			expect(pages).toBeGreaterThanOrEqual(2);
			expect(pages).toBeLessThanOrEqual(4);
			expect(text).toContain(`Halaman 1 dari ${pages}`);

			const fonts = run('pdffonts', [file]).trim().split('\n').slice(2);
			expect(fonts.length).toBeGreaterThan(0);
			expect(fonts.some((f) => f.includes('DejaVuSansCondensed'))).toBe(true);
			for (const f of fonts) expect(f.split(/\s+/).at(-5), f).toBe('yes'); // the "emb" column
		});

		it(`${area}: no complaint title or body text, confidential ones included`, async () => {
			const code = area === 'region' ? region : null;
			const text = pdfText(join(OUT, `${code ?? 'nasional'}-${month}.pdf`))
				.replace(/\s+/g, ' ')
				.toLowerCase();
			const rows = await sql<{ title: string; body: string | null; is_confidential: boolean }>(
				db,
				`SELECT title, body, is_confidential FROM complaints
				WHERE strftime(created_at, '%Y-%m') = '${month}' AND ${code ? `regency_code = '${code}'` : 'TRUE'} AND length(title) >= 12
				ORDER BY is_confidential DESC, tracking_id LIMIT 200`
			);
			expect(rows.filter((r) => r.is_confidential).length).toBeGreaterThan(0);
			for (const r of rows) {
				expect(text, r.title).not.toContain(r.title.replace(/\s+/g, ' ').toLowerCase());
				if (r.body) expect(text).not.toContain(r.body.replace(/\s+/g, ' ').slice(0, 40).toLowerCase());
			}
		});
	}

	it('carries the recommendations of the briefing page, with their evidence', async () => {
		const text = (f: string) =>
			f
				.replace(/<[^>]*>/g, '')
				.replace(/&amp;/g, '&')
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&quot;/g, '"')
				.replace(/&#39;/g, "'");
		const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
		let shown = 0;
		for (const code of [region, 'nasional']) {
			const html = (await get(`/briefing/${code}/${month}`)).body.toString('utf8');
			const items = [...html.matchAll(/<li class="b-rec[^"]*" data-testid="briefing-rec">([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
			const pdf = flat(pdfText(join(OUT, `${code}-${month}.pdf`)));
			for (const item of items) {
				const title = flat(text(/<strong>([\s\S]*?)<\/strong>/.exec(item)![1]!));
				expect(pdf).toContain(title);
				for (const dd of item.matchAll(/<dd>([\s\S]*?)<\/dd>/g)) expect(pdf).toContain(flat(text(dd[1]!)));
			}
			if (items.length === 0) expect(pdf).toContain('Tidak ada rekomendasi untuk wilayah dan bulan ini.');
			shown += items.length;
		}
		expect(shown).toBeGreaterThan(0);
	});

	it("lists the month's policy themes with the counts SQL gives", async () => {
		const [{ n: hasThemes }] = (await sql<{ n: number }>(
			db,
			`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'topic_fit'`
		)) as [{ n: number }];
		const pdf = pdfText(join(OUT, `nasional-${month}.pdf`)).replace(/\s+/g, ' ');
		if (!hasThemes) {
			expect(pdf).toContain('Model topik belum tersedia');
			return;
		}
		const labels = new Map(
			(
				JSON.parse(readFileSync(resolve(ROOT, 'src/lib/core/themes.json'), 'utf8')) as { themes: { id: string; label: string }[] }
			).themes.map((t) => [t.id, t.label])
		);
		const themes = await sql<{ theme: string; n: number }>(
			db,
			`SELECT t.theme, count(*)::INTEGER AS n FROM complaint_themes t JOIN complaints c USING (tracking_id)
			WHERE c.status <> 'dihapus' AND strftime(c.created_at, '%Y-%m') = '${month}' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3`
		);
		expect(themes.length).toBeGreaterThan(0);
		for (const t of themes) expect(pdf).toContain(`${labels.get(t.theme)} ${fmt.int.format(t.n)} `);
	});

	it('prints in English with --lang en, theme names in English too', async () => {
		const out = join(OUT, 'en');
		npmRun('briefing', ['--month', month, '--region', 'nasional', '--out', out, '--url', base, '--lang', 'en']);
		const text = pdfText(join(out, `nasional-${month}.pdf`));
		expect(text).toContain('Headline indicators this month');
		expect(text).toMatch(/Page 1 of \d/);
		const taxonomy = JSON.parse(readFileSync(resolve(ROOT, 'src/lib/core/themes.json'), 'utf8')) as {
			themes: { id: string; label: string; label_en: string }[];
		};
		const [top] = await sql<{ theme: string }>(
			db,
			`SELECT t.theme FROM complaint_themes t JOIN complaints c USING (tracking_id)
			WHERE c.status <> 'dihapus' AND strftime(c.created_at, '%Y-%m') = '${month}' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`
		);
		const theme = taxonomy.themes.find((t) => t.id === top!.theme)!;
		expect(theme.label_en).not.toBe(theme.label);
		// A long name wraps inside its table cell and pdftotext interleaves the next columns, so
		// compare the name up to its parenthesised examples.
		const head = (label: string) => label.split(' (')[0]!;
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain(head(theme.label_en));
		expect(flat).not.toContain(head(theme.label));
		rmSync(out, { recursive: true, force: true });
	});

	it('exits 1 and names the failures when an area cannot be printed', () => {
		const r = spawnSync(
			'npm',
			['run', '--silent', 'briefing', '--', '--month', month, '--region', '99', '--out', join(OUT, 'bad'), '--url', base],
			{
				cwd: ROOT,
				encoding: 'utf8'
			}
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/failed: 99: .*HTTP 404/);
		expect(r.stdout).toContain('0 of 1 briefings');
		rmSync(join(OUT, 'bad'), { recursive: true, force: true });
	});
});

describe('briefing route and PDF endpoint', () => {
	it('answers 400 on bad parameters and 404 on an unknown region or a month outside the data', async () => {
		const status = async (path: string) => (await get(path)).status;
		expect(await status(`/briefing/${region}/2020-13`)).toBe(400);
		expect(await status(`/briefing/abc/${month}`)).toBe(400);
		expect(await status(`/briefing/99/${month}`)).toBe(404);
		expect(await status(`/briefing/${region}/1990-01`)).toBe(404);
		expect(await status(`/api/briefing/${region}/2020-1.pdf`)).toBe(400);
		expect(await status(`/api/briefing/99.99/${month}.pdf`)).toBe(404);
	});

	it('prints the PDF on demand from the download link of the region page', async () => {
		const html = (await get(`/wilayah/${region}?to=${month}`)).body.toString('utf8');
		const href = /href="([^"]*\/api\/briefing\/[^"]+\.pdf[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
		expect(href).toBe(`/api/briefing/${region}/${month}.pdf?lang=id`);
		const res = await get(href!);
		expect(res.status).toBe(200);
		expect(res.headers['content-type']).toBe('application/pdf');
		expect(res.headers['content-disposition']).toContain(`${region}-${month}.pdf`);
		const bytes = res.body;
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	});
});
