// /tren's data as CSV, long format: one row per (dimension, period start, key) with its count,
// for the same filters and grain as the page. key is empty for "lainnya" (other categories).
import { filterSuffix } from '$lib/filters';
import { csvResponse } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { GRAINS, trends } from '$lib/server/queries/trends';
import { choiceOr400, filtersOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		const grain = choiceOr400(event.url, lang, 'grain', GRAINS, 'month');
		const t = await trends(filters, grain);
		return {
			filename: `telaah-tren-${grain === 'week' ? 'mingguan' : 'bulanan'}${filterSuffix(filters)}.csv`,
			header: ['dimension', 'period_start', 'key', 'complaints'],
			rows: t.rows.map((r) => [r.dim, r.bucket, r.key ?? 'lainnya', r.n])
		};
	});
