// What part of the country a user may see, from their role (pure functions, unit-tested).
// `nasional` and `admin` see everything; `provinsi` a province and its kab/kota; `daerah` one
// kab/kota. Codes are Kemendagri's: province '36', kab/kota '36.03'.
import { ROLE_LEVEL, type Role } from '$lib/core/users.server';
import { areaLevelOf, type RegionLevel } from '$lib/core/vocab';

export type Scope = { kind: 'all' } | { kind: RegionLevel; code: string } | { kind: 'none' };

export const ALL: Scope = Object.freeze({ kind: 'all' });
/** Signed-out visitors of the sign-in page, and users whose region is broken: no region at all. */
export const NONE: Scope = Object.freeze({ kind: 'none' });

export function scopeOf(role: Role, region: string | null): Scope {
	const level = ROLE_LEVEL[role];
	if (level === 'national') return ALL;
	// A scoped role without a region of its level sees nothing rather than everything.
	return region !== null && areaLevelOf(region) === level ? { kind: level, code: region } : NONE;
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
	if (asked === null) return { region: 'code' in s ? s.code : null };
	return covers(s, asked) ? { region: asked } : null;
}

/** Rankings and peer tables across regions: only for the national view. */
export const canCompare = (s: Scope) => s.kind === 'all';
