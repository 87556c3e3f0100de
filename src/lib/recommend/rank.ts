// Ranking and de-duplication, so a briefing shows the few findings that matter.
//
// Policy, in order:
// 1. Same key (rule + scope): keep the highest score.
// 2. Narrower duplicate: when a rule has a finding at a broader scope, its findings at narrower
//    scopes are dropped. Every finding of one call lies inside the same area, so the narrower ones
//    are parts of the broader one (an OPD type's breach inside a region-wide breach; a kab/kota's
//    low reporting inside its province's) and the broader finding's evidence names the worst parts.
//    Scope order: national > province > regency > opd = topik.
// 3. Sort by score (severity first, then strength), ties by key, so the order is stable.
// 4. At most `maxPerRule` per rule, then at most `limit` in all.
import type { Thresholds } from './config';
import type { Recommendation, ScopeLevel } from './types';

const SCOPE_RANK: Record<ScopeLevel, number> = { national: 0, province: 1, regency: 2, opd: 3, topik: 3 };

export function rank(recs: readonly Recommendation[], th: Pick<Thresholds, 'limit' | 'maxPerRule'>, limit = th.limit): Recommendation[] {
	const byKey = new Map<string, Recommendation>();
	for (const r of recs) {
		const seen = byKey.get(r.key);
		if (!seen || r.score > seen.score) byKey.set(r.key, r);
	}
	const broadest = new Map<string, number>();
	for (const r of byKey.values()) broadest.set(r.rule, Math.min(broadest.get(r.rule) ?? Infinity, SCOPE_RANK[r.scope.level]));
	const kept = [...byKey.values()]
		.filter((r) => SCOPE_RANK[r.scope.level] === broadest.get(r.rule))
		.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
	const perRule = new Map<string, number>();
	const out: Recommendation[] = [];
	for (const r of kept) {
		const n = perRule.get(r.rule) ?? 0;
		if (n >= th.maxPerRule) continue;
		perRule.set(r.rule, n + 1);
		out.push(r);
		if (out.length >= limit) break;
	}
	return out;
}
