import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashStamp, loadSessionKey, mintServiceSession, SERVICE_USER, SESSION_TTL_S, signSession, verifySession } from './session.server';

const dir = mkdtempSync(join(tmpdir(), 'telaah-session-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('session tokens', () => {
	const key = loadSessionKey(join(dir, 'session.key'));
	const exp = Math.floor(Date.now() / 1000) + 60;

	it('creates the key once, 0600, and reuses it', () => {
		expect(statSync(join(dir, 'session.key')).mode & 0o777).toBe(0o600);
		expect(loadSessionKey(join(dir, 'session.key')).equals(key)).toBe(true);
	});

	it('round-trips a signed payload', () => {
		const t = signSession(key, { u: 'ana', s: 'abc', exp });
		expect(verifySession(key, t)).toEqual({ u: 'ana', s: 'abc', exp });
	});

	it('refuses forged, altered, expired, foreign-key and junk tokens', () => {
		const t = signSession(key, { u: 'ana', s: 'abc', exp });
		const [body, sig] = t.split('.') as [string, string];
		const forgedBody = Buffer.from(JSON.stringify({ u: 'admin', s: 'abc', exp })).toString('base64url');
		expect(verifySession(key, `${forgedBody}.${sig}`)).toBeNull();
		expect(verifySession(key, `${body}.${sig.slice(0, -2)}AA`)).toBeNull();
		expect(verifySession(key, `${body}.`)).toBeNull();
		expect(verifySession(key, `${t}.x`)).toBeNull();
		expect(verifySession(key, signSession(key, { u: 'ana', s: 'abc', exp: exp - 120 }))).toBeNull();
		const other = loadSessionKey(join(dir, 'other.key'));
		expect(verifySession(other, t)).toBeNull();
		expect(verifySession(key, undefined)).toBeNull();
		expect(verifySession(key, 'x'.repeat(5000))).toBeNull();
	});

	it('refuses a token signed to live longer than a session, whatever its signature', () => {
		const now = Date.now();
		const far = signSession(key, { u: 'ana', s: 'abc', exp: Math.floor(now / 1000) + 10 * 365 * 24 * 3600 });
		expect(verifySession(key, far, now)).toBeNull();
		const full = signSession(key, { u: 'ana', s: 'abc', exp: Math.floor(now / 1000) + SESSION_TTL_S });
		expect(verifySession(key, full, now)).not.toBeNull();
		// A service session asked for longer than a session is clipped to one.
		const svc = verifySession(key, mintServiceSession(join(dir, 'session.key'), 10 * 365 * 24 * 3600));
		expect(svc?.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + SESSION_TTL_S);
	});

	it('stamps change with the password hash', () => {
		expect(hashStamp(key, 'h1')).not.toBe(hashStamp(key, 'h2'));
		expect(hashStamp(key, 'h1')).toBe(hashStamp(key, 'h1'));
	});

	it('mints a short-lived service session the server accepts', () => {
		const t = mintServiceSession(join(dir, 'session.key'), 30);
		const p = verifySession(key, t);
		expect(p?.u).toBe(SERVICE_USER);
		expect(p!.exp - Date.now() / 1000).toBeLessThanOrEqual(30);
	});
});
