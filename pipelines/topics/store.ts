// Fits the topic model on the warehouse's complaint texts and writes clusters, assignments,
// examples and policy-theme tags into DuckDB in ONE transaction (the previous fit is replaced).
// The tables belong to this module (not schema.sql) and are created IF NOT EXISTS.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { csvField } from '../../src/lib/core/csv.ts';
import { boilerplate } from './boilerplate.ts';
import { corpusFeatures, docFeatures, type TextModel } from './features.ts';
import { complaintText } from './frame.ts';
import { clusterLabels, clusterTheme, displayWith } from './labels.ts';
import { fitTopics, nearest, vectorize, type FitOptions, type KCandidate, type TopicModel, type Vocabulary } from './model.ts';
import { placeIndex, placeList, referencePlaceNames } from './places.ts';
import { themeSpikes } from './spikes-warehouse.ts';
import { stableIds } from './stable-ids.ts';
import { TOPIC_TABLES } from '../../src/lib/core/tables.ts';
import { buildTagger, themeGroups, themeWords } from './themes.ts';

export const TOPIC_TABLES_SQL = `
-- cluster_id is stable across refits where the topic is the same (pipelines/topics/stable-ids.ts).
CREATE TABLE IF NOT EXISTS topic_clusters (
  cluster_id INTEGER PRIMARY KEY,
  label      VARCHAR NOT NULL,          -- top terms as written, e.g. 'lampu jalan · padam', after the theme's name: 'PJU: padam · mati'
  top_terms  JSON NOT NULL,             -- [{"term": "lampu jalan", "weight": 0.31}, ...], words as citizens wrote them
  size       INTEGER NOT NULL
);
ALTER TABLE topic_clusters ADD COLUMN IF NOT EXISTS label_en VARCHAR;  -- the label for the English UI (theme name in English)
ALTER TABLE topic_clusters ADD COLUMN IF NOT EXISTS theme VARCHAR;     -- themes.json id most of its complaints carry, or NULL
-- One row per complaint in the fit: nearest cluster and its cosine similarity.
CREATE TABLE IF NOT EXISTS complaint_topics (
  tracking_id VARCHAR NOT NULL,
  cluster_id  INTEGER NOT NULL,
  score       DOUBLE NOT NULL
);
-- Complaints closest to each centroid; confidential complaints are never examples.
CREATE TABLE IF NOT EXISTS topic_examples (
  cluster_id  INTEGER NOT NULL,
  tracking_id VARCHAR NOT NULL,
  rank        INTEGER NOT NULL
);
-- Curated policy themes (src/lib/core/themes.json), independent of the clusters.
CREATE TABLE IF NOT EXISTS complaint_themes (
  tracking_id VARCHAR NOT NULL,
  theme       VARCHAR NOT NULL
);
-- One row: the fit the tables above come from.
CREATE TABLE IF NOT EXISTS topic_fit (
  fitted_at    TIMESTAMP NOT NULL,
  k            INTEGER NOT NULL,
  seed         BIGINT NOT NULL,
  documents    BIGINT NOT NULL,
  vocabulary   INTEGER NOT NULL,
  k_candidates JSON NOT NULL,
  fit_seconds  DOUBLE NOT NULL,
  max_cluster_id INTEGER NOT NULL,      -- highest cluster id ever used: fresh ids start above it
  cluster_ids  INTEGER[]                -- cluster id of each position in topic_terms.weights
);
ALTER TABLE topic_fit ADD COLUMN IF NOT EXISTS max_cluster_id INTEGER DEFAULT -1;
ALTER TABLE topic_fit ADD COLUMN IF NOT EXISTS cluster_ids INTEGER[];
-- What the fit learned about the texts (features.ts): place names and boilerplate runs it drops,
-- {"places": [...], "boilerplate": [...], "n": 3}; --assign-new drops the same ones.
ALTER TABLE topic_fit ADD COLUMN IF NOT EXISTS text_model JSON;
-- The fitted model, for assigning new complaints without a refit (assignNew): the vocabulary
-- with its idf and each term's centroid weight per cluster (in topic_fit.cluster_ids order).
CREATE TABLE IF NOT EXISTS topic_terms (
  term    VARCHAR NOT NULL,
  idf     DOUBLE NOT NULL,
  weights FLOAT[] NOT NULL
);
-- Spikes of the policy themes per kab/kota and month (spikes-warehouse.ts themeSpikes), recomputed
-- with every write of complaint_themes, so pages read them instead of scoring every series per request.
CREATE TABLE IF NOT EXISTS topic_spikes (
  theme         VARCHAR NOT NULL,
  regency_code  VARCHAR NOT NULL,
  start_month   DATE NOT NULL,          -- first flagged month
  peak_month    DATE NOT NULL,          -- month with the largest excess
  end_month     DATE NOT NULL,          -- last flagged month of the run
  peak_count    INTEGER NOT NULL,       -- observed complaints in the peak month
  baseline      DOUBLE NOT NULL,        -- expected level at the start
  peak_baseline DOUBLE NOT NULL,        -- expected level at the peak
  ratio         DOUBLE NOT NULL,        -- peak_count / max(peak_baseline, 1)
  excess        DOUBLE NOT NULL,        -- complaints above the expected level over the run
  max_z         DOUBLE NOT NULL
);
`;

