// Signed-out sessions, kept in revoked.json in the warehouse's auth folder so a restart does not
// bring them back (a token is valid until its expiry, at most SESSION_TTL_S). The file holds a
// hash of each token and its expiry; expired entries are dropped on every write. Written
// atomically; re-read when another process (a second server on the same warehouse) changed it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { tokenId } from '../../core/session.server';

const FileSchema = z.object({ version: z.literal(1), revoked: z.record(z.string(), z.number()) });

let cached: { path: string; mtimeMs: number; size: number; revoked: Map<string, number> } | null = null;

function read(path: string): Map<string, number> {
	let st;
	try {
		st = statSync(path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
		throw e;
	}
	if (!cached || cached.path !== path || cached.mtimeMs !== st.mtimeMs || cached.size !== st.size) {
		const file = FileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
		cached = { path, mtimeMs: st.mtimeMs, size: st.size, revoked: new Map(Object.entries(file.revoked)) };
	}
	return cached.revoked;
}

export function isRevoked(path: string, token: string): boolean {
	return read(path).has(tokenId(token));
}

/** Records a token as signed out until `exp` (seconds since the epoch). */
export function revoke(path: string, token: string, exp: number, now = Date.now() / 1000): void {
	const live = [...read(path)].filter(([, e]) => e > now);
	live.push([tokenId(token), exp]);
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
	writeFileSync(tmp, JSON.stringify({ version: 1, revoked: Object.fromEntries(live) }) + '\n', { mode: 0o600 });
	renameSync(tmp, path);
	cached = null;
}
