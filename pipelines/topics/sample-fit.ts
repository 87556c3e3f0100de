// Times a topic-model fit on generated sample complaints (pipelines/sample), in-process.
import { resolve } from 'node:path';
import { generateComplaints } from '../sample/generate.ts';
import { loadRegionRefs } from '../sample/reference.ts';
import { fitTopics, type FitOptions, type TopicDoc } from './model.ts';

export interface SampleFitResult {
	rows: number;
	k: number;
	generate_seconds: number;
	fit_seconds: number;
	timings_ms: Record<string, number>;
	clusters: { id: number; label: string; size: number }[];
}

function sampleDocs(rows: number, seed = 20240601): TopicDoc[] {
	const regions = loadRegionRefs(resolve(import.meta.dirname, '../../data/reference'));
	const docs: TopicDoc[] = [];
	for (const r of generateComplaints({ rows, seed, regions })) {
		docs.push({ id: r['ID Tracking'], text: `${r['Judul Laporan']}. ${r['Isi Laporan']}`, confidential: r.Rahasia === 'Ya' });
	}
	return docs;
}

export async function timeSampleFit(rows: number, opts: FitOptions = {}): Promise<SampleFitResult> {
	let t0 = performance.now();
	const docs = sampleDocs(rows);
	const generate = (performance.now() - t0) / 1000;
	t0 = performance.now();
	const model = fitTopics(docs, opts);
	const fit = (performance.now() - t0) / 1000;
	const round = (x: number) => Math.round(x);
	return {
		rows,
		k: model.k,
		generate_seconds: generate,
		fit_seconds: fit,
		timings_ms: Object.fromEntries(Object.entries(model.timings).map(([k, v]) => [k, round(v)])),
		clusters: model.clusters.map((c) => ({ id: c.id, label: c.label, size: c.size }))
	};
}
