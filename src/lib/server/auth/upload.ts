// Admin upload of an export: checked here (size, extension, magic bytes, zip bomb), stored under
// a name of our own making, then loaded by the ETL CLI (`npm run ingest`, the same code path as
// the command line) in a child process while the server has let go of the warehouse. The stored
// file holds reporter names, e-mails and phone numbers, which the warehouse never keeps: it is
// deleted as soon as the load has ended, loaded or not.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sniffFormat, type Format } from '$lib/core/file-format.server';
import { authFiles } from '$lib/core/users.server';
import { checkZip } from '$lib/core/zip-guard.server';
import { uploadMaxBytes } from '$lib/core/limits';
import { exclusiveWarehouse } from '../db';

/** Upload size limit: $TELAAH_UPLOAD_MAX_MB (default 50), within adapter-node's BODY_SIZE_LIMIT (core/limits.ts). */
export const UPLOAD_MAX_BYTES = uploadMaxBytes();
const UPLOAD_ROUTE = '/admin/unggah';
export const isUploadRoute = (routeId: string | null) => routeId === UPLOAD_ROUTE;
/** The limit as the form and its refusal say it. */
export const uploadMaxMb = () => Math.floor((UPLOAD_MAX_BYTES / 1024 / 1024) * 10) / 10;
const EXTENSIONS: Record<string, Format> = { csv: 'csv', xlsx: 'xlsx', json: 'json', ndjson: 'json' };

export class UploadRefused extends Error {}

/** The extension of an uploaded file's name, if allowed; the name itself is never used as a path. */
function uploadExtension(name: string): string | null {
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
		files: { already_loaded?: true; batch_id: number }[];
	};
}

/** Checks, stores and ingests one uploaded file. Throws UploadRefused with a reason. */
export async function ingestUpload(file: File): Promise<UploadResult> {
	if (file.size === 0) throw new UploadRefused('empty file');
	if (file.size > UPLOAD_MAX_BYTES) throw new UploadRefused(tooLarge());
	const ext = uploadExtension(file.name);
	if (!ext) throw new UploadRefused('only .csv, .xlsx, .json and .ndjson files');
	const dir = authFiles().uploads;
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
	} finally {
		rmSync(stored, { force: true });
	}
}

export const tooLarge = () => `larger than ${uploadMaxMb()} MB`;

/** `npm run ingest -- FILE --db DB --json` in a child process; its JSON summary. */
function runIngestCli(file: string, db: string): Promise<UploadResult['summary']> {
	const root = process.cwd();
	return new Promise((ok, ko) => {
		const child = spawn(
			process.execPath,
			[resolve(root, 'node_modules/tsx/dist/cli.mjs'), resolve(root, 'pipelines/ingest/cli.ts'), file, '--db', db, '--json'],
			{
				cwd: root,
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', ko);
		child.on('close', (code, signal) => {
			// --json: the last stdout line is the summary, or {"error": why} when nothing was loaded.
			let last: { error?: unknown } | null = null;
			try {
				last = JSON.parse(out.trim().split('\n').pop() ?? '') as { error?: unknown };
			} catch {
				/* no JSON: the process died */
			}
			if (code === 0 && last && !('error' in last)) return ok(last as UploadResult['summary']);
			if (code === 1 && typeof last?.error === 'string') return ko(new UploadRefused(last.error.replaceAll(file, 'file')));
			// A crash (out of memory, killed): the reason is for the operator's log, not the form.
			console.error(`[telaah] ingest of an upload ended with ${signal ?? `exit code ${code}`}:\n${err.slice(-4000)}`);
			ko(new UploadRefused(`the load stopped unexpectedly (${signal ?? `exit code ${code}`}); nothing was loaded, see the server log`));
		});
	});
}
