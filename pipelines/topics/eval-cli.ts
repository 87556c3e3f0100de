// npm run eval:topics -- [--input PATH] [--json] [--k K] [--seed S] [--out FILE] [--sample ROWS]
// Fits the topic model on a file with the Surabaya columns (keluhan, topik) or the LAPOR! 2017
// columns (title, body_text, addressee_from_salutation), scores it against the gold labels and a
// baseline, prints a table; with --json the last stdout line is the result as one JSON object.
// --sample ROWS instead times a fit on ROWS generated sample complaints (no scores).
// No complaint text is printed: only top terms (stems) and counts.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_INPUT, detectCorpus, evaluate, LAPOR_INPUT, readCsv, type EvalResult } from './evaluate.ts';
import { timeSampleFit } from './sample-fit.ts';

const fmt = (x: number) => x.toFixed(3);
const METHOD = 'frame, places, stems + bigrams, TF-IDF, theme-seeded spherical k-means, concentration-weighted refit';

export function table(r: Omit<EvalResult, 'assignments'>): string {
	const lines = [
		`corpus ${r.corpus}: ${r.documents} documents, ${r.scored} with gold label (${r.gold_field ?? 'none'}, ${r.gold_classes} classes); k = ${r.k}, seed ${r.seed}`,
		r.k_candidates.length
			? `k by stability/coverage: ${r.k_candidates.map((c) => `${c.k}:${c.stability.toFixed(2)}/${c.coverage.toFixed(2)}`).join('  ')}`
			: 'k fixed',
		'',
		'| method | NMI | ARI | purity | fit s |',
		'|---|---:|---:|---:|---:|',
		`| pipeline: ${METHOD} | ${fmt(r.nmi)} | ${fmt(r.ari)} | ${fmt(r.purity)} | ${r.fit_seconds.toFixed(1)} |`,
		`| plain: ${r.plain.method} | ${fmt(r.plain.nmi)} | ${fmt(r.plain.ari)} | ${fmt(r.plain.purity)} | ${r.plain.fit_seconds.toFixed(1)} |`,
		`| baseline: ${r.baseline.method} | ${fmt(r.baseline.nmi)} | ${fmt(r.baseline.ari)} | ${fmt(r.baseline.purity)} | ${r.baseline.fit_seconds.toFixed(1)} |`,
		'',
		'| cluster | size | label | top terms | majority gold (share) |',
		'|---:|---:|---|---|---|',
		...[...r.clusters]
			.sort((a, b) => b.size - a.size)
			.map(
				(c) =>
					`| ${c.id} | ${c.size} | ${c.label} | ${c.top_terms.slice(0, 6).join(', ')} | ${c.majority ? `${c.majority} (${fmt(c.majority_share!)})` : ''} |`
			)
	];
	return lines.join('\n');
}

async function main() {
	const { values } = parseArgs({
		options: {
			input: { type: 'string' },
			json: { type: 'boolean', default: false },
			k: { type: 'string' },
			seed: { type: 'string' },
			out: { type: 'string' },
			sample: { type: 'string' },
			lapor: { type: 'boolean', default: false }
		}
	});
	const seed = values.seed ? Number(values.seed) : 20240601;
	const k = values.k ? Number(values.k) : undefined;
	if (k !== undefined && !(Number.isInteger(k) && k >= 2)) throw new Error(`--k must be an integer >= 2, got ${values.k}`);
	if (values.sample) {
		const res = await timeSampleFit(Number(values.sample), { seed, k });
		if (!values.json)
			console.log(
				`sample ${res.rows} rows: k = ${res.k}, text ${res.text_seconds.toFixed(1)} s, fit ${res.fit_seconds.toFixed(1)} s (generate ${res.generate_seconds.toFixed(1)} s) ${JSON.stringify(res.timings_ms)}`
			);
		else console.log(JSON.stringify(res));
		return;
	}
	const input = resolve(values.input ?? (values.lapor ? LAPOR_INPUT : DEFAULT_INPUT));
	const corpus = detectCorpus(await readCsv(input));
	const { assignments: _, ...result } = evaluate(corpus, input, { seed, k });
	if (values.out) writeFileSync(values.out, JSON.stringify(result, null, 2) + '\n');
	console.log(table(result));
	if (values.json) console.log(JSON.stringify(result));
}

main().catch((err) => {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
});
