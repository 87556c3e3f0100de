// /aduan/terlambat's work list as CSV: every open complaint past its verification or first-response
// deadline (up to CSV_LIMIT) under the filters, per OPD, oldest first, with the working days overdue.
// A deadline the loaded files cannot tell (no verification or response dates) reads "tidak
// tersedia" in its column. No body text; the title is empty for confidential complaints.
import { filterSuffix } from '$lib/filters';
import { translate } from '$lib/i18n';
import { csvResponse } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { lateCsvRows } from '$lib/server/queries/late';
import { filtersOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		const rows = await lateCsvRows(filters);
		const absent = translate(lang, 'metric.absent');
		const cell = (known: boolean, v: number | null) => (known ? v : absent);
		return {
			filename: `telaah-terlambat${filterSuffix(filters)}.csv`,
			header: [
				'agency',
				'opd_type',
				'tracking_id',
				'created_at',
				'title',
				'regency',
				'district',
				'status',
				'verification_overdue_wd',
				'response_overdue_wd',
				'confidential'
			],
			rows: rows.map((r) => [
				r.agency,
				r.opd_type,
				r.tracking_id,
				r.created_at,
				r.is_confidential ? null : r.title,
				r.regency_name,
				r.district_name,
				r.status,
				cell(r.verify_known, r.verify_late),
				cell(r.respond_known, r.respond_late),
				r.is_confidential
			])
		};
	});
