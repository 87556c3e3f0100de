import { describe, expect, it } from 'vitest';
import { stableIds, termCosine } from './stable-ids.ts';

const t = (...pairs: [string, number][]) => ({ terms: pairs.map(([term, weight]) => ({ term, weight })) });

describe('stable cluster ids', () => {
	it('termCosine', () => {
		expect(termCosine(t(['a', 1]), t(['a', 2]))).toBeCloseTo(1, 12);
		expect(termCosine(t(['a', 1]), t(['b', 1]))).toBe(0);
		expect(termCosine(t(['a', 3], ['b', 4]), t(['a', 1]))).toBeCloseTo(0.6, 12);
	});

	it('keeps ids of matching topics, gives fresh ids to new ones', () => {
		const prev = [
			{ id: 0, ...t(['lampu', 0.8], ['padam', 0.3]) },
			{ id: 1, ...t(['sampah', 0.9], ['angkut', 0.2]) },
			{ id: 7, ...t(['banjir', 0.9]) }
		];
		const next = [t(['sampah', 0.7], ['tps', 0.3]), t(['bansos', 0.9]), t(['lampu', 0.7], ['mati', 0.2])];
		expect(stableIds(prev, next)).toEqual([1, 8, 0]);
		expect(stableIds(prev, next, { maxUsed: 20 })).toEqual([1, 21, 0]);
	});

	it('one previous id goes to one new cluster, the most similar', () => {
		const prev = [{ id: 3, ...t(['jalan', 1], ['rusak', 1]) }];
		const next = [t(['jalan', 1]), t(['jalan', 1], ['rusak', 0.9])];
		expect(stableIds(prev, next)).toEqual([4, 3]);
	});

	it('first fit numbers from 0', () => {
		expect(stableIds([], [t(['a', 1]), t(['b', 1])])).toEqual([0, 1]);
	});
});
