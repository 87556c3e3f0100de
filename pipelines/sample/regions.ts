// Region reference as the generator sees it, and the many ways a kab/kota is written in an export.

import type { Rng } from './rng';

/** One kab/kota as loaded from data/reference (see reference.ts). */
export interface RegionRef {
	code: string; // '36.03'
	name: string; // 'Kabupaten Tangerang'
	provinceCode: string; // '36'
	provinceName: string; // 'Banten'
	population: number;
	/** Real kecamatan names (districts.csv). */
	districts: readonly string[];
	/** Short names that point at this kab/kota (region_nicknames.csv), e.g. 'Tangsel'. */
	nicknames?: readonly string[];
	/** Short names that point at its province ('DKI', 'Jogja'): a bare name equal to one is ambiguous. */
	provinceNicknames?: readonly string[];
}

export interface RegionInfo extends RegionRef {
	index: number;
	isKota: boolean;
	isDki: boolean;
	/** Name without 'Kabupaten'/'Kota' (and 'Administrasi'): 'Tangerang'. */
	bare: string;
	/** 'Kab. Tangerang', 'Kota Bandung', 'Kota Jakarta Selatan'. */
	short: string;
	/** The bare name is used by no other region, province or nickname, so it may stand alone. */
	bareIsSafe: boolean;
	/** How the province is written after a regency ('Banten', 'DKI Jakarta'). */
	provinceLabel: string;
}

const normalise = (s: string) =>
	s
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

const bareOf = (name: string) => name.replace(/^(Kabupaten|Kota)( Administrasi)? /, '');

// The names people use for the two provinces with long official ones (both in region_nicknames.csv).
const PROVINCE_LABEL: Record<string, string> = {
	'31': 'DKI Jakarta',
	'34': 'D.I. Yogyakarta'
};

export function buildRegions(refs: readonly RegionRef[]): RegionInfo[] {
	const sorted = [...refs].sort((a, b) => a.code.localeCompare(b.code));
	// Anything a bare name could be confused with: other regions' bare names, province names
	// (with and without their long prefixes) and every nickname pointing elsewhere.
	const owners = new Map<string, Set<string>>();
	const claim = (alias: string, owner: string) => {
		const key = normalise(alias);
		if (!owners.has(key)) owners.set(key, new Set());
		owners.get(key)!.add(owner);
	};
	for (const r of sorted) {
		claim(bareOf(r.name), r.code);
		claim(r.provinceName, r.provinceCode);
		claim(r.provinceName.replace(/^(Daerah Khusus Ibukota|Daerah Istimewa|Kepulauan) /, ''), r.provinceCode);
		for (const n of r.nicknames ?? []) claim(n, r.code);
		for (const n of r.provinceNicknames ?? []) claim(n, r.provinceCode);
	}
	return sorted.map((r, index) => {
		const isKota = r.name.startsWith('Kota ');
		const bare = bareOf(r.name);
		const claimants = owners.get(normalise(bare));
		return {
			...r,
			index,
			isKota,
			isDki: r.provinceCode === '31',
			bare,
			short: (isKota ? 'Kota ' : 'Kab. ') + bare,
			bareIsSafe: claimants?.size === 1 && claimants.has(r.code),
			provinceLabel: PROVINCE_LABEL[r.provinceCode] ?? r.provinceName
		};
	});
}

/** Bare names shared by several regions ('Tangerang', 'Bandung'): used only for dirty rows. */
export function ambiguousBareNames(regions: readonly RegionInfo[]): string[] {
	const count = new Map<string, number>();
	for (const r of regions) count.set(r.bare, (count.get(r.bare) ?? 0) + 1);
	return [...count]
		.filter(([, n]) => n > 1)
		.map(([b]) => b)
		.sort();
}

/**
 * The Lokasi column: the kab/kota written the way reporters and admins write it. Never an
 * ambiguous bare name; a kecamatan, when given, is a real one of that kab/kota.
 */
export function writeLocation(r: RegionInfo, rng: Rng): string {
	const x = rng.float() * 100;
	if (x < 30) return r.name;
	if (x < 50) return r.isDki && rng.chance(0.3) ? `${r.isKota ? 'Kota' : 'Kab.'} Adm. ${r.bare}` : r.short;
	if (x < 58) return (rng.chance(0.5) ? r.name : r.short).toUpperCase();
	if (x < 70 && r.districts.length > 0) {
		const kec = rng.pick(r.districts);
		const style = rng.int(3);
		if (style === 0) return `Kec. ${kec}, ${r.short}`;
		if (style === 1) return `Kecamatan ${kec}, ${r.name}`;
		return `${kec}, ${r.short}`;
	}
	if (x < 76) return rng.chance(0.5) ? `${r.name}, ${r.provinceLabel}` : `${r.short}, Prov. ${r.provinceLabel}`;
	if (x < 80) return (rng.chance(0.6) ? r.short.replace('.', '') : r.name).toLowerCase();
	const nick = r.nicknames ?? [];
	if (x < 83 && nick.length > 0) return rng.pick(nick);
	if (x < 95 && r.bareIsSafe) return rng.chance(0.85) ? r.bare : r.bare.toUpperCase();
	return r.name;
}
