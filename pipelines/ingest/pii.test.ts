// Reporter privacy and hostile input at ingest: mask_pii / clean_text on hostile spellings (run
// in DuckDB, as the ETL does), identity columns recognised by content, and a real ingest with
// identity hidden in unnamed columns, control characters and over-long texts.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { INGEST_MACROS } from './macros.ts';
import { identityKind, looksLikeIdentity } from './pii.ts';
import { TEXT_LIMITS } from './sql.ts';
import { baseRow, emptyWarehouse, ingestInto, laporCsv, scratchDir, sql, type Scratch } from './test-support.ts';

let s: Scratch;
let conn: Awaited<ReturnType<DuckDBInstance['connect']>>;
beforeAll(async () => {
	s = scratchDir();
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(INGEST_MACROS);
});
afterAll(() => s.cleanup());

async function macro(name: 'mask_pii' | 'clean_text', value: string, n?: number): Promise<string> {
	const stmt = await conn.prepare(n === undefined ? `SELECT ${name}($v) AS r` : `SELECT ${name}($v, ${n}) AS r`);
	stmt.bind({ v: value });
	return (await stmt.runAndReadAll()).getRowObjectsJS()[0]!.r as string;
}

describe('mask_pii on hostile spellings', () => {
	const cases: [string, string][] = [
		['hubungi 081234567890 segera', 'hubungi [telepon] segera'],
		['hp 0812 3456 7890.', 'hp [telepon].'],
		['hp 0812.3456.7890', 'hp [telepon]'],
		['hp 0812-345-678-90', 'hp [telepon]'],
		['wa +62 812-3456-7890', 'wa [telepon]'],
		['wa +6281234567890', 'wa [telepon]'],
		['wa 62 812 3456 7890', 'wa [telepon]'],
		['telp +62 (812) 3456 7890', 'telp [telepon]'],
		['kantor (021) 555-1234', 'kantor [telepon]'],
		['0 8 1 2 3 4 5 6 7 8 9 0 ya', '[telepon] ya'],
		['NIK 3603123456780001', 'NIK [NIK]'],
		['NIK 3603 1234 5678 0001', 'NIK [NIK]'],
		['NIK 36.03.12.345678.0001', 'NIK [NIK]'],
		['NIK 360312-345678-0001', 'NIK [NIK]'],
		// a mistyped NIK (14, 15 or 17 digits) after its label is still someone's NIK
		['NIK : 357812345678901, alamat', 'NIK : [NIK], alamat'],
		['nik:35781234567890 ya', 'nik:[NIK] ya'],
		['No. KTP 3578 1234 5678 901.', 'No. KTP [NIK].'],
		['no kk 35781234567890123', 'no kk [NIK]'],
		['Nomor Induk Kependudukan 357812345678901', 'Nomor Induk Kependudukan [NIK]'],
		['KK# 357812345678901 dan 2020', 'KK# [NIK] dan 2020'],
		// 16 digits glued to letters or underscores: no word boundary, still a NIK
		['NIK3578123456789012', 'NIK[NIK]'],
		['atas nama_3578123456789012_budi', 'atas nama_[NIK]_budi'],
		['3578123456789012/3578123456789013', '[NIK]/[NIK]'],
		['surel siti.contoh@mail.co.id ya', 'surel [email] ya'],
		['surel siti [at] gmail [dot] com', 'surel [email]'],
		['surel siti(at)gmail.com', 'surel [email]']
	];
	it.each(cases)('%s', async (input, want) => {
		expect(await macro('mask_pii', input)).toBe(want);
	});

	it('leaves ordinary numbers alone: years, amounts, dates, RT/RW, tracking ids', async () => {
		for (const t of [
			'tahun 2020 dan 2021',
			'Rp 1.500.000 belum cair',
			'tanggal 12-10-2023',
			'RT 03 RW 07',
			'laporan 1234567 ditutup',
			'NIK saya 15 digit saja',
			'KK 123456789 belum jadi',
			'rekening 12345678901234567890 (20 digit)',
			'kode 123456789012345 tanpa label'
		]) {
			expect(await macro('mask_pii', t)).toBe(t);
		}
	});
});

