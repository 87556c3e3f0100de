// One agency, one name. Exports spell an agency many ways: "Dinas Sosial Kabupaten Tangerang",
// "Dinsos Kab. Tangerang", "DINSOS KAB. TANGERANG", or just "Dinas Sosial" in a kab/kota's own
// export. canonicalAgency() resolves a spelling, given the region the complaint is about, to one
// name per agency and region, with its OPD type and whom it answers to. Pure: the alias table,
// the rules and the region names are arguments; the ETL calls it once per distinct (spelling,
// kab/kota, province) and keeps the spelling as written in agency_raw.
//
// 1. Words: lower case, letters and digits only (accents, punctuation and invisible characters go).
// 2. The alias table's word entries written out, longest phrase first, until nothing changes
//    ("dinsos" -> "dinas sosial", "kab" -> "kabupaten", "ri" dropped).
// 3. The region the name names is taken out: "kabupaten/kota/provinsi X" anywhere, else a region's
//    name at the end ("rsud tangerang"), except after a place word ("kecamatan bojonegoro" is a
//    kecamatan). A name several regions share is settled by the complaint's region.
// 4. What is left is the agency's own name; a desa's or kelurahan's "kecamatan Y" and a trailing
//    "pemerintah" / "sekretariat daerah" qualifier go. The table's name entries may rename it.
// 5. OPD type and authority from the rules over that own name; no authority pattern: the OPD
//    type's. A ministry's office that names a region is a vertical office; a regional body of a
//    province belongs to the Pemprov.
// 6. The agency's region: the one it names, else (anything but a ministry or BUMN headquarters)
//    the complaint's kab/kota, or its province. Display name: the own name in title case and the
//    region's official name ("Dinas Sosial Kabupaten Tangerang").
import type { Authority, OpdType, RegionLevel } from '../../src/lib/core/vocab.ts';
import type { AgencyTable } from './agency-table.ts';
import type { RuleSet } from './config.ts';

/** Bump when the resolution changes: warehouses then resolve their stored spellings again (ensureAgencies). */
export const AGENCY_NAMES_VERSION = 1;

const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The words of a name: lower case, letters and digits, accents and punctuation dropped. */
export function agencyWords(s: string): string[] {
	return s
		.replace(INVISIBLE, '')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}

/** The JavaScript twin of the SQL macro norm_region (pipelines/warehouse/region-sql.ts) that keyed region_aliases. */
export function normRegion(s: string): string {
	return s
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.replace(/^ *(kabupaten|kab)( administrasi| adm)? /, 'kabupaten ')
		.replace(/^ *(kota|kodya|kotamadya|kotamadia|pemkot|kot)( administrasi| adm)? /, 'kota ')
		.replace(/^ *(provinsi|propinsi|prov|pemprov) /, 'provinsi ')
		.replace(/ +/g, ' ')
		.trim();
}

export interface RegionRef {
	code: string;
	level: RegionLevel;
	/** Official name: 'Kabupaten Tangerang', 'Banten'. */
	name: string;
	provinceCode: string;
}

interface RegionHit {
	code: string | null;
	candidates: readonly string[];
}

export interface RegionIndex {
	byCode: ReadonlyMap<string, RegionRef>;
	/** region_aliases: spelling (normRegion) -> its code, or the candidates when several regions share it. */
	aliases: ReadonlyMap<string, RegionHit>;
	/** The same without spaces ("kota bau bau" finds "kota baubau"), for spellings the table does not hold. */
	compact: ReadonlyMap<string, RegionHit>;
}

/** The index over the warehouse's regions and region_aliases rows (candidates space-separated, as stored). */
export function regionIndex(
	regions: readonly RegionRef[],
	aliases: readonly { alias: string; code: string | null; candidates: string | null }[]
): RegionIndex {
	const hits = aliases.map((a) => [a.alias, { code: a.code, candidates: a.candidates ? a.candidates.split(' ') : [] }] as const);
	const compact = new Map<string, RegionHit>();
	for (const [alias, hit] of hits) {
		const key = alias.replaceAll(' ', '');
		const seen = compact.get(key);
		if (!seen) compact.set(key, hit);
		else if (seen.code !== hit.code || seen.code === null) {
			// two spellings that differ only by spaces name different regions: a candidate list
			const all = new Set([...(seen.code ? [seen.code] : seen.candidates), ...(hit.code ? [hit.code] : hit.candidates)]);
			compact.set(key, all.size === 1 ? { code: [...all][0]!, candidates: [] } : { code: null, candidates: [...all].sort() });
		}
	}
	return { byCode: new Map(regions.map((r) => [r.code, r])), aliases: new Map(hits), compact };
}

