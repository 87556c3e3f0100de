// The topic pipeline on the synthetic sample generator's complaints (pipelines/sample): the
// policy themes must find the generated topics they stand for, and the clusters must separate
// the 2020 COVID bansos complaints.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateComplaints, type SampleRow } from '../sample/generate.ts';
import { loadRegionRefs } from '../sample/reference.ts';
import { fitTopics } from './model.ts';
import { buildTagger } from './themes.ts';

const rows: SampleRow[] = [
	...generateComplaints({ rows: 20_000, seed: 20240601, regions: loadRegionRefs(resolve(import.meta.dirname, '../../data/reference')) })
];
const text = (r: SampleRow) => `${r['Judul Laporan']}. ${r['Isi Laporan']}`;

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

describe('topics on the generated sample', () => {
	const tagger = buildTagger();
	const tags = rows.map((r) => tagger.tag(text(r)));

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

	it('a cluster gathers the COVID bansos complaints', () => {
		const m = fitTopics(
			rows.map((r) => ({ id: r['ID Tracking'], text: text(r), confidential: r.Rahasia === 'Ya' })),
			{ k: 30 }
		);
		const covid = rows.flatMap((r, i) => (r.meta.kind === 'covid_bansos' ? [m.assignments[i]!.cluster] : []));
		// clusters where bansos-tagged complaints are the majority hold most COVID bansos complaints
		const bansosShare = m.clusters.map(
			(c) => rows.filter((_, i) => m.assignments[i]!.cluster === c.id && tags[i]!.includes('bansos')).length / Math.max(1, c.size)
		);
		const inBansosClusters = covid.filter((c) => bansosShare[c]! > 0.5).length;
		expect(inBansosClusters / covid.length).toBeGreaterThan(0.8);
		expect(m.clusters.some((c, j) => bansosShare[j]! > 0.5 && /bst|bantu|sembako|pkh|blt/.test(c.label))).toBe(true);
	});
});