/** Columns added after the first fits: a model without them is refitted by `--if-missing`. */
const NEWER_COLUMNS: readonly [string, string][] = [
	['topic_clusters', 'label_en'],
	['topic_fit', 'text_model']
];

/** True when the warehouse holds a fitted topic model: every topic table, and topic_fit's row
 * (a fit made before a table or column was added counts as none, so `--if-missing` refits). */
export async function hasTopicModel(conn: DuckDBConnection): Promise<boolean> {
	const r = await conn.runAndReadAll(
		`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name IN (${TOPIC_TABLES.map(lit).join(', ')})`
	);
	if (r.getRowObjectsJS()[0]?.n !== TOPIC_TABLES.length) return false;
	const cols = await conn.runAndReadAll(
		`SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_schema = 'main' AND (table_name, column_name) IN (${NEWER_COLUMNS.map(([t, c]) => `(${lit(t)}, ${lit(c)})`).join(', ')})`
	);
	if (cols.getRowObjectsJS()[0]?.n !== NEWER_COLUMNS.length) return false;
	return (
		(await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM topic_fit WHERE text_model IS NOT NULL')).getRowObjectsJS()[0]?.n !== 0
	);
}

export interface TopicsSummary {
	documents: number;
	k: number;
	k_candidates: KCandidate[];
	fit_seconds: number;
	write_seconds: number;
	timings_ms: Record<string, number>;
	/** Wall time per stage (read, text, themes, fit, assignment, write, spikes) and in all. */
	stages_ms: Record<string, number>;
	clusters: { id: number; label: string; size: number }[];
	themes: Record<string, number>;
}

interface ComplaintText {
	tracking_id: string;
	/** title and body without their frame (frame.ts complaintText) */
	text: string;
	confidential: boolean;
	/** category_top, else the agency: what the boilerplate must be spread across */
	category: string | null;
}

async function readComplaints(conn: DuckDBConnection, onlyNew = false): Promise<ComplaintText[]> {
	// categories when most complaints have one, else agencies (LAPOR! 2017 has no categories)
	const [shares] = (
		await conn.runAndReadAll(
			`SELECT avg((category_top IS NOT NULL)::INTEGER) AS c, avg((agency_name IS NOT NULL)::INTEGER) AS a FROM complaints WHERE status <> 'dihapus'`
		)
	).getRowObjectsJS();
	const category = Number(shares?.c ?? 0) >= 0.5 ? 'category_top' : Number(shares?.a ?? 0) >= 0.5 ? 'agency_name' : 'NULL';
	// columns, not row objects: 4x faster to bring 300k texts into JS
	const cols = (
		await conn.runAndReadAll(`
		SELECT tracking_id, title, body, is_confidential, ${category} AS category
		FROM complaints
		WHERE status <> 'dihapus' ${onlyNew ? 'AND tracking_id NOT IN (SELECT tracking_id FROM complaint_topics)' : ''}
		ORDER BY tracking_id`)
	).getColumnsJS();
	const [ids = [], titles = [], bodies = [], confidential = [], categories = []] = cols;
	return ids.map((id, i) => ({
		tracking_id: String(id),
		text: complaintText(titles[i] as string | null, bodies[i] as string | null),
		confidential: confidential[i] === true,
		category: categories[i] === null || categories[i] === undefined ? null : String(categories[i])
	}));
}

/**
 * Place names of the warehouse's area: provinces, kab/kota and the kecamatan of the kab/kota it
 * holds (reference tables), kecamatan as written, and kelurahan/desa columns an export carried
 * (kept in `extra`, e.g. Surabaya's `kelurahan`).
 */
async function warehousePlaceNames(conn: DuckDBConnection): Promise<string[]> {
	const values = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => String(r.v));
	const regencies = await values(`SELECT DISTINCT regency_code AS v FROM complaints WHERE regency_code IS NOT NULL`);
	const districts = await values(`SELECT DISTINCT district_name AS v FROM complaints WHERE district_name IS NOT NULL`);
	const villages = await values(`
		SELECT DISTINCT v FROM (
			SELECT extra ->> k AS v FROM (SELECT extra, unnest(json_keys(extra)) AS k FROM complaints WHERE extra IS NOT NULL)
			WHERE regexp_matches(k, '(?i)kelurahan|desa|village')
		) WHERE v IS NOT NULL AND length(v) BETWEEN 3 AND 60`);
	return [...referencePlaceNames(new Set(regencies)), ...districts, ...villages];
}

