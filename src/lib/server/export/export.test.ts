import ExcelJS from 'exceljs';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowStream } from '$lib/core/arrow';
import { en } from '$lib/i18n/en';
import { id } from '$lib/i18n/id';
import { csvStream } from './csv-writer';
import type { Measured } from '$lib/core/metrics';
import { cellValue, column, metric, SNAKE_CASE, type Table } from './table';
import { TABLES } from './tables';
import { xlsxStream } from './xlsx-writer';

interface Row {
	code: string;
	name: string | null;
	status: string;
	n: number | null;
	rate: number | null;
	month: string;
	at: string | null;
	secret: boolean;
}

const table: Table<Row> = {
	name: 'uji',
	description: 'export.table.wilayah',
	columns: [
		column('rank', 'int', (_, i) => i + 1),
		column('region_code', 'code', (r) => r.code),
		column('region_name', 'text', (r) => r.name),
		column('status', 'category', (r) => r.status, { display: (v) => `label:${v}` }),
		column('complaints', 'int', (r) => r.n, { suppressed: true }),
		column('share_pct', 'pct', (r) => r.rate),
		column('start_month', 'month', (r) => r.month),
		column('created_at', 'timestamp', (r) => r.at),
		column('confidential', 'bool', (r) => r.secret)
	]
};
const ROWS: Row[] = [
	{
		code: '36.10',
		name: '=HYPERLINK("http://x")',
		status: 'selesai',
		n: 12,
		rate: 0.123456,
		month: '2020-03',
		at: '2020-03-31 07:05',
		secret: false
	},
	{ code: '32.01', name: 'Kab. Bogor, Jawa Barat', status: 'arsip', n: null, rate: null, month: '2021-12', at: null, secret: true }
];

async function* once<T>(rows: readonly T[]) {
	yield rows;
}
// The BOM kept (Response.text() would drop it).
const text = async (s: ReadableStream<Uint8Array>) =>
	new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(s).arrayBuffer());
const bytes = async (s: ReadableStream<Uint8Array>) => Buffer.from(await new Response(s).arrayBuffer());

describe('table declarations', () => {
	it('every download has unique snake_case keys and labels with definitions in both languages', () => {
		for (const t of TABLES) {
			const keys = t.columns.map((c) => c.key);
			expect(
				keys.filter((k) => !SNAKE_CASE.test(k)),
				t.name
			).toEqual([]);
			expect(new Set(keys).size, t.name).toBe(keys.length);
			for (const c of t.columns)
				for (const dict of [id, en] as Record<string, string>[]) {
					expect(dict[`col.${c.label}`], `${t.name}.${c.key}`).toBeTruthy();
					expect(dict[`col.${c.label}.def`], `${t.name}.${c.key}`).toBeTruthy();
				}
		}
	});

	it('refuses a value of the wrong kind instead of writing it', () => {
		const bad = column<{ v: unknown }>('complaints', 'int', (r) => r.v as number);
		expect(() => cellValue(bad, { v: '12' }, 0)).toThrow(/complaints \(int\)/);
		expect(() => cellValue(bad, { v: 1.5 }, 0)).toThrow(TypeError);
		expect(
			cellValue(
				column<{ v: number }>('ratio', 'float', (r) => r.v),
				{ v: 1 / 3 },
				0
			)
		).toBe(0.33);
		expect(
			cellValue(
				column<{ v: number }>('share_pct', 'pct', (r) => r.v),
				{ v: Number.NaN },
				0
			)
		).toBeNull();
	});
});

