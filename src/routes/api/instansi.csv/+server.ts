// /instansi's league table as CSV: the same rows in the same order as the page.
import { filterSuffix } from '$lib/filters';
import { csvResponse, pct, r2 } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { AGENCY_SORTS, agencyLeague } from '$lib/server/queries/agencies';
import { choiceOr400, filtersOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		const sort = choiceOr400(event.url, lang, 'sort', AGENCY_SORTS, 'n');
		const rows = await agencyLeague(filters, sort);
		return {
			filename: `telaah-instansi${filterSuffix(filters)}.csv`,
			header: [
				'rank',
				'opd_type',
				'agency',
				'complaints',
				'response_median_days',
				'response_p90_days',
				'close_median_days',
				'verification_due',
				'verification_breach_pct',
				'followup_due',
				'followup_breach_pct',
				'older_than_60d',
				'unresolved_60d_pct',
				'authority'
			],
			rows: rows.map((r, i) => [
				i + 1,
				r.opd_type,
				r.agency,
				r.n,
				r2(r.response_median),
				r2(r.response_p90),
				r2(r.close_median),
				r.due3,
				pct(r.breach3Rate),
				r.due5,
				pct(r.breach5Rate),
				r.old60,
				pct(r.unresolved60Rate),
				r.authority
			])
		};
	});
