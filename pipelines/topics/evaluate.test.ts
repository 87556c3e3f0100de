// Evaluation on the shared real data. These tests FAIL (never skip) when ../shared/data is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT, LAPOR_INPUT } from './eval-cli.ts';
import { addresseeGroup, detectCorpus, evaluate, readCsv, stripLaporFrame } from './evaluate.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

describe('LAPOR! 2017 helpers', () => {
	it('strips the salutation and closing that leak the derived labels', () => {
		expect(stripLaporFrame('Yth. Kementerian Sosial, BLSM tidak sesuai sasaran. Mohon ditindaklanjuti')).toBe(
			'  BLSM tidak sesuai sasaran.  '
		);
	});
	it('groups addressees coarsely', () => {
		expect(addresseeGroup('BPJS Kesehatan Cabang Semarang')).toBe('bpjs');
		expect(addresseeGroup('Dinas Perhubungan Kota Semarang')).toBe('perhubungan');
		expect(addresseeGroup('Pemerintah Kota Semarang')).toBe('pemda');
		expect(addresseeGroup('Kementerian Sosial')).toBe('sosial');
		expect(addresseeGroup('')).toBeNull();
	});
});

describe('evaluation on ../shared/data (must exist)', () => {
	it('the shared data files are present', () => {
		expect(existsSync(DEFAULT_INPUT), `missing ${DEFAULT_INPUT}: ../shared/data is required`).toBe(true);
		expect(existsSync(LAPOR_INPUT), `missing ${LAPOR_INPUT}: ../shared/data is required`).toBe(true);
	});

	it('Surabaya: clusters agree with topik well above the raw-count baseline', async () => {
		const corpus = detectCorpus(await readCsv(DEFAULT_INPUT));
		expect(corpus.name).toBe('surabaya');
		expect(corpus.texts.length).toBeGreaterThan(8000);
		const r = evaluate(corpus, DEFAULT_INPUT, { k: 20 });
		expect(r.k).toBe(20);
		expect(r.nmi).toBeGreaterThan(0.4);
		expect(r.purity).toBeGreaterThan(0.35);
		expect(r.nmi).toBeGreaterThan(r.baseline.nmi + 0.15);
		expect(r.ari).toBeGreaterThan(r.baseline.ari);
		expect(r.purity).toBeGreaterThan(r.baseline.purity);
		// street lights and tree trimming are clear topics in Surabaya: a cluster must find each
		expect(r.clusters.some((c) => c.majority === 'PJU' && c.majority_share! > 0.7)).toBe(true);
		expect(r.clusters.some((c) => /Pohon/.test(c.majority ?? '') && c.majority_share! > 0.7)).toBe(true);
	});

	it('LAPOR! 2017: clusters, sizes and top terms without gold topics', async () => {
		const corpus = detectCorpus(await readCsv(LAPOR_INPUT));
		expect(corpus.name).toBe('lapor2017');
		const r = evaluate(corpus, LAPOR_INPUT, { k: 8 });
		expect(r.clusters).toHaveLength(8);
		expect(r.clusters.reduce((s, c) => s + c.size, 0)).toBe(corpus.texts.length);
		for (const c of r.clusters) expect(c.top_terms.length).toBeGreaterThan(0);
		expect(r.nmi).toBeGreaterThan(0);
	});

	it('npm run eval:topics -- --json: the last stdout line is one JSON object with the scores', () => {
		const out = execFileSync('npx', ['tsx', 'pipelines/topics/eval-cli.ts', '--json', '--k', '12'], { cwd: REPO_ROOT, encoding: 'utf8' });
		const last = out.trim().split('\n').at(-1)!;
		const r = JSON.parse(last);
		for (const key of ['nmi', 'ari', 'purity']) {
			expect(typeof r[key]).toBe('number');
			expect(typeof r.baseline[key]).toBe('number');
		}
		expect(r.k).toBe(12);
		expect(out).toContain('| method | NMI | ARI | purity |');
	});
});
