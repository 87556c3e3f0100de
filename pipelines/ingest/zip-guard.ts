// Zip-bomb guard for XLSX uploads, run before exceljs inflates anything: reads the zip's
// central directory and refuses archives with too many entries, too much declared
// uncompressed data, an implausible compression ratio, ZIP64 records or path tricks in names.
// Declared sizes can lie: records.ts also caps the rows and columns the reader produces.
import { open } from 'node:fs/promises';
import { UnreadableFileError } from './inspect.ts';

export const ZIP_LIMITS = { entries: 2_000, totalBytes: 1024 ** 3, ratio: 200 };

export async function checkZip(path: string, limits = ZIP_LIMITS): Promise<{ entries: number; uncompressed: number }> {
	const fh = await open(path, 'r');
	try {
		const size = (await fh.stat()).size;
		// End of central directory: 22 bytes plus a comment of up to 64 KiB, at the end.
		const tailLen = Math.min(size, 22 + 0xffff);
		const tail = Buffer.alloc(tailLen);
		await fh.read(tail, 0, tailLen, size - tailLen);
		let eocd = -1;
		for (let i = tailLen - 22; i >= 0; i--) {
			if (tail.readUInt32LE(i) === 0x06054b50) {
				eocd = i;
				break;
			}
		}
		const bad = (why: string) => new UnreadableFileError(`${path}: refused XLSX (${why})`);
		if (eocd < 0) throw bad('no zip central directory');
		const count = tail.readUInt16LE(eocd + 10);
		const cdSize = tail.readUInt32LE(eocd + 12);
		const cdOffset = tail.readUInt32LE(eocd + 16);
		if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw bad('ZIP64 archive');
		if (count > limits.entries) throw bad(`${count} entries, more than ${limits.entries}`);
		if (cdOffset + cdSize > size) throw bad('central directory outside the file');
		const cd = Buffer.alloc(cdSize);
		await fh.read(cd, 0, cdSize, cdOffset);
		let total = 0;
		let pos = 0;
		for (let n = 0; n < count; n++) {
			if (pos + 46 > cdSize || cd.readUInt32LE(pos) !== 0x02014b50) throw bad('corrupt central directory');
			const compressed = cd.readUInt32LE(pos + 20);
			const uncompressed = cd.readUInt32LE(pos + 24);
			const nameLen = cd.readUInt16LE(pos + 28);
			const name = cd.toString('utf8', pos + 46, pos + 46 + nameLen);
			if (compressed === 0xffffffff || uncompressed === 0xffffffff) throw bad('ZIP64 entry');
			if (name.startsWith('/') || name.split(/[\\/]/).includes('..')) throw bad(`entry name "${name.slice(0, 80)}"`);
			if (uncompressed > 1_000_000 && uncompressed > compressed * limits.ratio) throw bad(`entry "${name.slice(0, 80)}" expands ${Math.round(uncompressed / Math.max(compressed, 1))}:1`);
			total += uncompressed;
			if (total > limits.totalBytes) throw bad(`more than ${limits.totalBytes} bytes uncompressed`);
			pos += 46 + nameLen + cd.readUInt16LE(pos + 30) + cd.readUInt16LE(pos + 32);
		}
		return { entries: count, uncompressed: total };
	} finally {
		await fh.close();
	}
}
