import { FILTER_KEYS, filterQuery } from '$lib/filters';
import { i18n } from '$lib/i18n';
import { Lru, memo } from '$lib/server/cache';
import type { Choropleth } from '$lib/server/charts';
import { requestLang } from '$lib/server/lang';
import { LEVELS, REGION_SORTS, regionRanking } from '$lib/server/queries/regions';
import { DEFAULT_MAP_METRIC, MAP_METRICS, MAP_METRIC_LABEL, regionMap } from '$lib/server/region-map';
import { choiceOr400, filtersOr400 } from '$lib/server/request';
import type { PageServerLoad } from './$types';

const maps = new Lru<Promise<Choropleth>>(100);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const level = choiceOr400(event.url, lang, 'level', LEVELS, 'regency');
	const sort = choiceOr400(event.url, lang, 'sort', REGION_SORTS, 'n');
	const metric = choiceOr400(event.url, lang, 'metric', MAP_METRICS, DEFAULT_MAP_METRIC);
	const rows = await regionRanking(filters, level, sort);
	const L = i18n(lang);
	const { region: _r, ...noRegion } = filters;
	const regionQuery = filterQuery({ ...noRegion, region: null });
	// The map shows the level of the table (kab/kota by default) for the same filters.
	const map = await memo(maps, `${lang}|${level}|${metric}|${JSON.stringify(filters)}`, async () =>
		regionMap(rows, level, metric, L, regionQuery)
	);
	const view = {
		level: level === 'regency' ? null : level,
		sort: sort === 'n' ? null : sort,
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
		sortHrefs: Object.fromEntries(REGION_SORTS.map((s) => [s, `/wilayah${filterQuery(filters, { ...view, sort: s === 'n' ? null : s })}`])),
		regionQuery,
		// The "Bandingkan" form: the filters but the region (each compared region is its own).
		compareFilters: FILTER_KEYS.filter((k) => k !== 'region' && filters[k]).map((k) => [k, filters[k]!] as [string, string]),
		csvHref: `/api/wilayah.csv${filterQuery(filters, { level: view.level, sort: view.sort })}`
	};
};

// Static pages (links and GET forms only): no client-side JS, so the large SVG charts are not
// shipped a second time inside the hydration data.
export const csr = false;
