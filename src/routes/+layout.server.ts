import { isHttpError } from '@sveltejs/kit';
import { NO_FILTERS, parseFilters } from '$lib/filters';
import { requestLang } from '$lib/server/lang';
import { categoryList, regionList } from '$lib/server/queries/options';
import { dataAsOf } from '$lib/server/queries/overview';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const lang = requestLang(event);
	let asOf: string | null = null;
	let regions: Awaited<ReturnType<typeof regionList>> = [];
	let categories: readonly string[] = [];
	try {
		asOf = await dataAsOf();
		[regions, categories] = await Promise.all([regionList(), categoryList()]);
	} catch (err) {
		// A missing warehouse is reported by the page itself (503 with instructions); the
		// layout still renders so the error page has its header and footer.
		if (!isHttpError(err)) throw err;
	}
	// Bad filters are answered with a 400 by the page; the bar then shows none selected.
	const parsed = parseFilters(event.url.searchParams);
	return {
		lang,
		dataAsOf: asOf,
		filters: parsed.ok ? parsed.filters : NO_FILTERS,
		filterOptions: {
			regions: regions.map((r) => ({ code: r.code, level: r.level, name: r.short_name, province: r.province_code })),
			categories
		}
	};
};