/** The region a complaint is about (after the ETL's region resolution). */
export interface Where {
	regency: string | null;
	province: string | null;
}

export interface CanonicalAgency {
	/** Display name, the grouping key of pages and rules: 'Dinas Sosial Kabupaten Tangerang'. */
	name: string;
	opdType: OpdType;
	authority: Authority;
	/** The agency's own region (Kemendagri code); null for a ministry, a BUMN or an unknown region. */
	region: string | null;
	/** The own name's words without the region: 'dinas sosial'. */
	own: string;
}

interface CompiledRule<T> {
	re: RegExp;
	value: T;
}

export interface AgencyContext {
	table: AgencyTable;
	regions: RegionIndex;
	opd: CompiledRule<OpdType>[];
	authority: CompiledRule<Authority>[];
}

export function agencyContext(table: AgencyTable, rules: Pick<RuleSet, 'opd_type' | 'authority'>, regions: RegionIndex): AgencyContext {
	return {
		table,
		regions,
		opd: rules.opd_type.map((r) => ({ re: new RegExp(r.pattern), value: r.value })),
		authority: rules.authority.map((r) => ({ re: new RegExp(r.pattern), value: r.value }))
	};
}

const firstMatch = <T>(rules: CompiledRule<T>[], text: string): T | null => rules.find((r) => r.re.test(text))?.value ?? null;

/** Whom an agency of an OPD type answers to when its name says nothing more. */
const OPD_AUTHORITY: Partial<Record<OpdType, Authority>> = {
	kementerian: 'kementerian',
	bpjs: 'kementerian',
	bumn: 'bumn',
	kepolisian: 'vertikal',
	bpn: 'vertikal',
	lainnya: 'lainnya'
};

const DESIGNATORS = new Set(['kabupaten', 'kota', 'provinsi']);
// Names that begin so go on with a place's or a founder's name, which may be a region's too:
// "Kecamatan Bojonegoro", "Universitas Negeri Padang". A region's name at their end stays.
const NAMED_HEADS = new Set([
	'kecamatan',
	'kelurahan',
	'desa',
	'puskesmas',
	'polsek',
	'koramil',
	'pasar',
	'terminal',
	'sekolah',
	'sd',
	'sdn',
	'smp',
	'smpn',
	'sma',
	'sman',
	'smk',
	'smkn',
	'jalan',
	'jl',
	'universitas',
	'institut',
	'politeknik',
	'akademi',
	'bandara',
	'pelabuhan',
	'stasiun'
]);
const CONNECTIVES = new Set(['dan', 'di', 'ke', 'dari', 'untuk', 'serta', 'atau', 'yang', 'pada', 'dengan', 'cq']);

function expandWords(words: string[], table: AgencyTable): string[] {
	let current = words;
	// Written-out forms may contain a further abbreviation ("dputr" -> "... tata ruang" -> "... penataan ruang").
	for (let pass = 0; pass < 4; pass++) {
		const out: string[] = [];
		let changed = false;
		for (let i = 0; i < current.length;) {
			let n = Math.min(table.maxWords, current.length - i);
			for (; n > 0; n--) {
				const to = table.words.get(current.slice(i, i + n).join(' '));
				if (to) {
					out.push(...to);
					changed = true;
					break;
				}
			}
			if (n > 0) i += n;
			else out.push(current[i++]!);
		}
		current = out.filter((w, i) => w !== out[i - 1]); // "dinas dinas sosial" from "Dinas Dinsos"
		if (!changed) break;
	}
	return current;
}

function regionOf(spelling: string, where: Where, regions: RegionIndex): string | null {
	if (!/[a-z]/.test(spelling)) return null; // "11" is Aceh's code, not a name
	const norm = normRegion(spelling);
	const hit = regions.aliases.get(norm) ?? regions.compact.get(norm.replaceAll(' ', ''));
	if (!hit) return null;
	if (hit.code) return hit.code;
	const fits = hit.candidates.filter((c) => c === where.regency || c === where.province);
	return fits.length === 1 ? fits[0]! : null;
}

