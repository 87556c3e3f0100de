// Topic model over complaint texts in plain TypeScript: TF-IDF on sparse vectors, spherical
// (cosine) k-means with k-means++ seeding from a seeded RNG (after any given centres, e.g. one per
// policy theme), k chosen for stability and coverage on a sample within a range, one refit with
// terms weighted by how concentrated they are over the first fit's clusters, cluster labels from the
// centroids' top terms, representative complaints closest to the centroid. Confidential complaints
// are assigned but never learned from: the vocabulary, the centroids (so top terms and labels) and
// the examples come from the others. Same input and seed, same output.
//
// Cost: scoring a document against all centroids is one pass over its non-zeros with the centroid
// matrix stored term-major (k floats per term), so an iteration is O(nnz * k). Large corpora are fit
// on a seeded sample (`fitSample`) and every document is then assigned to the nearest centroid.

import { displayWith, labelFrom } from './labels.ts';
import { nmi } from './metrics.ts';
import { analyse } from './text.ts';

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

/** Indices of the learnable documents (all when not given), sampled down to `max`, seeded, increasing. */
export function learnSample(learnable: readonly boolean[] | undefined, n: number, max: number, seed: number): number[] {
	const pool = learnable ? learnable.flatMap((ok, i) => (ok ? [i] : [])) : Array.from({ length: n }, (_, i) => i);
	return Array.from(sampleIndices(pool.length, max, seed), (j) => pool[j]!);
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
	/** first centres, given (spherical: L2-normalised); k-means++ picks the rest */
	init?: readonly SparseVec[];
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

/** k-means++ after the given centres: the first centre uniformly (when none is given), each next one with probability proportional to D(x)^2. */
function seedPlusPlus(
	X: readonly SparseVec[],
	k: number,
	dims: number,
	spherical: boolean,
	r: () => number,
	norms: Float64Array,
	init: readonly SparseVec[] = []
): Float64Array {
	const c = new Float64Array(dims * k);
	const n = X.length;
	const d2 = new Float64Array(n).fill(Infinity);
	let pick = Math.floor(r() * n);
	for (let j = 0; j < k; j++) {
		const cx = j < init.length ? init[j]! : X[pick]!;
		setCentroid(c, k, j, cx);
		const cxNorm = j < init.length ? sqNorm(cx) : norms[pick]!;
		// distance of every x to the new centre via a dense copy of it
		const dense = new Float64Array(dims);
		for (let m = 0; m < cx.idx.length; m++) dense[cx.idx[m]!] = cx.val[m]!;
		let total = 0;
		for (let i = 0; i < n; i++) {
			const x = X[i]!;
			let dot = 0;
			for (let m = 0; m < x.idx.length; m++) dot += x.val[m]! * dense[x.idx[m]!]!;
			const d = spherical ? Math.max(0, 1 - dot) ** 2 : Math.max(0, norms[i]! - 2 * dot + cxNorm);
			if (d < d2[i]!) d2[i] = d;
			total += d2[i]!;
		}
		if (j === k - 1 || j + 1 < init.length) continue;
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

function kmeansOnce(
	X: readonly SparseVec[],
	k: number,
	dims: number,
	spherical: boolean,
	seed: number,
	maxIter: number,
	init?: readonly SparseVec[]
): KMeansResult {
	const n = X.length;
	const norms = Float64Array.from(X, sqNorm);
	const r = rng(seed);
	let c = seedPlusPlus(X, k, dims, spherical, r, norms, init?.slice(0, k));
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
		const res = kmeansOnce(X, kk, dims, opts.spherical ?? true, (opts.seed + run * 7919) >>> 0, opts.maxIter ?? 50, opts.init);
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

// --- Topic model -------------------------------------------------------------------------------

export interface TopicDoc {
	id: string;
	text: string;
	confidential?: boolean;
}

interface TopicTerm {
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

export interface KCandidate {
	k: number;
	/** agreement (NMI) of two k-means runs with different seeds on the same documents */
	stability: number;
	/** share of documents within cosine COVERAGE_COSINE of their centroid */
	coverage: number;
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
	/** a fixed k; otherwise chosen in kRange for stability and coverage (chooseK) */
	k?: number;
	/** candidate k values (default DEFAULT_K_RANGE) */
	kRange?: readonly number[];
	/** documents used to choose k (default 4,000) */
	kSelectDocs?: number;
	/** refit once with terms weighted by how concentrated they are over the first fit's clusters (default true) */
	reweight?: boolean;
	/**
	 * groups of documents (indices) that each seed one centre with their mean, e.g. the complaints
	 * of each policy theme; groups with fewer than SEED_MIN_DOCS learnable documents are ignored
	 */
	seedGroups?: readonly (readonly number[])[];
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
	/** a term as a label shows it (default: words of a bigram joined by a space) */
	display?: (term: string) => string;
}

const DEFAULT_K_RANGE = [6, 10, 15, 20, 25, 30, 35, 40] as const;
/** a document is covered by its cluster when its cosine to the centroid is at least this */
const COVERAGE_COSINE = 0.2;

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

/**
 * Chooses k on a sample for stability and coverage. Each candidate is fitted twice with different
 * seeds: stability is the agreement (NMI) of the two partitions, coverage the share of documents
 * within cosine COVERAGE_COSINE of their centroid. Coverage only grows with k, so k is the smallest
 * candidate reaching 95 % of the coverage of the largest one, among the stable candidates
 * (stability at least 80 % of the best). Silhouette, used before, is nearly flat on complaint text
 * (0.02–0.03 for every k) and always picked the largest k.
 */
export function chooseK(
	X: readonly SparseVec[],
	dims: number,
	opts: { seed: number; kRange: readonly number[]; kSelectDocs: number; maxIter: number; coverageCosine?: number }
): { k: number; candidates: KCandidate[] } {
	const sel = sampleIndices(X.length, opts.kSelectDocs, opts.seed ^ 0x5bd1e995);
	const Xs = Array.from(sel, (i) => X[i]!).filter((x) => x.idx.length > 0);
	const candidates: KCandidate[] = [];
	for (const k of opts.kRange) {
		if (k < 2 || k >= Xs.length) continue;
		const a = kmeans(Xs, k, dims, { seed: opts.seed, maxIter: opts.maxIter });
		const b = kmeans(Xs, k, dims, { seed: opts.seed + 1, maxIter: opts.maxIter });
		let covered = 0;
		for (const s of a.score) if (s >= (opts.coverageCosine ?? COVERAGE_COSINE)) covered++;
		candidates.push({ k, stability: nmi(Array.from(a.assign), Array.from(b.assign)), coverage: covered / Xs.length });
	}
	if (candidates.length === 0) return { k: Math.max(1, Math.min(2, X.length)), candidates };
	const bestStability = Math.max(...candidates.map((c) => c.stability));
	const stable = candidates.filter((c) => c.stability >= 0.8 * bestStability);
	const target = 0.95 * Math.max(...stable.map((c) => c.coverage));
	return { k: stable.find((c) => c.coverage >= target)!.k, candidates };
}

/** a term may spread over this many clusters' worth (exp of its cluster entropy) at full weight */
const SPREAD_FREE = 5;

/**
 * Term weights from a first fit: a term whose documents spread over at most SPREAD_FREE clusters'
 * worth (exp of its cluster entropy) keeps weight 1; one spread over more loses weight as
 * sqrt(SPREAD_FREE / spread), down to sqrt(5 / k) for a term spread evenly over all. Generic
 * complaint words ("pemerintah", "bantuan", "wilayah") lose weight; a topic's words keep it even
 * when the topic took several clusters (bansos: BST, sembako, PKH). Measured: +0.02 NMI on Surabaya
 * at every k; the stricter 1 - entropy/ln k gave the same there but scattered the sample's COVID
 * bansos complaints (pipelines/topics/README.md).
 */
export function concentrationWeights(X: readonly SparseVec[], assign: Int32Array, k: number, dims: number): Float64Array {
	const counts = new Float64Array(dims * k);
	const df = new Float64Array(dims);
	X.forEach((x, i) => {
		for (let n = 0; n < x.idx.length; n++) {
			counts[x.idx[n]! * k + assign[i]!]!++;
			df[x.idx[n]!]!++;
		}
	});
	const w = new Float64Array(dims).fill(1);
	if (k < 2) return w;
	for (let t = 0; t < dims; t++) {
		if (df[t] === 0) continue;
		let h = 0;
		for (let j = 0; j < k; j++) {
			const p = counts[t * k + j]! / df[t]!;
			if (p > 0) h -= p * Math.log(p);
		}
		w[t] = Math.sqrt(Math.min(1, SPREAD_FREE / Math.exp(h)));
	}
	return w;
}

/** a seed group needs this many documents in the fit to seed a centre */
const SEED_MIN_DOCS = 10;

/** The L2-normalised mean of sparse vectors. */
export function meanVector(xs: readonly SparseVec[]): SparseVec {
	const sum = new Map<number, number>();
	for (const x of xs) for (let n = 0; n < x.idx.length; n++) sum.set(x.idx[n]!, (sum.get(x.idx[n]!) ?? 0) + x.val[n]!);
	const idx = Int32Array.from([...sum.keys()].sort((a, b) => a - b));
	const val = Float32Array.from(idx, (t) => sum.get(t)!);
	let norm = 0;
	for (const v of val) norm += v * v;
	if (norm > 0) for (let n = 0; n < val.length; n++) val[n]! /= Math.sqrt(norm);
	return { idx, val };
}

/** x with each term's value scaled by w[term], L2-normalised again. */
function rescale(x: SparseVec, w: Float64Array): SparseVec {
	const val = new Float32Array(x.val.length);
	let norm = 0;
	for (let n = 0; n < val.length; n++) {
		val[n] = x.val[n]! * w[x.idx[n]!]!;
		norm += val[n]! * val[n]!;
	}
	if (norm > 0) for (let n = 0; n < val.length; n++) val[n]! /= Math.sqrt(norm);
	return { idx: x.idx, val };
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
	// confidential complaints never shape the model: not in the vocabulary, not in a centroid
	const fitIdx = learnSample(
		docs.map((d) => !d.confidential),
		docs.length,
		opts.fitSample ?? 40_000,
		seed
	);
	if (fitIdx.length === 0) throw new Error('no documents the model may learn from (all confidential?)');
	let vocab = buildVocabulary(
		fitIdx.map((i) => tokens[i]!),
		opts.vocabulary
	);
	let X = tokens.map((d) => vectorize(d, vocab));
	timings.vectorize_ms = performance.now() - t0;

	t0 = performance.now();
	const maxIter = opts.maxIter ?? 40;
	const dims = vocab.terms.length;
	let kCandidates: KCandidate[] = [];
	let k = opts.k;
	if (k === undefined) {
		const choice = chooseK(
			fitIdx.map((i) => X[i]!),
			dims,
			{ seed, kRange: opts.kRange ?? DEFAULT_K_RANGE, kSelectDocs: opts.kSelectDocs ?? 4_000, maxIter: 20 }
		);
		k = choice.k;
		kCandidates = choice.candidates;
	}
	timings.choose_k_ms = performance.now() - t0;

	t0 = performance.now();
	// two restarts on small corpora; one on large ones, where a restart costs more than it gains
	const kOpts = { seed, maxIter, nInit: opts.nInit ?? (fitIdx.length > 20_000 ? 1 : 2) };
	const inFit = new Set(fitIdx);
	const groups = (opts.seedGroups ?? []).map((g) => g.filter((i) => inFit.has(i))).filter((g) => g.length >= SEED_MIN_DOCS);
	// the first fit only weighs the terms: a dozen iterations are enough (same NMI on Surabaya, 25 % less k-means time)
	let res = kmeans(
		fitIdx.map((i) => X[i]!),
		k,
		dims,
		{ ...kOpts, maxIter: Math.min(maxIter, 12), init: groups.map((g) => meanVector(g.map((i) => X[i]!))) }
	);
	if (opts.reweight ?? true) {
		// the stored idf carries the weight, so vectorize() with this vocabulary gives the reweighted vectors
		const w = concentrationWeights(
			fitIdx.map((i) => X[i]!),
			res.assign,
			res.k,
			dims
		);
		vocab = { ...vocab, idf: vocab.idf.map((v, t) => v * w[t]!) };
		X = X.map((x) => rescale(x, w));
		res = kmeans(
			fitIdx.map((i) => X[i]!),
			k,
			dims,
			{ ...kOpts, init: groups.map((g) => meanVector(g.map((i) => X[i]!))) }
		);
	}
	timings.kmeans_ms = performance.now() - t0;

	t0 = performance.now();
	const kFit = res.k;
	let centroids = res.centroids;
	let assignments = X.map((x) => nearest(x, res.centroids, kFit));
	let sizes = new Int32Array(kFit);
	for (const a of assignments) sizes[a.cluster]!++;
	// a centre nothing is nearest to (k above what the learnable texts hold) is no topic: dropped
	const kept = Array.from({ length: kFit }, (_, j) => j).filter((j) => sizes[j]! > 0);
	if (kept.length < kFit) {
		const next = new Float64Array(dims * kept.length);
		for (let t = 0; t < dims; t++) kept.forEach((j, jj) => (next[t * kept.length + jj] = res.centroids[t * kFit + j]!));
		const renumber = new Int32Array(kFit).fill(-1);
		kept.forEach((j, jj) => (renumber[j] = jj));
		assignments = assignments.map((a) => ({ cluster: renumber[a.cluster]!, score: a.score }));
		sizes = Int32Array.from(kept, (j) => sizes[j]!);
		centroids = next;
	}
	k = kept.length;
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
	const display = opts.display ?? displayWith(null);
	const clusters: TopicCluster[] = Array.from({ length: k }, (_, j) => {
		const topTerms = topTermsOf(centroids, k, j, vocab, opts.topTerms ?? 10);
		return { id: j, label: labelFrom(topTerms, display), topTerms, size: sizes[j]!, examples: best[j]!.map((b) => docs[b.i]!.id) };
	});
	timings.assign_ms = performance.now() - t0;
	return { k, seed, vocab, centroids, clusters, assignments, kCandidates, timings };
}

/** Assigns a new text to the model's nearest cluster (incremental assignment at ingest). */
export function assignText(
	model: TopicModel,
	text: string,
	features: (t: string) => string[] = (t) => analyse(t)
): { cluster: number; score: number } {
	return nearest(vectorize(features(text), model.vocab), model.centroids, model.k);
}
