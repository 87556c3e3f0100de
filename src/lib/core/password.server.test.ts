import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.server.ts';

describe('password hashing (scrypt)', () => {
	it('verifies the right password only, with a fresh salt per hash', async () => {
		const a = await hashPassword('kata-sandi-panjang');
		const b = await hashPassword('kata-sandi-panjang');
		expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
		expect(a).not.toBe(b);
		expect(await verifyPassword('kata-sandi-panjang', a)).toBe(true);
		expect(await verifyPassword('kata-sandi-panjanG', a)).toBe(false);
		expect(await verifyPassword('', a)).toBe(false);
	});
	it('refuses malformed or tampered hashes without throwing', async () => {
		const h = await hashPassword('kata-sandi-panjang');
		expect(await verifyPassword('kata-sandi-panjang', h.replace('$32768$', '$1073741824$'))).toBe(false);
		expect(await verifyPassword('kata-sandi-panjang', 'plain')).toBe(false);
		expect(await verifyPassword('kata-sandi-panjang', h.slice(0, -4))).toBe(false);
		expect(await verifyPassword('x', DUMMY_HASH)).toBe(false);
	});
	it('treats composed and decomposed accents as the same password', async () => {
		const h = await hashPassword('caf\u00e9-telaah-2024');
		expect(await verifyPassword('cafe\u0301-telaah-2024', h)).toBe(true);
	});
});
