// Loads the region reference from data/reference into RegionRef[] for the generator (the only
// file reading the sample pipeline does besides the CLI's output).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RegionRef } from './regions';
import { readCsv } from '../../src/lib/core/csv';

function readTable(dir: string, file: string): Record<string, string>[] {
	const [header, ...body] = readCsv(readFileSync(resolve(dir, file), 'utf8'));
	if (!header) throw new Error(`${file} is empty`);
	return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
}

/** Regions from provinces.csv, regencies.csv, population_2024s2.csv, districts.csv and region_nicknames.csv. */
export function loadRegionRefs(dir: string): RegionRef[] {
	const provinces = new Map(readTable(dir, 'provinces.csv').map((p) => [p.code!, p.name!]));
	const population = new Map(readTable(dir, 'population_2024s2.csv').map((p) => [p.code!, Number(p.total)]));
	const districts = new Map<string, string[]>();
	for (const d of readTable(dir, 'districts.csv')) {
		const list = districts.get(d.regency_code!) ?? [];
		list.push(d.name!);
		districts.set(d.regency_code!, list);
	}
	const nicknames = new Map<string, string[]>();
	for (const n of readTable(dir, 'region_nicknames.csv')) {
		const list = nicknames.get(n.code!) ?? [];
		list.push(n.alias!);
		nicknames.set(n.code!, list);
	}
	return readTable(dir, 'regencies.csv').map((r) => {
		const provinceName = provinces.get(r.province_code!);
		if (!provinceName) throw new Error(`regency ${r.code} has unknown province ${r.province_code}`);
		return {
			code: r.code!,
			name: r.name!,
			provinceCode: r.province_code!,
			provinceName,
			population: population.get(r.code!) ?? 0,
			districts: districts.get(r.code!) ?? [],
			nicknames: nicknames.get(r.code!) ?? [],
			provinceNicknames: nicknames.get(r.province_code!) ?? []
		};
	});
}
