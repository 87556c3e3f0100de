// Agreement between a clustering and gold labels: normalised mutual information (arithmetic
// mean normalisation, as scikit-learn's default), adjusted Rand index (Hubert & Arabie) and purity.
// Pure functions over two equally long label arrays (any string/number labels).

type Label = string | number;

interface Table {
	n: number;
	/** counts[p][g] for predicted cluster p and gold class g, both as dense ids */
	counts: number[][];
	rows: number[];
	cols: number[];
}

function ids(labels: readonly Label[]): { id: Int32Array; size: number } {
	const map = new Map<Label, number>();
	const id = Int32Array.from(labels, (l) => {
		let v = map.get(l);
		if (v === undefined) map.set(l, (v = map.size));
		return v;
	});
	return { id, size: map.size };
}

function contingency(pred: readonly Label[], gold: readonly Label[]): Table {
	if (pred.length !== gold.length) throw new Error(`label arrays differ in length: ${pred.length} vs ${gold.length}`);
	const p = ids(pred);
	const g = ids(gold);
	const counts = Array.from({ length: p.size }, () => new Array<number>(g.size).fill(0));
	const rows = new Array<number>(p.size).fill(0);
	const cols = new Array<number>(g.size).fill(0);
	for (let i = 0; i < pred.length; i++) {
		counts[p.id[i]!]![g.id[i]!]!++;
		rows[p.id[i]!]!++;
		cols[g.id[i]!]!++;
	}
	return { n: pred.length, counts, rows, cols };
}

const entropy = (counts: Iterable<number>, n: number) => {
	let h = 0;
	for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
	return h;
};

/** NMI = I(P;G) / ((H(P) + H(G)) / 2); 1 when both are a single identical partition. */
export function nmi(pred: readonly Label[], gold: readonly Label[]): number {
	const t = contingency(pred, gold);
	if (t.n === 0) return 0;
	const hp = entropy(t.rows, t.n);
	const hg = entropy(t.cols, t.n);
	if (hp === 0 && hg === 0) return 1;
	let mi = 0;
	t.counts.forEach((row, p) =>
		row.forEach((c, g) => {
			if (c > 0) mi += (c / t.n) * Math.log((c * t.n) / (t.rows[p]! * t.cols[g]!));
		})
	);
	const denom = (hp + hg) / 2;
	return denom > 0 ? Math.max(0, mi / denom) : 0;
}

const comb2 = (x: number) => (x * (x - 1)) / 2;

/** Adjusted Rand index: (index - expected) / (max - expected); 1 for identical partitions. */
export function ari(pred: readonly Label[], gold: readonly Label[]): number {
	const t = contingency(pred, gold);
	if (t.n < 2) return 1;
	let index = 0;
	for (const row of t.counts) for (const c of row) index += comb2(c);
	let sa = 0;
	for (const c of t.rows) sa += comb2(c);
	let sb = 0;
	for (const c of t.cols) sb += comb2(c);
	const expected = (sa * sb) / comb2(t.n);
	const max = (sa + sb) / 2;
	if (max === expected) return 1;
	return (index - expected) / (max - expected);
}

/** Purity: share of items in their cluster's majority gold class. */
export function purity(pred: readonly Label[], gold: readonly Label[]): number {
	const t = contingency(pred, gold);
	if (t.n === 0) return 0;
	let s = 0;
	for (const row of t.counts) s += Math.max(...row);
	return s / t.n;
}

export interface Scores {
	nmi: number;
	ari: number;
	purity: number;
}

export const scores = (pred: readonly Label[], gold: readonly Label[]): Scores => ({
	nmi: nmi(pred, gold),
	ari: ari(pred, gold),
	purity: purity(pred, gold)
});
