// The recommendation engine's public shapes, shared by /rekomendasi and the monthly briefing.
import type { AreaLevel } from '../core/vocab';

export type Severity = 'tinggi' | 'sedang' | 'rendah'; // high / medium / low
/** What a finding is about: an area, an OPD type or a policy theme (topik). */
export type ScopeLevel = AreaLevel | 'opd' | 'topik';

/** One figure behind a recommendation. `label`/`value` are already localised (id-ID or en numbers). */
interface Evidence {
	label: string;
	value: string;
	/** Link to the view the figure can be checked in, e.g. `/instansi/dinas?region=36.03&from=2020-04&to=2020-04`. */
	href?: string;
}

export interface Recommendation {
	/** `${rule}:${scopeWord(scope.level)}:${scope.code ?? ''}` (common.ts): stable, used for de-duplication. */
	key: string;
	/** Rule id, e.g. 'deadline_breach' (see README.md). */
	rule: string;
	severity: Severity;
	/** Ranking score, higher first. */
	score: number;
	scope: { level: ScopeLevel; code: string | null; name: string };
	/** One line, localised. */
	title: string;
	/** What officials should do, localised (Bahasa Indonesia first). */
	action: string;
	/** The figures that triggered it, with links to the evidence views. */
	evidence: Evidence[];
}
