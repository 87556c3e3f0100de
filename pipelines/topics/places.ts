// Place names are where a complaint is, not what it is about: "ngagel · ngagel jaya · jalan" is a
// street, not a topic. Learned per corpus at fit time, then dropped from the words before features:
//   - multi-word names from the reference tables (kecamatan, kab/kota, provinces, and the
//     kelurahan or street columns an export carries) are dropped wherever they occur;
//   - a single word, or a pair, is a place when the text itself says so often enough: it follows a
//     place marker (Kel., Desa, Kec., Kota, Jl., Gg., Perum., …) in at least a quarter of its uses
//     (a tenth for a name in the reference tables). Many kecamatan are called by ordinary words
//     (Kasih, Selesai, Tetap, Taman): a word that is rarely written after a marker stays a word.
// Pure functions over tokens (text.ts tokenize output, before spelling normalisation, where "Jl."
// is still "jl" and not "jalan").

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCsv } from '../../src/lib/core/csv.ts';

/** Words that introduce a place name. "jalan" is not one: "jalan rusak" is a topic. */
const PLACE_MARKERS: ReadonlySet<string> = new Set([
	'kel',
	'kelurahan',
	'desa',
	'ds',
	'dsn',
	'dusun',
	'kec',
	'kecamatan',
	'kab',
	'kabupaten',
	'kota',
	'kabkota',
	'provinsi',
	'prov',
	'jl',
	'jln',
	'gg',
	'gang',
	'perum',
	'perumahan',
	'komplek',
	'kompleks',
	'griya'
]);

/** Skipped between a marker and the name: "Jl. Raya Darmo", "Jl. Dr. Soetomo". */
const SKIP: ReadonlySet<string> = new Set([
	'raya',
	'dr',
	'ir',
	'h',
	'kh',
	'prof',
	'jend',
	'jenderal',
	'letjen',
	'mayjen',
	'kol',
	'no',
	'nomor',
	'blok'
]);

/** Parts of place names that are ordinary words on their own; never a place alone. */
const GEO_WORDS: ReadonlySet<string> = new Set([
	'barat',
	'timur',
	'selatan',
	'utara',
	'tengah',
	'kota',
	'raya',
	'baru',
	'lama',
	'jaya',
	'indah',
	'permai',
	'asri',
	'dalam',
	'luar',
	'atas',
	'bawah',
	'hulu',
	'hilir',
	'ilir',
	'ulu',
	'pasar',
	'sungai',
	'pulau',
	'kepulauan',
	'air',
	'gunung',
	'bukit',
	'laut',
	'pantai',
	'teluk',
	'tanjung',
	'muara',
	'kali',
	'tanah',
	'batu',
	'simpang',
	'kampung',
	'taman',
	'rumah',
	'sakit',
	'sekolah',
	'masjid',
	'makam',
	'kebun',
	'sawah',
	'tambak',
	'pondok',
	'besar',
	'kecil',
	'satu',
	'dua',
	'tiga',
	'empat',
	'lima',
	'wetan',
	'kulon',
	'lor',
	'kidul',
	'jalan',
	'gang',
	'blok',
	'perumahan'
]);

export interface PlaceIndex {
	/** first word -> names starting with it, longest first */
	byFirst: ReadonlyMap<string, readonly (readonly string[])[]>;
	size: number;
}

export interface PlaceOptions {
	/** share of a word's uses that must follow a marker (default 0.25; names from the tables 0.1) */
	minMarkedShare?: number;
	minMarkedShareKnown?: number;
	/** uses after a marker needed at least (default 2) */
	minMarked?: number;
	/** stopwords: never a place, never part of a learned one */
	stopwords?: ReadonlySet<string>;
}

const isWord = (w: string | undefined): w is string => w !== undefined && /^[a-z]{3,}$/.test(w);

/**
 * Learns the place names of a corpus. `docs`: tokens per document (before normalisation);
 * `names`: place names from the reference tables and the export's own location columns, as token
 * arrays (multi-word ones are taken as they are; single words must pass the marker test).
 */
