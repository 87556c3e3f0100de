// /aduan's list, streamed: up to CSV_LIMIT complaints matching the filters and the search (?q=), newest first. No body
// text; the title is empty for confidential complaints (withheld in SQL); no reporter data exists.
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { complaintsTable } from '$lib/server/export/tables';
import { complaintCsvRows } from '$lib/server/queries/complaints';
import { filtersOr400, searchOr400 } from '$lib/server/request';

export const GET = download(complaintsTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	const terms = searchOr400(event.url, lang);
	return { filename: `${complaintsTable.name}${filterSuffix(filters)}`, filters, rows: complaintCsvRows(filters, terms) };
});
