// Readable cluster labels. The model works on stems ("perintah" from pemerintah, "bantu" from
// bantuan); a label shows the word citizens wrote most often for each stem, prefers a bigram that
// carries the topic ("lampu jalan" over "lampu"), writes common acronyms in capitals, and, when
// most of a cluster's complaints carry one policy theme, starts with that theme's short name in the
// UI language ("Bansos: BST · kantor pos", "Social assistance: BST · kantor pos").

import type { Theme } from '../../src/lib/core/themes.ts';

/** Most frequent surface word per stem, counted over the documents a fit may learn from. */
export class SurfaceForms {
	private readonly counts = new Map<string, Map<string, number>>();

	add(stems: readonly string[], surfaces: readonly string[]): void {
		for (let i = 0; i < stems.length; i++) {
			let m = this.counts.get(stems[i]!);
			if (!m) this.counts.set(stems[i]!, (m = new Map()));
			m.set(surfaces[i]!, (m.get(surfaces[i]!) ?? 0) + 1);
		}
	}

	/** The word written most often for this stem (ties: the shorter, then alphabetical); the stem itself if never seen. */
	word(stem: string): string {
		const m = this.counts.get(stem);
		if (!m) return stem;
		let best = stem;
		let n = -1;
		for (const [w, c] of m)
			if (c > n || (c === n && (w.length < best.length || (w.length === best.length && w < best)))) [best, n] = [w, c];
		return best;
	}
}

/** Acronyms common in complaints, written in capitals in labels. */
const ACRONYMS: ReadonlySet<string> = new Set(
	(
		'asn atm bbm blt bpjs bpkb bpnt bpum bsm bst bsu dtks jht jkn kip kis kk kks ktp kur mbr nik pbb pbi pdam pip pkh pkl pln ' +
		'pns ppdb ppkm pppk psbb ptsl pupr rsud rt rw sd sim sma smk smp stnk tk tpa tps umkm'
	).split(' ')
);

const caps = (w: string) => (ACRONYMS.has(w) ? w.toUpperCase() : w);

/** A feature term as people read it: "bantu_sosial" -> "bantuan sosial", "bst" -> "BST". */
export function displayWith(surfaces: SurfaceForms | null): (term: string) => string {
	return (term) =>
		term
			.split('_')
			.map((s) => caps(surfaces ? surfaces.word(s) : s))
			.join(' ');
}

export interface LabelTerm {
	term: string;
	weight: number;
}

/**
 * Up to `max` top terms, most weighted first. A word among them is shown as a bigram of the top
 * terms when the bigram's other word is a top term too and the bigram weighs at least 70 % as much
 * ("lampu" -> "lampu jalan"); a bigram is only taken when none of its words is shown yet, and a
 * term whose words are all shown is skipped.
 */
export function labelTerms(terms: readonly LabelTerm[], max = 3, skip: ReadonlySet<string> = new Set()): string[] {
	const chosen: string[] = [];
	const covered = new Set<string>(skip);
	const unigrams = new Set(terms.filter((t) => !t.term.includes('_')).map((t) => t.term));
	for (const t of terms) {
		let term = t.term;
		const words = term.split('_');
		if (words.some((w) => covered.has(w))) continue;
		if (words.length === 1) {
			const bigram = terms.find((b) => {
				const w = b.term.split('_');
				return w.length > 1 && w.includes(term) && b.weight >= 0.7 * t.weight && w.every((x) => unigrams.has(x) && !covered.has(x));
			});
			if (bigram) term = bigram.term;
		}
		chosen.push(term);
		for (const w of term.split('_')) covered.add(w);
		if (chosen.length === max) break;
	}
	return chosen;
}

/** "lampu jalan · padam": the label words, display forms joined. */
export function labelFrom(terms: readonly LabelTerm[], display: (term: string) => string = displayWith(null), max = 3): string {
	return labelTerms(terms, max).map(display).join(' · ') || '(kosong)';
}

/**
 * The theme most of a cluster's documents carry (share >= minShare), or null. `tags[i]` are the
 * themes of document i, `members` the cluster's documents.
 */
export function clusterTheme(members: readonly number[], tags: readonly (readonly string[])[], minShare = 0.5): string | null {
	if (members.length === 0) return null;
	const counts = new Map<string, number>();
	for (const i of members) for (const t of tags[i] ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
	let best: string | null = null;
	let n = 0;
	for (const [t, c] of counts) if (c > n || (c === n && best !== null && t < best)) [best, n] = [t, c];
	return best !== null && n / members.length >= minShare ? best : null;
}

export interface ClusterLabels {
	label: string;
	label_en: string;
}

/**
 * The stored labels of a cluster: its top terms, after the theme's short name when it has one
 * (terms that only repeat the theme's own keywords are left out then).
 */
export function clusterLabels(
	terms: readonly LabelTerm[],
	display: (term: string) => string,
	theme: Theme | null,
	themeStems: ReadonlySet<string> = new Set()
): ClusterLabels {
	if (!theme) {
		const l = labelFrom(terms, display);
		return { label: l, label_en: l };
	}
	const words = labelTerms(terms, 2, themeStems).map(display).join(' · ');
	const join = (name: string) => (words ? `${name}: ${words}` : name);
	return { label: join(theme.short), label_en: join(theme.short_en) };
}
