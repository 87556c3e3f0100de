import { error } from '@sveltejs/kit';
import { translate, type Lang } from '$lib/i18n';
import { parseFilters, type Filters } from '$lib/filters';
import { parseSelection, type Selection } from '$lib/compare';
import { parseSearch, SEARCH_MAX_CHARS, SEARCH_MAX_TERMS, type SearchTerms } from '$lib/core/search';
import { currentScope } from './auth/context';
import { scopedRegion } from './auth/scope';
import { isRegionCode } from './region-codes';
import { parseSort, sortChoices, type SortSpec, type SortState } from '$lib/sort';

/**
 * The global filters of a request, or a 400 with a message that says what to fix (a region code
 * of no region too: `?region=99` is no empty view). The region filter is the user's scope
 * (auth/scope.ts): none asked → the user's own region; a region outside the scope → 403.
 */
export function filtersOr400(url: URL, lang: Lang): Filters {
	const r = parseFilters(url.searchParams);
	if (r.ok && r.filters.region && !isRegionCode(r.filters.region))
		error(400, { code: 'bad_filter', message: translate(lang, 'filter.unknownRegion', { value: r.filters.region }) });
	if (r.ok) {
		const scoped = scopedRegion(currentScope(), r.filters.region);
		if (!scoped) error(403, { code: 'region_out_of_scope', message: translate(lang, 'auth.outOfScope') });
		return { ...r.filters, region: scoped.region };
	}
	const p = r.problem;
	const message =
		p.kind === 'format'
			? translate(lang, 'period.badFormat', { param: p.param, value: p.value.slice(0, 40) })
			: p.kind === 'order'
				? translate(lang, 'period.order', { from: p.from, to: p.to })
				: translate(lang, 'filter.badValue', { param: p.param, value: p.value.slice(0, 40) });
	error(400, { code: 'bad_filter', message });
}

/** One enumerated page parameter (e.g. `?grain=week`): the default when absent, else a 400. */
export function choiceOr400<T extends string>(url: URL, lang: Lang, name: string, choices: readonly T[], fallback: T): T {
	const raw = url.searchParams.get(name);
	if (raw === null || raw === '') return fallback;
	if ((choices as readonly string[]).includes(raw)) return raw as T;
	error(400, {
		code: 'bad_param',
		message: translate(lang, 'param.bad', { param: name, value: raw.slice(0, 40), choices: choices.join(', ') })
	});
}

/** What /banding compares ($lib/compare.ts), or a 400 that says what to fix; null when nothing is chosen. */
export function selectionOr400(url: URL, lang: Lang): Selection | null {
	const r = parseSelection(url.searchParams);
	if (r.ok) return r.selection;
	const p = r.problem;
	const message =
		p.kind === 'value'
			? translate(lang, 'filter.badValue', { param: p.param, value: p.value.slice(0, 40) })
			: p.kind === 'mixed'
				? translate(lang, 'compare.mixed')
				: translate(lang, 'compare.tooMany', { n: p.n, max: p.max });
	error(400, { code: 'bad_filter', message });
}

/** A table's order from its URL parameter (`sort=-breach5`, sort.ts): the initial order when absent, else a 400. */
export function sortOr400<K extends string>(url: URL, lang: Lang, spec: SortSpec<K>): SortState<K> {
	const raw = url.searchParams.get(spec.param);
	const s = parseSort(spec, raw);
	if (s) return s;
	error(400, {
		code: 'bad_param',
		message: translate(lang, 'param.bad', { param: spec.param, value: (raw ?? '').slice(0, 40), choices: sortChoices(spec) })
	});
}

/** The words of `?q=` (core/search.ts): none when absent, else a 400 that says what is too much. */
export function searchOr400(url: URL, lang: Lang): SearchTerms {
	const r = parseSearch(url.searchParams.get('q'));
	if (r.ok) return r.terms;
	error(400, {
		code: 'bad_search',
		message: translate(lang, r.problem === 'too_long' ? 'search.tooLong' : 'search.tooMany', {
			chars: SEARCH_MAX_CHARS,
			terms: SEARCH_MAX_TERMS
		})
	});
}
