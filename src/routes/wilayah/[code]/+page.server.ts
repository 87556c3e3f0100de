import { error } from '@sveltejs/kit';
import { FILTER_KEYS, filterQuery } from '$lib/filters';
import { compareHref } from '$lib/compare';
import { i18n, translate } from '$lib/i18n';
import { Lru, memo } from '$lib/server/cache';
import type { Choropleth } from '$lib/server/charts';
import { currentScope } from '$lib/server/auth/context';
import { covers } from '$lib/server/auth/scope';
import { requestLang } from '$lib/server/lang';
import { trendChart } from '$lib/server/plot';
import { AGENCY_PAGE_ROWS, AGENCY_SORTS, agencyLeague } from '$lib/server/queries/agencies';
import { regionByCode } from '$lib/server/queries/options';
import { kpis, monthly, warehouseFacts } from '$lib/server/queries/overview';
import { regionRanking } from '$lib/server/queries/regions';
import { DEFAULT_MAP_METRIC, MAP_METRICS, MAP_METRIC_LABEL, regionMap } from '$lib/server/region-map';
import { choiceOr400, filtersOr400 } from '$lib/server/request';
import type { SafeSvg } from '$lib/svg';
import type { PageServerLoad } from './$types';

const charts = new Lru<Promise<SafeSvg>>(200);
const maps = new Lru<Promise<Choropleth>>(100);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const code = event.params.code;
	const region = /^\d{2}(\.\d{2})?$/.test(code) ? await regionByCode(code) : undefined;
	if (!region) error(404, { code: 'not_found', message: translate(lang, 'region.notFound', { code: code.slice(0, 40) }) });
	// The page is scoped to its region whatever ?region= says; the other filters apply.
	const filters = { ...filtersOr400(event.url, lang), region: code };
	const sort = choiceOr400(event.url, lang, 'sort', AGENCY_SORTS, 'n');
	const metric = choiceOr400(event.url, lang, 'metric', MAP_METRICS, DEFAULT_MAP_METRIC);
	const [k, m, agencies, kabkota, province, facts] = await Promise.all([
		kpis(filters),
		monthly(filters),
		agencyLeague(filters, sort),
		region.level === 'province' ? regionRanking(filters, 'regency', 'n') : Promise.resolve([]),
		region.level === 'regency' ? regionByCode(region.province_code) : Promise.resolve(undefined),
		warehouseFacts()
	]);
	const L = i18n(lang);
	const chart = await memo(charts, `${lang}|${JSON.stringify(filters)}`, async () => trendChart(m, L));
	const { region: _r, ...rest } = filters;
	const others = { ...rest, region: null };
	const linkQuery = filterQuery(others);
	// A province shows its kab/kota on a map (kabkota is empty for a kab/kota page).
	const map = kabkota.length
		? await memo(maps, `${lang}|${metric}|${JSON.stringify(filters)}`, async () => regionMap(kabkota, 'regency', metric, L, linkQuery))
		: null;
	const view = { sort: sort === 'n' ? null : sort, metric: metric === DEFAULT_MAP_METRIC ? null : metric };
	return {
		lang,
		region,
		province,
		filters,
		kpis: k,
		chart,
		months: m,
		agencies: agencies.slice(0, AGENCY_PAGE_ROWS),
		agencyTotal: agencies.length,
		kabkota,
		sort,
		map,
		metric,
		metrics: MAP_METRICS.map((x) => ({
			m: x,
			label: MAP_METRIC_LABEL[x],
			href: `/wilayah/${code}${filterQuery(others, { ...view, metric: x === DEFAULT_MAP_METRIC ? null : x })}`
		})),
		sortHrefs: Object.fromEntries(
			AGENCY_SORTS.map((s) => [s, `/wilayah/${code}${filterQuery(others, { ...view, sort: s === 'n' ? null : s })}`])
		),
		linkQuery,
		// Compare this region: a kab/kota with its province at once (if the user may see it), else on its own in the picker.
		compareHref: compareHref('/banding', others, {
			kind: 'region',
			keys: region.level === 'regency' && covers(currentScope(), region.province_code) ? [code, region.province_code] : [code]
		}),
		// The forms under the kab/kota and agency tables: their filters (agencies within this region).
		compareFilters: {
			regions: FILTER_KEYS.filter((k) => k !== 'region' && filters[k]).map((k) => [k, filters[k]!] as [string, string]),
			agencies: FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]!] as [string, string])
		},
		complaintsHref: `/aduan${filterQuery(filters)}`,
		agenciesCsv: `/api/instansi.csv${filterQuery(filters, { sort: sort === 'n' ? null : sort })}`,
		kabkotaCsv: `/api/wilayah.csv${filterQuery(filters)}`,
		// The monthly briefing of the selected period's last month, else of the last month with data.
		briefingMonth: filters.to ?? facts.last_month
	};
};

// Links and GET forms only: no client-side JS, so the charts and the map are not shipped a
// second time inside the hydration data.
export const csr = false;
