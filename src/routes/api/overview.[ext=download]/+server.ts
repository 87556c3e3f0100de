// The overview's top-categories table: the same rows, in the same order, as the page shows for the same ?from=&to=.
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { overviewTable } from '$lib/server/export/tables';
import { topCategories } from '$lib/server/queries/overview';
import { filtersOr400 } from '$lib/server/request';

export const GET = download(overviewTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	return { filename: `${overviewTable.name}${filterSuffix(filters)}`, filters, rows: await topCategories(filters) };
});
