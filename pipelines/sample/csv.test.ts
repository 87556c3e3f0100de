import { describe, expect, it } from 'vitest';
import { CSV_EOL, CSV_HEADER_LINE, SAMPLE_HEADERS, toCsvLine, type SampleColumns } from './csv';
import { generateComplaints } from './generate';
import { readCsv } from '../../src/lib/core/csv';
import { loadReference } from './test-support';

const blank = (): SampleColumns => Object.fromEntries(SAMPLE_HEADERS.map((h) => [h, ''])) as SampleColumns;

describe('CSV serialisation', () => {
	it('has the export header in order', () => {
		expect(CSV_HEADER_LINE).toBe(
			'ID Tracking,Tanggal Laporan,Judul Laporan,Isi Laporan,Kategori,Klasifikasi,Sumber,Lokasi,Kode Wilayah,Instansi Tujuan,Status,Anonim,Rahasia,Tanggal Verifikasi,Tanggal Disposisi,Tanggal Tindak Lanjut,Tanggal Selesai,Nama Pelapor,Email Pelapor,Telepon Pelapor'
		);
	});

	it('writes a body with comma, quote and newline so a CSV reader gets it back', () => {
		const row = blank();
		row['ID Tracking'] = '2000001';
		row['Isi Laporan'] = 'Jalan rusak, katanya "segera", tapi\nbelum juga.';
		row['Nama Pelapor'] = 'H. Ahmad Fauzi, S.Pd.';
		const line = toCsvLine(row);
		expect(line).toBe('2000001,,,"Jalan rusak, katanya ""segera"", tapi\nbelum juga.",,,,,,,,,,,,,,"H. Ahmad Fauzi, S.Pd.",,');
		const [parsed] = readCsv(line + CSV_EOL);
		expect(parsed).toHaveLength(SAMPLE_HEADERS.length);
		expect(parsed![3]).toBe(row['Isi Laporan']);
		expect(parsed![17]).toBe(row['Nama Pelapor']);
	});

	it('round-trips generated rows through a CSV reader', () => {
		const rows = [...generateComplaints({ rows: 3_000, seed: 3, regions: loadReference() })];
		const text = CSV_HEADER_LINE + CSV_EOL + rows.map((r) => toCsvLine(r) + CSV_EOL).join('');
		const [header, ...records] = readCsv(text);
		expect(header).toEqual([...SAMPLE_HEADERS]);
		expect(records).toHaveLength(rows.length);
		records.forEach((rec, i) => expect(rec).toEqual(SAMPLE_HEADERS.map((h) => rows[i]![h])));
		// the sample does exercise quoting
		expect(rows.some((r) => r['Isi Laporan'].includes('\n'))).toBe(true);
		expect(rows.some((r) => r['Isi Laporan'].includes('"'))).toBe(true);
		expect(rows.some((r) => r.Kategori.includes(','))).toBe(true);
	});
});
