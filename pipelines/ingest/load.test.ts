import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_AGENCY_TABLE } from './agency-table.ts';
import { ingest } from './load.ts';
import { baseRow, emptyWarehouse, ingestInto, laporCsv, scratchDir, sql, TEST_SALT, withWarehouse, type Scratch } from './test-support.ts';

let s: Scratch;
beforeAll(() => {
	s = scratchDir();
});
afterAll(() => s.cleanup());

const reconciles = (c: { rows_read: number; loaded: number; updated: number; duplicate: number; quarantined: number }) =>
	expect(c.rows_read).toBe(c.loaded + c.updated + c.duplicate + c.quarantined);

describe('a fresh warehouse', () => {
	it('is created at a new --db path with the reference tables', async () => {
		const db = `${s.dir}/fresh/new.duckdb`;
		expect(existsSync(db)).toBe(false);
		await ingestInto(db, [s.file('one.csv', laporCsv([baseRow()]))]);
		const [r] = await sql<{ prov: number; reg: number; pop: number; districts: number; targets: number }>(
			db,
			`SELECT count(*) FILTER (WHERE level = 'province') prov, count(*) FILTER (WHERE level = 'regency') reg,
			        sum(population) FILTER (WHERE level = 'province') pop,
			        (SELECT count(*) FROM districts) districts, (SELECT count(*) FROM region_targets) targets FROM regions`
		);
		expect(r).toEqual({ prov: 38, reg: 514, pop: 284_973_643, districts: 7285, targets: 1 });
	});
});

