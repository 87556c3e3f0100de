// The recommendation engine's public shapes, shared by /rekomendasi and the monthly briefing.
export type Severity = 'tinggi' | 'sedang' | 'rendah'; // high / medium / low
export type ScopeLevel = 'nasional' | 'provinsi' | 'kabkota' | 'opd' | 'topik';

/** One figure behind a recommendation. `label`/`value` are already localised (id-ID or en numbers). */
interface Evidence {
	label: string;
	value: string;
	/** Link to the view the figure can be checked in, e.g. `/instansi/dinas?region=36.03&from=2020-04&to=2020-04`. */
	href?: string;
}

export interface Recommendation {
	/** `${rule}:${scope.level}:${scope.code ?? ''}`: stable, used for de-duplication. */
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

/** The area a set of recommendations is for. */
export type Area = { level: 'nasional' } | { level: 'provinsi' | 'kabkota'; code: string };
