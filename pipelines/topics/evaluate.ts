// Evaluation of the topic model on real labelled complaints (library part; the CLI is eval-cli.ts).
// Surabaya Media Center: clusters scored against the city's human topic label `topik`.
// LAPOR! 2017: no gold topic; cluster sizes and top terms, and NMI against a coarse grouping of
// the addressee named in the salutation (stripped from the text first, since it would leak).
// The texts go through the same feature path as `npm run topics` (features.ts). Neither corpus
// gives the boilerplate learner a category: Surabaya's category is the gold label itself and its
// OPD nearly determines it (NMI 0.73 on its own), LAPOR! 2017's addressee is its gold label.
// Complaint texts stay in memory: nothing here prints or writes them.

import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { corpusFeatures } from './features.ts';
import { complaintText } from './frame.ts';
import { displayWith } from './labels.ts';
import { fitTopics, kmeans, buildVocabulary, vectorize, type FitOptions, type KCandidate, type TopicModel } from './model.ts';
import { scores, type Scores } from './metrics.ts';
import { referencePlaceNames } from './places.ts';
import { buildTagger, themeGroups } from './themes.ts';

export type Row = Record<string, string | null>;

const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** The shared real corpora, beside the repository (../shared/data). */
export const DEFAULT_INPUT = resolve(REPO_ROOT, '../shared/data/surabaya_mediacenter/surabaya_complaints_2022_2023.csv');
export const LAPOR_INPUT = resolve(REPO_ROOT, '../shared/data/lapor_2017_corpus/lapor_2017_complaints.csv');

/** Reads a CSV (header row) as strings with DuckDB's reader. */
export async function readCsv(path: string): Promise<Row[]> {
	const inst = await DuckDBInstance.create(':memory:');
	const conn = await inst.connect();
	try {
		const q = `SELECT * FROM read_csv('${path.replaceAll("'", "''")}', header = true, all_varchar = true, quote = '"', escape = '"', max_line_size = 10000000)`;
		return (await conn.runAndReadAll(q)).getRowObjectsJS() as Row[];
	} finally {
		conn.closeSync();
		inst.closeSync();
	}
}

/** Baseline features: lower-cased words, nothing removed, no normalisation or stemming. */
const rawWords = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? [];

/**
 * Baselines on raw lower-cased words (same vocabulary cut-offs, same k and seed): raw term counts
 * with Euclidean k-means, or the plain TF-IDF with spherical k-means that any text-mining
 * toolkit gives (no cleaning, stopwords, stems, places or boilerplate).
 */
function baselineLabels(texts: readonly string[], k: number, seed: number, kind: 'counts' | 'tfidf' = 'counts'): Int32Array {
	const tokens = texts.map(rawWords);
	const vocab = buildVocabulary(tokens);
	const X = tokens.map((t) => vectorize(t, vocab, kind === 'counts' ? 'count' : 'tfidf'));
	return kmeans(X, k, vocab.terms.length, { seed, spherical: kind === 'tfidf', maxIter: 40, nInit: 2 }).assign;
}

interface ClusterSummary {
	id: number;
	label: string;
	size: number;
	top_terms: string[];
	/** most frequent gold label in the cluster and its share, when gold labels exist */
	majority?: string;
	majority_share?: number;
}

export interface EvalResult extends Scores {
	corpus: string;
	input: string;
	documents: number;
	scored: number;
	gold_classes: number;
	gold_field: string | null;
	k: number;
	k_candidates: KCandidate[];
	seed: number;
	fit_seconds: number;
	baseline: Scores & { method: string; fit_seconds: number };
	/** raw words, TF-IDF, spherical k-means at the same k: what the pipeline has to beat */
	plain: Scores & { method: string; fit_seconds: number };
	clusters: ClusterSummary[];
	/** cluster of each document, in corpus order (for checks that recompute the scores) */
	assignments: number[];
}

export interface Corpus {
	name: string;
	texts: string[];
	/** gold label per text, null where there is none */
	gold: (string | null)[];
	goldField: string | null;
	/** place names of the corpus' area (reference tables and its own location columns) */
	placeNames: string[];
}

const SURABAYA = '35.78';

/** The Surabaya columns: keluhan (text), topik (label); kecamatan and kelurahan are place names. */
export function surabayaCorpus(rows: readonly Row[]): Corpus {
	const kept = rows.filter((r) => (r.keluhan ?? '').trim() !== '');
	const own = new Set(kept.flatMap((r) => [r.kecamatan, r.kelurahan]).filter((n): n is string => !!n?.trim()));
	return {
		name: 'surabaya',
		texts: kept.map((r) => complaintText(null, r.keluhan)),
		gold: kept.map((r) => (r.topik ?? '').trim() || null),
		goldField: 'topik',
		placeNames: [...referencePlaceNames(new Set([SURABAYA])), ...own]
	};
}

