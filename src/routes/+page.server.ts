import { i18n } from '$lib/i18n';
import { periodQuery } from '$lib/period';
import { requestLang } from '$lib/server/lang';
import { trendChart } from '$lib/server/plot';
import { overview } from '$lib/server/queries/overview';
import { periodOr400 } from '$lib/server/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const period = periodOr400(event.url, lang);
	const o = await overview(period);
	return {
		lang,
		period,
		...o,
		// Server-rendered SVG built from counts and dictionary strings only (safe for {@html}).
		chartSvg: trendChart(o.monthly, i18n(lang)),
		csvHref: `/api/overview.csv${periodQuery(period, { lang })}`
	};
};
