import { describe, expect, it } from 'vitest';
import RAW from './thresholds.json';
import { parseThresholds, THRESHOLDS } from './config';

describe('thresholds config', () => {
	it('loads the shipped thresholds.json', () => {
		expect(THRESHOLDS.deadline_breach.share5).toBe(RAW.deadline_breach.share5);
		expect(THRESHOLDS.limit).toBeGreaterThan(0);
	});

	it('fails loudly with the path of a bad value', () => {
		const bad = structuredClone(RAW) as Record<string, unknown>;
		(bad.backlog as Record<string, unknown>).share60 = 1.5;
		expect(() => parseThresholds(bad, 'x.json')).toThrow(/Invalid recommendation thresholds in x\.json[\s\S]*backlog\.share60/);
	});

	it('rejects missing sections, unknown keys and inconsistent windows', () => {
		const { low_reporting: _, ...missing } = RAW;
		expect(() => parseThresholds(missing)).toThrow(/low_reporting/);
		expect(() => parseThresholds({ ...RAW, channel_mix: { ...RAW.channel_mix, minGapp: 0.2 } })).toThrow(/minGapp/);
		expect(() => parseThresholds({ ...RAW, recurring: { ...RAW.recurring, minMonthsPresent: 13 } })).toThrow(/minMonthsPresent/);
	});
});
