// Every table's three downloads on the sample warehouse: the Arrow stream, read by two independent
// readers (apache-arrow and flechette), and the Excel workbook (exceljs) hold the CSV twin's rows
// and values, with real types; and responses are compressed when the client asks.
import { request } from 'node:http';
import { tableFromIPC, type Table as ArrowTable } from 'apache-arrow';
import { tableFromIPC as flechette } from '@uwdata/flechette';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, readCsv, readXlsx, routeIds, sql } from './harness';

let e2e: Awaited<ReturnType<typeof openE2E>>;
beforeAll(async () => {
	e2e = await openE2E();
});
afterAll(async () => {
	await e2e?.browser.close();
});

/** Each download route (found on disk) with a filled path and two queries: everything, and a period. */
function targets(): string[] {
	const ids = routeIds(['+server.ts']).filter((id) => id.endsWith('.[ext=download]'));
	const paths = ids.map((id) => id.replace('[type]', 'pupr').replace('.[ext=download]', ''));
	return paths.flatMap((p) =>
		// /data's tables take no filters: one of each instead; the kecamatan are a kab/kota's.
		p === '/api/data'
			? ['batches', 'quarantine', 'sources', 'months'].map((t) => `${p}?table=${t}`)
			: p === '/api/kecamatan'
				? [`${p}?region=36.03`, `${p}?region=36.03&from=2020-01&to=2020-12`]
				: [p, `${p}?from=2020-01&to=2020-12`]
	);
}
const withExt = (target: string, ext: string) => target.replace(/^([^?]*)/, `$1.${ext}`);

