import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { checkZip } from './zip-guard.ts';
import { scratchDir, type Scratch } from './test-support.ts';

let s: Scratch;
beforeAll(() => (s = scratchDir()));
afterAll(() => s.cleanup());

/** A minimal zip with the given (name, content) entries, deflated. */
function zip(entries: [string, Buffer][]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, content] of entries) {
		const data = deflateRawSync(content);
		const n = Buffer.from(name);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(content.length, 22);
		local.writeUInt16LE(n.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(content.length, 24);
		central.writeUInt16LE(n.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, n, data);
		centrals.push(central, n);
		offset += 30 + n.length + data.length;
	}
	const cd = Buffer.concat(centrals);
	const eocd = Buffer.alloc(22);
	eocd.writeUInt32LE(0x06054b50, 0);
	eocd.writeUInt16LE(entries.length, 8);
	eocd.writeUInt16LE(entries.length, 10);
	eocd.writeUInt32LE(cd.length, 12);
	eocd.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cd, eocd]);
}

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
	it('refuses too much declared data, too many entries, path tricks and non-zips', async () => {
		const big = s.file('big.xlsx', zip([['a', Buffer.alloc(2000, 'x')], ['b', Buffer.alloc(2000, 'y')]]));
		await expect(checkZip(big, { entries: 10, totalBytes: 3000, ratio: 200 })).rejects.toThrow(/bytes uncompressed/);
		await expect(checkZip(big, { entries: 1, totalBytes: 1e9, ratio: 200 })).rejects.toThrow(/2 entries/);
		const trick = s.file('trick.xlsx', zip([['../../etc/cron.d/x', Buffer.from('x')]]));
		await expect(checkZip(trick)).rejects.toThrow(/entry name/);
		await expect(checkZip(s.file('no.xlsx', 'PK\u0003\u0004 not really'))).rejects.toThrow(/central directory/);
	});
});
