import { filterQuery } from '$lib/filters';
import { i18n } from '$lib/i18n';
import { channelLabel, statusLabel } from '$lib/labels';
import { Lru, memo } from '$lib/server/cache';
import { eventsWithin } from '$lib/events';
import { seriesRange, stackedChart, yearOnYearChart } from '$lib/server/charts';
import { requestLang } from '$lib/server/lang';
import { DIMENSIONS, GRAINS, trends, yearOnYearMonths, type Dimension } from '$lib/server/queries/trends';
import { choiceOr400, filtersOr400 } from '$lib/server/request';
import type { SafeSvg } from '$lib/svg';
import { kpis, warehouseFacts } from '$lib/server/queries/overview';
import type { PageServerLoad } from './$types';

const charts = new Lru<Promise<Record<Dimension, { labels: string[]; svg: SafeSvg }>>>(100);
const yoyCharts = new Lru<Promise<SafeSvg>>(100);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const grain = choiceOr400(event.url, lang, 'grain', GRAINS, 'month');
	// Complaints with no filing date are in no bucket: the page says how many (none with a period).
	const [t, k, facts] = await Promise.all([trends(filters, grain), kpis(filters, false), warehouseFacts()]);
	const yoy = await yearOnYearMonths(filters, facts);
	const L = i18n(lang);
	const label = (dim: Dimension, key: string | null) =>
		key === null ? L.t('common.other') : dim === 'status' ? statusLabel(lang, key) : dim === 'channel' ? channelLabel(lang, key) : key;
	const rendered = await memo(charts, `${lang}|${grain}|${JSON.stringify(filters)}`, async () => {
		const out = {} as Record<Dimension, { labels: string[]; svg: SafeSvg }>;
		for (const dim of DIMENSIONS) {
			const s = t.series[dim];
			const labels = s.keys.map((k) => label(dim, k));
			const dimName = L.t(dim === 'category' ? 'trends.byCategory' : dim === 'channel' ? 'trends.byChannel' : 'trends.byStatus');
			out[dim] = {
				labels,
				svg: stackedChart(s, labels, grain, L, { ariaLabel: L.t('trends.chartLabel', { dim: dimName.toLowerCase() }) })
			};
		}
		return out;
	});
	const range = seriesRange(t.series.status, grain);
	const yoyChart = yoy && (await memo(yoyCharts, `${lang}|${JSON.stringify(filters)}`, async () => yearOnYearChart(yoy, L)));
	return {
		lang,
		filters,
		grain,
		// The events the charts mark (every dimension spans the same buckets), for their captions.
		events: range ? eventsWithin(range.from, range.to) : [],
		total: t.total,
		undated: k.undated,
		series: t.series,
		charts: rendered,
		yoy,
		yoyChart,
		monthHref: `/tren${filterQuery(filters)}`,
		weekHref: `/tren${filterQuery(filters, { grain: 'week' })}`,
		downloadHref: `/api/tren${filterQuery(filters, { grain: grain === 'week' ? 'week' : null })}`
	};
};

// Static pages (links and GET forms only): no client-side JS, so the large SVG charts are not
// shipped a second time inside the hydration data.
export const csr = false;
