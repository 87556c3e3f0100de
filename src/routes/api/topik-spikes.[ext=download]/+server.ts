// /topik's spikes table: theme × kab/kota spikes overlapping the period, in the region.
import { filterSuffix } from '$lib/filters';
import { themeName } from '$lib/core/themes';
import { download } from '$lib/server/export/download';
import { spikeTable } from '$lib/server/export/tables';
import { topicSpikes } from '$lib/server/queries/topics';
import { filtersWithTopics } from '$lib/server/topic-request';

export const GET = download(spikeTable, async (event, lang) => {
	const filters = await filtersWithTopics(event.url, lang);
	const rows = (await topicSpikes(filters)).map((s) => ({ ...s, theme_label: themeName(s.theme, lang) }));
	return { filename: `${spikeTable.name}${filterSuffix(filters)}`, filters, rows };
});
