// Admin upload of an export: checked here (size, extension, magic bytes, zip bomb), stored under
// a name of our own making, then loaded by the ETL CLI (`npm run ingest`, the same code path as
// the command line) in a child process while the server has let go of the warehouse.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sniffFormat, type Format } from '$pipelines/ingest/inspect';
import { authFiles } from '$pipelines/users/store';
import { checkZip } from '$pipelines/ingest/zip-guard';
import { exclusiveWarehouse } from '../db';

/** Upload size limit: $TELAAH_UPLOAD_MAX_MB, default 50 (adapter-node's BODY_SIZE_LIMIT must allow it). */
export const UPLOAD_MAX_BYTES = Number(process.env.TELAAH_UPLOAD_MAX_MB || 50) * 1024 * 1024;
const EXTENSIONS: Record<string, Format> = { csv: 'csv', xlsx: 'xlsx', json: 'json', ndjson: 'json' };

export class UploadRefused extends Error {}

/** The extension of an uploaded file's name, if allowed; the name itself is never used as a path. */
export function uploadExtension(name: string): string | null {
	const base = name.split(/[\\/]/).pop() ?? '';
	const m = /\.([a-z0-9]{1,8})$/i.exec(base);
	const ext = m?.[1]?.toLowerCase();
	return ext && Object.hasOwn(EXTENSIONS, ext) ? ext : null;
}

export interface UploadResult {
	stored: string;
	summary: {
		rows_read: number;
		loaded: number;
		updated: number;
		duplicate: number;
		quarantined: number;
		reasons: Record<string, number>;
		duration_ms: number;
	};
}

/** Checks, stores and ingests one uploaded file. Throws UploadRefused with a reason. */
export async function ingestUpload(file: File): Promise<UploadResult> {
	if (file.size === 0) throw new UploadRefused('empty file');
	if (file.size > UPLOAD_MAX_BYTES) throw new UploadRefused(`larger than ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`);
	const ext = uploadExtension(file.name);
	if (!ext) throw new UploadRefused('only .csv, .xlsx, .json and .ndjson files');
	const dir = join(authFiles().dir, 'uploads');
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const stored = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.${ext}`);
	writeFileSync(stored, Buffer.from(await file.arrayBuffer()), { flag: 'wx', mode: 0o600 });
	try {
		let format: Format;
		try {
			format = await sniffFormat(stored);
			if (format === 'xlsx') await checkZip(stored);
		} catch (e) {
			throw new UploadRefused((e as Error).message.replace(stored, 'file'));
		}
		if (format !== EXTENSIONS[ext]) throw new UploadRefused(`the content is ${format.toUpperCase()}, not .${ext}`);
		const summary = await exclusiveWarehouse((db) => runIngestCli(stored, db));
		return { stored, summary };
	} catch (e) {
		rmSync(stored, { force: true });
		throw e;
	}
}

/** `npm run ingest -- FILE --db DB --json` in a child process; its JSON summary. */
function runIngestCli(file: string, db: string): Promise<UploadResult['summary']> {
	const root = process.cwd();
	return new Promise((ok, ko) => {
		const child = spawn(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), resolve(root, 'pipelines/ingest/cli.ts'), file, '--db', db, '--json'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', ko);
		child.on('close', (code) => {
			const last = out.trim().split('\n').pop() ?? '';
			if (code === 0) {
				try {
					return ok(JSON.parse(last) as UploadResult['summary']);
				} catch {
					/* fall through */
				}
			}
			// Exit 1 = the file was refused or failed (nothing applied); the message says why.
			const why = (err.trim().split('\n').pop() ?? `exit ${code}`).replaceAll(file, 'file');
			ko(code === 1 ? new UploadRefused(why) : new Error(`ingest failed (${code}): ${why}`));
		});
	});
}
