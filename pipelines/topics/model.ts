// Topic model over complaint texts in plain TypeScript: TF-IDF on sparse vectors, spherical
// (cosine) k-means with k-means++ seeding from a seeded RNG, k chosen by the cosine silhouette on a
// sample within a range, cluster labels from the centroids' top terms, representative complaints
// closest to the centroid (confidential ones never chosen). Same input and seed, same output.
//
// Cost: scoring a document against all centroids is one pass over its non-zeros with the centroid
// matrix stored term-major (k floats per term), so an iteration is O(nnz * k). Large corpora are fit
// on a seeded sample (`fitSample`) and every document is then assigned to the nearest centroid.

import { analyse, displayTerm } from './text.ts';

// --- RNG ---------------------------------------------------------------------------------------

/** mulberry32: small, fast, seeded; good enough for sampling and seeding. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** `m` distinct indices of 0..n-1 in increasing order (all of them when m >= n). */
export function sampleIndices(n: number, m: number, seed: number): Int32Array {
	if (m >= n) return Int32Array.from({ length: n }, (_, i) => i);
	const idx = Int32Array.from({ length: n }, (_, i) => i);
	const r = rng(seed);
	for (let i = 0; i < m; i++) {
		const j = i + Math.floor(r() * (n - i));
		const t = idx[i]!;
		idx[i] = idx[j]!;
		idx[j] = t;
	}
	return idx.slice(0, m).sort();
}

// --- Vectors -----------------------------------------------------------------------------------

export interface SparseVec {
	idx: Int32Array;
	val: Float32Array;
}

export interface Vocabulary {
	terms: string[];
	index: Map<string, number>;
	/** document frequency per term */
	df: Int32Array;
	/** smooth idf: ln((1 + n) / (1 + df)) + 1 */
	idf: Float64Array;
	docs: number;
}

export interface VocabularyOptions {
	/** a term must occur in at least this many documents (default 3) */
	minDf?: number;
	/** and in at most this share of them (default 0.5) */
	maxDfRatio?: number;
	/** keep at most this many terms, the most frequent (default 20,000) */
	maxFeatures?: number;
}

export function buildVocabulary(docs: readonly (readonly string[])[], opts: VocabularyOptions = {}): Vocabulary {
	const minDf = opts.minDf ?? 3;
	const maxDf = Math.max(minDf, Math.floor((opts.maxDfRatio ?? 0.5) * docs.length));
	const counts = new Map<string, number>();
	for (const d of docs) for (const t of new Set(d)) counts.set(t, (counts.get(t) ?? 0) + 1);
	const kept = [...counts]
		.filter(([, c]) => c >= minDf && c <= maxDf)
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
		.slice(0, opts.maxFeatures ?? 20_000)
		.sort((a, b) => (a[0] < b[0] ? -1 : 1));
	const terms = kept.map(([t]) => t);
	const df = Int32Array.from(kept, ([, c]) => c);
	const idf = Float64Array.from(df, (c) => Math.log((1 + docs.length) / (1 + c)) + 1);
	return { terms, index: new Map(terms.map((t, i) => [t, i])), df, idf, docs: docs.length };
}

export type Weighting = 'tfidf' | 'count';

/** tfidf: (1 + ln tf) * idf, L2-normalised. count: raw term counts, not normalised. */
export function vectorize(doc: readonly string[], vocab: Vocabulary, weighting: Weighting = 'tfidf'): SparseVec {
	const hits: number[] = [];
	for (const t of doc) {
		const i = vocab.index.get(t);
		if (i !== undefined) hits.push(i);
	}
	hits.sort((a, b) => a - b);
	let distinct = 0;
	for (let n = 0; n < hits.length; n++) if (n === 0 || hits[n] !== hits[n - 1]) distinct++;
	const idx = new Int32Array(distinct);
	const val = new Float32Array(distinct);
	let m = -1;
	for (let n = 0; n < hits.length; n++) {
		if (n === 0 || hits[n] !== hits[n - 1]) idx[++m] = hits[n]!;
		val[m]! += 1;
	}
	if (weighting === 'tfidf') {
		let norm = 0;
		for (let n = 0; n < distinct; n++) {
			const v = (1 + Math.log(val[n]!)) * vocab.idf[idx[n]!]!;
			val[n] = v;
			norm += v * v;
		}
		if (norm > 0) {
			const s = 1 / Math.sqrt(norm);
			for (let n = 0; n < distinct; n++) val[n]! *= s;
		}
	}
	return { idx, val };
}

