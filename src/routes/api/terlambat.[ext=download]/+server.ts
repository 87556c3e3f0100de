// /aduan/terlambat's work list: every open complaint past its verification or first-response
// deadline (up to CSV_LIMIT) under the filters, per OPD, oldest first, with the working days
// overdue. A deadline the loaded files cannot tell (no verification or response dates) is "tidak
// tersedia" in its column. No body text; the title is empty for confidential complaints.
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { lateTable } from '$lib/server/export/tables';
import { lateCsvRows } from '$lib/server/queries/late';
import { filtersOr400 } from '$lib/server/request';

export const GET = download(lateTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	return { filename: `${lateTable.name}${filterSuffix(filters)}`, filters, rows: await lateCsvRows(filters) };
});
