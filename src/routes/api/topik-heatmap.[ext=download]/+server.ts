// /topik's heatmap data: one row per region × topic cell, regions by volume as on the page;
// suppressed kab/kota cells (1–4 complaints) are "<5" (core/privacy.ts).
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { heatmapTable } from '$lib/server/export/tables';
import { topicClusters, topicHeatmap } from '$lib/server/queries/topics';
import { filtersWithTopics } from '$lib/server/topic-request';

export const GET = download(heatmapTable, async (event, lang) => {
	const filters = await filtersWithTopics(event.url, lang);
	const { rows: topics } = await topicClusters(filters, lang);
	const label = new Map(topics.map((t) => [t.clusterId, t.label]));
	const heat = await topicHeatmap(
		filters,
		topics.map((t) => t.clusterId)
	);
	return {
		filename: `${heatmapTable.name}${filterSuffix(filters)}`,
		filters,
		rows: heat.cells.map((cell) => ({ level: heat.level, cell, label: label.get(cell.clusterId) ?? '' }))
	};
});
