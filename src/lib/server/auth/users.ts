// Who a request is: the users in users.json (re-read when the file changes), sessions signed
// with session.key, and demo mode (no users at all → everyone is the national demo user).
import { statSync } from 'node:fs';
import { DUMMY_HASH, verifyPassword } from '$lib/core/password.server';
import { adoptLegacyAuth, authFiles, readUsers, type Role, type User } from '$lib/core/users.server';
import { isRevoked, revoke } from './revocations';
import { ALL, scopeOf, type Scope } from './scope';
import { hashStamp, loadSessionKey, SERVICE_USER, SESSION_TTL_S, signSession, verifySession } from '../../core/session.server';

export interface AuthUser {
	name: string;
	role: Role;
	region: string | null;
	/** demo mode: no users exist, nobody signed in */
	demo: boolean;
	scope: Scope;
}

export const DEMO_USER: AuthUser = Object.freeze({ name: 'demo', role: 'nasional', region: null, demo: true, scope: ALL });
const SERVICE: AuthUser = Object.freeze({ name: SERVICE_USER, role: 'nasional', region: null, demo: false, scope: ALL });

let cached: { path: string; mtimeMs: number; size: number; users: User[] } | null = null;

/**
 * The users, re-read when users.json changes. A file that exists but cannot be read or parsed
 * throws: the server must not fall back to demo mode because of a broken file.
 */
export function users(): User[] {
	const files = authFiles();
	const path = files.users;
	let st;
	try {
		st = statSync(path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
		if (!adoptLegacyAuth(files)) return [];
		console.warn(`[telaah] users of an earlier version copied from ${files.legacyDir} into ${files.dir}`);
		st = statSync(path);
	}
	if (!cached || cached.path !== path || cached.mtimeMs !== st.mtimeMs || cached.size !== st.size) {
		cached = { path, mtimeMs: st.mtimeMs, size: st.size, users: readUsers(path) };
	}
	return cached.users;
}

let key: { path: string; key: Buffer } | null = null;
function sessionKey(): Buffer {
	const { sessionKey: path } = authFiles();
	if (!key || key.path !== path) key = { path, key: loadSessionKey(path) };
	return key.key;
}

const asAuthUser = (u: User): AuthUser => ({ name: u.name, role: u.role, region: u.region, demo: false, scope: scopeOf(u.role, u.region) });

/** Ends a session now, not only in the browser that signed out, and across restarts (revocations.ts). */
export function revokeSession(token: string | undefined): void {
	const p = verifySession(sessionKey(), token);
	if (!p || !token) return;
	revoke(authFiles().revoked, token, p.exp);
}

/** The user of a session cookie: well signed, unexpired, not signed out, and the user still has that password. */
export function sessionUser(token: string | undefined): AuthUser | null {
	const k = sessionKey();
	const p = verifySession(k, token);
	if (!p || isRevoked(authFiles().revoked, token!)) return null;
	if (p.u === SERVICE_USER) return p.s === 'service' ? SERVICE : null;
	const u = users().find((x) => x.name === p.u);
	return u && hashStamp(k, u.hash) === p.s ? asAuthUser(u) : null;
}

export function newSession(name: string): { token: string; maxAge: number } | null {
	const u = users().find((x) => x.name === name);
	if (!u) return null;
	const k = sessionKey();
	return {
		token: signSession(k, { u: u.name, s: hashStamp(k, u.hash), exp: Math.floor(Date.now() / 1000) + SESSION_TTL_S }),
		maxAge: SESSION_TTL_S
	};
}

/** The user when the password is right. Unknown names cost the same scrypt as known ones. */
export async function checkPassword(name: string, password: string): Promise<AuthUser | null> {
	const u = users().find((x) => x.name === name);
	const ok = await verifyPassword(password.slice(0, 1024), u?.hash ?? DUMMY_HASH);
	return ok && u ? asAuthUser(u) : null;
}
