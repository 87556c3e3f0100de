import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { sniffFormat, type Format } from '../../src/lib/core/file-format.server.ts';

type Encoding = 'utf-8' | 'windows-1252' | 'utf-8-invalid';

export interface FileFacts {
	path: string;
	bytes: number;
	sha256: string;
	format: Format;
	encoding: Encoding;
}

/**
 * One streaming pass for the audit checksum and the text encoding. Valid UTF-8 (the fast,
 * common case) is confirmed chunk by chunk with Buffer.isUtf8; a file with no valid multi-byte
 * UTF-8 sequence at all is a legacy Windows-1252 export; a file mixing both is read as UTF-8
 * and its broken lines are quarantined.
 */
export async function inspectFile(path: string): Promise<FileFacts> {
	const bytes = statSync(path).size;
	const format = await sniffFormat(path);
	const hash = createHash('sha256');
	let carry = Buffer.alloc(0);
	let invalid = false;
	let validMultibyte = 0;
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
		hash.update(chunk);
		const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
		const cut = utf8SafeEnd(buf);
		const body = buf.subarray(0, cut);
		carry = Buffer.from(buf.subarray(cut));
		if (!invalid && isUtf8(body)) {
			if (validMultibyte === 0) validMultibyte += countHighBytes(body) > 0 ? 1 : 0;
			continue;
		}
		invalid = true;
		const text = decoder.decode(body);
		for (const ch of text) if (ch !== '\uFFFD' && ch.charCodeAt(0) > 0x7f) validMultibyte++;
	}
	if (carry.length && !isUtf8(carry)) invalid = true;
	const encoding: Encoding = !invalid ? 'utf-8' : validMultibyte === 0 ? 'windows-1252' : 'utf-8-invalid';
	return { path, bytes, sha256: hash.digest('hex'), format, encoding };
}

function countHighBytes(buf: Buffer): number {
	for (let i = 0; i < buf.length; i++) if (buf[i]! > 0x7f) return 1;
	return 0;
}

/** Index after the last complete UTF-8 sequence, so a chunk boundary never splits a character. */
function utf8SafeEnd(buf: Buffer): number {
	for (let back = 1; back <= Math.min(3, buf.length); back++) {
		const b = buf[buf.length - back]!;
		if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
		const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
		return need > back ? buf.length - back : buf.length;
	}
	return buf.length;
}

/** Re-encodes a Windows-1252 file as UTF-8 so DuckDB's reader sees proper text. */
export async function transcodeToUtf8(from: string, to: string, encoding: 'windows-1252'): Promise<void> {
	const decoder = new TextDecoder(encoding);
	await pipeline(
		createReadStream(from, { highWaterMark: 1 << 20 }),
		new Transform({
			transform(chunk: Buffer, _enc, done) {
				done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
			},
			flush(done) {
				done(null, Buffer.from(decoder.decode(), 'utf8'));
			}
		}),
		createWriteStream(to)
	);
}
