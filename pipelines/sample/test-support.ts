// Helpers shared by the sample tests: an independent reading of the Lokasi column (so the tests
// check that a clean sample never needs guessing), and small statistics.

import { resolve } from 'node:path';
import { loadRegionRefs } from './reference';
import type { RegionRef } from './regions';

const REFERENCE_DIR = resolve(import.meta.dirname, '../../data/reference');
export const loadReference = (): RegionRef[] => loadRegionRefs(REFERENCE_DIR);

const norm = (s: string) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.replace(/^(kab|kabupaten)( administrasi| adm)? /, 'kabupaten ')
		.replace(/^(kota|kodya)( administrasi| adm)? /, 'kota ');

export interface LocationResolver {
	/** Codes the text can mean: one for a clear spelling, several when ambiguous, none when unknown. */
	resolve(text: string): string[];
}

/**
 * Resolves Lokasi the way an ETL reasonably would: official and short names, nicknames, bare
 * names, optionally preceded by a kecamatan ("Kec. X, Kab. Y") or followed by the province.
 */
export function locationResolver(refs: readonly RegionRef[]): LocationResolver {
	const aliases = new Map<string, Set<string>>();
	const add = (alias: string, code: string) => {
		const k = norm(alias);
		if (!aliases.has(k)) aliases.set(k, new Set());
		aliases.get(k)!.add(code);
	};
	for (const r of refs) {
		add(r.name, r.code);
		const bare = r.name.replace(/^(Kabupaten|Kota)( Administrasi)? /, '');
		add(bare, r.code);
		for (const n of r.nicknames ?? []) add(n, r.code);
		for (const n of r.provinceNicknames ?? []) add(n, r.provinceCode);
		add(r.provinceName, r.provinceCode);
	}
	const isProvince = (text: string) =>
		[...(aliases.get(norm(text.replace(/^(prov\.?|provinsi) /i, ''))) ?? [])].some((c) => !c.includes('.'));
	const districtOf = new Map(refs.map((r) => [r.code, new Set(r.districts.map(norm))]));
	const regencyCodes = (text: string) => [...(aliases.get(norm(text)) ?? [])].filter((c) => c.includes('.'));
	return {
		resolve(text: string): string[] {
			const parts = text.split(',').map((p) => p.trim());
			if (parts.length === 1) {
				const all = [...(aliases.get(norm(text)) ?? [])];
				// A bare name that is also a province (or two regions) is ambiguous.
				return all.length === 1 && all[0]!.includes('.') ? all : all.length > 1 ? all : [];
			}
			const [first, second] = parts as [string, string];
			// "Kab. X, Banten": regency then province.
			const asRegency = regencyCodes(first);
			if (asRegency.length > 0 && isProvince(second)) return asRegency;
			// "Kec. X, Kab. Y": the kecamatan must belong to the regency.
			const kec = norm(first.replace(/^(kec\.?|kecamatan) /i, ''));
			return regencyCodes(second).filter((c) => districtOf.get(c)?.has(kec));
		}
	};
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const s = [...values].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

/** Seconds since the Unix epoch of a 'YYYY-MM-DD HH:MM:SS' wall-clock time (treated as UTC). */
export const toSeconds = (s: string) => Date.parse(s.replace(' ', 'T') + 'Z') / 1000;
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
