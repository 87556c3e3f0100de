// /instansi's league table as CSV: the same rows in the same order as the page.
import { filterSuffix } from '$lib/filters';
import { csvResponse, metricCell, r2 } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { AGENCY_SORT, agencyLeague } from '$lib/server/queries/agencies';
import { filtersOr400, sortOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		const sort = sortOr400(event.url, lang, AGENCY_SORT);
		const rows = await agencyLeague(filters, sort.key, sort.dir, lang);
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
				metricCell('medianResponseDays', r.medianResponseDays, lang),
				r2(r.responseP90),
				metricCell('closeMedianDays', r.closeMedianDays, lang),
				r.breach3Rate.den,
				metricCell('breach3Rate', r.breach3Rate, lang),
				r.breach5Rate.den,
				metricCell('breach5Rate', r.breach5Rate, lang),
				r.unresolved60Rate.den,
				metricCell('unresolved60Rate', r.unresolved60Rate, lang),
				r.authority
			])
		};
	});
