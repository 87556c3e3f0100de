import { FILTER_KEYS, filterQuery } from '$lib/filters';
import { i18n } from '$lib/i18n';
import { Lru, memo } from '$lib/server/cache';
import type { Choropleth } from '$lib/server/charts';
import { requestLang } from '$lib/server/lang';
import { REGION_LEVELS } from '$lib/core/vocab';
import { REGION_SORT, regionRanking } from '$lib/server/queries/regions';
import { DEFAULT_MAP_METRIC, MAP_METRICS, MAP_METRIC_LABEL, regionMap } from '$lib/server/region-map';
import { choiceOr400, filtersOr400, sortOr400 } from '$lib/server/request';
import { sortHrefs, sortValue } from '$lib/sort';
import type { PageServerLoad } from './$types';

const maps = new Lru<Promise<Choropleth>>(100);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const level = choiceOr400(event.url, lang, 'level', REGION_LEVELS, 'regency');
	const sort = sortOr400(event.url, lang, REGION_SORT);
	const metric = choiceOr400(event.url, lang, 'metric', MAP_METRICS, DEFAULT_MAP_METRIC);
	const rows = await regionRanking(filters, level, sort.key, sort.dir);
	const L = i18n(lang);
	const { region: _r, ...noRegion } = filters;
	const regionQuery = filterQuery({ ...noRegion, region: null });
	// The map shows the level of the table (kab/kota by default) for the same filters.
	const map = await memo(maps, `${lang}|${level}|${metric}|${JSON.stringify(filters)}`, async () =>
		regionMap(rows, level, metric, L, regionQuery)
	);
	const view = {
		level: level === 'regency' ? null : level,
		sort: sortValue(REGION_SORT, sort),
		metric: metric === DEFAULT_MAP_METRIC ? null : metric
	};
	return {
		lang,
		filters,
		level,
		sort,
		metric,
		rows,
		map,
		metrics: MAP_METRICS.map((m) => ({
			m,
			label: MAP_METRIC_LABEL[m],
			href: `/wilayah${filterQuery(filters, { ...view, metric: m === DEFAULT_MAP_METRIC ? null : m })}`
		})),
		levelHrefs: {
			regency: `/wilayah${filterQuery(filters, { ...view, level: null })}`,
			province: `/wilayah${filterQuery(filters, { ...view, level: 'province' })}`
		},
		sortHrefs: sortHrefs(REGION_SORT, sort, (v) => `/wilayah${filterQuery(filters, { ...view, sort: v })}#h-rank`),
		regionQuery,
		// The "Bandingkan" form: the filters but the region and kecamatan (each compared region is its own).
		compareFilters: FILTER_KEYS.filter((k) => k !== 'region' && k !== 'district' && filters[k]).map(
			(k) => [k, filters[k]!] as [string, string]
		),
		downloadHref: `/api/wilayah${filterQuery(filters, { level: view.level, sort: view.sort })}`
	};
};

// Static pages (links and GET forms only): no client-side JS, so the large SVG charts are not
// shipped a second time inside the hydration data.
export const csr = false;
