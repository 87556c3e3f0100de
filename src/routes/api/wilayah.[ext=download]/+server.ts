// /wilayah's ranking: the same rows in the same order as the page.
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { regionTable } from '$lib/server/export/tables';
import { sortValue } from '$lib/sort';
import { AREA_LEVEL_WORD, REGION_LEVELS } from '$lib/core/vocab';
import { REGION_SORT, regionRanking } from '$lib/server/queries/regions';
import { choiceOr400, filtersOr400, sortOr400 } from '$lib/server/request';

export const GET = download(regionTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	const level = choiceOr400(event.url, lang, 'level', REGION_LEVELS, 'regency');
	const sort = sortOr400(event.url, lang, REGION_SORT);
	return {
		filename: `${regionTable.name}-${AREA_LEVEL_WORD[level]}${filterSuffix(filters)}`,
		filters,
		params: { level, sort: sortValue(REGION_SORT, sort) },
		rows: (await regionRanking(filters, level, sort.key, sort.dir)).map((r) => ({ ...r, level }))
	};
});
