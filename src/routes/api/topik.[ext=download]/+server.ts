// /topik's cluster table: the same rows in the same order as the page (no example texts);
// suppressed kab/kota cells (1–4 complaints) are "<5" as on the page (core/privacy.ts).
import { filterSuffix } from '$lib/filters';
import { download } from '$lib/server/export/download';
import { topicTable } from '$lib/server/export/tables';
import { topicClusters } from '$lib/server/queries/topics';
import { filtersWithTopics } from '$lib/server/topic-request';

export const GET = download(topicTable, async (event, lang) => {
	const filters = await filtersWithTopics(event.url, lang);
	return { filename: `${topicTable.name}${filterSuffix(filters)}`, filters, rows: (await topicClusters(filters, lang)).rows };
});
