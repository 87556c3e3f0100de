import { filterQuery } from '$lib/filters';
import { i18n } from '$lib/i18n';
import { currentScope } from '$lib/server/auth/context';
import { Lru, memo } from '$lib/server/cache';
import { requestLang } from '$lib/server/lang';
import { topicClusters, topicFit, topicHeatmap, topicSpikes, topicThemes } from '$lib/server/queries/topics';
import { filtersOr400 } from '$lib/server/request';
import { topicHeatmap as heatmapChart } from './heatmap';
import { themeName } from '$lib/core/themes';
import type { SafeSvg } from '$lib/svg';
import type { PageServerLoad } from './$types';

// Rendered heatmaps per language and filters (the warehouse is immutable while served; cache.ts).
const charts = new Lru<Promise<SafeSvg>>(100);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const stored = await topicFit();
	// The model was fitted on every complaint: a scoped user sees its size and date, not the national count.
	const fit = stored && (currentScope().kind === 'all' ? stored : { ...stored, documents: null });
	const csv = (name: string) => `/api/${name}${filterQuery(filters, { lang })}`;
	const base = { lang, filters, fit, downloadHref: csv('topik'), spikesHref: csv('topik-spikes'), heatmapHref: csv('topik-heatmap') };
	if (!fit) return { ...base, model: null };
	const [clusters, themes, spikes] = await Promise.all([topicClusters(filters, lang), topicThemes(filters), topicSpikes(filters)]);
	const heat = await topicHeatmap(
		filters,
		clusters.rows.map((c) => c.clusterId)
	);
	const L = i18n(lang);
	const chart = await memo(charts, `${lang}|${JSON.stringify(filters)}`, async () =>
		heatmapChart(
			heat.cells,
			clusters.rows,
			heat.regions,
			L,
			L.t(heat.level === 'province' ? 'topics.heatLabelProvince' : 'topics.heatLabelRegency')
		)
	);
	return {
		...base,
		model: {
			clusters,
			themes: { ...themes, rows: themes.rows.map((t) => ({ ...t, label: themeName(t.theme, lang) })) },
			spikes: spikes.map((s) => ({ ...s, themeLabel: themeName(s.theme, lang) })),
			heatmap: { level: heat.level, regions: heat.regions, cells: heat.cells, chart },
			linkQuery: filterQuery(filters)
		}
	};
};

// Links and GET forms only: no client-side JS, so the heatmap SVG is not shipped twice.
export const csr = false;
