import { i18n } from '$lib/i18n';
import { Lru, memo } from '$lib/server/cache';
import { filterQuery } from '$lib/filters';
import { requestLang } from '$lib/server/lang';
import { trendChart } from '$lib/server/plot';
import { overview } from '$lib/server/queries/overview';
import { filtersOr400 } from '$lib/server/request';
import type { SafeSvg } from '$lib/svg';
import type { PageServerLoad } from './$types';

// Rendered charts per language and period (the warehouse is immutable while served; cache.ts).
const charts = new Lru<Promise<{ wide: SafeSvg; narrow: SafeSvg }>>(200);

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const period = filtersOr400(event.url, lang);
	const o = await overview(period);
	const L = i18n(lang);
	const chart = await memo(charts, `${lang}|${JSON.stringify(period)}`, async () => ({
		wide: trendChart(o.monthly, L),
		narrow: trendChart(o.monthly, L, { width: 480, height: 300 })
	}));
	return {
		lang,
		period,
		...o,
		// Server-rendered SVG built from counts and dictionary strings only (safe for {@html}):
		// a wide one, and a narrow one with larger text that CSS swaps in on small screens.
		chart,
		downloadHref: `/api/overview${filterQuery(period, { lang })}`
	};
};