async function get(url: string) {
	// A kept-alive connection the server closes as the request goes out fails before any answer
	// (undici "other side closed"): sent again once, as a browser does. A body cut short is not retried.
	const send = () => fetch(`${e2e.base}${url}`);
	const res = await send()
		.catch((err: Error) => ((err.cause as { code?: string } | undefined)?.code === 'UND_ERR_SOCKET' ? send() : Promise.reject(err)))
		.catch((err: Error) => {
			throw new Error(`GET ${url}: ${err.message} (${String((err.cause as Error | undefined)?.message ?? err.cause)})`);
		});
	return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** What the CSV and XLSX say where the data cannot give a figure (Arrow: null). */
const UNAVAILABLE = ['tidak tersedia', 'tidak tercakup'];

/** An Arrow value written the CSV way (the CSV twin is the reference). */
function asCsv(v: unknown, type: string, csvCell: string): string {
	// A suppressed count, or a figure the data cannot give: null in Arrow, said in words in the CSV.
	if (v === null || v === undefined) return ['<5', ...UNAVAILABLE].includes(csvCell) ? csvCell : '';
	if (type.startsWith('Date32')) return new Date(v as number).toISOString().slice(0, csvCell.length === 7 ? 7 : 10);
	if (type.startsWith('Timestamp')) return new Date(v as number).toISOString().slice(0, csvCell.length).replace('T', ' ');
	if (typeof v === 'boolean') return String(v);
	if (typeof v === 'string' && csvCell === `'${v}`) return csvCell; // a defused formula
	return String(v);
}

/** The Arrow type each column kind must have, by the CSV headers that carry it. */
function expectedType(key: string): RegExp | null {
	if (
		/^(complaints|rank|population|older_than_60d|verification_due|followup_due|observed_peak|cluster_id|rank_in_province|population_quartile)$/.test(
			key
		)
	)
		return /^Int32$/;
	if (/_pct$|_days$|^(per_100k|score|ratio|excess|expected_peak)$/.test(key)) return /^Float64$/;
	if (/^(code|region_code|regency_code|province_code|tracking_id|scope_code)$/.test(key)) return /^Utf8$/;
	if (/^(status|channel|opd_type|category|category_top|dimension|key|severity|rule|level)$/.test(key)) return /^Dictionary<Int32, Utf8>$/;
	if (/_month$|^period_start$/.test(key)) return /^Date32<DAY>$/;
	if (key === 'created_at') return /^Timestamp<MILLISECOND>$/;
	if (/^(confidential|ongoing)$/.test(key)) return /^Bool$/;
	return null;
}

describe('downloads: CSV, Arrow and Excel twins', () => {
	it('finds the download routes', () => {
		expect(targets().length).toBeGreaterThanOrEqual(20);
	});

	it('Arrow streams hold the CSV twin’s columns, rows and values with real types, for two readers', async () => {
		let cells = 0;
		const typed = new Set<string>();
		for (const target of targets()) {
			const csv = await get(withExt(target, 'csv'));
			const arrow = await get(withExt(target, 'arrow'));
			expect([csv.res.status, arrow.res.status], target).toEqual([200, 200]);
			expect(arrow.res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
			const [header = [], ...rows] = readCsv(csv.bytes.toString('utf8'));
			const t: ArrowTable = tableFromIPC(arrow.bytes);
			const f = flechette(arrow.bytes, { useDate: false });
			expect(
				t.schema.fields.map((x) => x.name),
				target
			).toEqual(header);
			expect(
				f.schema.fields.map((x) => x.name),
				target
			).toEqual(header);
			expect([t.numRows, f.numRows], target).toEqual([rows.length, rows.length]);
			expect(t.schema.metadata.get('telaah.data_version'), target).toMatch(/^\d+$/);
			header.forEach((key, j) => {
				const type = String(t.schema.fields[j]!.type);
				const want = expectedType(key);
				if (want) {
					expect(type, `${target} ${key}`).toMatch(want);
					typed.add(key);
				}
				const a = t.getChildAt(j)!;
				const b = f.getChildAt(j);
				const got = rows.map((_, i) => asCsv(a.get(i), type, rows[i]![j]!));
				const second = rows.map((_, i) => asCsv(b.at(i), type, rows[i]![j]!));
				expect(got, `${target} ${key} (apache-arrow)`).toEqual(rows.map((r) => r[j]));
				expect(second, `${target} ${key} (flechette)`).toEqual(rows.map((r) => r[j]));
				cells += rows.length;
			});
		}
		// Not vacuous: real rows, and every kind of column met.
		expect(cells).toBeGreaterThan(100_000);
		for (const key of ['complaints', 'per_100k', 'regency_code', 'status', 'period_start', 'start_month', 'created_at', 'confidential'])
			expect([...typed]).toContain(key);
	});

	it('Excel workbooks: Indonesian headers, typed numbers and dates, codes as text, labels, frozen header, Keterangan', async () => {
		for (const target of targets()) {
			const csv = await get(withExt(target, 'csv'));
			const xlsx = await get(withExt(target, 'xlsx'));
			expect(xlsx.res.status, target).toBe(200);
			expect(xlsx.res.headers.get('content-disposition')).toMatch(/\.xlsx"$/);
			const [header = [], ...rows] = readCsv(csv.bytes.toString('utf8'));
			const [data, notes] = await readXlsx(xlsx.bytes);
			expect([data!.name, notes!.name], target).toEqual(['Data', 'Keterangan']);
			expect(data!.sheet.views[0], target).toMatchObject({ state: 'frozen', ySplit: 1 });
			expect(data!.rows.length - 1, target).toBe(rows.length);
			// Each CSV key is defined on the Keterangan sheet next to its Indonesian header.
			const defined = new Map(notes!.rows.filter((r) => r.length >= 4).map((r) => [String(r[1]), String(r[0])]));
			expect(
				header.map((k) => defined.get(k)),
				target
			).toEqual(data!.rows[0]);
			for (const [j, key] of header.entries()) {
				// Where the CSV says a figure is not there, the workbook says it in the same words (a text cell, never 0).
				const words = rows.map((r, i) => [r[j], data!.rows[i + 1]![j]]).filter(([c]) => UNAVAILABLE.includes(c as string));
				expect(
					words.filter(([c, x]) => c !== x),
					`${target} ${key}`
				).toEqual([]);
				const kinds = new Set(
					data!.rows
						.slice(1)
						.map((r) =>
							r[j] === null || r[j] === undefined || UNAVAILABLE.includes(r[j] as string)
								? 'empty'
								: r[j] instanceof Date
									? 'date'
									: typeof r[j]
						)
				);
				kinds.delete('empty');
				if (/_code$|^code$|^tracking_id$/.test(key)) expect([...kinds], `${target} ${key}`).toEqual(kinds.size ? ['string'] : []);
				else if (/^(complaints)$/.test(key))
					expect(
						[...kinds].every((k) => k === 'number' || k === 'string'),
						`${target} ${key}`
					).toBe(true);
				else if (/_pct$|_days$|^(per_100k|population|rank)$/.test(key))
					expect([...kinds], `${target} ${key}`).toEqual(kinds.size ? ['number'] : []);
				else if (/_month$|^period_start$|^created_at$/.test(key))
					expect([...kinds], `${target} ${key}`).toEqual(kinds.size ? ['date'] : []);
			}
			const codeCol = header.findIndex((k) => /_code$|^code$/.test(k));
			if (codeCol >= 0 && rows.length) expect(data!.sheet.getRow(2).getCell(codeCol + 1).numFmt, target).toBe('@');
		}
	});

	it('every page offers each of its tables as CSV, Excel and Arrow, and each link answers', async () => {
		const [type] = await sql<{ t: string }>(e2e.db, `SELECT opd_type AS t FROM complaints GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
		const pages = [
			'/',
			'/tren',
			'/wilayah',
			'/wilayah/32',
			'/instansi',
			`/instansi/${type!.t}`,
			'/aduan',
			'/aduan/terlambat',
			'/topik',
			'/rekomendasi',
			'/data'
		];
		const seen = new Set<string>();
		let tables = 0;
		for (const page of pages) {
			const html = (await get(page)).bytes.toString('utf8');
			const groups = (html.match(/<span class="downloads[^"]*" role="group"/g) ?? []).length;
			const links = [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*data-format="(\w+)"/g)].map((m) => ({
				href: m[1]!.replaceAll('&amp;', '&'),
				format: m[2]!
			}));
			expect(groups, page).toBeGreaterThan(0);
			// Three formats per table, each the same route and query.
			expect(links.length, page).toBe(3 * groups);
			tables += groups;
			for (let i = 0; i < links.length; i += 3) {
				expect(
					links.slice(i, i + 3).map((l) => l.format),
					page
				).toEqual(['csv', 'xlsx', 'arrow']);
				expect(new Set(links.slice(i, i + 3).map((l) => l.href.replace(/\.(csv|xlsx|arrow)(?=\?|$)/, ''))).size, page).toBe(1);
			}
			for (const { href, format } of links) {
				if (seen.has(href)) continue;
				seen.add(href);
				const { res } = await get(href);
				expect([res.status, res.headers.get('content-disposition')?.endsWith(`.${format}"`)], `${page}: ${href}`).toEqual([200, true]);
			}
		}
		// Not vacuous: /data alone has three or four tables, /topik three, /wilayah/32 two.
		expect(tables).toBeGreaterThanOrEqual(15);
		expect(seen.size).toBeGreaterThanOrEqual(3 * 15);
	});

	it('Excel shows labels where the CSV has codes, and the same values', async () => {
		const csv = readCsv((await get('/api/aduan.csv?from=2020-03&to=2020-03')).bytes.toString('utf8'));
		const [data] = await readXlsx((await get('/api/aduan.xlsx?from=2020-03&to=2020-03')).bytes);
		const h = csv[0]!;
		const col = (k: string) => h.indexOf(k);
		expect(data!.rows[0]!.slice(0, 3)).toEqual(['Nomor pelacakan', 'Waktu dibuat', 'Judul aduan']);
		const first = data!.rows[1]!;
		expect(first[col('tracking_id')]).toBe(csv[1]![col('tracking_id')]);
		expect((first[col('created_at')] as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(csv[1]![col('created_at')]);
		const statuses = new Set(data!.rows.slice(1).map((r) => r[col('status')]));
		const codes = new Set(csv.slice(1).map((r) => r[col('status')]));
		expect([...statuses].some((s) => /^[A-Z]/.test(String(s)))).toBe(true);
		expect([...statuses].some((s) => codes.has(String(s)))).toBe(false);
		expect(data!.sheet.getRow(2).getCell(col('regency_code') + 1).type).toBe(ExcelJS.ValueType.String);
	});
});

/** A GET with Accept-Encoding, measured on the wire (fetch would decode and hide the size). */
function raw(path: string, encoding: string): Promise<{ status: number; headers: Record<string, unknown>; bytes: number }> {
	const { hostname, port } = new URL(e2e.base);
	return new Promise((ok, ko) => {
		request({ host: hostname, port, path, headers: { 'Accept-Encoding': encoding }, agent: false }, (res) => {
			let bytes = 0;
			res.on('data', (c: Buffer) => (bytes += c.length));
			res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
			res.on('error', ko);
		})
			.on('error', ko)
			.end();
	});
}

describe('compression', () => {
	it('compresses HTML, CSV and Arrow with gzip or brotli as asked, and not when not asked', async () => {
		for (const path of ['/wilayah', '/api/wilayah.csv', '/api/aduan.csv?from=2020-01&to=2020-06', '/api/wilayah.arrow']) {
			const plain = await raw(path, 'identity');
			expect(plain.headers['content-encoding'], path).toBeUndefined();
			for (const [asked, got] of [
				['gzip', 'gzip'],
				['gzip, deflate, br', 'br']
			] as const) {
				const r = await raw(path, asked);
				expect([r.status, r.headers['content-encoding']], `${path} ${asked}`).toEqual([200, got]);
				expect(String(r.headers.vary), path).toMatch(/Accept-Encoding/i);
				expect(r.bytes, `${path} ${asked}`).toBeLessThan(plain.bytes * 0.6);
			}
		}
	});

	it('leaves XLSX (already zipped) alone', async () => {
		const r = await raw('/api/wilayah.xlsx', 'gzip, br');
		expect([r.status, r.headers['content-encoding']]).toEqual([200, undefined]);
	});

	it('serves the app’s static assets precompressed', async () => {
		const html = await (await fetch(`${e2e.base}/wilayah`)).text();
		const asset = /_app\/immutable\/[^"']+\.(?:js|css)/.exec(html)?.[0];
		expect(asset).toBeDefined();
		const r = await raw(`/${asset}`, 'br');
		expect([r.status, r.headers['content-encoding']]).toEqual([200, 'br']);
	});
});
