import { describe, expect, it } from 'vitest';
import { recommendation } from './common';
import { rank } from './rank';
import type { Recommendation, ScopeLevel, Severity } from './types';

const rec = (rule: string, level: ScopeLevel, code: string | null, score: number, severity: Severity = 'sedang'): Recommendation =>
	recommendation({
		rule,
		severity,
		score,
		scope: { level, code, name: code ?? 'Nasional' },
		title: `${rule} ${code}`,
		action: 'a',
		evidence: []
	});

const TH = { limit: 5, maxPerRule: 2 };

describe('rank', () => {
	it('sorts by score, ties by key', () => {
		const out = rank([rec('a', 'regency', '11.01', 2.1), rec('c', 'regency', '11.01', 3.5), rec('b', 'regency', '11.01', 2.1)], TH);
		expect(out.map((r) => r.rule)).toEqual(['c', 'a', 'b']);
	});

	it('keeps the highest-scoring copy of one key', () => {
		const out = rank([rec('a', 'opd', 'dinas', 2.2), rec('a', 'opd', 'dinas', 2.9)], TH);
		expect(out).toHaveLength(1);
		expect(out[0]!.score).toBe(2.9);
	});

	it('drops narrower findings of a rule that also fired at a broader scope', () => {
		const out = rank(
			[
				rec('deadline_breach', 'opd', 'dinas', 3.9),
				rec('deadline_breach', 'regency', '11.01', 2.5),
				rec('backlog', 'regency', '11.01', 2.4)
			],
			TH
		);
		expect(out.map((r) => r.key)).toEqual(['deadline_breach:kabkota:11.01', 'backlog:kabkota:11.01']);
	});

	it('keeps narrower findings when the rule has no broader one', () => {
		const out = rank([rec('deadline_breach', 'opd', 'dinas', 2.5), rec('deadline_breach', 'opd', 'rsud', 2.6)], TH);
		expect(out.map((r) => r.scope.code)).toEqual(['rsud', 'dinas']);
	});

	it('caps findings per rule and in total', () => {
		const many = ['11.01', '11.02', '11.03'].flatMap((code, i) => [
			rec('low_reporting', 'regency', code, 3 - i / 10),
			rec('channel_mix', 'regency', code, 1 + i / 10)
		]);
		const out = rank([...many, rec('backlog', 'national', null, 2)], TH);
		expect(out.map((r) => r.key)).toEqual([
			'low_reporting:kabkota:11.01',
			'low_reporting:kabkota:11.02',
			'backlog:nasional:',
			'channel_mix:kabkota:11.03',
			'channel_mix:kabkota:11.02'
		]);
		expect(rank(many, TH, 1)).toHaveLength(1);
	});
});
