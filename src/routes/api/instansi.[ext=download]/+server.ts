// /instansi's league table: the same rows in the same order as the page.
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { agencyTable } from '$lib/server/export/tables';
import { AGENCY_SORTS, agencyLeague } from '$lib/server/queries/agencies';
import { choiceOr400, filtersOr400 } from '$lib/server/request';

export const GET = download(agencyTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	const sort = choiceOr400(event.url, lang, 'sort', AGENCY_SORTS, 'n');
	return { filename: `${agencyTable.name}${filterSuffix(filters)}`, filters, params: { sort }, rows: await agencyLeague(filters, sort) };
});
