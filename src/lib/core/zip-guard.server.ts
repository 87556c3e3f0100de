// Zip-bomb guard for XLSX uploads, run before exceljs inflates anything. The central directory
// is read for its entry count, names (no path tricks) and ZIP64 records; then every entry is
// inflated here, into nothing, counting the bytes it really makes: declared sizes can lie, so
// an entry that makes more than it declares, more than RATIO times its compressed size, or more
// than the whole archive may, is refused as soon as it crosses the line. Memory stays at one
// zlib window whatever the archive holds.
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { UnreadableFileError } from './file-format.server.ts';

const ZIP_LIMITS = { entries: 2_000, totalBytes: 1024 ** 3, ratio: 200 };
/** Entries smaller than this may compress as well as they like (XML of one repeated row does). */
const SMALL_ENTRY = 1_000_000;

export async function checkZip(path: string, limits = ZIP_LIMITS): Promise<{ entries: number; uncompressed: number }> {
	const fh = await open(path, 'r');
	const bad = (why: string) => new UnreadableFileError(`${path}: refused XLSX (${why})`);
	try {
		const size = (await fh.stat()).size;
		// End of central directory: 22 bytes plus a comment of up to 64 KiB, at the end.
		const tailLen = Math.min(size, 22 + 0xffff);
		const tail = await read(fh, size - tailLen, tailLen);
		let eocd = -1;
		for (let i = tailLen - 22; i >= 0; i--) {
			if (tail.readUInt32LE(i) === 0x06054b50) {
				eocd = i;
				break;
			}
		}
		if (eocd < 0) throw bad('no zip central directory');
		const count = tail.readUInt16LE(eocd + 10);
		const cdSize = tail.readUInt32LE(eocd + 12);
		const cdOffset = tail.readUInt32LE(eocd + 16);
		if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw bad('ZIP64 archive');
		if (count > limits.entries) throw bad(`${count} entries, more than ${limits.entries}`);
		if (cdOffset + cdSize > size) throw bad('central directory outside the file');
		const cd = await read(fh, cdOffset, cdSize);
		let total = 0;
		let pos = 0;
		for (let n = 0; n < count; n++) {
			if (pos + 46 > cdSize || cd.readUInt32LE(pos) !== 0x02014b50) throw bad('corrupt central directory');
			const method = cd.readUInt16LE(pos + 10);
			const compressed = cd.readUInt32LE(pos + 20);
			const declared = cd.readUInt32LE(pos + 24);
			const nameLen = cd.readUInt16LE(pos + 28);
			const localOffset = cd.readUInt32LE(pos + 42);
			const name = cd.toString('utf8', pos + 46, pos + 46 + nameLen);
			const label = `entry "${name.slice(0, 80)}"`;
			if (compressed === 0xffffffff || declared === 0xffffffff) throw bad('ZIP64 entry');
			if (name.startsWith('/') || name.split(/[\\/]/).includes('..')) throw bad(`entry name "${name.slice(0, 80)}"`);
			if (declared > SMALL_ENTRY && declared > compressed * limits.ratio)
				throw bad(`${label} expands ${Math.round(declared / Math.max(compressed, 1))}:1`);
			const local = await read(fh, localOffset, 30);
			if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw bad(`${label}: corrupt local header`);
			const start = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
			if (start + compressed > cdOffset) throw bad(`${label} runs past the archive's data`);
			// The most this entry may make: what it declares (never more), within the ratio and the total.
			const cap = Math.min(declared, Math.max(SMALL_ENTRY, compressed * limits.ratio), limits.totalBytes - total);
			const made = method === 0 ? compressed : method === 8 ? await inflatedBytes(fh, start, compressed, cap) : null;
			if (made === null) throw bad(`${label}: compression method ${method}`);
			if (made === 'corrupt') throw bad(`${label}: corrupt deflate data`);
			if (made === 'over' || made > cap) {
				if (declared > cap) throw bad(`more than ${limits.totalBytes} bytes uncompressed`);
				throw bad(`${label} inflates to more than it declares (${declared} bytes) or more than ${limits.ratio}:1`);
			}
			if (made !== declared) throw bad(`${label} inflates to ${made} bytes, not the ${declared} it declares`);
			total += made;
			pos += 46 + nameLen + cd.readUInt16LE(pos + 30) + cd.readUInt16LE(pos + 32);
		}
		return { entries: count, uncompressed: total };
	} finally {
		await fh.close();
	}
}

async function read(fh: FileHandle, position: number, length: number): Promise<Buffer> {
	const buf = Buffer.alloc(length);
	const { bytesRead } = await fh.read(buf, 0, length, position);
	return buf.subarray(0, bytesRead);
}

/** Bytes the deflate stream at [start, start + length) inflates to, counted and dropped; 'over' once past `cap`. */
async function inflatedBytes(fh: FileHandle, start: number, length: number, cap: number): Promise<number | 'over' | 'corrupt'> {
	const inflate = createInflateRaw();
	let made = 0;
	let over = false;
	const done = new Promise<number | 'over' | 'corrupt'>((ok) => {
		inflate.on('data', (chunk: Buffer) => {
			made += chunk.length;
			if (made > cap && !over) {
				over = true;
				inflate.destroy();
				ok('over');
			}
		});
		inflate.on('end', () => ok(made));
		inflate.on('error', () => ok(over ? 'over' : 'corrupt'));
		inflate.on('close', () => ok(over ? 'over' : made));
	});
	const CHUNK = 64 * 1024;
	for (let at = start; at < start + length && !over; at += CHUNK) {
		const chunk = await read(fh, at, Math.min(CHUNK, start + length - at));
		// Respect back-pressure, so the inflated output is counted as it is made, not queued.
		if (!inflate.write(chunk)) await new Promise<void>((ok) => (over ? ok() : inflate.once('drain', ok).once('close', ok)));
	}
	if (!over) inflate.end();
	return done;
}
