// Append-only audit log: one JSON object per line (NDJSON) in audit.log beside the warehouse.
// JSON encoding escapes line breaks and control characters, so a hostile value cannot forge a
// line. Never log passwords, session tokens or complaint text.
import { appendFileSync, closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { authFiles } from '$pipelines/users/store';

export type AuditEvent =
	| 'signin_ok'
	| 'signin_fail'
	| 'signin_throttled'
	| 'signout'
	| 'csv_download'
	| 'briefing'
	| 'upload'
	| 'forbidden';

export function audit(event: AuditEvent, fields: Record<string, string | number | boolean | null | undefined>): void {
	const clean = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 300) : v]));
	const line = JSON.stringify({ ts: new Date().toISOString(), event, ...clean }) + '\n';
	try {
		appendFileSync(authFiles().audit, line, { mode: 0o600 });
	} catch (e) {
		// The request goes on; the operator sees why the log is missing.
		console.error(`[telaah] audit log not written: ${(e as Error).message}`);
	}
}

/** The last `n` entries, newest first (reads at most the last 512 kB). */
export function recentAudit(n = 200): Record<string, unknown>[] {
	let fd: number;
	try {
		fd = openSync(authFiles().audit, 'r');
	} catch {
		return [];
	}
	try {
		const size = fstatSync(fd).size;
		const len = Math.min(size, 512 * 1024);
		const buf = Buffer.alloc(len);
		readSync(fd, buf, 0, len, size - len);
		const lines = buf.toString('utf8').split('\n').filter(Boolean);
		if (len < size) lines.shift(); // probably cut
		const out: Record<string, unknown>[] = [];
		for (const l of lines.slice(-n).reverse()) {
			try {
				out.push(JSON.parse(l) as Record<string, unknown>);
			} catch {
				/* a torn line */
			}
		}
		return out;
	} finally {
		closeSync(fd);
	}
}
