// Corpus boilerplate: word runs that a large share of complaints share ACROSS categories are a
// template (a portal's form text, a generator's scaffolding, "Saran saya terkait … sebaiknya pemda
// menambah petugas"), not a topic. A run that is frequent inside one or two categories ("belum
// menerima uang BST") is a topic and stays. Learned at fit time from the fitted documents and their
// category (or agency), then dropped from every document before features. Without categories
// nothing is learned: frequency alone cannot tell a template from a popular topic.
// Pure functions over normalised words (text.ts prepare output).

export interface BoilerplateOptions {
	/** words per run (default 3) */
	n?: number;
	/** a run must occur in at least this share of the documents (default 0.002) ... */
	minShare?: number;
	/** ... and in at least this many (default 20) */
	minDocs?: number;
	/**
	 * and be spread over the categories like the corpus is: overlap of its documents' category
	 * distribution with the corpus' (sum of the smaller of the two shares per category), 0..1
	 * (default 0.5; a template used everywhere scores near 1, a topic inside one category its share)
	 */
	minSpread?: number;
	/** at least this many categories must hold documents (default 5) */
	minCategories?: number;
	/** words that never make a run worth keeping by themselves (stopwords); a run needs one other */
	stopwords?: ReadonlySet<string>;
}

const DEFAULTS = { n: 3, minShare: 0.002, minDocs: 20, minSpread: 0.5, minCategories: 5 };

const isContent = (w: string, stop: ReadonlySet<string>) => w.length >= 3 && !w.startsWith('_') && !stop.has(w);

/**
 * Runs of `n` words that are boilerplate in these documents, given each document's category
 * (null: unknown, not counted). Returns the runs, words joined by a space, sorted.
 */
export function learnBoilerplate(
	docs: readonly (readonly string[])[],
	categories: readonly (string | null)[],
	opts: BoilerplateOptions = {}
): string[] {
	const { n, minShare, minDocs, minSpread, minCategories } = { ...DEFAULTS, ...opts };
	const stop = opts.stopwords ?? new Set<string>();
	const catIndex = new Map<string, number>();
	const cat = categories.map((c) => {
		if (c === null || c === '') return -1;
		let i = catIndex.get(c);
		if (i === undefined) catIndex.set(c, (i = catIndex.size));
		return i;
	});
	if (catIndex.size < minCategories) return [];
	const corpus = new Float64Array(catIndex.size);
	let labelled = 0;
	for (const c of cat) {
		if (c < 0) continue;
		corpus[c]!++;
		labelled++;
	}
	if (labelled === 0) return [];
	for (let c = 0; c < corpus.length; c++) corpus[c]! /= labelled;

	const df = new Map<string, number>();
	for (const d of docs) {
		const seen = new Set<string>();
		for (let i = 0; i + n <= d.length; i++) {
			const run = d.slice(i, i + n);
			if (!run.some((w) => isContent(w, stop))) continue;
			seen.add(run.join(' '));
		}
		for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
	}
	const need = Math.max(minDocs, Math.ceil(minShare * docs.length));
	const frequent = new Map<string, Float64Array>();
	for (const [s, c] of df) if (c >= need) frequent.set(s, new Float64Array(catIndex.size));
	if (frequent.size === 0) return [];
	docs.forEach((d, j) => {
		if (cat[j]! < 0) return;
		const seen = new Set<string>();
		for (let i = 0; i + n <= d.length; i++) {
			const s = d.slice(i, i + n).join(' ');
			if (frequent.has(s)) seen.add(s);
		}
		for (const s of seen) frequent.get(s)![cat[j]!]!++;
	});
	const out: string[] = [];
	for (const [s, counts] of frequent) {
		let total = 0;
		for (const c of counts) total += c;
		if (total < minDocs) continue;
		let overlap = 0;
		for (let c = 0; c < counts.length; c++) overlap += Math.min(counts[c]! / total, corpus[c]!);
		if (overlap >= minSpread) out.push(s);
	}
	return out.sort();
}

export interface Boilerplate {
	n: number;
	runs: ReadonlySet<string>;
	/** first words of the runs: most positions are ruled out without building a string */
	firsts: ReadonlySet<string>;
}

export const boilerplate = (runs: readonly string[], n = DEFAULTS.n): Boilerplate => ({
	n,
	runs: new Set(runs),
	firsts: new Set(runs.map((r) => r.split(' ')[0]!))
});

/** The words without those covered by a boilerplate run. */
export function dropBoilerplate(words: readonly string[], bp: Boilerplate): string[] {
	if (bp.runs.size === 0 || words.length < bp.n) return [...words];
	const covered = new Uint8Array(words.length);
	let any = false;
	for (let i = 0; i + bp.n <= words.length; i++) {
		if (!bp.firsts.has(words[i]!)) continue;
		let s = words[i]!;
		for (let j = 1; j < bp.n; j++) s += ' ' + words[i + j]!;
		if (bp.runs.has(s)) {
			covered.fill(1, i, i + bp.n);
			any = true;
		}
	}
	return any ? words.filter((_, i) => !covered[i]) : [...words];
}
