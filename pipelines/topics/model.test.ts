import { describe, expect, it } from 'vitest';
import {
	buildVocabulary,
	chooseK,
	concentrationWeights,
	fitTopics,
	kmeans,
	meanVector,
	rng,
	sampleIndices,
	vectorize,
	assignText
} from './model.ts';

// Synthetic texts written for the test (no real complaints).
const THEMES = [
	['lampu jalan mati', 'lampu penerangan jalan padam gelap', 'lampu jalan umum mati malam gelap'],
	['sampah menumpuk belum diangkut', 'tumpukan sampah bau di pasar', 'truk sampah tidak mengangkut sampah'],
	['bantuan sosial belum cair', 'bansos tidak tepat sasaran penerima', 'bantuan sosial blt belum diterima warga'],
	['jalan berlubang rusak parah', 'aspal jalan rusak berlubang', 'jalan rusak lubang besar bahaya']
];
const docs = Array.from({ length: 120 }, (_, i) => {
	const t = THEMES[i % 4]!;
	return { id: `d${i}`, text: `${t[i % 3]} ${t[(i + 1) % 3]}`, confidential: i % 10 === 0 };
});

describe('vectors', () => {
	it('tf-idf vectors are L2-normalised; count vectors are raw counts', () => {
		const vocab = buildVocabulary(
			[
				['a', 'b'],
				['a', 'c'],
				['a', 'b', 'b']
			],
			{ minDf: 1, maxDfRatio: 1 }
		);
		expect(vocab.terms).toEqual(['a', 'b', 'c']);
		const x = vectorize(['a', 'b', 'b', 'z'], vocab);
		expect([...x.idx]).toEqual([0, 1]);
		expect(x.val[0]! ** 2 + x.val[1]! ** 2).toBeCloseTo(1, 6);
		expect(x.val[1]!).toBeGreaterThan(x.val[0]!); // rarer and repeated
		expect([...vectorize(['b', 'b', 'c'], vocab, 'count').val]).toEqual([2, 1]);
	});

	it('drops terms under minDf and over maxDfRatio', () => {
		const vocab = buildVocabulary(
			[
				['a', 'b'],
				['a', 'c'],
				['a', 'b']
			],
			{ minDf: 2, maxDfRatio: 0.9 }
		);
		expect(vocab.terms).toEqual(['b']);
	});
});

describe('rng and sampling', () => {
	it('is deterministic per seed', () => {
		const a = rng(1);
		const b = rng(1);
		expect([a(), a(), a()]).toEqual([b(), b(), b()]);
		expect([...sampleIndices(100, 5, 7)]).toEqual([...sampleIndices(100, 5, 7)]);
		expect(new Set(sampleIndices(100, 50, 7)).size).toBe(50);
		expect([...sampleIndices(3, 10, 7)]).toEqual([0, 1, 2]);
	});
});

describe('kmeans', () => {
	const vocab = buildVocabulary([['a'], ['b'], ['a'], ['b']], { minDf: 1, maxDfRatio: 1 });
	const X = [['a'], ['a', 'a'], ['b'], ['b', 'b']].map((d) => vectorize(d, vocab, 'count'));
	it('starts from given centres: a seeded centre keeps its group', () => {
		const r = kmeans(X, 2, 2, { seed: 3, init: [meanVector([vectorize(['b'], vocab)])] });
		expect(r.assign[2]).toBe(0);
		expect(r.assign[3]).toBe(0);
		expect(r.assign[0]).toBe(1);
	});

	it('separates two obvious groups (spherical and Euclidean)', () => {
		for (const spherical of [true, false]) {
			const r = kmeans(X, 2, 2, { seed: 3, spherical });
			expect(r.assign[0]).toBe(r.assign[1]);
			expect(r.assign[2]).toBe(r.assign[3]);
			expect(r.assign[0]).not.toBe(r.assign[2]);
		}
	});
});