const storedTextModel = (tm: TextModel) =>
	JSON.stringify({ places: placeList(tm.places), boilerplate: [...tm.boilerplate.runs].sort(), n: tm.boilerplate.n });

function parseTextModel(json: string | null): TextModel {
	const o = (json ? JSON.parse(json) : {}) as { places?: string[]; boilerplate?: string[]; n?: number };
	return { places: placeIndex((o.places ?? []).map((p) => p.split(' '))), boilerplate: boilerplate(o.boilerplate ?? [], o.n) };
}

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

function writeCsv(path: string, header: string[], rows: Iterable<(string | number)[]>): void {
	const lines = [header.join(',')];
	for (const r of rows) lines.push(r.map((v) => csvField(String(v))).join(','));
	writeFileSync(path, lines.join('\n') + '\n');
}

/** Fits on the complaints in `conn` and replaces the topic tables in one transaction. */
export async function runTopics(conn: DuckDBConnection, opts: FitOptions = {}): Promise<TopicsSummary> {
	const tStart = performance.now();
	await conn.run(TOPIC_TABLES_SQL);
	const complaints = await readComplaints(conn);
	if (complaints.length === 0) throw new Error('no complaints in the warehouse: run npm run ingest first');
	const seed = opts.seed ?? 20240601;
	const placeNames = await warehousePlaceNames(conn);
	const t0 = performance.now();
	const stages: Record<string, number> = { read: t0 - tStart };
	// one text pass shared by the topic features and the theme tagger
	const tagger = buildTagger();
	const tags: string[][] = [];
	let tagMs = 0;
	const f = corpusFeatures(
		complaints.map((c) => c.text),
		{
			learnable: complaints.map((c) => !c.confidential),
			categories: complaints.map((c) => c.category),
			placeNames,
			seed,
			onDoc: (i, d) => {
				const tt = performance.now();
				tags[i] = tagger.tagPrepared(d.prepared);
				tagMs += performance.now() - tt;
			}
		}
	);
	const display = displayWith(f.surfaces);
	const model: TopicModel = fitTopics(
		complaints.map((c) => ({ id: c.tracking_id, text: '', confidential: c.confidential })),
		{ ...opts, seed, tokens: f.tokens, display, seedGroups: themeGroups(tagger.themes, tags) }
	);
	const fitSeconds = (performance.now() - t0) / 1000;
	const m = model.timings;
	stages.text = performance.now() - t0 - tagMs - (m.vectorize_ms! + m.choose_k_ms! + m.kmeans_ms! + m.assign_ms!);
	stages.themes = tagMs;
	stages.fit = m.vectorize_ms! + m.choose_k_ms! + m.kmeans_ms!;
	stages.assignment = m.assign_ms!;

	// a cluster most of whose (learnable) complaints carry one theme is named after it
	const members: number[][] = Array.from({ length: model.k }, () => []);
	model.assignments.forEach((a, i) => {
		if (!complaints[i]!.confidential) members[a.cluster]!.push(i);
	});
	const byId = new Map(tagger.themes.map((t) => [t.id, t]));
	const named = model.clusters.map((c, j) => {
		const theme = clusterTheme(members[j]!, tags);
		const t = theme ? byId.get(theme)! : null;
		return { theme, ...clusterLabels(c.topTerms, display, t, new Set(t ? themeWords(t.short) : [])) };
	});

	// ids: keep the previous fit's id where the topic is the same (see stable-ids.ts)
	const prev = (await conn.runAndReadAll('SELECT cluster_id, top_terms::VARCHAR AS top_terms FROM topic_clusters')).getRowObjectsJS();
	const maxUsed = (await conn.runAndReadAll('SELECT coalesce(max(max_cluster_id), -1)::INTEGER AS m FROM topic_fit')).getRowObjectsJS()[0]
		?.m;
	const shown = model.clusters.map((c) => c.topTerms.map((t) => ({ term: display(t.term), weight: Math.round(t.weight * 1e6) / 1e6 })));
	const ids = stableIds(
		prev.map((p) => ({ id: Number(p.cluster_id), terms: JSON.parse(String(p.top_terms)) as { term: string; weight: number }[] })),
		shown.map((terms) => ({ terms })),
		{ maxUsed: Number(maxUsed ?? -1) }
	);
	const maxId = Math.max(...ids, Number(maxUsed ?? -1));

	const t1 = performance.now();
	const dir = mkdtempSync(join(tmpdir(), 'telaah-topics-'));
	try {
		const file = (name: string) => join(dir, name);
		writeCsv(
			file('clusters.csv'),
			['cluster_id', 'label', 'label_en', 'theme', 'top_terms', 'size'],
			model.clusters.map((c, j) => [ids[j]!, named[j]!.label, named[j]!.label_en, named[j]!.theme ?? '', JSON.stringify(shown[j]), c.size])
		);
		writeCsv(
			file('assign.csv'),
			['tracking_id', 'cluster_id', 'score'],
			complaints.map((c, i) => [c.tracking_id, ids[model.assignments[i]!.cluster]!, model.assignments[i]!.score])
		);
		writeCsv(
			file('examples.csv'),
			['cluster_id', 'tracking_id', 'rank'],
			model.clusters.flatMap((c, j) => c.examples.map((id, r) => [ids[j]!, id, r + 1]))
		);
		writeCsv(
			file('themes.csv'),
			['tracking_id', 'theme'],
			complaints.flatMap((c, i) => tags[i]!.map((t) => [c.tracking_id, t]))
		);
		const k = model.k;
		writeCsv(
			file('terms.csv'),
			['term', 'idf', 'weights'],
			model.vocab.terms.map((term, t) => [
				term,
				model.vocab.idf[t]!,
				`[${Array.from({ length: k }, (_, j) => Number(model.centroids[t * k + j]!.toPrecision(6))).join(',')}]`
			])
		);
		const read = (name: string) => `read_csv(${lit(file(name))}, header = true, all_varchar = true)`;
		await conn.run('BEGIN TRANSACTION');
		try {
			await conn.run(`
				DELETE FROM topic_clusters; DELETE FROM complaint_topics; DELETE FROM topic_examples; DELETE FROM complaint_themes; DELETE FROM topic_fit; DELETE FROM topic_terms;
				INSERT INTO topic_clusters (cluster_id, label, top_terms, size, label_en, theme)
					SELECT cluster_id::INTEGER, label, top_terms::JSON, size::INTEGER, label_en, nullif(theme, '') FROM ${read('clusters.csv')};
				INSERT INTO complaint_topics SELECT tracking_id, cluster_id::INTEGER, score::DOUBLE FROM ${read('assign.csv')};
				INSERT INTO topic_examples SELECT cluster_id::INTEGER, tracking_id, rank::INTEGER FROM ${read('examples.csv')};
				${tags.some((t) => t.length) ? `INSERT INTO complaint_themes SELECT tracking_id, theme FROM ${read('themes.csv')};` : ''}
				INSERT INTO topic_terms SELECT term, idf::DOUBLE, weights::FLOAT[] FROM ${read('terms.csv')};
				INSERT INTO topic_fit (fitted_at, k, seed, documents, vocabulary, k_candidates, fit_seconds, max_cluster_id, cluster_ids, text_model)
					VALUES (now()::TIMESTAMP, ${model.k}, ${seed}, ${complaints.length}, ${model.vocab.terms.length}, ${lit(JSON.stringify(model.kCandidates))}::JSON, ${fitSeconds}, ${maxId}, [${ids.join(',')}]::INTEGER[], ${lit(storedTextModel(f.textModel))}::JSON);
			`);
			stages.write = performance.now() - t1;
			stages.spikes = await replaceSpikes(conn);
			await conn.run('COMMIT');
		} catch (err) {
			await conn.run('ROLLBACK');
			throw err;
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	const themes: Record<string, number> = {};
	for (const t of tags) for (const x of t) themes[x] = (themes[x] ?? 0) + 1;
	stages.total = performance.now() - tStart;
	return {
		documents: complaints.length,
		k: model.k,
		k_candidates: model.kCandidates,
		fit_seconds: fitSeconds,
		write_seconds: stages.write! / 1000,
		timings_ms: Object.fromEntries(Object.entries(model.timings).map(([k, v]) => [k, Math.round(v)])),
		stages_ms: roundAll(stages),
		clusters: model.clusters.map((c, j) => ({ id: ids[j]!, label: named[j]!.label, size: c.size })),
		themes
	};
}

export interface AssignSummary {
	assigned: number;
	themes: Record<string, number>;
	/** Wall time per stage (read, assignment, themes, write, spikes) and in all. */
	stages_ms: Record<string, number>;
}

const roundAll = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));

