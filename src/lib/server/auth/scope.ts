// What part of the country a user may see, from their role (pure functions, unit-tested).
// `nasional` and `admin` see everything; `provinsi` a province and its kab/kota; `daerah` one
// kab/kota. Codes are Kemendagri's: province '36', kab/kota '36.03'.
import type { Role } from '$lib/core/users.server';

export type Scope = { kind: 'all' } | { kind: 'province'; code: string } | { kind: 'regency'; code: string } | { kind: 'none' };

export const ALL: Scope = Object.freeze({ kind: 'all' });
/** Signed-out visitors of the sign-in page, and users whose region is broken: no region at all. */
export const NONE: Scope = Object.freeze({ kind: 'none' });

export function scopeOf(role: Role, region: string | null): Scope {
	if (role === 'nasional' || role === 'admin') return ALL;
	// A scoped role without a valid region sees nothing rather than everything.
	if (role === 'provinsi' && region && /^\d{2}$/.test(region)) return { kind: 'province', code: region };
	if (role === 'daerah' && region && /^\d{2}\.\d{2}$/.test(region)) return { kind: 'regency', code: region };
	return NONE;
}

/** The code a SQL scope predicate compares with: NULL for the national scope, '-' (no region has it) for none. */
export const scopeCode = (s: Scope): string | null => (s.kind === 'all' ? null : s.kind === 'none' ? '-' : s.code);

/** Whether a province or kab/kota code lies inside the scope. */
export function covers(s: Scope, code: string): boolean {
	if (s.kind === 'all') return true;
	if (s.kind === 'none') return false;
	if (s.kind === 'province') return code === s.code || code.startsWith(`${s.code}.`);
	return code === s.code;
}

/**
 * The region filter a request runs with: none asked → the scope's own region; asked inside the
 * scope → as asked; outside → null (the caller answers 403).
 */
export function scopedRegion(s: Scope, asked: string | null): { region: string | null } | null {
	if (asked === null) return { region: s.kind === 'province' || s.kind === 'regency' ? s.code : null };
	return covers(s, asked) ? { region: asked } : null;
}

/** Rankings and peer tables across regions: only for the national view. */
export const canCompare = (s: Scope) => s.kind === 'all';
