// /aduan's list as CSV, streamed: up to CSV_LIMIT complaints matching the filters and the search (?q=), newest first. No body
// text; the title is empty for confidential complaints (withheld in SQL); no reporter data exists.
import { filterSuffix } from '$lib/filters';
import { csvStreamResponse } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { complaintCsvRows } from '$lib/server/queries/complaints';
import { filtersOr400, searchOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

async function* cells(batches: ReturnType<typeof complaintCsvRows>) {
	for await (const rows of batches)
		yield rows.map((r) => [
			r.tracking_id,
			r.created_at,
			r.is_confidential ? null : r.title,
			r.category_top,
			r.province_code,
			r.regency_code,
			r.regency_name ?? r.province_name,
			r.opd_type,
			r.agency_name,
			r.channel,
			r.status,
			r.is_confidential
		]);
}

export const GET: RequestHandler = (event) =>
	csvStreamResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		const terms = searchOr400(event.url, lang);
		return {
			filename: `telaah-aduan${filterSuffix(filters)}.csv`,
			header: [
				'tracking_id',
				'created_at',
				'title',
				'category_top',
				'province_code',
				'regency_code',
				'region',
				'opd_type',
				'agency',
				'channel',
				'status',
				'confidential'
			],
			batches: cells(complaintCsvRows(filters, terms))
		};
	});