/** Recomputes topic_spikes from complaint_themes (inside the caller's transaction); returns its ms. */
async function replaceSpikes(conn: DuckDBConnection): Promise<number> {
	const t0 = performance.now();
	const { spikes } = await themeSpikes(conn);
	await conn.run('DELETE FROM topic_spikes');
	if (spikes.length) {
		const month = (ym: string) => `DATE ${lit(`${ym}-01`)}`;
		const values = spikes.map(
			(s) =>
				`(${lit(s.theme)}, ${lit(s.regencyCode)}, ${month(s.start)}, ${month(s.peak)}, ${month(s.end)}, ${s.peakCount}, ${s.baseline}, ${s.peakBaseline}, ${s.ratio}, ${s.excess}, ${s.maxZ})`
		);
		await conn.run(`INSERT INTO topic_spikes VALUES ${values.join(',\n')}`);
	}
	return performance.now() - t0;
}

/**
 * Incremental assignment: complaints not yet in complaint_topics (e.g. just ingested) go to the
 * nearest cluster of the stored model and get their theme tags; cluster sizes are recounted.
 * One transaction: its own, or with `inTransaction` the caller's (the ingest commits the new
 * complaints and their topics together). The clusters themselves (centroids, labels, examples)
 * change only on a refit.
 */
