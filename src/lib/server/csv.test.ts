import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
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
		expect(
			toCsv(
				['a', 'b'],
				[
					[1, 'x'],
					[2, null]
				]
			)
		).toBe('\uFEFFa,b\r\n1,x\r\n2,\r\n');
	});
});
