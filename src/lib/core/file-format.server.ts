// What an uploaded or exported file is, from its first bytes, and the errors that say what is
// wrong with one. Shared by the ETL (pipelines/ingest) and the server's upload checks.
import { open } from 'node:fs/promises';

export type Format = 'csv' | 'xlsx' | 'json';
/** A problem with what the user gave (file, option, config): reported as a message, not a stack. */
export class InputError extends Error {}
export class UnreadableFileError extends InputError {}

/** Format from the first bytes, not the extension: exports are often misnamed. */
export async function sniffFormat(path: string): Promise<Format> {
	const fh = await open(path, 'r');
	try {
		const { buffer, bytesRead } = await fh.read(Buffer.alloc(4096), 0, 4096, 0);
		if (bytesRead === 0) throw new UnreadableFileError(`${path}: the file is empty`);
		const head = buffer.subarray(0, bytesRead);
		if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
		if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
			throw new UnreadableFileError(`${path}: legacy Excel 97-2003 (.xls) is not supported; save it as .xlsx or CSV`);
		const text = head
			.toString('utf8')
			.replace(/^\uFEFF/, '')
			.trimStart();
		if (text.startsWith('[') || text.startsWith('{')) return 'json';
		if (head.includes(0)) throw new UnreadableFileError(`${path}: binary content, not a CSV, XLSX or JSON export`);
		return 'csv';
	} finally {
		await fh.close();
	}
}