describe('choosing k and weighting terms', () => {
	const vocab = buildVocabulary([['a'], ['b'], ['c'], ['a', 'b']], { minDf: 1, maxDfRatio: 1 });
	const X = Array.from({ length: 60 }, (_, i) => vectorize([['a'], ['b'], ['c']][i % 3]!, vocab));
	it('chooseK takes the smallest stable k that covers (almost) as well as the largest', () => {
		// covered = cosine >= 0.9: with two clusters two of the three orthogonal groups share one at cosine 0.71
		const { k, candidates } = chooseK(X, vocab.terms.length, {
			seed: 5,
			kRange: [2, 3, 4, 5],
			kSelectDocs: 60,
			maxIter: 20,
			coverageCosine: 0.9
		});
		expect(candidates.map((c) => c.k)).toEqual([2, 3, 4, 5]);
		expect(candidates.find((c) => c.k === 2)!.coverage).toBeCloseTo(1 / 3, 6);
		expect(candidates.find((c) => c.k === 3)!.coverage).toBe(1);
		expect(candidates.find((c) => c.k === 3)!.stability).toBeCloseTo(1, 6);
		expect(k).toBe(3);
	});

	it('concentrationWeights: 1 for a term within a few clusters, sqrt(5 / k) for one spread over all k', () => {
		// 20 clusters of one document each: 'a' in one, 'b' in four, 'c' in all twenty
		const docs = Array.from({ length: 20 }, (_, i) => vectorize(i === 0 ? ['a', 'b', 'c'] : i < 4 ? ['b', 'c'] : ['c'], vocab));
		const w = concentrationWeights(
			docs,
			Int32Array.from({ length: 20 }, (_, i) => i),
			20,
			vocab.terms.length
		);
		const at = (t: string) => w[vocab.index.get(t)!]!;
		expect(at('a')).toBeCloseTo(1, 6);
		expect(at('b')).toBeCloseTo(1, 6);
		expect(at('c')).toBeCloseTo(Math.sqrt(5 / 20), 6);
	});
});

describe('fitTopics', () => {
	it('recovers the four themes, chooses k, is deterministic', () => {
		const m = fitTopics(docs, { seed: 11, kRange: [2, 3, 4, 5, 6], vocabulary: { minDf: 2 } });
		expect(m.k).toBe(4);
		expect(m.kCandidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
		const theme = (i: number) => i % 4;
		const byCluster = new Map<number, Set<number>>();
		m.assignments.forEach((a, i) => byCluster.set(a.cluster, (byCluster.get(a.cluster) ?? new Set()).add(theme(i))));
		for (const themes of byCluster.values()) expect(themes.size).toBe(1);
		const again = fitTopics(docs, { seed: 11, kRange: [2, 3, 4, 5, 6], vocabulary: { minDf: 2 } });
		expect(again.assignments).toEqual(m.assignments);
		expect(again.clusters).toEqual(m.clusters);
	});

	it('labels from top terms, examples closest to the centroid without confidential ones', () => {
		const m = fitTopics(docs, { seed: 11, k: 4, vocabulary: { minDf: 2 }, examples: 3 });
		const lamp = m.clusters.find((c) => c.label.includes('lampu'))!;
		expect(lamp).toBeDefined();
		expect(lamp.topTerms[0]!.weight).toBeGreaterThan(lamp.topTerms[1]!.weight - 1e-12);
		for (const c of m.clusters) {
			expect(c.examples.length).toBe(3);
			for (const id of c.examples) {
				const i = Number(id.slice(1));
				expect(docs[i]!.confidential).toBe(false);
				expect(m.assignments[i]!.cluster).toBe(c.id);
			}
		}
		expect(m.clusters.reduce((s, c) => s + c.size, 0)).toBe(docs.length);
		expect(assignText(m, 'lampu jalan padam').cluster).toBe(lamp.id);
	});

	it('drops a centre no document is nearest to: every cluster has complaints', () => {
		const m = fitTopics(docs.slice(0, 12), { seed: 11, k: 10, vocabulary: { minDf: 1 } });
		expect(m.clusters.length).toBe(m.k);
		expect(m.k).toBeLessThanOrEqual(10);
		for (const c of m.clusters) expect(c.size).toBeGreaterThan(0);
		expect(new Set(m.assignments.map((a) => a.cluster)).size).toBe(m.k);
	});

	it('never learns from confidential documents: their words are in no vocabulary term, centroid or example', () => {
		const withSecret = docs.map((d) => (d.confidential ? { ...d, text: `${d.text} rahasiakata` } : d));
		const m = fitTopics(withSecret, { seed: 11, k: 4, vocabulary: { minDf: 2 } });
		expect(m.vocab.terms.some((t) => t.includes('rahasiakata'))).toBe(false);
		expect(m.clusters.flatMap((c) => c.topTerms.map((t) => t.term)).some((t) => t.includes('rahasiakata'))).toBe(false);
		// the confidential ones are still assigned, to their theme's cluster
		const conf = withSecret.flatMap((d, i) => (d.confidential ? [i] : []));
		expect(conf.length).toBeGreaterThan(0);
		for (const i of conf) expect(m.assignments[i]!.cluster).toBe(m.assignments[i + 4]!.cluster);
	});
});
