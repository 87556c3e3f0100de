import { describe, expect, it } from 'vitest';
import { spikesAtEnd } from './month-spikes.ts';

const flat = (n: number, v = 2) => Array<number>(n).fill(v);

describe('spikesAtEnd', () => {
	it('flags a series whose last month jumps, with its expected level', () => {
		const [s, ...rest] = spikesAtEnd([{ key: 'a', counts: [...flat(20), 30] }]);
		expect(rest).toEqual([]);
		expect(s).toEqual({ key: 'a', start: 20, count: 30, baseline: 2 });
	});

	it('dates a spike under way from the first flagged month of the run', () => {
		const [s] = spikesAtEnd([{ key: 'b', counts: [...flat(20), 25, 30] }]);
		expect(s?.start).toBe(20);
		expect(s?.count).toBe(30);
	});

	it('ignores spikes that ended before the last month, quiet series and too short ones', () => {
		expect(spikesAtEnd([{ key: 'ended', counts: [...flat(20), 30, 2] }])).toEqual([]);
		expect(spikesAtEnd([{ key: 'quiet', counts: [...flat(20), 3] }])).toEqual([]);
		expect(spikesAtEnd([{ key: 'zero', counts: [...flat(20, 0), 0] }])).toEqual([]);
		// Fewer than 6 months of history: no verdict.
		expect(spikesAtEnd([{ key: 'short', counts: [2, 2, 2, 40] }])).toEqual([]);
		expect(spikesAtEnd([{ key: 'empty', counts: [] }])).toEqual([]);
	});

	it('orders by excess over the expected level, largest first', () => {
		const keys = spikesAtEnd([
			{ key: 'small', counts: [...flat(20), 15] },
			{ key: 'big', counts: [...flat(20), 60] },
			{ key: 'none', counts: flat(21) },
			{ key: 'mid', counts: [...flat(20, 5), 40] }
		]).map((s) => s.key);
		expect(keys).toEqual(['big', 'mid', 'small']);
	});
});