const sqNorm = (x: SparseVec) => {
	let s = 0;
	for (let n = 0; n < x.val.length; n++) s += x.val[n]! * x.val[n]!;
	return s;
};

// --- k-means -----------------------------------------------------------------------------------

export interface KMeansOptions {
	seed: number;
	/** cosine on L2-normalised vectors (true, default) or squared Euclidean (false, the baseline) */
	spherical?: boolean;
	maxIter?: number;
	/** restarts with different seeds; the best objective wins (default 1) */
	nInit?: number;
}

export interface KMeansResult {
	k: number;
	dims: number;
	/** term-major: centroids[t * k + j] */
	centroids: Float64Array;
	assign: Int32Array;
	/** cosine similarity (spherical) or minus squared distance (Euclidean) to the own centroid */
	score: Float64Array;
	/** sum of score (higher is better) */
	objective: number;
	iterations: number;
}

/** Scores of x against every centroid into `out` (dot products; Euclidean adds the norms). */
function scoreAll(x: SparseVec, c: Float64Array, k: number, out: Float64Array, cNorm: Float64Array | null, xNorm: number): void {
	out.fill(0);
	for (let n = 0; n < x.idx.length; n++) {
		const base = x.idx[n]! * k;
		const v = x.val[n]!;
		for (let j = 0; j < k; j++) out[j]! += v * c[base + j]!;
	}
	if (cNorm) for (let j = 0; j < k; j++) out[j] = -(xNorm - 2 * out[j]! + cNorm[j]!);
}

function centroidNorms(c: Float64Array, k: number, dims: number): Float64Array {
	const norms = new Float64Array(k);
	for (let t = 0; t < dims; t++) for (let j = 0; j < k; j++) norms[j]! += c[t * k + j]! ** 2;
	return norms;
}

function setCentroid(c: Float64Array, k: number, j: number, x: SparseVec): void {
	for (let n = 0; n < x.idx.length; n++) c[x.idx[n]! * k + j] = x.val[n]!;
}

/** k-means++: the first centre uniformly, each next one with probability proportional to D(x)^2. */
function seedPlusPlus(
	X: readonly SparseVec[],
	k: number,
	dims: number,
	spherical: boolean,
	r: () => number,
	norms: Float64Array
): Float64Array {
	const c = new Float64Array(dims * k);
	const n = X.length;
	const d2 = new Float64Array(n).fill(Infinity);
	let pick = Math.floor(r() * n);
	for (let j = 0; j < k; j++) {
		setCentroid(c, k, j, X[pick]!);
		const cx = X[pick]!;
		// distance of every x to the new centre via a dense copy of it
		const dense = new Float64Array(dims);
		for (let m = 0; m < cx.idx.length; m++) dense[cx.idx[m]!] = cx.val[m]!;
		let total = 0;
		for (let i = 0; i < n; i++) {
			const x = X[i]!;
			let dot = 0;
			for (let m = 0; m < x.idx.length; m++) dot += x.val[m]! * dense[x.idx[m]!]!;
			const d = spherical ? Math.max(0, 1 - dot) ** 2 : Math.max(0, norms[i]! - 2 * dot + norms[pick]!);
			if (d < d2[i]!) d2[i] = d;
			total += d2[i]!;
		}
		if (j === k - 1) break;
		if (total <= 0) {
			pick = Math.floor(r() * n);
			continue;
		}
		let target = r() * total;
		pick = n - 1;
		for (let i = 0; i < n; i++) {
			target -= d2[i]!;
			if (target <= 0) {
				pick = i;
				break;
			}
		}
	}
	return c;
}

