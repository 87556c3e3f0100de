// /topik's spikes table as CSV: theme × kab/kota spikes overlapping the period, in the region.
import { error } from '@sveltejs/kit';
import { filterSuffix } from '$lib/filters';
import { translate } from '$lib/i18n';
import { csvResponse, r2 } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { topicFit, topicSpikes } from '$lib/server/queries/topics';
import { filtersOr400 } from '$lib/server/request';
import { themeName } from '$lib/core/themes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		if (!(await topicFit())) error(404, { code: 'no_topic_model', message: translate(lang, 'topics.emptyTitle') });
		const rows = await topicSpikes(filters);
		return {
			filename: `telaah-topik-lonjakan${filterSuffix(filters)}.csv`,
			header: [
				'regency_code',
				'regency',
				'province',
				'theme',
				'theme_label',
				'start_month',
				'peak_month',
				'end_month',
				'observed_peak',
				'expected_peak',
				'ratio',
				'excess',
				'ongoing'
			],
			rows: rows.map((s) => [
				s.regency_code,
				s.regency_name,
				s.province_name,
				s.theme,
				themeName(s.theme, lang),
				s.start,
				s.peak,
				s.end,
				s.peak_count,
				r2(s.peak_baseline),
				r2(s.ratio),
				r2(s.excess),
				s.ongoing ? 'yes' : 'no'
			])
		};
	});
