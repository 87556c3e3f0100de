import { error } from '@sveltejs/kit';
import { filterQuery } from '$lib/filters';
import { i18n, translate } from '$lib/i18n';
import { Lru, memo } from '$lib/server/cache';
import { requestLang } from '$lib/server/lang';
import { trendChart } from '$lib/server/plot';
import { AGENCY_SORTS, agencyLeague } from '$lib/server/queries/agencies';
import { regionByCode } from '$lib/server/queries/options';
import { kpis, monthly } from '$lib/server/queries/overview';
import { regionRanking } from '$lib/server/queries/regions';
import { choiceOr400, filtersOr400 } from '$lib/server/request';
import type { PageServerLoad } from './$types';

const charts = new Lru<Promise<string>>(200);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const code = event.params.code;
	const region = /^\d{2}(\.\d{2})?$/.test(code) ? await regionByCode(code) : undefined;
	if (!region) error(404, { code: 'not_found', message: translate(lang, 'region.notFound', { code: code.slice(0, 40) }) });
	// The page is scoped to its region whatever ?region= says; the other filters apply.
	const filters = { ...filtersOr400(event.url, lang), region: code };
	const sort = choiceOr400(event.url, lang, 'sort', AGENCY_SORTS, 'n');
	const [k, m, agencies, kabkota, province] = await Promise.all([
		kpis(filters),
		monthly(filters),
		agencyLeague(filters, sort),
		region.level === 'province' ? regionRanking(filters, 'regency', 'n') : Promise.resolve([]),
		region.level === 'regency' ? regionByCode(region.province_code) : Promise.resolve(undefined)
	]);
	const L = i18n(lang);
	const chart = await memo(charts, `${lang}|${JSON.stringify(filters)}`, async () => trendChart(m, L));
	const { region: _r, ...rest } = filters;
	const others = { ...rest, region: null };
	return {
		lang,
		region,
		province,
		filters,
		kpis: k,
		chart,
		agencies,
		kabkota,
		sort,
		sortHrefs: Object.fromEntries(AGENCY_SORTS.map((s) => [s, `/wilayah/${code}${filterQuery(others, { sort: s === 'n' ? null : s })}`])),
		linkQuery: filterQuery(others),
		complaintsHref: `/aduan${filterQuery(filters)}`,
		agenciesCsv: `/api/instansi.csv${filterQuery(filters, { sort: sort === 'n' ? null : sort })}`,
		kabkotaCsv: `/api/wilayah.csv${filterQuery(filters)}`
	};
};
