// /wilayah's ranking as CSV: the same rows in the same order as the page.
import { filterSuffix } from '$lib/filters';
import { csvResponse, pct, r2 } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { LEVELS, REGION_SORTS, regionRanking } from '$lib/server/queries/regions';
import { choiceOr400, filtersOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		const level = choiceOr400(event.url, lang, 'level', LEVELS, 'regency');
		const sort = choiceOr400(event.url, lang, 'sort', REGION_SORTS, 'n');
		const rows = await regionRanking(filters, level, sort);
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
				r.n,
				r2(r.per100k),
				pct(r.followUpRate),
				pct(r.comply3),
				pct(r.comply5),
				level === 'regency' ? r.province_rank : null,
				r.band
			])
		};
	});
