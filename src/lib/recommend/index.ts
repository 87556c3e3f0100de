// The recommendation engine: pure rules over query rows (no I/O), then rank().
// Rules are documented in README.md; thresholds live in thresholds.json (config.ts).
import type { I18n } from '$lib/i18n';
import { isRegionLevel } from '../core/vocab';
import type { Rule } from './common';
import type { Thresholds } from './config';
import type { RecommendInputs } from './inputs';
import { backlog } from './rules/backlog';
import { channelMix } from './rules/channel-mix';
import { deadlineBreach } from './rules/deadline';
import { lowReporting } from './rules/low-reporting';
import { recurring } from './rules/recurring';
import { removedUnverified } from './rules/removed';
import { themeSpike } from './rules/theme-spike';
import type { Recommendation } from './types';

const RULES: Record<string, Rule> = {
	deadline_breach: deadlineBreach,
	backlog,
	theme_spike: themeSpike,
	low_reporting: lowReporting,
	recurring,
	channel_mix: channelMix,
	removed_unverified: removedUnverified
};

/** Every finding of every rule, unranked. */
export function findings(inputs: RecommendInputs, th: Thresholds, L: I18n): Recommendation[] {
	return Object.values(RULES).flatMap((rule) => rule(inputs, th, L));
}

/**
 * Regions that most need attention (national view): kab/kota and provinces with findings,
 * by the sum of their findings' scores.
 */
export function regionsNeedingAttention(recs: readonly Recommendation[], n: number) {
	const by = new Map<string, { code: string; name: string; score: number; rules: string[] }>();
	for (const r of recs) {
		if (!isRegionLevel(r.scope.level) || !r.scope.code) continue;
		const e = by.get(r.scope.code) ?? { code: r.scope.code, name: r.scope.name, score: 0, rules: [] };
		e.score += r.score;
		e.rules.push(r.rule);
		by.set(r.scope.code, e);
	}
	return [...by.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, n);
}
