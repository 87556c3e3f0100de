// Helpers every rule uses: building a Recommendation, its score, evidence links, peers.
import type { I18n } from '$lib/i18n';
import { AREA_LEVEL_WORD } from '../core/vocab';
import type { Thresholds } from './config';
import type { RecommendInputs, RegionStat } from './inputs';
import type { Recommendation, ScopeLevel, Severity } from './types';

/** A rule: typed input rows + thresholds → findings, localised with `L`. Pure. */
export type Rule = (inputs: RecommendInputs, th: Thresholds, L: I18n) => Recommendation[];

const SEVERITY_BASE: Record<Severity, number> = { tinggi: 3, sedang: 2, rendah: 1 };

/** Severity dominates the ranking; `strength` (clamped to 0..1) orders findings of equal severity. */
export function scoreOf(severity: Severity, strength: number): number {
	const s = Number.isFinite(strength) ? Math.min(1, Math.max(0, strength)) : 0;
	return Math.round((SEVERITY_BASE[severity] + s) * 1000) / 1000;
}

/** A scope level as keys and the `scope_level` download column spell it (vocab.ts AREA_LEVEL_WORD). */
export const scopeWord = (level: ScopeLevel): string => (level === 'opd' || level === 'topik' ? level : AREA_LEVEL_WORD[level]);

export function recommendation(r: Omit<Recommendation, 'key'>): Recommendation {
	return { key: `${r.rule}:${scopeWord(r.scope.level)}:${r.scope.code ?? ''}`, ...r };
}

/** An app link with query parameters (empty ones dropped). */
export function href(path: string, params: Record<string, string | null | undefined>): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
	const s = q.toString();
	return s ? `${path}?${s}` : path;
}

/** The region view of a code, or the overview for the nation. */
export const regionPath = (code: string | null) => (code ? `/wilayah/${code}` : '/');

/** "x dari y (z%)" style figure. */
export const shareText = (L: I18n, part: number, whole: number) =>
	L.t('rec.ofTotal', { part: L.int(part), whole: L.int(whole), pct: L.pct(whole ? part / whole : 0) });

/**
 * The regions a region-level rule looks at for an area: the kab/kota itself; a province and its
 * kab/kota; for the nation every kab/kota.
 */
export function candidateRegions(inputs: RecommendInputs): RegionStat[] {
	const { area, regions } = inputs;
	if (area.level === 'national') return regions.filter((r) => r.level === 'regency');
	if (area.level === 'regency') return regions.filter((r) => r.code === area.code);
	return regions.filter((r) => r.code === area.code || (r.level === 'regency' && r.provinceCode === area.code));
}
