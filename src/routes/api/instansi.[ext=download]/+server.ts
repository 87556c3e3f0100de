// /instansi's league table: the same rows in the same order as the page.
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { agencyTable } from '$lib/server/export/tables';
import { sortValue } from '$lib/sort';
import { AGENCY_SORT, agencyLeague } from '$lib/server/queries/agencies';
import { filtersOr400, sortOr400 } from '$lib/server/request';

export const GET = download(agencyTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	const sort = sortOr400(event.url, lang, AGENCY_SORT);
	return {
		filename: `${agencyTable.name}${filterSuffix(filters)}`,
		filters,
		params: { sort: sortValue(AGENCY_SORT, sort) },
		rows: await agencyLeague(filters, sort.key, sort.dir, lang)
	};
});
