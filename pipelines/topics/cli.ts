// npm run topics -- [--db PATH] [--k K] [--seed S] [--json] [--if-missing] | --assign-new | --spikes
// Fits topic clusters on the warehouse's complaint texts and writes topic_clusters,
// complaint_topics, topic_examples, complaint_themes, topic_spikes and topic_fit in one transaction.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DB, openWarehouse } from '../warehouse/open.ts';
import { themeSpikes } from './spikes-warehouse.ts';
import { assignNew, hasTopicModel, runTopics, TOPIC_TABLES_SQL } from './store.ts';

const USAGE = `usage: npm run topics -- [--db PATH] [--k K] [--seed S] [--json] [--assign-new]
  --db PATH   warehouse file (default data/telaah.duckdb)
  --k K       number of clusters (default: chosen for stability and coverage in 6..40)
  --seed S    random seed (default 20240601)
  --json      print the summary as JSON on the last stdout line (stages_ms: wall time per stage)
  --if-missing  fit only when the warehouse has no topic model yet (npm start)
  --assign-new  no refit: assign complaints not yet in complaint_topics to the stored clusters
  --spikes    no refit: list spikes of the stored policy themes per kab/kota and month`;

const stagesLine = (ms: Record<string, number>) =>
	Object.entries(ms)
		.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
		.join(', ');

async function main(): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				db: { type: 'string' },
				k: { type: 'string' },
				seed: { type: 'string' },
				json: { type: 'boolean' },
				'assign-new': { type: 'boolean' },
				'if-missing': { type: 'boolean' },
				spikes: { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			}
		}));
	} catch (e) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		return 2;
	}
	if (values.help) {
		console.error(USAGE);
		return 0;
	}
	const k = values.k === undefined ? undefined : Number(values.k);
	if (k !== undefined && !(Number.isInteger(k) && k >= 2)) {
		console.error(`--k must be an integer >= 2\n${USAGE}`);
		return 2;
	}
	const w = await openWarehouse(resolve(values.db ?? DEFAULT_DB));
	try {
		if (values.spikes) {
			await w.conn.run(TOPIC_TABLES_SQL);
			const r = await themeSpikes(w.conn);
			if (r.series === 0) {
				console.log('no themed complaints with a kab/kota: run `npm run topics` first');
			} else {
				console.log(`${r.spikes.length} spikes in ${r.series} theme × kab/kota series, ${r.months[0]} .. ${r.months.at(-1)}`);
				const sorted = [...r.spikes].sort(
					(a, b) => a.start.localeCompare(b.start) || a.theme.localeCompare(b.theme) || a.regencyCode.localeCompare(b.regencyCode)
				);
				for (const s of sorted) {
					console.log(
						`  ${s.start}..${s.end}  ${s.theme.padEnd(12)} ${s.regencyCode.padEnd(6)} peak ${s.peak} ${s.peakCount} vs ${s.peakBaseline} (×${s.ratio.toFixed(1)}, +${s.excess} in all)`
					);
				}
			}
			if (values.json) console.log(JSON.stringify(r));
			return 0;
		}
		if (values['assign-new']) {
			const a = await assignNew(w.conn);
			console.log(
				`${a.assigned} new complaints assigned; themes: ${
					Object.entries(a.themes)
						.map(([t, n]) => `${t} ${n}`)
						.join(', ') || 'none'
				}`
			);
			console.log(`stages: ${stagesLine(a.stages_ms)}`);
			if (values.json) console.log(JSON.stringify(a));
			return 0;
		}
		if (values['if-missing'] && (await hasTopicModel(w.conn))) {
			console.log('topic model present: not refitting (drop --if-missing to refit)');
			if (values.json) console.log(JSON.stringify({ skipped: true }));
			return 0;
		}
		const s = await runTopics(w.conn, { k, seed: values.seed ? Number(values.seed) : undefined });
		console.log(
			`${s.documents} complaints, k = ${s.k}, fit ${s.fit_seconds.toFixed(1)} s (${Object.entries(s.timings_ms)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ')}), write ${s.write_seconds.toFixed(1)} s`
		);
		console.log(`stages: ${stagesLine(s.stages_ms)}`);
		for (const c of [...s.clusters].sort((a, b) => b.size - a.size))
			console.log(`  ${String(c.id).padStart(3)}  ${String(c.size).padStart(7)}  ${c.label}`);
		console.log(
			`themes: ${Object.entries(s.themes)
				.map(([t, n]) => `${t} ${n}`)
				.join(', ')}`
		);
		if (values.json) console.log(JSON.stringify(s));
		return 0;
	} finally {
		w.close();
	}
}

main().then(
	(code) => process.exit(code),
	(err) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	}
);
