import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkZip } from './zip-guard.server.ts';
import { scratchDir, zip, type Scratch } from '../../../pipelines/ingest/test-support.ts';

let s: Scratch;
beforeAll(() => (s = scratchDir()));
afterAll(() => s.cleanup());

describe('XLSX zip-bomb guard', () => {
	it('accepts a real workbook', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('a').addRow(['ID Tracking', 'Judul']);
		const path = `${s.dir}/ok.xlsx`;
		await wb.xlsx.writeFile(path);
		const r = await checkZip(path);
		expect(r.entries).toBeGreaterThan(3);
	});
	it('refuses a highly compressed entry (10 MB of zeros)', async () => {
		const path = s.file('bomb.xlsx', zip([['xl/worksheets/sheet1.xml', Buffer.alloc(10 * 1024 * 1024)]]));
		await expect(checkZip(path)).rejects.toThrow(/expands \d+:1/);
	});
	it('measures what entries really inflate to: a 300 KB archive that declares 1 KB and holds 300 MB is refused', async () => {
		const lie = zip(
			[
				['[Content_Types].xml', Buffer.from('<Types/>')],
				['xl/sharedStrings.xml', Buffer.alloc(300 * 1024 * 1024, 'a')]
			],
			(name, size) => (name.startsWith('xl/') ? 1000 : size)
		);
		expect(lie.length).toBeLessThan(400 * 1024);
		const path = s.file('lie.xlsx', lie);
		const before = process.memoryUsage().rss;
		await expect(checkZip(path)).rejects.toThrow(/sharedStrings\.xml" inflates to more than it declares/);
		// Counted and dropped, never held: far below the 300 MB it would inflate to.
		expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
		// Declaring less than it holds, within every ratio, is refused too.
		const small = s.file(
			'small-lie.xlsx',
			zip([['a.xml', Buffer.alloc(5000, 'x')]], () => 4000)
		);
		await expect(checkZip(small)).rejects.toThrow(/inflates to more than it declares/);
		const more = s.file(
			'more.xlsx',
			zip([['a.xml', Buffer.alloc(5000, 'x')]], () => 6000)
		);
		await expect(checkZip(more)).rejects.toThrow(/inflates to 5000 bytes, not the 6000 it declares/);
	});

	it('refuses too much declared data, too many entries, path tricks and non-zips', async () => {
		const big = s.file(
			'big.xlsx',
			zip([
				['a', Buffer.alloc(2000, 'x')],
				['b', Buffer.alloc(2000, 'y')]
			])
		);
		await expect(checkZip(big, { entries: 10, totalBytes: 3000, ratio: 200 })).rejects.toThrow(/bytes uncompressed/);
		await expect(checkZip(big, { entries: 1, totalBytes: 1e9, ratio: 200 })).rejects.toThrow(/2 entries/);
		const trick = s.file('trick.xlsx', zip([['../../etc/cron.d/x', Buffer.from('x')]]));
		await expect(checkZip(trick)).rejects.toThrow(/entry name/);
		await expect(checkZip(s.file('no.xlsx', 'PK\u0003\u0004 not really'))).rejects.toThrow(/central directory/);
	});
});
