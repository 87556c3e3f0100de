// Loads the region reference from data/reference into RegionRef[] for the generator (the only
// file reading the sample pipeline does besides the CLI's output).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RegionRef } from './regions';

/** Minimal RFC 4180 reader: the reference files quote names such as "Ra""as". */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

function readTable(dir: string, file: string): Record<string, string>[] {
	const [header, ...body] = parseCsv(readFileSync(resolve(dir, file), 'utf8'));
	if (!header) throw new Error(`${file} is empty`);
	return body.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
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
