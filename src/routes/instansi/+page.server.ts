import { FILTER_KEYS, filterQuery } from '$lib/filters';
import { requestLang } from '$lib/server/lang';
import { AGENCY_SORTS, agencyLeague } from '$lib/server/queries/agencies';
import { warehouseAsOfEvent } from '$lib/server/queries/asof';
import { choiceOr400, filtersOr400 } from '$lib/server/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const sort = choiceOr400(event.url, lang, 'sort', AGENCY_SORTS, 'n');
	const [rows, asOf] = await Promise.all([agencyLeague(filters, sort), warehouseAsOfEvent()]);
	return {
		lang,
		filters,
		sort,
		rows,
		asOf,
		byAgency: Boolean(filters.region),
		linkQuery: filterQuery(filters),
		// The "Bandingkan" form: every filter (agencies are compared within the region filter).
		compareFilters: FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]!] as [string, string]),
		sortHrefs: Object.fromEntries(AGENCY_SORTS.map((s) => [s, `/instansi${filterQuery(filters, { sort: s === 'n' ? null : s })}`])),
		csvHref: `/api/instansi.csv${filterQuery(filters, { sort: sort === 'n' ? null : sort })}`
	};
};