function findRegion(w: readonly string[], where: Where, regions: RegionIndex): { start: number; end: number; code: string } | null {
	for (let i = 0; i < w.length; i++) {
		if (!DESIGNATORS.has(w[i]!)) continue;
		for (let j = Math.min(w.length, i + 6); j >= i + 2; j--) {
			const code = regionOf(w.slice(i, j).join(' '), where, regions);
			if (code) return { start: i, end: j, code };
		}
	}
	if (NAMED_HEADS.has(w[0]!)) return null;
	for (let k = Math.min(3, w.length - 1); k >= 1; k--) {
		const start = w.length - k;
		const before = w[start - 1]!;
		if (CONNECTIVES.has(w[start]!) || CONNECTIVES.has(before)) continue;
		const code = regionOf(w.slice(start).join(' '), where, regions);
		// "Kota Tangsel": a nickname after a designator the region table does not know in that form
		if (code) return { start: start > 1 && DESIGNATORS.has(before) ? start - 1 : start, end: w.length, code };
	}
	return null;
}

function ownName(words: string[]): string[] {
	let own = words;
	const kec = own.indexOf('kecamatan', 2);
	if ((own[0] === 'desa' || own[0] === 'kelurahan') && kec > 0) own = own.slice(0, kec);
	if (own.length > 1 && own.at(-1) === 'pemerintah') own = own.slice(0, -1);
	if (own.length > 2 && own[0] !== 'sekretariat' && own.at(-2) === 'sekretariat' && own.at(-1) === 'daerah') own = own.slice(0, -2);
	return own;
}

const UPPER = new Set(
	(
		'pt pln kai bri bni btn bumn bumd bpjs rsud rs pdam ukm umkm upt uptd ulp up3 uid kc kcu bnn bkn bps bpom ojk kpu ham esdm dprd tni ' +
		'covid ptsp pp sd sdn smp smpn sma sman smk smkn ktp rt rw pkk pmi lpse atr bpn kpp kppn bumdes ppdb dtks lkpp kpi ikn dki diy ntb ntt ' +
		'pupr bkpsdm dpmptsp bpbd dlh sdm bpnt bppt cpns pns asn rskgm bst blt pkh kks'
	).split(' ')
);
const LOWER = new Set([...CONNECTIVES].filter((w) => w !== 'cq'));
const SPECIAL: Record<string, string> = { persero: '(Persero)' };
const ROMAN = /^(i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3}|xix|xxi{0,3}|xxiv)$/;

export function titleCase(words: readonly string[]): string {
	return words
		.map((w, i) => {
			if (SPECIAL[w]) return SPECIAL[w];
			if (UPPER.has(w) || ROMAN.test(w)) return w.toUpperCase();
			if (i > 0 && LOWER.has(w)) return w;
			return w[0]!.toUpperCase() + w.slice(1);
		})
		.join(' ');
}

/** A region's official name as it follows an agency's: 'Kabupaten Tangerang', 'Kota Jakarta Barat', 'Provinsi Banten'. */
function regionLabel(r: RegionRef): string {
	return r.level === 'province' ? `Provinsi ${r.name}` : r.name.replace(/^(Kabupaten|Kota) Administrasi /, '$1 ');
}

/** The canonical agency of one spelling in one region; null when the spelling has no words. */
export function canonicalAgency(raw: string, where: Where, ctx: AgencyContext): CanonicalAgency | null {
	const words = expandWords(agencyWords(raw), ctx.table);
	if (!words.length) return null;
	const named = findRegion(words, where, ctx.regions);
	let own = ownName(named ? [...words.slice(0, named.start), ...words.slice(named.end)] : words);
	if (!own.length) own = ['pemerintah']; // "Kabupaten Tangerang" alone: its government
	let ownText = own.join(' ');
	// A name row is keyed by the agency's region: the one it names, else the complaint's.
	const scope = named?.code ?? where.regency ?? where.province;
	const alias = (scope ? ctx.table.names.get(`${scope}|${ownText}`) : undefined) ?? ctx.table.names.get(`|${ownText}`);
	if (alias?.to) ownText = alias.to;
	const opdType = firstMatch(ctx.opd, ownText) ?? 'lainnya';
	let authority = alias?.authority ?? firstMatch(ctx.authority, ownText) ?? OPD_AUTHORITY[opdType] ?? 'pemda';
	const national = authority === 'kementerian' || authority === 'bumn';
	const region = named?.code ?? (national ? null : (where.regency ?? where.province));
	const ref = region ? ctx.regions.byCode.get(region) : undefined;
	if (authority === 'kementerian' && named) authority = 'vertikal';
	if (authority === 'pemda' && ref?.level === 'province') authority = 'pemprov';
	const display = titleCase(ownText.split(' '));
	return { name: ref ? `${display} ${regionLabel(ref)}` : display, opdType, authority, region: ref ? region : null, own: ownText };
}