describe('mask_pii on the real shared texts (../shared/data must exist)', () => {
	const SHARED = resolve(import.meta.dirname, '../../../shared/data');
	const files = {
		surabaya: resolve(SHARED, 'surabaya_mediacenter/surabaya_complaints_2022_2023.csv'),
		lapor: resolve(SHARED, 'lapor_2017_corpus/lapor_2017_complaints.csv'),
		tweets: resolve(SHARED, 'sp4n_lapor_tweets/sp4n_lapor_tweets_sentiment.csv')
	};
	it('leaves no NIK: no 16-digit run, no 14–17 digits after a NIK / KTP / KK label', async () => {
		for (const f of Object.values(files)) expect(existsSync(f), `missing ${f}`).toBe(true);
		// texts stay inside DuckDB: only counts come back
		const texts = `
			SELECT keluhan AS t FROM read_csv('${files.surabaya}', all_varchar = true)
			UNION ALL SELECT body_text FROM read_csv('${files.lapor}', all_varchar = true)
			UNION ALL SELECT text FROM read_csv('${files.tweets}', all_varchar = true)`;
		const NIK_LABELLED = `(?i)\\b(nik|ktp|kk)\\b[\\s.:#=-]{0,6}(no|nomor)?[\\s.:#=-]{0,4}[0-9](?:[ .-]?[0-9]){13,16}([^0-9]|$)`;
		const SIXTEEN = '(^|[^0-9])[0-9]{16}([^0-9]|$)';
		const counts = (await (
			await conn.runAndReadAll(`
				SELECT count(*) FILTER (WHERE regexp_matches(t, '${NIK_LABELLED}') OR regexp_matches(t, '${SIXTEEN}'))::INTEGER AS before,
					count(*) FILTER (WHERE regexp_matches(mask_pii(t), '${NIK_LABELLED}') OR regexp_matches(mask_pii(t), '${SIXTEEN}'))::INTEGER AS after
				FROM (${texts}) WHERE t IS NOT NULL`)
		).getRowObjectsJS()[0]) as { before: number; after: number };
		expect(counts.before).toBeGreaterThan(100); // the corpora do carry NIKs
		expect(counts.after).toBe(0);
	});
});

describe('clean_text', () => {
	it('strips C0 controls except tab and line feed, DEL and bidi overrides; CRLF becomes LF', async () => {
		expect(await macro('clean_text', 'a\u0001b\u0007c\td\r\ne\u007ff\u202eg\u2066h', 100)).toBe('abc\td\nefgh');
	});
	it('turns newlines and tabs written as backslash + n / r / t back into newlines and tabs', async () => {
		expect(await macro('clean_text', 'lampu padam\\nNama: X\\r\\nRT 3\\tRW 4', 100)).toBe('lampu padam\nNama: X\nRT 3\tRW 4');
	});
	it('cuts long texts with an ellipsis, at exactly n characters', async () => {
		const out = await macro('clean_text', 'x'.repeat(50), 10);
		expect(out).toBe('x'.repeat(9) + '…');
		expect(await macro('clean_text', 'x'.repeat(10), 10)).toBe('x'.repeat(10));
	});
});

describe('identity by content', () => {
	it('recognises whole values', () => {
		expect(identityKind(' 3603 1234 5678 0001 ')).toBe('nik');
		expect(identityKind('+62 812-3456-7890')).toBe('phone');
		expect(identityKind('siti@example.com')).toBe('email');
		expect(identityKind('Jalan Merdeka 12')).toBeNull();
		expect(identityKind('2023-10-16')).toBeNull();
	});
	it('flags a column when a fifth or more of its values are identity', () => {
		expect(looksLikeIdentity(['081234567890', '081298765432', null, ''])).toBe('phone');
		expect(looksLikeIdentity(['ok', 'ok', 'ok', 'ok', 'siti@example.com'])).toBe('email');
		expect(looksLikeIdentity(['ok', 'ok', 'ok', 'ok', 'ok', 'siti@example.com'])).toBeNull();
		expect(looksLikeIdentity([null, ''])).toBeNull();
	});
});

describe('a hostile export, ingested', () => {
	it('stores no identity from unnamed columns, masks free text in extra, strips controls, cuts long texts', async () => {
		const db = emptyWarehouse(`${s.dir}/hostile.duckdb`);
		const phone = '0857 1111 2222';
		const csvText = laporCsv(
			[
				baseRow({
					'ID Tracking': '9000001',
					Kontak: '081311112222',
					'No. WA': '081399998888',
					Keterangan: `telp ${phone} ya`,
					Catatan2: '3603123456780009',
					'Judul Laporan': 'a\u0007b\u202ec'
				}),
				baseRow({
					'ID Tracking': '9000002',
					Kontak: 'siti@example.com',
					Keterangan: 'tidak ada',
					Catatan2: '3603123456780010',
					'Isi Laporan': 'y'.repeat(TEXT_LIMITS.body + 500)
				})
			],
			{ extraHeaders: ['Kontak', 'No. WA', 'Keterangan', 'Catatan2'] }
		);
		const summary = await ingestInto(db, [s.file('hostile.csv', csvText)]);
		expect(summary.loaded).toBe(2);
		const rows = await sql<{ id: string; extra: string; title: string; body_len: number }>(
			db,
			`SELECT tracking_id AS id, extra::VARCHAR AS extra, title, length(body)::INTEGER AS body_len FROM complaints ORDER BY 1`
		);
		const everything = JSON.stringify(
			await sql(
				db,
				`SELECT * EXCLUDE (created_at, verified_at, dispositioned_at, first_response_at, closed_at, content_hash) FROM complaints`
			)
		);
		for (const secret of ['081311112222', '081399998888', '1111 2222', '3603123456780009', 'siti@example.com', '081234567890']) {
			expect(everything).not.toContain(secret);
		}
		// Kontak and Catatan2 are identity by content, "No. WA" by name; Keterangan is kept, masked.
		expect(JSON.parse(rows[0]!.extra)).toEqual({ Keterangan: 'telp [telepon] ya' });
		expect(rows[0]!.title).toBe('abc');
		expect(rows[1]!.body_len).toBe(TEXT_LIMITS.body);
	});
});
