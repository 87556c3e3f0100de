import { error } from '@sveltejs/kit';
import { districtWithin, FILTER_KEYS, filterQuery } from '$lib/filters';
import { compareHref } from '$lib/compare';
import { REGION_CODE } from '$lib/core/vocab';
import { i18n, translate } from '$lib/i18n';
import { Lru, memo } from '$lib/server/cache';
import type { Choropleth } from '$lib/server/charts';
import { currentScope } from '$lib/server/auth/context';
import { covers } from '$lib/server/auth/scope';
import { requestLang } from '$lib/server/lang';
import { trendChart } from '$lib/server/plot';
import { AGENCY_PAGE_ROWS, AGENCY_SORT, agencyLeague } from '$lib/server/queries/agencies';
import { byVolume, districtBreakdown } from '$lib/server/queries/districts';
import { rankedBars } from '$lib/server/ranked-bars';
import { regionByCode } from '$lib/server/queries/options';
import { kpis, monthly, warehouseFacts } from '$lib/server/queries/overview';
import { REGION_SORT, regionRanking } from '$lib/server/queries/regions';
import { DEFAULT_MAP_METRIC, MAP_METRICS, MAP_METRIC_LABEL, regionMap } from '$lib/server/region-map';
import { choiceOr400, filtersOr400, sortOr400 } from '$lib/server/request';
import { sortHrefs, sortValue } from '$lib/sort';
import type { SafeSvg } from '$lib/svg';
import type { PageServerLoad } from './$types';

const charts = new Lru<Promise<SafeSvg>>(200);
/** A province's kab/kota table has its own order parameter: `sort` is the agency table's. */
const KABKOTA_SORT = { ...REGION_SORT, param: 'ksort' };
const bars = new Lru<Promise<SafeSvg>>(100);
const maps = new Lru<Promise<Choropleth>>(100);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const code = event.params.code;
	const region = REGION_CODE.test(code) ? await regionByCode(code) : undefined;
	if (!region) error(404, { code: 'not_found', message: translate(lang, 'region.notFound', { code: code.slice(0, 40) }) });
	// The page is scoped to its region whatever ?region= says; the other filters apply.
	const filters = { ...filtersOr400(event.url, lang), region: code };
	// A kecamatan filter must be one of this kab/kota's (parseFilters checks it against ?region= only).
	if (!districtWithin(filters.district, code))
		error(400, { code: 'bad_filter', message: translate(lang, 'filter.badValue', { param: 'district', value: filters.district ?? '' }) });
	const sort = sortOr400(event.url, lang, AGENCY_SORT);
	const ksort = sortOr400(event.url, lang, KABKOTA_SORT);
	const metric = choiceOr400(event.url, lang, 'metric', MAP_METRICS, DEFAULT_MAP_METRIC);
	const [k, m, agencies, kabkota, province, facts, districts] = await Promise.all([
		kpis(filters),
		monthly(filters),
		agencyLeague(filters, sort.key, sort.dir, lang),
		region.level === 'province' ? regionRanking(filters, 'regency', ksort.key, ksort.dir) : Promise.resolve([]),
		region.level === 'regency' ? regionByCode(region.province_code) : Promise.resolve(undefined),
		warehouseFacts(),
		region.level === 'regency' ? districtBreakdown(filters, code) : Promise.resolve(null)
	]);
	const L = i18n(lang);
	const chart = await memo(charts, `${lang}|${JSON.stringify(filters)}`, async () => trendChart(m, L));
	// Links to other regions keep the filters but the kecamatan and agency, which are this region's.
	const { region: _r, ...rest } = filters;
	const others = { ...rest, region: null, district: null, agency: null };
	const linkQuery = filterQuery(others);
	// Kecamatan ranked by volume, the unmatched ones last (they are no kecamatan to rank).
	const districtRows = districts ? byVolume(districts.rows) : [];
	const districtChart =
		districts && districts.districtKnown > 0
			? await memo(bars, `${lang}|${JSON.stringify(filters)}`, async () =>
					rankedBars(
						districtRows.filter((r) => r.code !== null).map((r) => ({ label: r.name!, n: r.n })),
						L,
						{ ariaLabel: L.t('district.chart', { region: region.short_name }) }
					)
				)
			: null;
	// A province shows its kab/kota on a map (kabkota is empty for a kab/kota page).
	const map = kabkota.length
		? await memo(maps, `${lang}|${metric}|${JSON.stringify(filters)}`, async () => regionMap(kabkota, 'regency', metric, L, linkQuery))
		: null;
	const view = {
		sort: sortValue(AGENCY_SORT, sort),
		ksort: sortValue(KABKOTA_SORT, ksort),
		metric: metric === DEFAULT_MAP_METRIC ? null : metric
	};
	return {
		lang,
		region,
		province,
		// A kab/kota user may not open the province's page: its name is then no link.
		provinceLinked: province !== undefined && covers(currentScope(), province.code),
		filters,
		kpis: k,
		chart,
		months: m,
		agencies: agencies.slice(0, AGENCY_PAGE_ROWS),
		agencyTotal: agencies.length,
		kabkota,
		districts: districts && { total: districts.total, districtKnown: districts.districtKnown, rows: districtRows },
		districtChart,
		districtQuery: filterQuery({ ...filters, district: null }),
		districtsHref: `/api/kecamatan${filterQuery({ ...filters, district: null })}`,
		sort,
		map,
		metric,
		metrics: MAP_METRICS.map((x) => ({
			m: x,
			label: MAP_METRIC_LABEL[x],
			href: `/wilayah/${code}${filterQuery(others, { ...view, metric: x === DEFAULT_MAP_METRIC ? null : x })}`
		})),
		sortHrefs: sortHrefs(AGENCY_SORT, sort, (v) => `/wilayah/${code}${filterQuery(others, { ...view, sort: v })}#h-agencies`),
		ksort,
		ksortHrefs: sortHrefs(KABKOTA_SORT, ksort, (v) => `/wilayah/${code}${filterQuery(others, { ...view, ksort: v })}#h-kabkota`),
		linkQuery,
		// Compare this region: a kab/kota with its province at once (if the user may see it), else on its own in the picker.
		compareHref: compareHref('/banding', others, {
			kind: 'region',
			keys: region.level === 'regency' && covers(currentScope(), region.province_code) ? [code, region.province_code] : [code]
		}),
		// The forms under the kab/kota and agency tables: their filters (agencies within this region).
		compareFilters: {
			regions: FILTER_KEYS.filter((k) => k !== 'region' && k !== 'district' && filters[k]).map((k) => [k, filters[k]!] as [string, string]),
			agencies: FILTER_KEYS.filter((k) => k !== 'agency' && filters[k]).map((k) => [k, filters[k]!] as [string, string])
		},
		complaintsHref: `/aduan${filterQuery(filters)}`,
		lateHref: `/aduan/terlambat${filterQuery(filters)}`,
		agenciesHref: `/api/instansi${filterQuery(filters, { sort: view.sort })}`,
		kabkotaHref: `/api/wilayah${filterQuery(filters, { sort: view.ksort })}`,
		// The monthly briefing of the selected period's last month, else of the last month with data.
		briefingMonth: filters.to ?? facts.last_month
	};
};

// Links and GET forms only: no client-side JS, so the charts and the map are not shipped a
// second time inside the hydration data.
export const csr = false;
