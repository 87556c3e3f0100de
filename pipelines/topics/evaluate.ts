// Evaluation of the topic model on real labelled complaints (library part; the CLI is eval-cli.ts).
// Surabaya Media Center: clusters scored against the city's human topic label `topik`.
// LAPOR! 2017: no gold topic; cluster sizes and top terms, and NMI against a coarse grouping of
// the addressee named in the salutation (stripped from the text first, since it would leak).
// Complaint texts stay in memory: nothing here prints or writes them.

import { DuckDBInstance } from '@duckdb/node-api';
import { fitTopics, kmeans, buildVocabulary, vectorize, type FitOptions, type TopicModel } from './model.ts';
import { scores, type Scores } from './metrics.ts';

export type Row = Record<string, string | null>;

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

/** Baseline: raw term counts (same vocabulary cut-offs) and Euclidean k-means with the same k and seed. */
function baselineLabels(texts: readonly string[], k: number, seed: number): Int32Array {
	const tokens = texts.map(rawWords);
	const vocab = buildVocabulary(tokens);
	const X = tokens.map((t) => vectorize(t, vocab, 'count'));
	return kmeans(X, k, vocab.terms.length, { seed, spherical: false, maxIter: 40, nInit: 2 }).assign;
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
	k_candidates: { k: number; silhouette: number }[];
	seed: number;
	fit_seconds: number;
	baseline: Scores & { method: string; fit_seconds: number };
	clusters: ClusterSummary[];
}

export interface Corpus {
	name: string;
	texts: string[];
	/** gold label per text, null where there is none */
	gold: (string | null)[];
	goldField: string | null;
}

/** The Surabaya columns: keluhan (text), topik (label). */
function surabayaCorpus(rows: readonly Row[]): Corpus {
	const kept = rows.filter((r) => (r.keluhan ?? '').trim() !== '');
	return {
		name: 'surabaya',
		texts: kept.map((r) => r.keluhan!),
		gold: kept.map((r) => (r.topik ?? '').trim() || null),
		goldField: 'topik'
	};
}

const SALUTATION = /^\s*(yth|kepada)\.?[^,\n]*[,\n]/i;
const CLOSING = /mohon\s+(ditindaklanjuti|informasinya|dipertimbangkan)\W*$/i;

/** LAPOR! body without the "Yth. <agency>," line and the closing phrase (both leak the derived labels). */
export function stripLaporFrame(body: string): string {
	return body.trim().replace(SALUTATION, ' ').replace(CLOSING, ' ');
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

function laporCorpus(rows: readonly Row[]): Corpus {
	const kept = rows.filter((r) => (r.body_text ?? '').trim() !== '' || (r.title ?? '').trim() !== '');
	return {
		name: 'lapor2017',
		texts: kept.map((r) => `${r.title ?? ''}. ${stripLaporFrame(r.body_text ?? '')}`),
		gold: kept.map((r) => addresseeGroup(r.addressee_from_salutation ?? null)),
		goldField: 'addressee_from_salutation (coarse groups)'
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
	const model: TopicModel = fitTopics(
		corpus.texts.map((text, i) => ({ id: String(i), text })),
		{ ...opts, seed }
	);
	const fitSeconds = (performance.now() - t0) / 1000;
	const t1 = performance.now();
	const base = baselineLabels(corpus.texts, model.k, seed);
	const baseSeconds = (performance.now() - t1) / 1000;

	const scoredIdx = corpus.gold.flatMap((g, i) => (g === null ? [] : [i]));
	const gold = scoredIdx.map((i) => corpus.gold[i]!);
	const pred = scoredIdx.map((i) => model.assignments[i]!.cluster);
	const basePred = scoredIdx.map((i) => base[i]!);

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
			top_terms: c.topTerms.map((t) => t.term.replaceAll('_', ' ')),
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
		k_candidates: model.kCandidates.map((c) => ({ k: c.k, silhouette: round(c.silhouette) })),
		seed,
		fit_seconds: round(fitSeconds),
		...roundScores(scores(pred, gold)),
		baseline: {
			method: 'raw term counts + Euclidean k-means (same k, seed)',
			fit_seconds: round(baseSeconds),
			...roundScores(scores(basePred, gold))
		},
		clusters
	};
}
