import { FILTER_KEYS, filterQuery } from '$lib/filters';
import { requestLang } from '$lib/server/lang';
import { AGENCY_SORT, agencyLeague } from '$lib/server/queries/agencies';
import { warehouseAsOfEvent } from '$lib/server/queries/asof';
import { filtersOr400, sortOr400 } from '$lib/server/request';
import { sortHrefs, sortValue } from '$lib/sort';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const sort = sortOr400(event.url, lang, AGENCY_SORT);
	const [rows, asOf] = await Promise.all([agencyLeague(filters, sort.key, sort.dir, lang), warehouseAsOfEvent()]);
	return {
		lang,
		filters,
		sort,
		rows,
		asOf,
		byAgency: Boolean(filters.region),
		linkQuery: filterQuery(filters),
		// The "Bandingkan" form: every filter but the agency filter (agencies are compared within the region).
		compareFilters: FILTER_KEYS.filter((k) => k !== 'agency' && filters[k]).map((k) => [k, filters[k]!] as [string, string]),
		sortHrefs: sortHrefs(AGENCY_SORT, sort, (v) => `/instansi${filterQuery(filters, { sort: v })}`),
		downloadHref: `/api/instansi${filterQuery(filters, { sort: sortValue(AGENCY_SORT, sort) })}`
	};
};
