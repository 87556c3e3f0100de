// Signed session tokens: base64url(JSON payload) + '.' + base64url(HMAC-SHA256). The key is 32
// random bytes in `session.key` beside the warehouse (created 0600 on first use; git-ignored),
// shared by the server and the CLIs that need to call it (e.g. the briefing PDF renderer).
// No $lib imports: the CLIs import this file directly.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SessionPayload {
	/** user name, or '@service' for a service session */
	u: string;
	/** stamp of the user's password hash: a password change or removal ends the session */
	s: string;
	/** expiry, seconds since the epoch */
	exp: number;
}

export const SESSION_COOKIE = 'telaah_session';
export const SESSION_TTL_S = 8 * 60 * 60;
export const SERVICE_USER = '@service';

/** The signing key, created (0600, exclusive create: concurrent starters agree) when missing. */
export function loadSessionKey(path: string): Buffer {
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	try {
		const fd = openSync(path, 'wx', 0o600);
		try {
			writeSync(fd, randomBytes(32).toString('base64'));
		} finally {
			closeSync(fd);
		}
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
	}
	const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
	if (key.length < 32) throw new Error(`${path}: session key too short; delete it to make a new one`);
	return key;
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

export function signSession(key: Buffer, payload: SessionPayload): string {
	const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
	return `${body}.${mac(key, body)}`;
}

/** Slack for clocks of the signing CLI and the server that disagree a little. */
const CLOCK_SKEW_S = 60;

/**
 * The payload of a well-signed, unexpired token, else null. Whatever a token says, it lives at
 * most SESSION_TTL_S from now: one signed with a far expiry (by anyone who can read the key) is
 * refused, not honoured for years.
 */
export function verifySession(key: Buffer, token: string | undefined, now = Date.now()): SessionPayload | null {
	if (!token || token.length > 1024) return null;
	const [body, sig, more] = token.split('.');
	if (!body || !sig || more !== undefined) return null;
	const want = Buffer.from(mac(key, body));
	const got = Buffer.from(sig);
	if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
	let p: unknown;
	try {
		p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
	const s = p as SessionPayload;
	if (typeof s?.u !== 'string' || typeof s.s !== 'string' || typeof s.exp !== 'number') return null;
	const left = s.exp - now / 1000;
	return left > 0 && left <= SESSION_TTL_S + CLOCK_SKEW_S ? s : null;
}

/** What a revocation list stores of a token: its hash, so the file holds nothing usable. */
export const tokenId = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** A password hash's stamp: changes whenever the hash does, reveals nothing usable. */
export function hashStamp(key: Buffer, passwordHash: string): string {
	return mac(key, `stamp:${passwordHash}`).slice(0, 16);
}

/**
 * A short-lived session of the national service user, for a CLI that drives the server (the
 * briefing PDF renderer): pass it as the `telaah_session` cookie. Whoever can read session.key
 * can do this, which is the same trust as reading the warehouse beside it.
 */
export function mintServiceSession(keyPath: string, ttlSeconds = 300): string {
	const key = loadSessionKey(keyPath);
	return signSession(key, { u: SERVICE_USER, s: 'service', exp: Math.floor(Date.now() / 1000) + Math.min(ttlSeconds, SESSION_TTL_S) });
}
