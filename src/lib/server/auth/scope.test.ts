import { describe, expect, it } from 'vitest';
import { ALL, canCompare, covers, NONE, scopeCode, scopedRegion, scopeOf } from './scope';
import { denial, safeNext } from './guard';
import { Backoff } from './rate-limit';
import type { AuthUser } from './users';

describe('scope resolution', () => {
	const prov = scopeOf('provinsi', '36');
	const kab = scopeOf('daerah', '36.03');

	it('maps roles to scopes; a scoped role without a valid region sees nothing', () => {
		expect(scopeOf('nasional', null)).toEqual(ALL);
		expect(scopeOf('admin', null)).toEqual(ALL);
		expect(prov).toEqual({ kind: 'province', code: '36' });
		expect(kab).toEqual({ kind: 'regency', code: '36.03' });
		expect(scopeOf('daerah', '36')).toEqual(NONE);
		expect(scopeOf('provinsi', null)).toEqual(NONE);
		expect(scopeCode(NONE)).toBe('-');
		expect(scopeCode(ALL)).toBeNull();
	});

	it('covers a province and its kab/kota, nothing else', () => {
		expect(covers(prov, '36')).toBe(true);
		expect(covers(prov, '36.03')).toBe(true);
		expect(covers(prov, '32.01')).toBe(false);
		expect(covers(prov, '3')).toBe(false);
		expect(covers(prov, '361')).toBe(false);
		expect(covers(kab, '36.03')).toBe(true);
		expect(covers(kab, '36')).toBe(false);
		expect(covers(kab, '36.04')).toBe(false);
		expect(covers(NONE, '36')).toBe(false);
	});

	it('turns the asked region filter into the one to run with', () => {
		expect(scopedRegion(kab, null)).toEqual({ region: '36.03' });
		expect(scopedRegion(prov, '36.03')).toEqual({ region: '36.03' });
		expect(scopedRegion(prov, '32')).toBeNull();
		expect(scopedRegion(kab, '36')).toBeNull();
		expect(scopedRegion(ALL, null)).toEqual({ region: null });
		expect(scopedRegion(ALL, '32')).toEqual({ region: '32' });
		expect(canCompare(ALL)).toBe(true);
		expect(canCompare(prov)).toBe(false);
	});
});

describe('route guard', () => {
	const user = (role: AuthUser['role'], region: string | null): AuthUser => ({
		name: 'x',
		role,
		region,
		demo: false,
		scope: scopeOf(role, region)
	});

	it('refuses region path parameters outside the scope and /admin to non-admins', () => {
		expect(denial(user('daerah', '36.03'), '/wilayah/[code]', { code: '32.01' })).toBe('region_out_of_scope');
		expect(denial(user('daerah', '36.03'), '/wilayah/[code]', { code: '36.03' })).toBeNull();
		expect(denial(user('provinsi', '36'), '/briefing/[region]/[month]', { region: '36.03', month: '2023-10' })).toBeNull();
		expect(denial(user('provinsi', '36'), '/briefing/[region]/[month]', { region: '32', month: '2023-10' })).toBe('region_out_of_scope');
		expect(denial(user('daerah', '36.03'), '/briefing/[region]/[month]', { region: 'nasional', month: '2023-10' })).toBe(
			'region_out_of_scope'
		);
		expect(denial(user('nasional', null), '/briefing/[region]/[month]', { region: 'nasional', month: '2023-10' })).toBeNull();
		expect(denial(user('nasional', null), '/admin/unggah', {})).toBe('admin_only');
		expect(denial(user('admin', null), '/admin/unggah', {})).toBeNull();
		expect(denial(user('daerah', '36.03'), '/instansi/[type]', { type: 'dinas' })).toBeNull();
		expect(denial(user('daerah', '36.03'), '/briefing/[region]/[month]', { region: '36.03' }, new URLSearchParams('region=32'))).toBe(
			'region_out_of_scope'
		);
		expect(denial(user('provinsi', '36'), '/topik', {}, new URLSearchParams('region=36.03'))).toBeNull();
		expect(denial(user('provinsi', '36'), '/topik', {}, new URLSearchParams('region=x'))).toBeNull();
	});

	it('only returns to same-site paths after sign-in', () => {
		expect(safeNext('/aduan?region=36')).toBe('/aduan?region=36');
		for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '', null])
			expect(safeNext(bad)).toBe('/');
	});
});

describe('sign-in back-off', () => {
	it('locks a key after the free failures, doubling, capped, cleared by success', () => {
		const b = new Backoff(3, 1000, 8000);
		const t = 1_000_000;
		b.fail('k', t);
		b.fail('k', t);
		expect(b.retryAfter('k', t)).toBe(0);
		b.fail('k', t);
		expect(b.retryAfter('k', t)).toBe(1);
		b.fail('k', t);
		expect(b.retryAfter('k', t)).toBe(2);
		for (let i = 0; i < 10; i++) b.fail('k', t);
		expect(b.retryAfter('k', t)).toBe(8);
		expect(b.retryAfter('other', t)).toBe(0);
		b.clear('k');
		expect(b.retryAfter('k', t)).toBe(0);
	});
});
