// /instansi/[type]'s agency table: the same rows in the same order as the page.
import { error } from '@sveltejs/kit';
import { filterSuffix } from '$lib/filters';
import { OPD_TYPES } from '$lib/core/vocab';
import { download } from '$lib/server/export/download';
import { opdTypeTable } from '$lib/server/export/tables';
import { sortValue } from '$lib/sort';
import { AGENCY_SORT, opdTypeAgencies } from '$lib/server/queries/agencies';
import { filtersOr400, sortOr400 } from '$lib/server/request';

export const GET = download(opdTypeTable, async (event, lang) => {
	const type = event.params.type!;
	if (!Object.hasOwn(OPD_TYPES, type)) error(404, 'Unknown OPD type');
	const filters = filtersOr400(event.url, lang);
	const sort = sortOr400(event.url, lang, AGENCY_SORT);
	return {
		filename: `telaah-instansi-${type}${filterSuffix(filters)}`,
		filters,
		params: { type, sort: sortValue(AGENCY_SORT, sort) },
		rows: await opdTypeAgencies(filters, type, sort.key, sort.dir, lang)
	};
});
