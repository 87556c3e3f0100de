import { describe, expect, it } from 'vitest';
import { ari, nmi, purity, scores } from './metrics.ts';

describe('clustering metrics', () => {
	it('are 1 for the same partition under other names', () => {
		expect(scores([0, 0, 1, 1, 2], ['b', 'b', 'a', 'a', 'c'])).toEqual({ nmi: 1, ari: 1, purity: 1 });
	});

	it('independent partitions: NMI 0, ARI -0.5, purity 0.5', () => {
		const pred = [0, 0, 1, 1];
		const gold = ['x', 'y', 'x', 'y'];
		expect(nmi(pred, gold)).toBeCloseTo(0, 12);
		// index 0, expected (2 * 2) / 6 = 2/3, max 2 -> (0 - 2/3) / (2 - 2/3)
		expect(ari(pred, gold)).toBeCloseTo(-0.5, 12);
		expect(purity(pred, gold)).toBe(0.5);
	});

	it('a hand-computed 6-item example', () => {
		// clusters {a,a,b} {b,b,b}
		const pred = [0, 0, 0, 1, 1, 1];
		const gold = ['a', 'a', 'b', 'b', 'b', 'b'];
		expect(purity(pred, gold)).toBeCloseTo(5 / 6, 12);
		// index = C(2,2) + C(3,2) = 4; sum_a = 3 + 3 = 6; sum_b = C(2,2) + C(4,2) = 7; expected = 42 / 15
		expect(ari(pred, gold)).toBeCloseTo((4 - 42 / 15) / (6.5 - 42 / 15), 12);
		const mi = (2 / 6) * Math.log(2) + (1 / 6) * Math.log(0.5) + (3 / 6) * Math.log(1.5);
		const hp = Math.log(2);
		const hg = -((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3));
		expect(nmi(pred, gold)).toBeCloseTo(mi / ((hp + hg) / 2), 12);
		expect(nmi(pred, gold)).toBeCloseTo(0.4787, 4);
	});

	it('one cluster for everything: NMI 0, ARI 0, purity = majority share', () => {
		const gold = ['a', 'a', 'a', 'b'];
		expect(nmi([0, 0, 0, 0], gold)).toBe(0);
		expect(ari([0, 0, 0, 0], gold)).toBeCloseTo(0, 12);
		expect(purity([0, 0, 0, 0], gold)).toBe(0.75);
	});

	it('rejects arrays of different lengths', () => {
		expect(() => nmi([0], ['a', 'b'])).toThrow(/length/);
	});
});
