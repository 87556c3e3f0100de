// Text search over the complaints' title and body (`/aduan?q=`): the words of a query and the one
// SQL condition that matches them. Every word must appear, in the title or the body, in any case;
// "words in quotes" match as one phrase. The words reach DuckDB as bound parameters ($q1 … $q5),
// never as SQL text. Confidential complaints never match: no user may read their text (the
// complaint queries withhold it), so a search must not reveal it either, not even by which
// complaints it returns. A plain scan of the text columns: its cost is measured by `npm run bench`.

export const SEARCH_MAX_TERMS = 5;
export const SEARCH_MAX_CHARS = 200;

export type SearchTerms = readonly string[];
export type SearchResult = { ok: true; terms: SearchTerms } | { ok: false; problem: 'too_long' | 'too_many' };

// Punctuation around a word ("banjir," "(PDAM)") is not part of it; inside it is ("RT.03", "e-KTP").
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** The words of a query, lower-cased, each once; none for an empty query. */
export function parseSearch(raw: string | null | undefined): SearchResult {
	const text = (raw ?? '')
		.normalize('NFKC')
		.replace(/\p{C}+/gu, ' ')
		.trim();
	if (text.length > SEARCH_MAX_CHARS) return { ok: false, problem: 'too_long' };
	const terms: string[] = [];
	for (const m of text.matchAll(/"([^"]*)"|([^\s"]+)/g)) {
		const phrase = m[1] !== undefined;
		const term = (phrase ? m[1]! : m[2]!.replace(EDGE_PUNCTUATION, '')).replace(/\s+/g, ' ').trim().toLowerCase();
		if (term && !terms.includes(term)) terms.push(term);
	}
	if (terms.length > SEARCH_MAX_TERMS) return { ok: false, problem: 'too_many' };
	return { ok: true, terms };
}

const SLOTS = Array.from({ length: SEARCH_MAX_TERMS }, (_, i) => `q${i + 1}`);

/** The bound parameters of SEARCH_WHERE: the terms in order, NULL for the unused slots. */
export function searchParams(terms: SearchTerms): Record<string, string | null> {
	return Object.fromEntries(SLOTS.map((slot, i) => [slot, terms[i] ?? null]));
}

/**
 * Complaints (a row with title, body and is_confidential) matching every bound term; every
 * complaint when there is none ($q1 NULL). DuckDB's lower() on both sides, so case folds the same.
 */
export const SEARCH_WHERE = `($q1 IS NULL OR NOT is_confidential)
	AND ${SLOTS.map((q) => `($${q} IS NULL OR contains(lower(title), lower($${q})) OR contains(lower(body), lower($${q})))`).join('\n\tAND ')}`;
