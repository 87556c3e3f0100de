// /topik's cluster table as CSV: the same rows in the same order as the page (no example texts).
import { error } from '@sveltejs/kit';
import { filterSuffix } from '$lib/filters';
import { translate } from '$lib/i18n';
import { SUPPRESSED } from '$lib/core/privacy';
import { csvResponse, pct } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { topicClusters, topicFit } from '$lib/server/queries/topics';
import { filtersOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		if (!(await topicFit())) error(404, { code: 'no_topic_model', message: translate(lang, 'topics.emptyTitle') });
		const { rows } = await topicClusters(filters, lang);
		return {
			filename: `telaah-topik${filterSuffix(filters)}.csv`,
			header: ['rank', 'cluster_id', 'label', 'complaints', 'share_pct', 'top_terms'],
			// Suppressed kab/kota cells (1–4 complaints) are written as "<5", as on the page (core/privacy.ts).
			rows: rows.map((r, i) => [i + 1, r.clusterId, r.label, r.n ?? SUPPRESSED, pct(r.share), r.terms.join('; ')])
		};
	});
