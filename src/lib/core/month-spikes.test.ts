import { describe, expect, it } from 'vitest';
import { spikesAtEnd } from './month-spikes.ts';

const flat = (n: number, v = 2) => Array<number>(n).fill(v);

describe('spikesAtEnd', () => {
	it('flags a series whose last month jumps, with its expected level', () => {
		const [s, ...rest] = spikesAtEnd([{ key: 'a', counts: [...flat(20), 30] }]);
		expect(rest).toEqual([]);
		expect(s).toMatchObject({ key: 'a', start: 20, count: 30, baseline: 2, alarm: true, seasonal: null });
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

	it('labels a rise that comes every year in the same month, comparing it with that month of the earlier years', () => {
		// 26 months, 5 a month, the same month 40 and 45 in the two earlier years.
		const june = (now: number) => Array.from({ length: 26 }, (_, i) => (i === 1 ? 40 : i === 13 ? 45 : i === 25 ? now : 5));
		const [within, beyond, once] = ['within', 'beyond', 'once'].map(
			(key) => spikesAtEnd([{ key, counts: key === 'within' ? june(44) : key === 'beyond' ? june(90) : [...flat(25, 5), 44] }])[0]
		);
		expect(within).toMatchObject({ alarm: false, seasonal: [45, 40], count: 44, baseline: 45 });
		expect(beyond).toMatchObject({ alarm: true, seasonal: [45, 40], baseline: 45 });
		expect(once).toMatchObject({ alarm: true, seasonal: null, baseline: 5 });
		// Alarms first.
		expect(
			spikesAtEnd([
				{ key: 'seasonal', counts: june(44) },
				{ key: 'small', counts: [...flat(20), 15] }
			]).map((s) => s.key)
		).toEqual(['small', 'seasonal']);
	});

	it('orders by size and significance together, largest first', () => {
		const keys = spikesAtEnd([
			{ key: 'small', counts: [...flat(20), 15] },
			{ key: 'big', counts: [...flat(20), 60] },
			{ key: 'none', counts: flat(21) },
			{ key: 'mid', counts: [...flat(20, 5), 40] }
		]).map((s) => s.key);
		expect(keys).toEqual(['big', 'mid', 'small']);
	});
});