/** Coarse addressee families: the kind of body addressed, not its branch or city. */
const ADDRESSEE_GROUPS: readonly [string, RegExp][] = [
	['bpjs', /bpjs/i],
	['kepolisian', /polisi|polri|polda|polres|polsek|korlantas/i],
	['pln', /\bpln\b|listrik/i],
	['pendidikan', /pendidikan|sekolah|ristek|dikti|universitas|kemdikbud/i],
	['kesehatan', /kesehatan|rumah sakit|rsud|puskesmas/i],
	['perhubungan', /perhubungan|dishub|kereta|kai\b|angkasa pura/i],
	['sosial', /sosial/i],
	['kependudukan', /kependudukan|dukcapil|catatan sipil/i],
	['pekerjaan_umum', /pekerjaan umum|pupr|bina marga|tata ruang/i],
	['kementerian_lain', /kementerian|kemen/i],
	['pemda', /pemerintah|pemkot|pemkab|pemprov|dinas|kota|kabupaten|provinsi|kecamatan|kelurahan|walikota|bupati|gubernur/i]
];

export function addresseeGroup(addressee: string | null): string | null {
	if (!addressee?.trim()) return null;
	for (const [name, re] of ADDRESSEE_GROUPS) if (re.test(addressee)) return name;
	return 'lainnya';
}

/** LAPOR! 2017: title and body (salutation and closing stripped: frame.ts), gold = addressee group. */
function laporCorpus(rows: readonly Row[]): Corpus {
	const kept = rows.filter((r) => (r.body_text ?? '').trim() !== '' || (r.title ?? '').trim() !== '');
	return {
		name: 'lapor2017',
		texts: kept.map((r) => complaintText(r.title, r.body_text)),
		gold: kept.map((r) => addresseeGroup(r.addressee_from_salutation ?? null)),
		goldField: 'addressee_from_salutation (coarse groups)',
		placeNames: referencePlaceNames()
	};
}

export function detectCorpus(rows: readonly Row[]): Corpus {
	const cols = new Set(Object.keys(rows[0] ?? {}));
	if (cols.has('keluhan')) return surabayaCorpus(rows);
	if (cols.has('body_text')) return laporCorpus(rows);
	throw new Error(
		`unknown columns (${[...cols].join(', ')}): expected the Surabaya (keluhan, topik) or LAPOR! 2017 (title, body_text) layout`
	);
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const roundScores = (s: Scores): Scores => ({ nmi: round(s.nmi), ari: round(s.ari), purity: round(s.purity) });

/** Fits, scores against the gold labels (where present) and against the baseline at the same k. */
export function evaluate(corpus: Corpus, input: string, opts: FitOptions = {}): EvalResult {
	const seed = opts.seed ?? 20240601;
	const t0 = performance.now();
	const tagger = buildTagger();
	const tags: string[][] = [];
	const f = corpusFeatures(corpus.texts, {
		placeNames: corpus.placeNames,
		seed,
		onDoc: (i, d) => (tags[i] = tagger.tagPrepared(d.prepared))
	});
	const model: TopicModel = fitTopics(
		corpus.texts.map((_, i) => ({ id: String(i), text: '' })),
		{ ...opts, seed, tokens: f.tokens, display: displayWith(f.surfaces), seedGroups: themeGroups(tagger.themes, tags) }
	);
	const fitSeconds = (performance.now() - t0) / 1000;
	let t1 = performance.now();
	const base = baselineLabels(corpus.texts, model.k, seed);
	const baseSeconds = (performance.now() - t1) / 1000;
	t1 = performance.now();
	const plain = baselineLabels(corpus.texts, model.k, seed, 'tfidf');
	const plainSeconds = (performance.now() - t1) / 1000;

	const scoredIdx = corpus.gold.flatMap((g, i) => (g === null ? [] : [i]));
	const gold = scoredIdx.map((i) => corpus.gold[i]!);
	const pred = scoredIdx.map((i) => model.assignments[i]!.cluster);
	const basePred = scoredIdx.map((i) => base[i]!);
	const plainPred = scoredIdx.map((i) => plain[i]!);

	const clusters: ClusterSummary[] = model.clusters.map((c) => {
		const counts = new Map<string, number>();
		let n = 0;
		scoredIdx.forEach((i, m) => {
			if (pred[m] !== c.id) return;
			n++;
			counts.set(gold[m]!, (counts.get(gold[m]!) ?? 0) + 1);
		});
		const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
		return {
			id: c.id,
			label: c.label,
			size: c.size,
			top_terms: c.topTerms.map((t) => displayWith(f.surfaces)(t.term)),
			...(top ? { majority: top[0], majority_share: round(top[1] / n) } : {})
		};
	});
	return {
		corpus: corpus.name,
		input,
		documents: corpus.texts.length,
		scored: scoredIdx.length,
		gold_classes: new Set(gold).size,
		gold_field: corpus.goldField,
		k: model.k,
		k_candidates: model.kCandidates.map((c) => ({ k: c.k, stability: round(c.stability), coverage: round(c.coverage) })),
		seed,
		fit_seconds: round(fitSeconds),
		...roundScores(scores(pred, gold)),
		baseline: {
			method: 'raw term counts + Euclidean k-means (same k, seed)',
			fit_seconds: round(baseSeconds),
			...roundScores(scores(basePred, gold))
		},
		plain: {
			method: 'raw words, TF-IDF + spherical k-means (same k, seed)',
			fit_seconds: round(plainSeconds),
			...roundScores(scores(plainPred, gold))
		},
		clusters,
		assignments: model.assignments.map((a) => a.cluster)
	};
}
