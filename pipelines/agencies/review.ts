// What `npm run agencies` shows an admin growing the alias table: the stored spellings grouped by
// the canonical agency the current table gives them, the agencies it does not recognise, and the
// kinds of office a Pemda has one of that still appear under several names in one region (a
// merge the table could make: "Dinas Bina Marga" and "Dinas PUPR" of one kabupaten). Pure.
import type { Authority, OpdType } from '../../src/lib/core/vocab.ts';
import type { CanonicalAgency, Where } from '../ingest/agency-names.ts';

export interface SpellingCount extends Where {
	raw: string;
	/** Complaints with this spelling in this region. */
	n: number;
}

export interface ReviewedAgency {
	name: string;
	/** The name's words without the region: what a `name` row of the table matches. */
	own: string;
	region: string | null;
	opdType: OpdType;
	authority: Authority;
	n: number;
	/** Its spellings, most used first. */
	spellings: { raw: string; n: number }[];
}

export interface AgencyReview {
	spellings: number;
	agencies: ReviewedAgency[];
	/** Authority 'lainnya': nobody knows whom they answer to. */
	unrecognised: ReviewedAgency[];
	/** One region, one kind of office a Pemda has one of, several names: largest first within a group. */
	severalNames: ReviewedAgency[][];
}

// Kinds of office a kab/kota or province has one of (several kecamatan, hospitals or police
// stations are normal, and the catch-all and national kinds are not one office).
const ONE_PER_PEMDA = new Set<OpdType>([
	'disdukcapil',
	'dinsos',
	'pupr',
	'perkim',
	'dinkes',
	'disdik',
	'dishub',
	'dlh',
	'diskominfo',
	'satpolpp',
	'inspektorat',
	'disnaker',
	'dpmptsp',
	'bapenda',
	'bpbd',
	'pertanian',
	'perdagangan'
]);

const byCount = (a: { n: number; name?: string; raw?: string }, b: { n: number; name?: string; raw?: string }) =>
	b.n - a.n || (a.name ?? a.raw ?? '').localeCompare(b.name ?? b.raw ?? '');

export function reviewAgencies(
	rows: readonly SpellingCount[],
	resolve: (raw: string, where: Where) => CanonicalAgency | null
): AgencyReview {
	const agencies = new Map<string, ReviewedAgency>();
	const raws = new Set<string>();
	for (const r of rows) {
		raws.add(r.raw);
		const a = resolve(r.raw, r);
		if (!a) continue;
		let g = agencies.get(a.name);
		if (!g)
			agencies.set(
				a.name,
				(g = { name: a.name, own: a.own, region: a.region, opdType: a.opdType, authority: a.authority, n: 0, spellings: [] })
			);
		g.n += r.n;
		const s = g.spellings.find((x) => x.raw === r.raw);
		if (s) s.n += r.n;
		else g.spellings.push({ raw: r.raw, n: r.n });
	}
	const all = [...agencies.values()].sort(byCount);
	for (const a of all) a.spellings.sort(byCount);
	const groups = new Map<string, ReviewedAgency[]>();
	for (const a of all) {
		if (!a.region || !ONE_PER_PEMDA.has(a.opdType) || (a.authority !== 'pemda' && a.authority !== 'pemprov')) continue;
		const key = `${a.region}|${a.opdType}`;
		groups.set(key, [...(groups.get(key) ?? []), a]);
	}
	return {
		spellings: raws.size,
		agencies: all,
		unrecognised: all.filter((a) => a.authority === 'lainnya'),
		severalNames: [...groups.values()].filter((g) => g.length > 1).sort((a, b) => b[1]!.n - a[1]!.n || a[0]!.name.localeCompare(b[0]!.name))
	};
}
