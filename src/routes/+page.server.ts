import { i18n } from '$lib/i18n';
import { periodQuery } from '$lib/period';
import { requestLang } from '$lib/server/lang';
import { showsCovid, trendChart } from '$lib/server/plot';
import { overview } from '$lib/server/queries/overview';
import { periodOr400 } from '$lib/server/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const period = periodOr400(event.url, lang);
	const o = await overview(period);
	const L = i18n(lang);
	return {
		lang,
		period,
		...o,
		// Server-rendered SVG built from counts and dictionary strings only (safe for {@html}):
		// a wide one, and a narrow one with larger text that CSS swaps in on small screens.
		chart: {
			wide: trendChart(o.monthly, L),
			narrow: trendChart(o.monthly, L, { width: 480, height: 300 }),
			covid: showsCovid(o.monthly)
		},
		csvHref: `/api/overview.csv${periodQuery(period, { lang })}`
	};
};