export async function assignNew(conn: DuckDBConnection, opts: { inTransaction?: boolean } = {}): Promise<AssignSummary> {
	const tStart = performance.now();
	await conn.run(TOPIC_TABLES_SQL);
	const fit = (
		await conn.runAndReadAll('SELECT cluster_ids::VARCHAR AS ids, text_model::VARCHAR AS text_model FROM topic_fit')
	).getRowObjectsJS()[0];
	if (!fit?.ids) throw new Error('no stored topic model: run npm run topics first');
	const textModel = parseTextModel(fit.text_model === null ? null : String(fit.text_model));
	const clusterIds = JSON.parse(String(fit.ids)) as number[];
	const k = clusterIds.length;
	const rows = (await conn.runAndReadAll('SELECT term, idf, weights::VARCHAR AS weights FROM topic_terms ORDER BY term')).getRowObjectsJS();
	const terms = rows.map((r) => String(r.term));
	const vocab: Vocabulary = {
		terms,
		index: new Map(terms.map((t, i) => [t, i])),
		df: new Int32Array(terms.length),
		idf: Float64Array.from(rows, (r) => Number(r.idf)),
		docs: 0
	};
	const centroids = new Float64Array(terms.length * k);
	rows.forEach((r, t) => (JSON.parse(String(r.weights)) as number[]).forEach((w, j) => (centroids[t * k + j] = w)));

	const complaints = await readComplaints(conn, true);
	const t0 = performance.now();
	const stages: Record<string, number> = { read: t0 - tStart };
	const tagger = buildTagger();
	const assigned: (string | number)[][] = [];
	const tagged: string[][] = [];
	const themes: Record<string, number> = {};
	let tagMs = 0;
	for (const c of complaints) {
		const d = docFeatures(c.text, textModel);
		const a = nearest(vectorize(d.features, vocab), centroids, k);
		assigned.push([c.tracking_id, clusterIds[a.cluster]!, a.score]);
		const tt = performance.now();
		for (const t of tagger.tagPrepared(d.prepared)) {
			tagged.push([c.tracking_id, t]);
			themes[t] = (themes[t] ?? 0) + 1;
		}
		tagMs += performance.now() - tt;
	}
	stages.assignment = performance.now() - t0 - tagMs;
	stages.themes = tagMs;
	if (complaints.length === 0) return { assigned: 0, themes, stages_ms: roundAll({ ...stages, total: performance.now() - tStart }) };
	const t1 = performance.now();
	const dir = mkdtempSync(join(tmpdir(), 'telaah-topics-'));
	try {
		writeCsv(join(dir, 'assign.csv'), ['tracking_id', 'cluster_id', 'score'], assigned);
		writeCsv(join(dir, 'themes.csv'), ['tracking_id', 'theme'], tagged);
		const read = (name: string) => `read_csv(${lit(join(dir, name))}, header = true, all_varchar = true)`;
		if (!opts.inTransaction) await conn.run('BEGIN TRANSACTION');
		try {
			await conn.run(`
				INSERT INTO complaint_topics SELECT tracking_id, cluster_id::INTEGER, score::DOUBLE FROM ${read('assign.csv')};
				${tagged.length ? `INSERT INTO complaint_themes SELECT tracking_id, theme FROM ${read('themes.csv')};` : ''}
				UPDATE topic_clusters SET size = (SELECT count(*) FROM complaint_topics ct WHERE ct.cluster_id = topic_clusters.cluster_id);
			`);
			stages.write = performance.now() - t1;
			stages.spikes = await replaceSpikes(conn);
			if (!opts.inTransaction) await conn.run('COMMIT');
		} catch (err) {
			if (!opts.inTransaction) await conn.run('ROLLBACK');
			throw err;
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return { assigned: complaints.length, themes, stages_ms: roundAll({ ...stages, total: performance.now() - tStart }) };
}
