import { filterQuery } from '$lib/filters';
import { i18n, type MessageKey } from '$lib/i18n';
import { Lru, memo } from '$lib/server/cache';
import { choropleth } from '$lib/server/charts';
import { requestLang } from '$lib/server/lang';
import { LEVELS, REGION_SORTS, regionRanking, type RegionRow } from '$lib/server/queries/regions';
import { choiceOr400, filtersOr400 } from '$lib/server/request';
import type { PageServerLoad } from './$types';

const METRICS = ['n', 'per100k', 'follow_up', 'comply3', 'comply5'] as const;
type Metric = (typeof METRICS)[number];
const METRIC_LABEL: Record<Metric, MessageKey> = {
	n: 'regions.n',
	per100k: 'regions.per100k',
	follow_up: 'regions.followUp',
	comply3: 'regions.comply3',
	comply5: 'regions.comply5'
};
const metricValue: Record<Metric, (r: RegionRow) => number | null> = {
	n: (r) => r.n,
	per100k: (r) => r.per100k,
	follow_up: (r) => r.followUpRate,
	comply3: (r) => r.comply3,
	comply5: (r) => r.comply5
};

const maps = new Lru<Promise<string>>(100);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const level = choiceOr400(event.url, lang, 'level', LEVELS, 'regency');
	const sort = choiceOr400(event.url, lang, 'sort', REGION_SORTS, 'n');
	const metric = choiceOr400(event.url, lang, 'metric', METRICS, 'per100k');
	const rows = await regionRanking(filters, level, sort);
	const L = i18n(lang);
	// The map always shows provinces (the only geometry shipped), for the same filters.
	const map = await memo(maps, `${lang}|${metric}|${JSON.stringify(filters)}`, async () => {
		const provinces = level === 'province' ? rows : await regionRanking(filters, 'province', 'code');
		const pct = metric === 'follow_up' || metric === 'comply3' || metric === 'comply5';
		return choropleth(new Map(provinces.map((r) => [r.code, metricValue[metric](r)])), L, {
			ariaLabel: L.t('regions.mapLabel', { metric: L.t(METRIC_LABEL[metric]) }),
			format: (v) => (pct ? L.pct(v) : metric === 'n' ? L.int(v) : L.dec1(v)),
			names: new Map(provinces.map((r) => [r.code, r.name]))
		});
	});
	const view = { level: level === 'regency' ? null : level, sort: sort === 'n' ? null : sort, metric: metric === 'per100k' ? null : metric };
	const { region: _r, ...noRegion } = filters;
	return {
		lang,
		filters,
		level,
		sort,
		metric,
		rows,
		map,
		metrics: METRICS.map((m) => ({ m, label: METRIC_LABEL[m], href: `/wilayah${filterQuery(filters, { ...view, metric: m === 'per100k' ? null : m })}` })),
		levelHrefs: {
			regency: `/wilayah${filterQuery(filters, { ...view, level: null })}`,
			province: `/wilayah${filterQuery(filters, { ...view, level: 'province' })}`
		},
		sortHrefs: Object.fromEntries(REGION_SORTS.map((s) => [s, `/wilayah${filterQuery(filters, { ...view, sort: s === 'n' ? null : s })}`])),
		regionQuery: filterQuery({ ...noRegion, region: null }),
		csvHref: `/api/wilayah.csv${filterQuery(filters, { level: view.level, sort: view.sort })}`
	};
};

// Static pages (links and GET forms only): no client-side JS, so the large SVG charts are not
// shipped a second time inside the hydration data.
export const csr = false;