function kmeansOnce(X: readonly SparseVec[], k: number, dims: number, spherical: boolean, seed: number, maxIter: number): KMeansResult {
	const n = X.length;
	const norms = Float64Array.from(X, sqNorm);
	const r = rng(seed);
	let c = seedPlusPlus(X, k, dims, spherical, r, norms);
	const assign = new Int32Array(n).fill(-1);
	const score = new Float64Array(n);
	const sims = new Float64Array(k);
	let iterations = 0;
	for (; iterations < maxIter; iterations++) {
		const cNorm = spherical ? null : centroidNorms(c, k, dims);
		let changed = 0;
		for (let i = 0; i < n; i++) {
			scoreAll(X[i]!, c, k, sims, cNorm, norms[i]!);
			let best = 0;
			for (let j = 1; j < k; j++) if (sims[j]! > sims[best]!) best = j;
			if (assign[i] !== best) changed++;
			assign[i] = best;
			score[i] = sims[best]!;
		}
		if (changed === 0 && iterations > 0) break;
		// update: sums per cluster, then normalise (spherical) or average (Euclidean)
		const next = new Float64Array(dims * k);
		const size = new Int32Array(k);
		for (let i = 0; i < n; i++) {
			const j = assign[i]!;
			size[j]!++;
			const x = X[i]!;
			for (let m = 0; m < x.idx.length; m++) next[x.idx[m]! * k + j]! += x.val[m]!;
		}
		// an empty cluster takes the worst-served document
		for (let j = 0; j < k; j++) {
			if (size[j]! > 0) continue;
			let worst = 0;
			for (let i = 1; i < n; i++) if (score[i]! < score[worst]!) worst = i;
			setCentroid(next, k, j, X[worst]!);
			size[j] = 1;
			score[worst] = Infinity;
		}
		const scale = spherical
			? centroidNorms(next, k, dims).map((s) => (s > 0 ? 1 / Math.sqrt(s) : 0))
			: Float64Array.from(size, (s) => 1 / s);
		for (let t = 0; t < dims; t++) for (let j = 0; j < k; j++) next[t * k + j]! *= scale[j]!;
		c = next;
	}
	// final scores against the final centroids
	const cNorm = spherical ? null : centroidNorms(c, k, dims);
	let objective = 0;
	for (let i = 0; i < n; i++) {
		scoreAll(X[i]!, c, k, sims, cNorm, norms[i]!);
		let best = 0;
		for (let j = 1; j < k; j++) if (sims[j]! > sims[best]!) best = j;
		assign[i] = best;
		score[i] = sims[best]!;
		objective += sims[best]!;
	}
	return { k, dims, centroids: c, assign, score, objective, iterations };
}

export function kmeans(X: readonly SparseVec[], k: number, dims: number, opts: KMeansOptions): KMeansResult {
	if (X.length === 0) throw new Error('kmeans: no documents');
	const kk = Math.max(1, Math.min(k, X.length));
	let best: KMeansResult | undefined;
	for (let run = 0; run < (opts.nInit ?? 1); run++) {
		const res = kmeansOnce(X, kk, dims, opts.spherical ?? true, (opts.seed + run * 7919) >>> 0, opts.maxIter ?? 50);
		if (!best || res.objective > best.objective) best = res;
	}
	return best!;
}

/** Nearest centroid of one vector: cluster and cosine (spherical model). */
export function nearest(x: SparseVec, centroids: Float64Array, k: number): { cluster: number; score: number } {
	const sims = new Float64Array(k);
	scoreAll(x, centroids, k, sims, null, 0);
	let best = 0;
	for (let j = 1; j < k; j++) if (sims[j]! > sims[best]!) best = j;
	return { cluster: best, score: sims[best]! };
}

// --- Silhouette --------------------------------------------------------------------------------

/** Cosine distances between L2-normalised sparse vectors, as a packed m x m matrix. */
export function cosineDistances(X: readonly SparseVec[], dims: number): Float32Array {
	const m = X.length;
	const D = new Float32Array(m * m);
	const dense = new Float64Array(dims);
	for (let a = 0; a < m; a++) {
		const xa = X[a]!;
		for (let n = 0; n < xa.idx.length; n++) dense[xa.idx[n]!] = xa.val[n]!;
		for (let b = a + 1; b < m; b++) {
			const xb = X[b]!;
			let dot = 0;
			for (let n = 0; n < xb.idx.length; n++) dot += xb.val[n]! * dense[xb.idx[n]!]!;
			const d = Math.max(0, 1 - dot);
			D[a * m + b] = d;
			D[b * m + a] = d;
		}
		for (let n = 0; n < xa.idx.length; n++) dense[xa.idx[n]!] = 0;
	}
	return D;
}

