import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvField, csvLine, readCsv, readCsvRecords } from './csv';

describe('csvCell (downloads)', () => {
	it('quotes separators, quotes and line breaks', () => {
		expect(csvCell('Pekerjaan Umum dan Penataan Ruang')).toBe('Pekerjaan Umum dan Penataan Ruang');
		expect(csvCell('Ketenteraman, Ketertiban Umum')).toBe('"Ketenteraman, Ketertiban Umum"');
		expect(csvCell('kata "kunci"')).toBe('"kata ""kunci"""');
		expect(csvCell('baris\nbaru')).toBe('"baris\nbaru"');
		expect(csvCell(' spasi')).toBe('" spasi"');
	});

	it('defuses spreadsheet formulas in text but not in numbers', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+62 812')).toBe("'+62 812");
		expect(csvCell('-1')).toBe("'-1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
		expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
		expect(csvCell('+1+1')).toBe("'+1+1");
		expect(csvCell('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
		expect(csvCell('@SUM(1+1)*cmd|x')).toBe("'@SUM(1+1)*cmd|x");
		expect(csvCell('  =1+1')).toBe("'  =1+1");
		expect(csvCell('\n=1+1')).toBe(`"'\n=1+1"`);
		expect(csvCell('\uFF1D1+1')).toBe("'\uFF1D1+1");
		expect(csvCell('Jalan = rusak')).toBe('Jalan = rusak');
		expect(csvCell(-1)).toBe('-1');
		expect(csvCell(0.25)).toBe('0.25');
		expect(csvCell(null)).toBe('');
		expect(csvCell(Number.NaN)).toBe('');
	});

	it('writes a BOM, a header and CRLF rows', () => {
		expect(CSV_BOM + csvLine(['a', 'b']) + csvLine([1, 'x']) + csvLine([2, null]) + csvLine([true, ' y'])).toBe(
			'\uFEFFa,b\r\n1,x\r\n2,\r\ntrue," y"\r\n'
		);
	});
});

describe('csvField (machine files)', () => {
	it('quotes only fields with a comma, quote, CR or LF, doubling quotes; no formula defusing', () => {
		expect(csvField('plain text')).toBe('plain text');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('katanya "masih proses"')).toBe('"katanya ""masih proses"""');
		expect(csvField('baris satu\nbaris dua')).toBe('"baris satu\nbaris dua"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
		expect(csvField('')).toBe('');
		expect(csvField(' spasi ')).toBe(' spasi ');
		expect(csvField('=1+1')).toBe('=1+1');
	});
});

describe('readCsv', () => {
	it('reads quoted commas, doubled quotes and line breaks, CRLF or LF, after a BOM', () => {
		const text = '\uFEFFkode,nama\r\n35.29,"Ra""as"\r\n36,"Banten, Provinsi"\n37,"dua\r\nbaris"\n';
		expect(readCsv(text)).toEqual([
			['kode', 'nama'],
			['35.29', 'Ra"as'],
			['36', 'Banten, Provinsi'],
			['37', 'dua\r\nbaris']
		]);
		expect(readCsv('a,b\n\n1,2\n\n')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
		expect(readCsv('')).toEqual([]);
		expect(readCsv('a,b\n1,')).toEqual([
			['a', 'b'],
			['1', '']
		]);
	});

	it('reads back what csvCell and csvField write', () => {
		const cells = ['=SUM(A1)', ' padded ', 'a,b', 'kata "kunci"', 'baris\nbaru', '', '-1'];
		expect(readCsv(CSV_BOM + csvLine(cells) + csvLine(cells.map(() => 'x')))[0]).toEqual(cells.map((c) => (/^[=-]/.test(c) ? `'${c}` : c)));
		expect(readCsv(cells.map(csvField).join(',') + '\n')[0]).toEqual(cells);
	});

	it('refuses a ragged record or a stray quote, naming the source and the line', () => {
		expect(() => readCsv('a,b\n1,2\n1,2,3\n', 'x.csv')).toThrow(/^x\.csv: .*line 3/);
		expect(() => readCsv('a,b\n1,x"y\n', 'x.csv')).toThrow(/^x\.csv: .*quote.*line 2/i);
		expect(() => readCsv('a,b\n1,"open\n')).toThrow(/^CSV: .*quote/i);
	});

	it('gives each record the line it ends on', () => {
		expect(readCsvRecords('a,b\n1,2\n\n"x\ny",3\n4,5\n')).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['1', '2'] },
			{ line: 5, cells: ['x\ny', '3'] },
			{ line: 6, cells: ['4', '5'] }
		]);
	});
});
