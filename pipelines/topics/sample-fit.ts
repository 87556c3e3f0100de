// Times a topic-model fit on generated sample complaints (pipelines/sample), in-process, through the
// same feature path as `npm run topics` (frame, places, boilerplate across categories, theme seeds).
import { resolve } from 'node:path';
import { generateComplaints } from '../sample/generate.ts';
import { loadRegionRefs } from '../sample/reference.ts';
import { corpusFeatures } from './features.ts';
import { complaintText } from './frame.ts';
import { displayWith } from './labels.ts';
import { fitTopics, type FitOptions } from './model.ts';
import { referencePlaceNames } from './places.ts';
import { buildTagger, themeGroups } from './themes.ts';

export interface SampleFitResult {
	rows: number;
	k: number;
	generate_seconds: number;
	/** text pass (frame, places, boilerplate, features, theme tags) */
	text_seconds: number;
	fit_seconds: number;
	timings_ms: Record<string, number>;
	clusters: { id: number; label: string; size: number }[];
}

interface SampleDoc {
	id: string;
	text: string;
	confidential: boolean;
	category: string | null;
}

/** The sample's complaints as `npm run topics` reads them: deleted ones left out, title + body without their frame. */
function sampleDocs(rows: number, seed = 20240601): SampleDoc[] {
	const regions = loadRegionRefs(resolve(import.meta.dirname, '../../data/reference'));
	const docs: SampleDoc[] = [];
	for (const r of generateComplaints({ rows, seed, regions })) {
		if (/hapus/i.test(r.Status)) continue;
		docs.push({
			id: r['ID Tracking'],
			text: complaintText(r['Judul Laporan'], r['Isi Laporan']),
			confidential: r.Rahasia === 'Ya',
			category: r.Kategori?.split('>')[0]?.trim() || null
		});
	}
	return docs;
}

export async function timeSampleFit(rows: number, opts: FitOptions = {}): Promise<SampleFitResult> {
	let t0 = performance.now();
	const docs = sampleDocs(rows);
	const generate = (performance.now() - t0) / 1000;
	t0 = performance.now();
	const tagger = buildTagger();
	const tags: string[][] = [];
	const f = corpusFeatures(
		docs.map((d) => d.text),
		{
			learnable: docs.map((d) => !d.confidential),
			categories: docs.map((d) => d.category),
			placeNames: referencePlaceNames(),
			onDoc: (i, d) => (tags[i] = tagger.tagPrepared(d.prepared))
		}
	);
	const text = (performance.now() - t0) / 1000;
	t0 = performance.now();
	const model = fitTopics(
		docs.map((d) => ({ id: d.id, text: '', confidential: d.confidential })),
		{ ...opts, tokens: f.tokens, display: displayWith(f.surfaces), seedGroups: themeGroups(tagger.themes, tags) }
	);
	const fit = (performance.now() - t0) / 1000;
	return {
		rows,
		k: model.k,
		generate_seconds: generate,
		text_seconds: text,
		fit_seconds: fit,
		timings_ms: Object.fromEntries(Object.entries(model.timings).map(([k, v]) => [k, Math.round(v)])),
		clusters: model.clusters.map((c) => ({ id: c.id, label: c.label, size: c.size }))
	};
}
