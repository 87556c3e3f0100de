import { recommendationsPage } from '$lib/server/recommendations';
import type { PageServerLoad } from './$types';
import { recommendationParams } from './params';

export const load: PageServerLoad = async (event) => {
	const { lang, filters, area, month, monthFrom } = await recommendationParams(event);
	const q = (extra: Record<string, string>) =>
		`?${new URLSearchParams({ ...(filters.region ? { region: filters.region } : {}), ...extra })}`;
	if (!month) return { lang, month: null, monthFrom, filters, region: filters.region, result: null, downloadHref: null };
	const result = await recommendationsPage(area, month, lang);
	return {
		lang,
		month,
		monthFrom,
		filters,
		region: filters.region,
		result,
		downloadHref: `/api/rekomendasi${q({ month })}`
	};
};
