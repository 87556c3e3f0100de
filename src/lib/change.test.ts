import { describe, expect, it } from 'vitest';
import { arrowOf, changeOf, formatChange, yearEarlier, yearOnYear } from './change';
import { i18n } from './i18n';

describe('changes between two figures', () => {
	it('is relative for counts and medians, in points for rates', () => {
		expect(changeOf(120, 100, 'rel')).toBeCloseTo(0.2, 12);
		expect(changeOf(80, 100, 'rel')).toBeCloseTo(-0.2, 12);
		expect(changeOf(0.55, 0.5, 'pts')).toBeCloseTo(5, 12);
		expect(changeOf(0.5, 0.5, 'pts')).toBe(0);
	});

	it('has none without both figures, or relative to zero', () => {
		expect(changeOf(null, 100, 'rel')).toBeNull();
		expect(changeOf(100, null, 'pts')).toBeNull();
		expect(changeOf(5, 0, 'rel')).toBeNull();
		expect(changeOf(0.2, 0, 'pts')).toBeCloseTo(20, 12);
		expect(changeOf(Number.NaN, 1, 'rel')).toBeNull();
	});

	it('is written signed with one decimal in the UI language, with its arrow', () => {
		expect(formatChange(0.125, 'rel', i18n('id'))).toBe('+12,5%');
		expect(formatChange(-1.25, 'pts', i18n('id'))).toBe('-1,3 poin');
		expect(formatChange(-0.031, 'rel', i18n('en'))).toBe('-3.1%');
		expect(formatChange(0, 'pts', i18n('en'))).toBe('0.0 pts');
		expect([arrowOf(2), arrowOf(-0.1), arrowOf(0)]).toEqual(['▲', '▼', '▬']);
	});
});

describe('the same period a year earlier', () => {
	it('moves both ends back twelve months, across year ends', () => {
		expect(yearEarlier({ from: '2024-01', to: '2024-03' })).toEqual({ from: '2023-01', to: '2023-03' });
		expect(yearEarlier({ from: '2023-11', to: '2024-02' })).toEqual({ from: '2022-11', to: '2023-02' });
	});

	it('compares periods of up to twelve months only (a longer one overlaps its twin)', () => {
		expect(yearOnYear({ from: '2024-06', to: '2024-06' })).toEqual({
			current: { from: '2024-06', to: '2024-06' },
			previous: { from: '2023-06', to: '2023-06' }
		});
		expect(yearOnYear({ from: '2023-01', to: '2023-12' })?.previous).toEqual({ from: '2022-01', to: '2022-12' });
		expect(yearOnYear({ from: '2023-01', to: '2024-01' })).toBeNull();
	});
});
