// /wilayah's ranking as CSV: the same rows in the same order as the page.
import { filterSuffix } from '$lib/filters';
import { translate } from '$lib/i18n';
import { csvResponse, metricCell, r2 } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { LEVELS, REGION_SORT, regionRanking } from '$lib/server/queries/regions';
import { choiceOr400, filtersOr400, sortOr400 } from '$lib/server/request';
import type { Measured } from '$lib/core/metrics';
import type { Lang } from '$lib/i18n';
import type { RequestHandler } from './$types';

// Compliance is 1 − a breach rate (core/metrics.ts complement): formatted as the breach rate is.
const complyCell = (m: Measured, lang: Lang) => metricCell('breach3Rate', m, lang);

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		const level = choiceOr400(event.url, lang, 'level', LEVELS, 'regency');
		const sort = sortOr400(event.url, lang, REGION_SORT);
		const rows = await regionRanking(filters, level, sort.key, sort.dir);
		return {
			filename: `telaah-wilayah-${level === 'province' ? 'provinsi' : 'kabkota'}${filterSuffix(filters)}.csv`,
			header: [
				'rank',
				'code',
				'name',
				'province_code',
				'population',
				'complaints',
				'per_100k',
				'follow_up_pct',
				'verification_3wd_pct',
				'followup_5wd_pct',
				'rank_in_province',
				'population_quartile'
			],
			rows: rows.map((r, i) => [
				i + 1,
				r.code,
				r.name,
				r.province_code,
				r.population,
				r.covered ? r.n : translate(lang, 'metric.notCovered'),
				r.covered ? r2(r.per100k) : translate(lang, 'metric.notCovered'),
				metricCell('followUpRate', r.followUpRate, lang),
				complyCell(r.comply3, lang),
				complyCell(r.comply5, lang),
				level === 'regency' ? r.province_rank : null,
				r.band
			])
		};
	});
