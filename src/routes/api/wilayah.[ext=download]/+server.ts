// /wilayah's ranking: the same rows in the same order as the page.
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { regionTable } from '$lib/server/export/tables';
import { LEVELS, REGION_SORTS, regionRanking } from '$lib/server/queries/regions';
import { choiceOr400, filtersOr400 } from '$lib/server/request';

export const GET = download(regionTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	const level = choiceOr400(event.url, lang, 'level', LEVELS, 'regency');
	const sort = choiceOr400(event.url, lang, 'sort', REGION_SORTS, 'n');
	return {
		filename: `${regionTable.name}-${level === 'province' ? 'provinsi' : 'kabkota'}${filterSuffix(filters)}`,
		filters,
		params: { level, sort },
		rows: (await regionRanking(filters, level, sort)).map((r) => ({ ...r, level }))
	};
});
