// /rekomendasi's parameters, shared with its CSV: the area from the global region filter and the
// month: `?month=YYYY-MM`, else the last month of the global period filter (`?to=`), else the
// data's last complete month. `monthFrom` says which, so the page can state why it shows that month.
import { error, type Cookies } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { MONTH_RE } from '$lib/core/month';
import { areaOf } from '$lib/core/vocab';
import { requestLang } from '$lib/server/lang';
import { lastCompleteMonth } from '$lib/server/queries/asof';
import { filtersOr400 } from '$lib/server/request';

export async function recommendationParams(event: { url: URL; cookies: Cookies }) {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const raw = event.url.searchParams.get('month');
	if (raw && !MONTH_RE.test(raw)) {
		error(400, { code: 'bad_month', message: translate(lang, 'period.badFormat', { param: 'month', value: raw.slice(0, 40) }) });
	}
	const area = areaOf(filters.region);
	const monthFrom: 'chosen' | 'period' | 'lastComplete' = raw ? 'chosen' : filters.to ? 'period' : 'lastComplete';
	const month = raw || filters.to || (await lastCompleteMonth());
	return { lang, filters, area, month, monthFrom };
}