describe('writers', () => {
	it('CSV: keys as header, codes not labels, dot decimals, percentages, "<5" for a suppressed cell, formulas defused', async () => {
		expect(await text(csvStream(table, once(ROWS), 'id'))).toBe(
			'\uFEFFrank,region_code,region_name,status,complaints,share_pct,start_month,created_at,confidential\r\n' +
				`1,36.10,"'=HYPERLINK(""http://x"")",selesai,12,12.35,2020-03,2020-03-31 07:05,false\r\n` +
				'2,32.01,"Kab. Bogor, Jawa Barat",arsip,<5,,2021-12,,true\r\n'
		);
	});

	it('XLSX: UI-language headers, typed cells, codes as text, labels, frozen header, no formula, a Keterangan sheet', async () => {
		const notes = { about: [['Versi data', '3']] as [string, string][], filters: [['Periode', '2020-01 – 2020-12']] as [string, string][] };
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await bytes(xlsxStream(table, once(ROWS), 'id', notes))) as unknown as ArrayBuffer);
		const [data, info] = book.worksheets;
		expect(data!.name).toBe('Data');
		expect(data!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(data!.getRow(1).values).toEqual([
			undefined,
			'Peringkat',
			'Kode wilayah',
			'Nama wilayah',
			'Status',
			'Jumlah aduan',
			'Porsi (%)',
			'Bulan mulai',
			'Waktu dibuat',
			'Rahasia'
		]);
		const r2 = data!.getRow(2);
		expect(r2.getCell(1).value).toBe(1);
		expect(r2.getCell(2).value).toBe('36.10');
		expect(r2.getCell(2).numFmt).toBe('@');
		// A formula-looking text is a string cell, never a formula.
		expect(r2.getCell(3).type).toBe(ExcelJS.ValueType.String);
		expect(r2.getCell(3).value).toBe('=HYPERLINK("http://x")');
		expect(r2.getCell(4).value).toBe('label:selesai');
		expect(r2.getCell(5).value).toBe(12);
		expect(r2.getCell(6).value).toBe(0.1235);
		expect(r2.getCell(6).numFmt).toBe('0.00%');
		expect(r2.getCell(7).value).toEqual(new Date(Date.UTC(2020, 2, 1)));
		expect(r2.getCell(8).value).toEqual(new Date(Date.UTC(2020, 2, 31, 7, 5)));
		expect(r2.getCell(9).value).toBe(false);
		expect(data!.getRow(3).getCell(5).value).toBe('<5');
		expect(data!.getRow(3).getCell(6).value).toBeNull();
		expect(info!.name).toBe('Keterangan');
		const lines = info!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
		expect(lines).toContainEqual(['Versi data', '3']);
		expect(lines).toContainEqual(['Periode', '2020-01 – 2020-12']);
		expect(lines).toContainEqual(['Jumlah baris', '2']);
		expect(lines).toContainEqual(['Porsi (%)', 'share_pct', 'persen', id['col.share_pct.def']]);
	});

	it('Arrow: the CSV values, typed', async () => {
		const values = async function* () {
			yield ROWS.map((r, i) => table.columns.map((c) => cellValue(c, r, i)));
		};
		const t = tableFromIPC(await bytes(arrowStream(table.columns, values())));
		expect(t.getChild('complaints')!.toArray()).toEqual(Int32Array.of(12, 0));
		expect(t.getChild('complaints')!.nullCount).toBe(1);
		expect(t.getChild('share_pct')!.get(0)).toBe(12.35);
		expect(t.getChild('region_code')!.get(0)).toBe('36.10');
		expect(String(t.getChild('status')!.type)).toBe('Dictionary<Int32, Utf8>');
	});
});

describe('figures the data cannot give', () => {
	interface Line {
		breach: Measured;
		covered: boolean;
		n: number;
	}
	// A breach rate over complaints without a verification date (absent), one with (0 %), one partial.
	const lines: Line[] = [
		{ breach: { value: null, known: 0, of: 40, den: 0 }, covered: true, n: 40 },
		{ breach: { value: 0, known: 12, of: 12, den: 5 }, covered: true, n: 12 },
		{ breach: { value: 0.5, known: 2, of: 9, den: 2 }, covered: false, n: 9 }
	];
	const figures: Table<Line> = {
		name: 'uji-metrik',
		description: 'export.table.instansi',
		columns: [
			column('complaints', 'int', (r) => r.n, { unavailable: (r) => (r.covered ? null : 'metric.notCovered') }),
			metric('verification_breach_pct', 'breach3Rate', (r) => r.breach),
			column('verified_at_filled_pct', 'pct', (r) => r.breach.known / r.breach.of, {
				label: 'field_filled_pct',
				labelParams: { field: 'field.verified_at' }
			})
		]
	};

	it('CSV: "tidak tersedia" / "tidak tercakup" in the request language, never 0; a measured 0 stays 0', async () => {
		expect(await text(csvStream(figures, once(lines), 'id'))).toBe(
			'\uFEFFcomplaints,verification_breach_pct,verified_at_filled_pct\r\n' +
				'40,tidak tersedia,0\r\n' +
				'12,0,100\r\n' +
				'tidak tercakup,50,22.22\r\n'
		);
		expect(await text(csvStream(figures, once(lines), 'en'))).toContain('40,not available,0\r\n');
	});

	it('XLSX: a text cell where the figure is absent (a sum skips it), a number where it is 0; labels with their field', async () => {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await bytes(xlsxStream(figures, once(lines), 'id', { about: [], filters: [] }))) as unknown as ArrayBuffer);
		const data = book.worksheets[0]!;
		expect(data.getRow(1).values).toEqual([undefined, 'Jumlah aduan', 'Lewat batas verifikasi (%)', 'tanggal verifikasi: terisi (%)']);
		expect(data.getCell('B2').type).toBe(ExcelJS.ValueType.String);
		expect(data.getCell('B2').value).toBe('tidak tersedia');
		expect(data.getCell('B3').type).toBe(ExcelJS.ValueType.Number);
		expect(data.getCell('B3').value).toBe(0);
		expect(data.getCell('B4').value).toBe(0.5);
		expect(data.getCell('A4').value).toBe('tidak tercakup');
		const defs = book.worksheets[1]!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
		expect(defs).toContainEqual([
			'tanggal verifikasi: terisi (%)',
			'verified_at_filled_pct',
			'persen',
			id['col.field_filled_pct.def'].replace('{field}', 'tanggal verifikasi')
		]);
	});

	it('Arrow: null where the figure is absent, 0 where it is 0', async () => {
		const values = async function* () {
			yield lines.map((r, i) => figures.columns.map((c) => cellValue(c, r, i)));
		};
		const t = tableFromIPC(await bytes(arrowStream(figures.columns, values())));
		expect(t.getChild('verification_breach_pct')!.toJSON()).toEqual([null, 0, 50]);
		expect(t.getChild('complaints')!.toJSON()).toEqual([40, 12, null]);
	});
});