describe('formats and encodings', () => {
	const rows = [baseRow(), baseRow({ 'ID Tracking': '5000002', 'Isi Laporan': 'Bantuan “BST” belum cair, café tutup' })];

	it('reads comma and semicolon CSV, with and without a UTF-8 BOM', async () => {
		for (const [name, content] of [
			['semi.csv', laporCsv(rows)],
			['comma.csv', laporCsv(rows, { delimiter: ',' })],
			['bom.csv', '\uFEFF' + laporCsv(rows, { delimiter: ',' })]
		] as const) {
			const db = emptyWarehouse(`${s.dir}/${name}.duckdb`);
			const r = await ingestInto(db, [s.file(name, content)]);
			expect(r.loaded, name).toBe(2);
			const got = await sql<{ tracking_id: string; body: string }>(db, `SELECT tracking_id, body FROM complaints ORDER BY 1`);
			expect(got.map((g) => g.tracking_id)).toEqual(['5000001', '5000002']);
			expect(got[1]!.body).toBe('Bantuan “BST” belum cair, café tutup');
		}
	});

	it('detects a Windows-1252 export and decodes it, smart quotes included', async () => {
		const text = laporCsv(rows);
		// Encode by hand: the code points used here all exist in Windows-1252.
		const cp1252: Record<string, number> = { '“': 0x93, '”': 0x94, é: 0xe9 };
		const bytes = Buffer.from([...text].map((ch) => cp1252[ch] ?? ch.charCodeAt(0)));
		const db = emptyWarehouse(`${s.dir}/cp1252.duckdb`);
		const r = await ingestInto(db, [s.file('cp1252.csv', bytes)]);
		expect(r.files[0]!.encoding).toBe('windows-1252');
		const [got] = await sql<{ body: string }>(db, `SELECT body FROM complaints WHERE tracking_id = '5000002'`);
		expect(got!.body).toBe('Bantuan “BST” belum cair, café tutup');
	});

	it('quarantines lines with broken UTF-8 in an otherwise UTF-8 file', async () => {
		const good = laporCsv([...rows, baseRow({ 'ID Tracking': '5000003', 'Isi Laporan': 'rusak XX' })]);
		const bytes = Buffer.from(good, 'utf8');
		const at = bytes.indexOf(Buffer.from('rusak XX'));
		bytes[at + 6] = 0xff; // a byte that is never valid UTF-8
		const db = emptyWarehouse(`${s.dir}/broken-utf8.duckdb`);
		const r = await ingestInto(db, [s.file('broken.csv', bytes)]);
		expect(r.files[0]!.encoding).toBe('utf-8-invalid');
		expect(r).toMatchObject({ rows_read: 3, loaded: 2, quarantined: 1, reasons: { malformed_row: 1 } });
		const [q] = await sql<{ source_row: number; reason: string }>(db, `SELECT source_row, reason FROM quarantine`);
		expect(q!.source_row).toBe(3);
		expect(q!.reason).toMatch(/unicode|UTF-8/i);
	});

	it('reads XLSX, with real Excel dates and serial numbers', async () => {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Laporan');
		const header = Object.keys(baseRow());
		ws.addRow(header);
		ws.addRow(header.map((h) => (h === 'Tanggal Laporan' ? new Date(Date.UTC(2023, 9, 16, 14, 5)) : baseRow()[h])));
		ws.addRow(header.map((h) => (h === 'ID Tracking' ? 5000002 : h === 'Tanggal Laporan' ? 45215.5 : baseRow()[h])));
		const file = `${s.dir}/export.xlsx`;
		await wb.xlsx.writeFile(file);
		const db = emptyWarehouse(`${s.dir}/xlsx.duckdb`);
		const r = await ingestInto(db, [file]);
		expect(r).toMatchObject({ rows_read: 2, loaded: 2 });
		expect(r.files[0]!.format).toBe('xlsx');
		const got = await sql<{ tracking_id: string; created: string }>(
			db,
			`SELECT tracking_id, strftime(created_at, '%Y-%m-%d %H:%M') created FROM complaints ORDER BY 1`
		);
		expect(got).toEqual([
			{ tracking_id: '5000001', created: '2023-10-16 14:05' },
			{ tracking_id: '5000002', created: '2023-10-16 12:00' }
		]);
	});

	it('reads a JSON array and NDJSON, quarantining lines that are not JSON', async () => {
		const db = emptyWarehouse(`${s.dir}/json.duckdb`);
		const arr = s.file('a.json', JSON.stringify([baseRow(), { ...baseRow({ 'ID Tracking': '5000002' }), Kode: 12 }]));
		const nd = s.file(
			'b.ndjson',
			[
				JSON.stringify(baseRow({ 'ID Tracking': '5000003' })),
				'{"ID Tracking": "50000',
				JSON.stringify(baseRow({ 'ID Tracking': '5000004' }))
			].join('\n')
		);
		const r = await ingestInto(db, [arr, nd]);
		expect(r.files.map((f) => [f.format, f.rows_read, f.loaded, f.quarantined])).toEqual([
			['json', 2, 2, 0],
			['json', 3, 2, 1]
		]);
		const [q] = await sql<{ source_row: number; reason_code: string }>(db, `SELECT source_row, reason_code FROM quarantine`);
		expect(q).toEqual({ source_row: 2, reason_code: 'malformed_row' });
	});

	it('rejects a file it cannot read at all, with a clear error and nothing changed', async () => {
		const db = emptyWarehouse(`${s.dir}/unreadable.duckdb`);
		await ingestInto(db, [s.file('ok.csv', laporCsv([baseRow()]))]);
		const before = await sql(db, `SELECT count(*) n FROM complaints`);
		const good = s.file('ok2.csv', laporCsv([baseRow({ 'ID Tracking': '7000001' })]));
		for (const [name, content, message] of [
			['empty.csv', '', /empty/],
			['binary.csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]), /binary/],
			['noid.csv', 'a,b\n1,2\n', /tracking id/],
			['bad.json', '[{"a": 1}, ', /not valid JSON/],
			['fake.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), /XLSX/]
		] as const) {
			await expect(ingestInto(db, [good, s.file(name, content)]), name).rejects.toThrow(message);
		}
		// the good file listed first was rolled back with the bad one
		expect(await sql(db, `SELECT count(*) n FROM complaints`)).toEqual(before);
		expect(await sql(db, `SELECT count(*) n FROM ingest_batches`)).toEqual([{ n: 1 }]);
	});
});

describe('mapping and normalisation', () => {
	let db: string;
	beforeAll(async () => {
		db = emptyWarehouse(`${s.dir}/norm.duckdb`);
		const file = s.file(
			'norm.csv',
			laporCsv(
				[
					baseRow({
						'ID Tracking': '#1',
						Lokasi: 'KABUPATEN TANGERANG',
						'Kode Wilayah': '',
						'Tanggal Laporan': '16 Oktober 2023',
						Catatan: 'ekstra'
					}),
					baseRow({
						'ID Tracking': '2',
						Lokasi: 'Tangsel',
						'Kode Wilayah': '',
						'Instansi Tujuan': 'DISDUKCAPIL KOTA TANGSEL',
						Status: 'Ditindaklanjuti oleh Instansi',
						'Tanggal Laporan': '16/10/2023 14:05',
						'Tanggal Selesai': ''
					}),
					baseRow({
						'ID Tracking': '3',
						Lokasi: 'Kec. Ciputat, Kota Tangerang Selatan',
						'Kode Wilayah': '',
						Status: 'Terdisposisi ke Dinas Sosial Kota Tangerang Selatan',
						'Instansi Tujuan': '',
						'Tanggal Laporan': '45215',
						'Tanggal Tindak Lanjut': '',
						'Tanggal Selesai': ''
					}),
					baseRow({
						'ID Tracking': '4',
						Lokasi: 'Tangerang',
						'Kode Wilayah': '',
						'Instansi Tujuan': 'Satpol PP Kota Tangerang',
						Status: 'Belum Terverifikasi',
						Sumber: 'SMS 1708',
						Anonim: 'Ya',
						Rahasia: 'ya',
						'Tanggal Laporan': 'Senin, 16 Okt 2023 pukul 14.05 WIB',
						'Tanggal Verifikasi': '',
						'Tanggal Disposisi': '',
						'Tanggal Tindak Lanjut': '',
						'Tanggal Selesai': ''
					}),
					baseRow({
						'ID Tracking': '5',
						Lokasi: '',
						'Kode Wilayah': '',
						'Instansi Tujuan': 'Kementerian Sosial',
						Status: '',
						Sumber: 'WhatsApp',
						Klasifikasi: 'Permintaan Informasi',
						'Tanggal Laporan': '2023-10-16T07:05:00Z',
						'Tanggal Selesai': ''
					}),
					baseRow({
						'ID Tracking': '7',
						Lokasi: 'Jl. Kenanga No. 5',
						'Kode Wilayah': '',
						'Instansi Tujuan': 'Dinas Perhubungan Kota Bandung'
					}),
					baseRow({
						'ID Tracking': '6',
						Lokasi: 'Kab. Belitung Timur',
						'Kode Wilayah': '19.06',
						'Isi Laporan': 'Hubungi saya di 0812-3456-7890 atau budi@example.com, NIK 3603123456789012',
						Sumber: 'Aplikasi Android'
					})
				],
				{ extraHeaders: ['Catatan'] }
			)
		);
		const r = await ingestInto(db, [file]);
		expect(r).toMatchObject({ loaded: 7, quarantined: 0 });
	});

	const byId = async (id: string) =>
		(
			await sql<Record<string, unknown>>(
				db,
				`SELECT *, strftime(created_at, '%Y-%m-%d %H:%M') created FROM complaints WHERE tracking_id = '${id}'`
			)
		)[0]!;

	it('parses Indonesian, day-first, ISO-with-zone and Excel-serial dates to WIB wall time', async () => {
		expect((await byId('1')).created).toBe('2023-10-16 00:00');
		expect((await byId('2')).created).toBe('2023-10-16 14:05');
		expect((await byId('3')).created).toBe('2023-10-16 00:00');
		expect((await byId('4')).created).toBe('2023-10-16 14:05');
		expect((await byId('5')).created).toBe('2023-10-16 14:05');
	});

	it('normalises region spellings to Kemendagri codes, from location, code, agency or status', async () => {
		const got = await sql<{ tracking_id: string; regency_code: string | null; province_code: string | null }>(
			db,
			`SELECT tracking_id, regency_code, province_code FROM complaints ORDER BY tracking_id`
		);
		expect(got).toEqual([
			{ tracking_id: '1', regency_code: '36.03', province_code: '36' },
			{ tracking_id: '2', regency_code: '36.74', province_code: '36' },
			{ tracking_id: '3', regency_code: '36.74', province_code: '36' },
			// bare "Tangerang" is ambiguous; the agency "Satpol PP Kota Tangerang" settles it
			{ tracking_id: '4', regency_code: '36.71', province_code: '36' },
			// a ministry with no location: national, no region
			{ tracking_id: '5', regency_code: null, province_code: null },
			{ tracking_id: '6', regency_code: '19.06', province_code: '19' },
			// a location that is an address, not a region: the agency's region is where it was sent
			{ tracking_id: '7', regency_code: '32.73', province_code: '32' }
		]);
	});

	it('maps agency text to one canonical name with its OPD type and authority, and status labels to the lifecycle', async () => {
		const got = await sql(
			db,
			`SELECT tracking_id, opd_type, agency_name, agency_authority, status, channel, classification, is_anonymous, is_confidential FROM complaints ORDER BY tracking_id`
		);
		expect(got).toEqual([
			{
				tracking_id: '1',
				opd_type: 'pupr',
				agency_name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Tangerang',
				agency_authority: 'pemda',
				status: 'selesai',
				channel: 'web',
				classification: 'pengaduan',
				is_anonymous: false,
				is_confidential: false
			},
			{
				tracking_id: '2',
				opd_type: 'disdukcapil',
				agency_name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Tangerang Selatan',
				agency_authority: 'pemda',
				status: 'ditindaklanjuti',
				channel: 'web',
				classification: 'pengaduan',
				is_anonymous: false,
				is_confidential: false
			},
			{
				tracking_id: '3',
				opd_type: 'dinsos',
				agency_name: 'Dinas Sosial Kota Tangerang Selatan',
				agency_authority: 'pemda',
				status: 'terdisposisi',
				channel: 'web',
				classification: 'pengaduan',
				is_anonymous: false,
				is_confidential: false
			},
			{
				tracking_id: '4',
				opd_type: 'satpolpp',
				agency_name: 'Satuan Polisi Pamong Praja Kota Tangerang',
				agency_authority: 'pemda',
				status: 'belum_terverifikasi',
				channel: 'sms',
				classification: 'pengaduan',
				is_anonymous: true,
				is_confidential: true
			},
			// no status written: derived from the timestamps present
			{
				tracking_id: '5',
				opd_type: 'kementerian',
				agency_name: 'Kementerian Sosial',
				agency_authority: 'kementerian',
				status: 'ditindaklanjuti',
				channel: 'whatsapp',
				classification: 'permintaan_informasi',
				is_anonymous: false,
				is_confidential: false
			},
			{
				tracking_id: '6',
				opd_type: 'pupr',
				// the agency names its own region (Kab. Tangerang), not the complaint's (Belitung Timur)
				agency_name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Tangerang',
				agency_authority: 'pemda',
				status: 'selesai',
				channel: 'android',
				classification: 'pengaduan',
				is_anonymous: false,
				is_confidential: false
			},
			{
				tracking_id: '7',
				opd_type: 'dishub',
				agency_name: 'Dinas Perhubungan Kota Bandung',
				agency_authority: 'pemda',
				status: 'selesai',
				channel: 'web',
				classification: 'pengaduan',
				is_anonymous: false,
				is_confidential: false
			}
		]);
	});

	it('keeps unknown columns in extra and the category path split', async () => {
		const one = await byId('1');
		expect(JSON.parse(one.extra as string)).toEqual({ Catatan: 'ekstra' });
		expect(one.category_top).toBe('Pekerjaan Umum dan Penataan Ruang');
		expect(one.category_path).toBe('Pekerjaan Umum dan Penataan Ruang > Infrastruktur Jalan > Jalan Berlubang');
	});

	it('never stores reporter identity: no column, no value, masked in text, only a salted hash', async () => {
		const cols = await sql<{ column_name: string }>(db, `SELECT column_name FROM duckdb_columns() WHERE NOT internal`);
		// The status "ditanggapi_pelapor" (answered by the reporter) names a rollup count column, not a person.
		const names = cols.map((c) => c.column_name.replace('ditanggapi_pelapor', 'ditanggapi_status'));
		expect(names.filter((c) => /pelapor|reporter_(name|phone|email|nik)|telepon|email/i.test(c))).toEqual([]);
		const dump = JSON.stringify(await sql(db, `SELECT * FROM complaints`)) + JSON.stringify(await sql(db, `SELECT * FROM quarantine`));
		for (const pii of ['Siti Contoh', '081234567890', 'siti@example.com', '0812-3456-7890', 'budi@example.com', '3603123456789012'])
			expect(dump).not.toContain(pii);
		expect((await byId('6')).body).toBe('Hubungi saya di [telepon] atau [email], NIK [NIK]');
		const hashes = await sql<{ h: string; n: number }>(db, `SELECT reporter_hash h, count(*) n FROM complaints GROUP BY 1`);
		expect(hashes).toHaveLength(1); // the same reporter on every row: countable, not identifiable
		expect(hashes[0]!.h).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('bad rows are quarantined with reasons and counts reconcile', () => {
	it('covers malformed rows, duplicates, bad dates, unknown and ambiguous regions, bad labels', async () => {
		const db = emptyWarehouse(`${s.dir}/dirty.duckdb`);
		const csv =
			laporCsv([
				baseRow({ 'ID Tracking': '1' }),
				baseRow({ 'ID Tracking': '2', 'Tanggal Laporan': '32/13/2023' }),
				baseRow({ 'ID Tracking': '3', 'Tanggal Verifikasi': 'kemarin' }),
				baseRow({ 'ID Tracking': '4', Lokasi: 'Kabupaten Antah Berantah', 'Kode Wilayah': '', 'Instansi Tujuan': 'Dinas Y' }),
				baseRow({ 'ID Tracking': '5', Lokasi: 'Tangerang', 'Kode Wilayah': '', 'Instansi Tujuan': 'Dinas X' }),
				baseRow({ 'ID Tracking': '6', 'Kode Wilayah': '99.99' }),
				baseRow({ 'ID Tracking': '1', 'Isi Laporan': 'versi lain' }),
				baseRow({ 'ID Tracking': '' }),
				baseRow({ 'ID Tracking': '7', Status: 'Sedang Dimasak' }),
				baseRow({ 'ID Tracking': '8', Anonim: 'mungkin' }),
				baseRow({ 'ID Tracking': '9', 'Tanggal Laporan': '' }),
				baseRow({ 'ID Tracking': '10', 'Tanggal Laporan': '2093-01-01' }),
				baseRow({ 'ID Tracking': '11', Klasifikasi: 'Pujian Berlebihan' })
			]) + '12;2023-10-16;terpotong\n';
		const r = await ingestInto(db, [s.file('dirty.csv', csv)]);
		reconciles(r);
		const loaded = await sql(db, `SELECT tracking_id FROM complaints`);
		expect(loaded).toEqual([{ tracking_id: '1' }]);
		expect(r).toMatchObject({ rows_read: 14, loaded: 1, quarantined: 13 });
		const q = await sql<{ source_row: number; reason_code: string; reason: string }>(
			db,
			`SELECT source_row, reason_code, reason FROM quarantine ORDER BY source_row`
		);
		expect(q.map((x) => [x.source_row, x.reason_code])).toEqual([
			// same tracking id and same activity twice: the later row is taken as the newer version
			[1, 'duplicate_in_file'],
			[2, 'bad_date'],
			[3, 'bad_date'],
			[4, 'unknown_region'],
			[5, 'ambiguous_region'],
			[6, 'unknown_region'],
			[8, 'missing_tracking_id'],
			[9, 'unknown_status'],
			[10, 'bad_flag'],
			[11, 'missing_date'],
			[12, 'implausible_date'],
			[13, 'unknown_classification'],
			[14, 'malformed_row']
		]);
		expect(q[0]!.reason).toBe('tracking id 1 appears again in row 7, which was loaded');
		expect(q[1]!.reason).toBe('unparseable date in "Tanggal Laporan": "32/13/2023"');
		expect(q[2]!.reason).toBe('unparseable date in "Tanggal Verifikasi": "kemarin"');
		expect(q[4]!.reason).toContain('"Tangerang"');
		expect(await sql(db, `SELECT body FROM complaints`)).toEqual([{ body: 'versi lain' }]);
		const [batch] = await sql(db, `SELECT rows_read, loaded, updated, duplicate, quarantined FROM ingest_batches`);
		expect(batch).toEqual({ rows_read: 14, loaded: 1, updated: 0, duplicate: 0, quarantined: 13 });
		// the raw row is kept for the analyst, without the reporter's identity
		const [raw] = await sql<{ raw: string }>(db, `SELECT raw FROM quarantine WHERE source_row = 4`);
		expect(JSON.parse(raw!.raw)).toMatchObject({ 'ID Tracking': '4', Lokasi: 'Kabupaten Antah Berantah' });
		expect(raw!.raw).not.toContain('Siti');
	});
});

describe('idempotent upserts by tracking id', () => {
	it('re-ingesting the same file changes nothing; a later export updates; an older one is not applied', async () => {
		const db = emptyWarehouse(`${s.dir}/upsert.duckdb`);
		const open = baseRow({ 'ID Tracking': '1', Status: 'Ditindaklanjuti oleh Instansi', 'Tanggal Selesai': '' });
		const v1 = s.file('v1.csv', laporCsv([open, baseRow({ 'ID Tracking': '2' })]));
		const first = await ingestInto(db, [v1]);
		expect(first).toMatchObject({ loaded: 2, updated: 0, duplicate: 0 });
		const again = await ingestInto(db, [v1]);
		expect(again).toMatchObject({ rows_read: 2, loaded: 0, updated: 0, duplicate: 2, quarantined: 0 });

		const closed = baseRow({ 'ID Tracking': '1', Status: 'Selesai', 'Tanggal Selesai': '2023-11-20 10:00:00' });
		const v2 = s.file('v2.csv', laporCsv([closed, baseRow({ 'ID Tracking': '3' })]));
		expect(await ingestInto(db, [v2])).toMatchObject({ loaded: 1, updated: 1, duplicate: 0 });
		// The older version in another file (rows in another order): not applied, quarantined.
		const v1b = s.file('v1b.csv', laporCsv([baseRow({ 'ID Tracking': '2' }), open]));
		expect(await ingestInto(db, [v1b])).toMatchObject({ rows_read: 2, duplicate: 1, quarantined: 1, reasons: { stale_version: 1 } });

		const got = await sql(db, `SELECT tracking_id, status, first_batch_id, last_batch_id FROM complaints ORDER BY 1`);
		expect(got).toEqual([
			{ tracking_id: '1', status: 'selesai', first_batch_id: 1, last_batch_id: 2 },
			{ tracking_id: '2', status: 'selesai', first_batch_id: 1, last_batch_id: 1 },
			{ tracking_id: '3', status: 'selesai', first_batch_id: 2, last_batch_id: 2 }
		]);
		const [u] = await sql<{ n: number; d: number }>(db, `SELECT count(*) n, count(DISTINCT tracking_id) d FROM complaints`);
		expect(u!.n).toBe(u!.d);
	});

	it('a re-run of a file already loaded is a no-op with the same summary every time, stale rows not quarantined again', async () => {
		const db = emptyWarehouse(`${s.dir}/rerun.duckdb`);
		const newer = s.file(
			'newer.csv',
			laporCsv([baseRow({ 'ID Tracking': '1', Status: 'Selesai', 'Tanggal Selesai': '2023-11-20 10:00:00' })])
		);
		const older = s.file(
			'older.csv',
			laporCsv([
				baseRow({ 'ID Tracking': '1', Status: 'Ditindaklanjuti oleh Instansi', 'Tanggal Selesai': '' }),
				baseRow({ 'ID Tracking': '2', 'Tanggal Laporan': 'besok' })
			])
		);
		await ingestInto(db, [newer]);
		const first = await ingestInto(db, [older]);
		expect(first).toMatchObject({ rows_read: 2, loaded: 0, quarantined: 2, reasons: { stale_version: 1, bad_date: 1 } });
		const state = async () =>
			JSON.stringify(
				await sql(
					db,
					`SELECT (SELECT count(*) FROM quarantine) q, (SELECT count(*) FROM ingest_batches) b, (SELECT count(*) FROM complaints) c`
				)
			);
		const before = await state();
		const reruns = [await ingestInto(db, [older]), await ingestInto(db, [older]), await ingestInto(db, [older])];
		const summary = (r: (typeof reruns)[number]) => ({ ...r.files[0], duration_ms: 0, file: '' });
		expect(reruns.map(summary)).toEqual(Array(3).fill(summary(reruns[0]!)));
		expect(reruns[0]).toMatchObject({
			rows_read: 2,
			loaded: 0,
			updated: 0,
			duplicate: 0,
			quarantined: 2,
			reasons: { stale_version: 1, bad_date: 1 }
		});
		expect(reruns[0]!.files[0]).toMatchObject({ already_loaded: true, batch_id: 2 });
		expect(await state()).toBe(before);
		// Read again once the configuration it was read with changes (here: a forced profile).
		await withWarehouse(db, async (w) => {
			const forced = await ingest(w.conn, [older], { salt: TEST_SALT, profile: 'lapor' });
			expect(forced.files[0]!.already_loaded).toBeUndefined();
		});
	});

	it('stores labels that differ only by invisible characters (BOM, zero-width space, NBSP) as one', async () => {
		const db = emptyWarehouse(`${s.dir}/invisible.duckdb`);
		const rows = ['Infrastruktur > Jalan', '\uFEFFInfrastruktur > Jalan', 'Infra\u200Bstruktur > Jalan', 'Infrastruktur\u00A0> Jalan'].map(
			(k, i) =>
				baseRow({
					'ID Tracking': String(10 + i),
					Kategori: k,
					'Instansi Tujuan': i % 2 ? '\uFEFFDinas PUPR Kabupaten Tangerang' : 'Dinas PUPR Kabupaten Tangerang',
					'Judul Laporan': `Jalan\u200B rusak ${i}`
				})
		);
		rows.push({ ...rows[0]!, 'ID Tracking': '\uFEFF10' });
		const r = await ingestInto(db, [s.file('invisible.csv', laporCsv(rows))]);
		expect(r).toMatchObject({ rows_read: 5, loaded: 4, duplicate: 0, quarantined: 1, reasons: { duplicate_in_file: 1 } });
		const got = await sql<{ tops: number; paths: number; agencies: number; zw: number }>(
			db,
			`SELECT count(DISTINCT category_top)::INTEGER tops, count(DISTINCT category_path)::INTEGER paths, count(DISTINCT agency_name)::INTEGER agencies,
			        count(*) FILTER (WHERE regexp_matches(title || category_path || tracking_id, '[\\x{FEFF}\\x{200B}]'))::INTEGER zw FROM complaints`
		);
		expect(got).toEqual([{ tops: 1, paths: 1, agencies: 1, zw: 0 }]);
	});

	it('commits work given as beforeCommit with the load, or nothing at all', async () => {
		const db = emptyWarehouse(`${s.dir}/before-commit.duckdb`);
		await ingestInto(db, [s.file('bc1.csv', laporCsv([baseRow()]))]);
		await withWarehouse(db, async (w) => {
			const file = s.file('bc2.csv', laporCsv([baseRow({ 'ID Tracking': '77' })]));
			await expect(
				ingest(w.conn, [file], { salt: TEST_SALT, beforeCommit: () => Promise.reject(new Error('topic assignment failed')) })
			).rejects.toThrow('topic assignment failed');
		});
		expect(await sql(db, `SELECT tracking_id FROM complaints`)).toEqual([{ tracking_id: '5000001' }]);
	});

	it('a failure mid-load leaves the warehouse byte-for-byte as it was', async () => {
		const db = emptyWarehouse(`${s.dir}/atomic.duckdb`);
		await ingestInto(db, [s.file('base.csv', laporCsv([baseRow()]))]);
		const before = JSON.stringify(await sql(db, `SELECT * FROM complaints`));
		await withWarehouse(db, async (w) => {
			const file = s.file('next.csv', laporCsv([baseRow({ 'ID Tracking': '99' })]));
			const other = s.file('next2.csv', laporCsv([baseRow({ 'ID Tracking': '98' })]));
			let calls = 0;
			await expect(
				ingest(w.conn, [file, other], {
					salt: TEST_SALT,
					onStage(_f, stage) {
						// crash in the second file's upsert, after the first file was applied
						if (stage === 'upsert' && ++calls === 2) throw new Error('simulated crash');
					}
				})
			).rejects.toThrow('simulated crash');
		});
		expect(JSON.stringify(await sql(db, `SELECT * FROM complaints`))).toBe(before);
		expect(await sql(db, `SELECT count(*) n FROM ingest_batches`)).toEqual([{ n: 1 }]);
		expect(statSync(db).size).toBeGreaterThan(0);
	});
});

describe('one agency, one name', () => {
	const SPELLINGS = ['Dinas Sosial Kabupaten Tangerang', 'Dinsos Kab. Tangerang', 'DINSOS KAB. TANGERANG', 'Dinas Sosial Kab. Tangerang'];
	const rows = SPELLINGS.map((a, i) => baseRow({ 'ID Tracking': String(100 + i), 'Instansi Tujuan': a }));
	const binaMarga = baseRow({ 'ID Tracking': '200', 'Instansi Tujuan': 'Dinas Bina Marga Kab. Tangerang' });
	const names = (db: string) =>
		sql<{ agency_name: string; agency_authority: string; opd_type: string; n: number; spellings: number }>(
			db,
			`SELECT agency_name, agency_authority, opd_type, count(*)::INTEGER n, count(DISTINCT agency_raw)::INTEGER spellings
			 FROM complaints GROUP BY ALL ORDER BY n DESC, agency_name`
		);

	it('stores the spellings of one agency under one name, each as written', async () => {
		const db = emptyWarehouse(`${s.dir}/one-name.duckdb`);
		await ingestInto(db, [s.file('one-name.csv', laporCsv(rows))]);
		expect(await names(db)).toEqual([
			{ agency_name: 'Dinas Sosial Kabupaten Tangerang', agency_authority: 'pemda', opd_type: 'dinsos', n: 4, spellings: 4 }
		]);
	});

	it('takes an alias added to the table on the next ingest: the file is read again and what was stored before follows', async () => {
		const db = emptyWarehouse(`${s.dir}/alias.duckdb`);
		const dinsos = s.file('alias-dinsos.csv', laporCsv(rows));
		const bina = s.file('alias-bina.csv', laporCsv([binaMarga]));
		await ingestInto(db, [dinsos, bina]);
		expect((await names(db)).map((r) => r.agency_name)).toEqual([
			'Dinas Sosial Kabupaten Tangerang',
			'Dinas Bina Marga Kabupaten Tangerang'
		]);
		// A reviewed alias, in a copy of the table: in Kab. Tangerang, Dinas Bina Marga is the PUPR office.
		const table = s.file(
			'aliases.csv',
			readFileSync(DEFAULT_AGENCY_TABLE, 'utf8') +
				'name,Dinas Bina Marga,Dinas Pekerjaan Umum dan Penataan Ruang,36.03,,reviewed in a test\n'
		);
		const pupr = 'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Tangerang';
		await withWarehouse(db, async (w) => {
			const again = await ingest(w.conn, [dinsos], { salt: TEST_SALT, agencyAliases: table });
			expect(again.files[0]!.already_loaded).toBeUndefined(); // read again under the new table
			expect(again).toMatchObject({ rows_read: 4, duplicate: 4 });
		});
		expect((await names(db)).map((r) => r.agency_name)).toEqual(['Dinas Sosial Kabupaten Tangerang', pupr]);
		// The table in TELAAH_AGENCY_ALIASES is the one every open and ingest uses.
		process.env.TELAAH_AGENCY_ALIASES = table;
		try {
			const r = await ingestInto(db, [bina]);
			expect(r.files[0]!.already_loaded).toBeUndefined();
			expect(await ingestInto(db, [bina])).toMatchObject({ files: [{ already_loaded: true }] });
			expect((await names(db)).map((r) => r.agency_name)).toEqual(['Dinas Sosial Kabupaten Tangerang', pupr]);
		} finally {
			delete process.env.TELAAH_AGENCY_ALIASES;
		}
		// Back on the shipped table, the next open resolves the names with it again, rollup included.
		await withWarehouse(db, async () => {});
		expect((await names(db)).map((r) => r.agency_name)).toEqual([
			'Dinas Sosial Kabupaten Tangerang',
			'Dinas Bina Marga Kabupaten Tangerang'
		]);
	});

	it('gives a warehouse of an earlier version canonical names, authorities and a matching rollup when it is next opened', async () => {
		const db = emptyWarehouse(`${s.dir}/older.duckdb`);
		await ingestInto(db, [
			s.file('older.csv', laporCsv([...rows, binaMarga, baseRow({ 'ID Tracking': '300', 'Instansi Tujuan': 'Kemensos' })]))
		]);
		const expected = await names(db);
		const inst = await DuckDBInstance.create(db);
		const conn = await inst.connect();
		// as an earlier version left it: the spelling as the name, no authority or stamp, a rollup of those types
		await conn.run(`UPDATE complaints SET agency_name = agency_raw, agency_authority = NULL, opd_type = 'lainnya';
			UPDATE monthly_rollup SET opd_type = 'lainnya' WHERE opd_type IS NOT NULL;
			DELETE FROM meta WHERE key = 'agency_names'`);
		conn.closeSync();
		inst.closeSync();
		expect((await names(db)).length).toBe(6);
		await withWarehouse(db, async () => {});
		expect(await names(db)).toEqual(expected);
		expect(expected.find((r) => r.agency_name === 'Kementerian Sosial')).toMatchObject({
			agency_authority: 'kementerian',
			opd_type: 'kementerian'
		});
		const [opd] = await sql<{ n: number }>(db, `SELECT sum(n)::INTEGER n FROM monthly_rollup WHERE grain = 'opd' AND opd_type = 'dinsos'`);
		expect(opd!.n).toBe(4);
	});
});

describe('real data adapters (../shared/data)', () => {
	const SURABAYA = '../shared/data/surabaya_mediacenter/surabaya_complaints_2022_2023.csv';
	const LAPOR2017 = '../shared/data/lapor_2017_corpus/lapor_2017_complaints.csv';
	let db: string;
	beforeAll(async () => {
		// CI has ../shared beside the clone; its absence must fail, not skip.
		for (const f of [SURABAYA, LAPOR2017]) if (!existsSync(f)) throw new Error(`shared data missing: ${f}`);
		db = emptyWarehouse(`${s.dir}/real.duckdb`);
		const r = await ingestInto(db, [SURABAYA, LAPOR2017]);
		reconciles(r);
	});

	it('loads every Surabaya Media Center complaint with dates, OPDs and kecamatan codes', async () => {
		const lines = readFileSync(SURABAYA, 'utf8');
		const [r] = await sql<Record<string, number | string>>(
			db,
			`SELECT count(*) n, count(DISTINCT regency_code) regencies, any_value(regency_code) regency,
			        count(district_code) with_district, count(DISTINCT district_code) districts,
			        count(first_response_at) responded, strftime(min(created_at), '%Y-%m-%d') AS first, strftime(max(created_at), '%Y-%m-%d') AS last,
			        count(*) FILTER (WHERE opd_type = 'lainnya') other_opd,
			        median(date_diff('second', created_at, first_response_at) / 86400.0) FILTER (WHERE first_response_at >= created_at) median_days
			 FROM complaints WHERE tracking_id LIKE 'SBY-%'`
		);
		expect(r).toMatchObject({
			n: 8771,
			regencies: 1,
			regency: '35.78',
			with_district: 8771,
			districts: 31,
			first: '2022-01-01',
			last: '2023-06-30'
		});
		// SOURCES.md: 794 of 12,530 have no response date in the full set; the 70 % split keeps the rate
		expect(Number(r!.responded) / 8771).toBeCloseTo(1 - 794 / 12530, 2);
		// and its median time to first response is 0.34 days
		expect(Number(r!.median_days)).toBeCloseTo(0.34, 1);
		expect(Number(r!.other_opd) / 8771).toBeLessThan(0.08);
		expect(lines.length).toBeGreaterThan(0);
		const [sample] = await sql(db, `SELECT opd_type, status FROM complaints WHERE tracking_id = 'SBY-155346'`);
		expect(sample).toEqual({ opd_type: 'dishub', status: 'ditindaklanjuti' });
		const [dinsos] = await sql<{ n: number }>(
			db,
			`SELECT count(*) n FROM complaints WHERE tracking_id LIKE 'SBY-%' AND opd_type = 'dinsos'`
		);
		expect(dinsos!.n).toBeGreaterThan(1000);
	});

	it('loads the LAPOR! 2017 corpus, agencies typed and regions read from the addressee', async () => {
		const [r] = await sql<Record<string, number>>(
			db,
			`SELECT count(*) n, count(created_at) dated, count(regency_code) with_regency,
			        count(*) FILTER (WHERE opd_type = 'bpjs') bpjs, count(*) FILTER (WHERE classification IS NOT NULL) classified
			 FROM complaints WHERE tracking_id NOT LIKE 'SBY-%'`
		);
		expect(r).toMatchObject({ n: 1286, dated: 0 });
		expect(r!.with_regency).toBeGreaterThan(300);
		expect(r!.bpjs).toBeGreaterThan(100);
		expect(r!.classified).toBeGreaterThan(1000);
		const [one] = await sql(db, `SELECT regency_code, opd_type FROM complaints WHERE tracking_id = '1905425'`);
		expect(one).toEqual({ regency_code: '33.74', opd_type: 'dishub' });
	});
});
