// Password hashing with node:crypto's scrypt (memory-hard; no native dependency): a random
// 16-byte salt per user, parameters stored with the hash so they can be raised later, and a
// constant-time comparison.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
	new Promise<Buffer>((ok, ko) => scryptCb(pw, salt, len, opts, (err, key) => (err ? ko(err) : ok(key))));

// N = 2^15, r = 8: ~32 MiB and ~0.1 s per hash, OWASP's scrypt minimum (2023) or better.
const PARAMS = { N: 1 << 15, r: 8, p: 1 };
const KEY_LEN = 32;
const maxmem = (N: number, r: number) => 256 * N * r;

/** 'scrypt$N$r$p$salt(b64)$hash(b64)' */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const { N, r, p } = PARAMS;
	const key = await scrypt(password.normalize('NFC'), salt, KEY_LEN, { N, r, p, maxmem: maxmem(N, r) });
	return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
	const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
	// Refuse parameters nobody here wrote (a tampered file must not make sign-in burn the CPU).
	if (![N, r, p].every(Number.isSafeInteger) || N > 1 << 20 || r > 16 || p > 4) return false;
	const salt = Buffer.from(parts[4]!, 'base64');
	const want = Buffer.from(parts[5]!, 'base64');
	if (want.length !== KEY_LEN) return false;
	const got = await scrypt(password.normalize('NFC'), salt, KEY_LEN, { N, r, p, maxmem: maxmem(N, r) });
	return timingSafeEqual(got, want);
}

/** A hash to compare against when the user name is unknown, so timing does not reveal which names exist. */
export const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LEN).toString('base64')}`;