/** Mean silhouette over m points given their distance matrix and labels (singletons count 0). */
export function silhouette(D: Float32Array, labels: ArrayLike<number>, k: number): number {
	const m = labels.length;
	if (m < 2) return 0;
	const size = new Int32Array(k);
	for (let i = 0; i < m; i++) size[labels[i]!]!++;
	const sums = new Float64Array(k);
	let total = 0;
	for (let i = 0; i < m; i++) {
		sums.fill(0);
		for (let j = 0; j < m; j++) if (j !== i) sums[labels[j]!]! += D[i * m + j]!;
		const own = labels[i]!;
		if (size[own]! <= 1) continue;
		const a = sums[own]! / (size[own]! - 1);
		let b = Infinity;
		for (let c = 0; c < k; c++) if (c !== own && size[c]! > 0) b = Math.min(b, sums[c]! / size[c]!);
		if (!Number.isFinite(b)) continue;
		const s = Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
		total += s;
	}
	return total / m;
}

// --- Topic model -------------------------------------------------------------------------------

export interface TopicDoc {
	id: string;
	text: string;
	confidential?: boolean;
}

export interface TopicTerm {
	term: string;
	weight: number;
}

interface TopicCluster {
	id: number;
	label: string;
	topTerms: TopicTerm[];
	size: number;
	/** ids of the complaints closest to the centroid, confidential ones excluded */
	examples: string[];
}

interface KCandidate {
	k: number;
	silhouette: number;
}

export interface TopicModel {
	k: number;
	seed: number;
	vocab: Vocabulary;
	centroids: Float64Array;
	clusters: TopicCluster[];
	/** per input document, in input order */
	assignments: { cluster: number; score: number }[];
	kCandidates: KCandidate[];
	timings: Record<string, number>;
}

export interface FitOptions {
	seed?: number;
	/** a fixed k; otherwise chosen in kRange by silhouette */
	k?: number;
	/** candidate k values (default 6, 8, 10, 12, 15, 20, 25, 30) */
	kRange?: readonly number[];
	/** documents used to choose k (default 4,000) and to score the silhouette (default 1,500) */
	kSelectDocs?: number;
	silhouetteDocs?: number;
	/** at most this many documents are used to fit the centroids (default 40,000); all are assigned */
	fitSample?: number;
	/** k-means restarts (default 2, or 1 when more than 20,000 documents are fit) */
	nInit?: number;
	maxIter?: number;
	topTerms?: number;
	examples?: number;
	vocabulary?: VocabularyOptions;
	/** features of a text (default analyse(): stems + bigrams) */
	features?: (text: string) => string[];
	/** features already computed, one array per document in input order (then `features` is unused) */
	tokens?: readonly (readonly string[])[];
}

const DEFAULT_K_RANGE = [6, 8, 10, 12, 15, 20, 25, 30] as const;

/** Top terms of centroid j, by weight. */
function topTermsOf(centroids: Float64Array, k: number, j: number, vocab: Vocabulary, n: number): TopicTerm[] {
	const heap: TopicTerm[] = [];
	for (let t = 0; t < vocab.terms.length; t++) {
		const w = centroids[t * k + j]!;
		if (w <= 0) continue;
		if (heap.length < n || w > heap[heap.length - 1]!.weight) {
			heap.push({ term: vocab.terms[t]!, weight: w });
			heap.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
			if (heap.length > n) heap.pop();
		}
	}
	return heap;
}

/** "jalan rusak · aspal": up to three top terms, words already inside a chosen bigram skipped. */
export function labelFrom(terms: readonly TopicTerm[], max = 3): string {
	const chosen: string[] = [];
	const covered = new Set<string>();
	for (const { term } of terms) {
		const words = term.split('_');
		if (words.every((w) => covered.has(w))) continue;
		chosen.push(displayTerm(term));
		for (const w of words) covered.add(w);
		if (chosen.length === max) break;
	}
	return chosen.join(' · ') || '(kosong)';
}

/**
 * Chooses k on a sample: fits each candidate and keeps the best mean cosine silhouette (on a
 * smaller sub-sample). Returns every candidate's score.
 */
