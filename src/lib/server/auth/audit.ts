// Append-only audit log: one JSON object per line (NDJSON) in audit.log beside the warehouse.
// JSON encoding escapes line breaks and control characters, so a hostile value cannot forge a
// line. Never log passwords, session tokens or complaint text. Bounded: the file rotates to
// audit.log.1 past AUDIT_MAX_BYTES, and a locked sign-in key is logged once per lock, with the
// number of refused attempts it stood for.
import { appendFileSync, closeSync, fstatSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { authFiles } from '$lib/core/users.server';

const AUDIT_MAX_BYTES = Number(process.env.TELAAH_AUDIT_MAX_MB || 10) * 1024 * 1024;

export type AuditEvent = 'signin_ok' | 'signin_fail' | 'signin_throttled' | 'signout' | 'download' | 'briefing' | 'upload' | 'forbidden';

export function audit(event: AuditEvent, fields: Record<string, string | number | boolean | null | undefined>): void {
	const clean = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 300) : v]));
	const line = JSON.stringify({ ts: new Date().toISOString(), event, ...clean }) + '\n';
	const file = authFiles().audit;
	try {
		rotateIfFull(file);
		appendFileSync(file, line, { mode: 0o600 });
	} catch (e) {
		// The request goes on; the operator sees why the log is missing.
		console.error(`[telaah] audit log not written: ${(e as Error).message}`);
	}
}

function rotateIfFull(file: string): void {
	let size: number;
	try {
		size = statSync(file).size;
	} catch {
		return;
	}
	if (size >= AUDIT_MAX_BYTES) renameSync(file, `${file}.1`);
}

// Per sign-in key (name and IP): the end of its current lock and the refusals not yet logged.
const throttled = new Map<string, { until: number; refused: number }>();

/** A refused sign-in during a lock: the first of each lock is logged, later ones counted into the next line. */
export function auditThrottled(user: string, ip: string, retryAfterS: number, now = Date.now()): void {
	const key = `${user}\u0000${ip}`;
	const seen = throttled.get(key);
	if (seen && seen.until > now) {
		seen.refused++;
		return;
	}
	throttled.delete(key);
	throttled.set(key, { until: now + retryAfterS * 1000, refused: 0 });
	while (throttled.size > 10_000) throttled.delete(throttled.keys().next().value as string);
	audit('signin_throttled', { user, ip, retry_after: retryAfterS, refused_since_last: seen?.refused ?? 0 });
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