export function learnPlaces(
	docs: readonly (readonly string[])[],
	names: readonly (readonly string[])[],
	opts: PlaceOptions = {}
): PlaceIndex {
	const stop = opts.stopwords ?? new Set<string>();
	const known = new Set<string>();
	const phrases: string[][] = [];
	const usable = (w: string) => isWord(w) && !stop.has(w) && !PLACE_MARKERS.has(w);
	for (const n of names) {
		const words = n.filter((w) => !PLACE_MARKERS.has(w));
		if (words.length === 0 || words.every((w) => GEO_WORDS.has(w) || !usable(w))) continue;
		if (words.length === 1) known.add(words[0]!);
		else phrases.push(words);
	}
	// uses after a marker, per single word and per pair
	const marked = new Map<string, number>();
	for (const d of docs) {
		for (let i = 0; i < d.length; i++) {
			if (!PLACE_MARKERS.has(d[i]!)) continue;
			let j = i + 1;
			while (j < d.length && SKIP.has(d[j]!)) j++;
			const a = d[j];
			if (a === undefined || !usable(a)) continue;
			marked.set(a, (marked.get(a) ?? 0) + 1);
			const b = d[j + 1];
			if (b !== undefined && usable(b)) marked.set(`${a} ${b}`, (marked.get(`${a} ${b}`) ?? 0) + 1);
		}
	}
	const minMarked = opts.minMarked ?? 2;
	const candidates = [...marked].filter(([, m]) => m >= minMarked).map(([p]) => p);
	// all uses of the candidates
	const wanted = new Set(candidates);
	const uses = new Map<string, number>();
	for (const d of docs) {
		for (let i = 0; i < d.length; i++) {
			const a = d[i]!;
			if (wanted.has(a)) uses.set(a, (uses.get(a) ?? 0) + 1);
			if (i + 1 < d.length) {
				const p = `${a} ${d[i + 1]}`;
				if (wanted.has(p)) uses.set(p, (uses.get(p) ?? 0) + 1);
			}
		}
	}
	const share = opts.minMarkedShare ?? 0.25;
	const shareKnown = opts.minMarkedShareKnown ?? 0.1;
	for (const p of candidates) {
		const words = p.split(' ');
		if (words.length === 1 && GEO_WORDS.has(p)) continue;
		if (words.every((w) => GEO_WORDS.has(w))) continue;
		const need = words.length === 1 && known.has(p) ? shareKnown : share;
		if (marked.get(p)! / Math.max(1, uses.get(p) ?? 0) >= need) phrases.push(words);
	}
	return placeIndex(phrases);
}

export function placeIndex(phrases: readonly (readonly string[])[]): PlaceIndex {
	const byFirst = new Map<string, string[][]>();
	const seen = new Set<string>();
	for (const p of phrases) {
		const key = p.join(' ');
		if (seen.has(key)) continue;
		seen.add(key);
		const list = byFirst.get(p[0]!) ?? [];
		list.push([...p]);
		byFirst.set(p[0]!, list);
	}
	for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
	return { byFirst, size: seen.size };
}

/** Markers that go with the name they introduce ("Kel. Gundih"); "Jl." stays as "jalan": a road. */
const DROPPED_WITH_NAME: ReadonlySet<string> = new Set([...PLACE_MARKERS].filter((m) => !['jl', 'jln', 'gg', 'gang'].includes(m)));

/** The words without the place names in them (longest name first at each position), nor the marker before one. */
export function dropPlaces(words: readonly string[], index: PlaceIndex): string[] {
	if (index.size === 0) return [...words];
	const out: string[] = [];
	for (let i = 0; i < words.length;) {
		let skip = 0;
		for (const name of index.byFirst.get(words[i]!) ?? []) {
			if (i + name.length > words.length) continue;
			let ok = true;
			for (let j = 1; ok && j < name.length; j++) ok = words[i + j] === name[j];
			if (ok) {
				skip = name.length;
				break;
			}
		}
		if (skip) {
			if (out.length && DROPPED_WITH_NAME.has(out[out.length - 1]!)) out.pop();
			i += skip;
		} else out.push(words[i++]!);
	}
	return out;
}

/** The place names of one phrase list, as stored (for `--assign-new` to drop the same ones). */
export const placeList = (index: PlaceIndex): string[] =>
	[...index.byFirst.values()]
		.flat()
		.map((p) => p.join(' '))
		.sort();

const REFERENCE_DIR = resolve(import.meta.dirname, '../../data/reference');

function csvNames(file: string, column: number, filter?: (cols: string[]) => boolean): string[] {
	return readCsv(readFileSync(resolve(REFERENCE_DIR, file), 'utf8'), file)
		.slice(1)
		.filter((c) => !filter || filter(c))
		.map((c) => c[column]!);
}

/**
 * Names of provinces, kab/kota (without "Kabupaten"/"Kota") and kecamatan from data/reference;
 * kecamatan only of the given kab/kota codes when some are given (a city's warehouse does not
 * need the other 7,000).
 */
export function referencePlaceNames(regencyCodes?: ReadonlySet<string>): string[] {
	return [
		...csvNames('provinces.csv', 1),
		...csvNames('regencies.csv', 2).map((n) => n.replace(/^(?:Kabupaten|Kota)\s+/i, '')),
		...csvNames('districts.csv', 2, (c) => !regencyCodes || regencyCodes.has(c[1]!))
	];
}
