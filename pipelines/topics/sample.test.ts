// The topic pipeline on the synthetic sample generator's complaints (pipelines/sample), through the
// same feature path as `npm run topics` (categories for the boilerplate test): the policy themes
// must find the generated topics they stand for, the clusters must separate the 2020 COVID bansos
// complaints, and no cluster may be made of the generator's scaffolding (openers, closers,
// aspiration and information templates) instead of a topic.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateComplaints, type SampleRow } from '../sample/generate.ts';
import { loadRegionRefs } from '../sample/reference.ts';
import {
	ASPIRATION_TEXTS,
	CLOSERS,
	CONTACT_SENTENCES,
	DETAILS,
	INFORMATION_TEXTS,
	OPENERS,
	TEXTS,
	VAGUE_TEXTS
} from '../sample/templates.ts';
import { corpusFeatures } from './features.ts';
import { complaintText } from './frame.ts';
import { displayWith } from './labels.ts';
import { fitTopics } from './model.ts';
import { buildTagger, themeGroups } from './themes.ts';
import { contentWordsOf, prepare } from './text.ts';

// as `npm run topics` reads them: complaints deleted at verification (the vague "tolong pak" ones) left out
const rows: SampleRow[] = [
	...generateComplaints({ rows: 20_000, seed: 20240601, regions: loadRegionRefs(resolve(import.meta.dirname, '../../data/reference')) })
].filter((r) => !/hapus/i.test(r.Status));
const texts = rows.map((r) => complaintText(r['Judul Laporan'], r['Isi Laporan']));

/** generated topic -> the theme that must tag it */
const EXPECTED: Record<string, string> = {
	cv_bst: 'bansos',
	cv_sembako: 'bansos',
	cv_bltdd: 'bansos',
	cv_pkh: 'bansos',
	cv_bansosda: 'bansos',
	pkh: 'bansos',
	bpnt: 'bansos',
	dtks: 'bansos',
	cv_prakerja: 'bansos',
	ppdb: 'ppdb',
	sampah: 'sampah',
	pju: 'pju',
	ktp: 'adminduk',
	kk: 'adminduk',
	akta: 'adminduk',
	bpjs_kes: 'bpjs',
	pbi: 'bpjs',
	jalan: 'jalan_rusak',
	drainase: 'banjir',
	cv_vaksin_t: 'vaksin'
};

/** Content stems of the generator's scaffolding that no topic template uses. */
function scaffoldingStems(): Set<string> {
	const stems = (t: string) => contentWordsOf(prepare(t.replace(/\{[a-z]+\}/g, ' ')));
	const topical = new Set(
		Object.values(TEXTS)
			.flatMap((t) => [...t.titles, ...t.bodies])
			.flatMap(stems)
	);
	const scaffold = [
		...OPENERS,
		...DETAILS,
		...CLOSERS,
		...Object.values(CONTACT_SENTENCES).flat(),
		...[ASPIRATION_TEXTS, INFORMATION_TEXTS, VAGUE_TEXTS].flatMap((t) => [...t.titles, ...t.bodies])
	];
	return new Set(scaffold.flatMap(stems).filter((s) => !topical.has(s)));
}

describe('topics on the generated sample', () => {
	const tagger = buildTagger();
	const tags = texts.map((t) => tagger.tag(t));

	// False alarms are counted over every other topic, some of which legitimately mention a theme
	// (employers not paying BPJS in 'gaji', waste in 'drainase'), hence 5 %.
	it.each([...new Set(Object.values(EXPECTED))])(
		'theme %s: recall >= 0.85 on its generated topics, false alarms < 5 %% elsewhere',
		(theme) => {
			let hit = 0;
			let n = 0;
			let fp = 0;
			let others = 0;
			rows.forEach((r, i) => {
				const has = tags[i]!.includes(theme);
				if (EXPECTED[r.meta.topic] === theme) {
					n++;
					if (has) hit++;
				} else {
					others++;
					if (has) fp++;
				}
			});
			expect(n).toBeGreaterThan(20);
			expect(hit / n).toBeGreaterThanOrEqual(0.85);
			expect(fp / others).toBeLessThan(0.05);
		}
	);

	describe('clusters (k = 30)', () => {
		const f = corpusFeatures(texts, {
			learnable: rows.map((r) => r.Rahasia !== 'Ya'),
			categories: rows.map((r) => r.Kategori?.split('>')[0]!.trim() || null)
		});
		const m = fitTopics(
			rows.map((r) => ({ id: r['ID Tracking'], text: '', confidential: r.Rahasia === 'Ya' })),
			{ k: 30, tokens: f.tokens, display: displayWith(f.surfaces), seedGroups: themeGroups(tagger.themes, tags) }
		);

		it('learned the scaffolding as boilerplate, and no cluster is made of it', () => {
			expect(f.textModel.boilerplate.runs.size).toBeGreaterThan(50);
			const scaffold = scaffoldingStems();
			expect(scaffold.has('sosialisasi')).toBe(true); // the old top cluster was "warga · usul · sosialisasi"
			for (const c of m.clusters) {
				const top = c.topTerms.slice(0, 3).flatMap((t) => t.term.split('_'));
				expect(
					top.filter((w) => scaffold.has(w)),
					c.label
				).toEqual([]);
			}
		});

		it('a cluster gathers the COVID bansos complaints', () => {
			const covid = rows.flatMap((r, i) => (r.meta.kind === 'covid_bansos' ? [m.assignments[i]!.cluster] : []));
			// clusters where bansos-tagged complaints are the majority hold most COVID bansos complaints
			const bansosShare = m.clusters.map(
				(c) => rows.filter((_, i) => m.assignments[i]!.cluster === c.id && tags[i]!.includes('bansos')).length / Math.max(1, c.size)
			);
			const inBansosClusters = covid.filter((c) => bansosShare[c]! > 0.5).length;
			expect(inBansosClusters / covid.length).toBeGreaterThan(0.8);
			expect(m.clusters.some((c, j) => bansosShare[j]! > 0.5 && /BST|bantuan|sembako|PKH|BLT/.test(c.label))).toBe(true);
		});
	});
});