function chooseK(
	X: readonly SparseVec[],
	dims: number,
	opts: { seed: number; kRange: readonly number[]; kSelectDocs: number; silhouetteDocs: number; maxIter: number }
): { k: number; candidates: KCandidate[] } {
	const sel = sampleIndices(X.length, opts.kSelectDocs, opts.seed ^ 0x5bd1e995);
	const Xs = Array.from(sel, (i) => X[i]!).filter((x) => x.idx.length > 0);
	const sub = sampleIndices(Xs.length, opts.silhouetteDocs, opts.seed ^ 0x27d4eb2d);
	const D = cosineDistances(
		Array.from(sub, (i) => Xs[i]!),
		dims
	);
	const candidates: KCandidate[] = [];
	for (const k of opts.kRange) {
		if (k < 2 || k >= Xs.length) continue;
		const res = kmeans(Xs, k, dims, { seed: opts.seed, maxIter: opts.maxIter });
		const labels = Array.from(sub, (i) => res.assign[i]!);
		candidates.push({ k, silhouette: silhouette(D, labels, k) });
	}
	if (candidates.length === 0) return { k: Math.max(1, Math.min(2, X.length)), candidates };
	const best = candidates.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
	return { k: best.k, candidates };
}

/** Fits the topic model on documents; deterministic for a given seed. */
export function fitTopics(docs: readonly TopicDoc[], opts: FitOptions = {}): TopicModel {
	const seed = opts.seed ?? 20240601;
	const timings: Record<string, number> = {};
	let t0 = performance.now();
	const features = opts.features ?? ((t: string) => analyse(t));
	const tokens = opts.tokens ?? docs.map((d) => features(d.text));
	if (tokens.length !== docs.length) throw new Error(`tokens: ${tokens.length} arrays for ${docs.length} documents`);
	timings.analyse_ms = performance.now() - t0;

	t0 = performance.now();
	const fitIdx = sampleIndices(docs.length, opts.fitSample ?? 40_000, seed);
	const vocab = buildVocabulary(
		Array.from(fitIdx, (i) => tokens[i]!),
		opts.vocabulary
	);
	const X = tokens.map((d) => vectorize(d, vocab));
	const Xfit = Array.from(fitIdx, (i) => X[i]!);
	timings.vectorize_ms = performance.now() - t0;

	t0 = performance.now();
	const maxIter = opts.maxIter ?? 40;
	let kCandidates: KCandidate[] = [];
	let k = opts.k;
	if (k === undefined) {
		const choice = chooseK(Xfit, vocab.terms.length, {
			seed,
			kRange: opts.kRange ?? DEFAULT_K_RANGE,
			kSelectDocs: opts.kSelectDocs ?? 4_000,
			silhouetteDocs: opts.silhouetteDocs ?? 1_500,
			maxIter: 25
		});
		k = choice.k;
		kCandidates = choice.candidates;
	}
	timings.choose_k_ms = performance.now() - t0;

	t0 = performance.now();
	// two restarts on small corpora; one on large ones, where a restart costs more than it gains
	const res = kmeans(Xfit, k, vocab.terms.length, { seed, maxIter, nInit: opts.nInit ?? (Xfit.length > 20_000 ? 1 : 2) });
	k = res.k;
	timings.kmeans_ms = performance.now() - t0;

	t0 = performance.now();
	const assignments = X.map((x) => nearest(x, res.centroids, k));
	const sizes = new Int32Array(k);
	for (const a of assignments) sizes[a.cluster]!++;
	const nExamples = opts.examples ?? 5;
	const best: { i: number; score: number }[][] = Array.from({ length: k }, () => []);
	assignments.forEach((a, i) => {
		if (docs[i]!.confidential || X[i]!.idx.length === 0) return;
		const list = best[a.cluster]!;
		if (list.length < nExamples || a.score > list[list.length - 1]!.score) {
			list.push({ i, score: a.score });
			list.sort((x, y) => y.score - x.score || x.i - y.i);
			if (list.length > nExamples) list.pop();
		}
	});
	const clusters: TopicCluster[] = Array.from({ length: k }, (_, j) => {
		const topTerms = topTermsOf(res.centroids, k, j, vocab, opts.topTerms ?? 10);
		return { id: j, label: labelFrom(topTerms), topTerms, size: sizes[j]!, examples: best[j]!.map((b) => docs[b.i]!.id) };
	});
	timings.assign_ms = performance.now() - t0;
	return { k, seed, vocab, centroids: res.centroids, clusters, assignments, kCandidates, timings };
}

/** Assigns a new text to the model's nearest cluster (incremental assignment at ingest). */
export function assignText(
	model: TopicModel,
	text: string,
	features: (t: string) => string[] = (t) => analyse(t)
): { cluster: number; score: number } {
	return nearest(vectorize(features(text), model.vocab), model.centroids, model.k);
}
