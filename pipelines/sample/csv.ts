// Column order of the export and its lines (RFC 4180 quoting from the core).
import { csvField } from '../../src/lib/core/csv';

export const SAMPLE_HEADERS = [
	'ID Tracking',
	'Tanggal Laporan',
	'Judul Laporan',
	'Isi Laporan',
	'Kategori',
	'Klasifikasi',
	'Sumber',
	'Lokasi',
	'Kode Wilayah',
	'Instansi Tujuan',
	'Status',
	'Anonim',
	'Rahasia',
	'Tanggal Verifikasi',
	'Tanggal Disposisi',
	'Tanggal Tindak Lanjut',
	'Tanggal Selesai',
	'Nama Pelapor',
	'Email Pelapor',
	'Telepon Pelapor'
] as const;
type SampleHeader = (typeof SAMPLE_HEADERS)[number];
export type SampleColumns = Record<SampleHeader, string>;

/** Record separator of the file (RFC 4180). Line breaks inside quoted bodies stay as written (LF). */
export const CSV_EOL = '\r\n';

/** One record without its line terminator; append CSV_EOL when writing. */
export function toCsvLine(row: SampleColumns): string {
	let line = csvField(row[SAMPLE_HEADERS[0]]);
	for (let i = 1; i < SAMPLE_HEADERS.length; i++) line += ',' + csvField(row[SAMPLE_HEADERS[i]!]);
	return line;
}

export const CSV_HEADER_LINE = SAMPLE_HEADERS.map(csvField).join(',');

/** A whole export file of `rows`: the header line and one line per record, each ending in CSV_EOL. */
export function toCsvText(rows: Iterable<SampleColumns>): string {
	const lines = [CSV_HEADER_LINE];
	for (const row of rows) lines.push(toCsvLine(row));
	return lines.join(CSV_EOL) + CSV_EOL;
}
