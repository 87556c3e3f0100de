import { describe, expect, it } from 'vitest';
import { TIERS, YEAR_TIER_SHARES } from './anchors';
import { DAY_COUNT, addWorkdays, dayOf, formatTime } from './calendar';
import { Quota, tierCounts } from './outcome';
import { apportion } from './plan';
import { Rng } from './rng';

describe('apportion', () => {
	it('splits a total exactly and proportionally', () => {
		const rng = new Rng(1, 'test');
		const out = apportion(1000, [1, 2, 3, 4], rng);
		expect(out.reduce((s, n) => s + n, 0)).toBe(1000);
		expect([...out]).toEqual([100, 200, 300, 400]);
	});

	it('respects caps and floors and gives nothing to zero weights', () => {
		const rng = new Rng(2, 'test');
		const out = apportion(100, [0, 1, 1, 100], rng, [Infinity, Infinity, Infinity, 10], 5);
		expect([...out]).toEqual([0, 45, 45, 10]);
	});

	it('does not favour the same entries when rounding', () => {
		const hits = new Array<number>(7).fill(0);
		for (let s = 0; s < 700; s++) {
			const out = apportion(3, [1, 1, 1, 1, 1, 1, 1], new Rng(s, 'test'));
			out.forEach((n, i) => (hits[i]! += n));
		}
		for (const h of hits) expect(h).toBeGreaterThan(200);
	});
});

describe('outcome urns', () => {
	it('has yearly tier shares that sum to one', () => {
		for (const shares of Object.values(YEAR_TIER_SHARES)) expect(TIERS.reduce((s, t) => s + shares[t], 0)).toBeCloseTo(1, 9);
	});

	it('splits a year exactly', () => {
		const counts = tierCounts(12_345, YEAR_TIER_SHARES[2020]!);
		expect(counts.reduce((s, n) => s + n, 0)).toBe(12_345);
		expect(counts[TIERS.indexOf('selesai')]).toBe(Math.round(12_345 * 0.6978));
	});

	it('selects exactly the requested number of hits', () => {
		const q = new Quota(1000, 37);
		const rng = new Rng(5, 'test');
		let hits = 0;
		for (let i = 0; i < 1000; i++) if (q.next(rng)) hits++;
		expect(hits).toBe(37);
	});
});

describe('calendar', () => {
	it('spans 2018-01-01 .. 2024-12-31', () => {
		expect(DAY_COUNT).toBe(2557);
		expect(formatTime(0)).toBe('2018-01-01 00:00:00');
		expect(formatTime(DAY_COUNT * 86400 - 1)).toBe('2024-12-31 23:59:59');
	});

	it('counts working days over weekends and holidays', () => {
		// Friday 2023-08-11 10:00 + 3 working days: Mon 14, Tue 15, Wed 16 (Thu 17 Aug is a holiday)
		const fri = dayOf('2023-08-11') * 86400 + 10 * 3600;
		expect(formatTime(addWorkdays(fri, 3)).slice(0, 10)).toBe('2023-08-16');
		expect(formatTime(addWorkdays(fri, 4)).slice(0, 10)).toBe('2023-08-18');
		// a report on Saturday evening starts counting on Monday morning
		const sat = dayOf('2023-08-12') * 86400 + 20 * 3600;
		expect(formatTime(addWorkdays(sat, 0.5))).toBe('2023-08-14 12:00:00');
	});
});
