// /tren's data, long format: one row per (dimension, period start, key) with its count, for the
// same filters and grain as the page. key is "lainnya" for the other categories.
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { trendTable } from '$lib/server/export/tables';
import { GRAINS, trends } from '$lib/server/queries/trends';
import { choiceOr400, filtersOr400 } from '$lib/server/request';

export const GET = download(trendTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	const grain = choiceOr400(event.url, lang, 'grain', GRAINS, 'month');
	return {
		filename: `${trendTable.name}-${grain === 'week' ? 'mingguan' : 'bulanan'}${filterSuffix(filters)}`,
		filters,
		params: { grain },
		rows: (await trends(filters, grain)).rows
	};
});
