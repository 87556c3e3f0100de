// /topik's heatmap data as CSV: one row per region × topic cell, regions by volume as on the page.
import { error } from '@sveltejs/kit';
import { filterSuffix } from '$lib/filters';
import { translate } from '$lib/i18n';
import { csvResponse, pct } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { SUPPRESSED } from '$lib/core/privacy';
import { topicClusters, topicFit, topicHeatmap } from '$lib/server/queries/topics';
import { filtersOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		if (!(await topicFit())) error(404, { code: 'no_topic_model', message: translate(lang, 'topics.emptyTitle') });
		const { rows: topics } = await topicClusters(filters, lang);
		const label = new Map(topics.map((t) => [t.clusterId, t.label]));
		const heat = await topicHeatmap(
			filters,
			topics.map((t) => t.clusterId)
		);
		return {
			filename: `telaah-topik-wilayah${filterSuffix(filters)}.csv`,
			header: ['level', 'region_code', 'region', 'cluster_id', 'label', 'complaints', 'share_of_region_pct'],
			// Suppressed kab/kota cells (1–4 complaints) are written as "<5" (core/privacy.ts).
			rows: heat.cells.map((c) => [heat.level, c.code, c.name, c.clusterId, label.get(c.clusterId) ?? '', c.n ?? SUPPRESSED, pct(c.share)])
		};
	});
