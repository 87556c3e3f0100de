// Stable cluster ids across refits: a new cluster keeps the id of the previous fit's cluster whose
// top terms it resembles (cosine of the top-term weight vectors >= threshold, greedy best pairs
// first); a topic with no match gets a fresh id above every id used before, so an id never
// changes meaning.

export interface TermWeights {
	terms: readonly { term: string; weight: number }[];
}

export function termCosine(a: TermWeights, b: TermWeights): number {
	const wb = new Map(b.terms.map((t) => [t.term, t.weight]));
	let dot = 0;
	for (const t of a.terms) dot += t.weight * (wb.get(t.term) ?? 0);
	const na = Math.hypot(...a.terms.map((t) => t.weight));
	const nb = Math.hypot(...b.terms.map((t) => t.weight));
	return na > 0 && nb > 0 ? dot / (na * nb) : 0;
}

/** Ids for `next` (in order): matched previous ids or fresh ones from max(previous id, maxUsed) + 1. */
export function stableIds(
	previous: readonly (TermWeights & { id: number })[],
	next: readonly TermWeights[],
	opts: { threshold?: number; maxUsed?: number } = {}
): number[] {
	const threshold = opts.threshold ?? 0.5;
	const pairs: { p: number; n: number; sim: number }[] = [];
	previous.forEach((p, pi) =>
		next.forEach((n, ni) => {
			const sim = termCosine(p, n);
			if (sim >= threshold) pairs.push({ p: pi, n: ni, sim });
		})
	);
	pairs.sort((a, b) => b.sim - a.sim || a.n - b.n || a.p - b.p);
	const ids = new Array<number>(next.length).fill(-1);
	const usedPrev = new Set<number>();
	for (const { p, n } of pairs) {
		if (ids[n] !== -1 || usedPrev.has(p)) continue;
		ids[n] = previous[p]!.id;
		usedPrev.add(p);
	}
	let fresh = Math.max(opts.maxUsed ?? -1, ...previous.map((p) => p.id)) + 1;
	return ids.map((id) => (id === -1 ? fresh++ : id));
}
