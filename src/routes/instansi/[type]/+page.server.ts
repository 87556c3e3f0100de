import { error } from '@sveltejs/kit';
import { filterQuery } from '$lib/filters';
import { i18n, translate } from '$lib/i18n';
import { Lru, memo } from '$lib/server/cache';
import { requestLang } from '$lib/server/lang';
import { trendChart } from '$lib/server/plot';
import { AGENCY_PAGE_ROWS, AGENCY_SORT, opdTypeAgencies, opdTypeMonthly, opdTypeSummary } from '$lib/server/queries/agencies';
import { regionByCode } from '$lib/server/queries/options';
import { warehouseAsOfEvent } from '$lib/server/queries/asof';
import { filtersOr400, sortOr400 } from '$lib/server/request';
import { sortHrefs, sortValue } from '$lib/sort';
import { OPD_TYPES } from '$lib/core/vocab';
import { NO_SVG, type SafeSvg } from '$lib/svg';
import type { PageServerLoad } from './$types';

const charts = new Lru<Promise<SafeSvg>>(200);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const type = event.params.type;
	if (!Object.hasOwn(OPD_TYPES, type))
		error(404, { code: 'not_found', message: translate(lang, 'agency.notFound', { type: type.slice(0, 40) }) });
	const filters = filtersOr400(event.url, lang);
	const sort = sortOr400(event.url, lang, AGENCY_SORT);
	const [summary, agencies, months, asOf, region] = await Promise.all([
		opdTypeSummary(filters, type),
		opdTypeAgencies(filters, type, sort.key, sort.dir, lang),
		opdTypeMonthly(filters, type),
		warehouseAsOfEvent(),
		filters.region ? regionByCode(filters.region) : Promise.resolve(undefined)
	]);
	const L = i18n(lang);
	const chart = months.length
		? await memo(charts, `${lang}|${type}|${JSON.stringify(filters)}`, async () => trendChart(months, L))
		: NO_SVG;
	return {
		lang,
		type,
		filters,
		summary,
		agencies: agencies.slice(0, AGENCY_PAGE_ROWS),
		agencyTotal: agencies.length,
		regionName: region?.short_name ?? null,
		chart,
		months,
		asOf,
		linkQuery: filterQuery(filters),
		sort,
		sortHrefs: sortHrefs(AGENCY_SORT, sort, (v) => `/instansi/${type}${filterQuery(filters, { sort: v })}#h-agencies`),
		downloadHref: `/api/instansi/${type}${filterQuery(filters, { sort: sortValue(AGENCY_SORT, sort) })}`
	};
};
