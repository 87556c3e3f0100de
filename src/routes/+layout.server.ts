import { isHttpError } from '@sveltejs/kit';
import { areaLevelOf } from '$lib/core/vocab';
import { NO_FILTERS, parseFilters } from '$lib/filters';
import { covers, scopedRegion } from '$lib/server/auth/scope';
import { requestLang } from '$lib/server/lang';
import { districtList } from '$lib/server/queries/districts';
import { categoryList, regencyChoices, regionList } from '$lib/server/queries/options';
import { coveredRegions } from '$lib/server/queries/data';
import { dataDates } from '$lib/server/queries/overview';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const lang = requestLang(event);
	let dates: Awaited<ReturnType<typeof dataDates>> = { until: null, loaded: null };
	let regions: Awaited<ReturnType<typeof regionList>> = [];
	let categories: readonly string[] = [];
	let coverage: { covered: number; of: number; names: string[]; more: number } | null = null;
	const user = event.locals.user;
	// Signed out (the sign-in page): nothing from the warehouse.
	if (user)
		try {
			dates = await dataDates();
			let covered: Awaited<ReturnType<typeof coveredRegions>>;
			[regions, categories, covered] = await Promise.all([regionList(), categoryList(), coveredRegions()]);
			// One region's export is not the nation: every page says what "all regions" stands for.
			if (covered.covered > 0 && covered.covered < covered.of)
				coverage = {
					covered: covered.covered,
					of: covered.of,
					names: covered.regions.slice(0, 3).map((r) => r.name),
					more: Math.max(0, covered.regions.length - 3)
				};
		} catch (err) {
			// A missing warehouse is reported by the page itself (503 with instructions); the
			// layout still renders so the error page has its header and footer.
			if (!isHttpError(err)) throw err;
		}
	// Bad filters are answered with a 400 by the page; the bar then shows none selected.
	const parsed = parseFilters(event.url.searchParams);
	const filters = parsed.ok
		? { ...parsed.filters, region: (user && scopedRegion(user.scope, parsed.filters.region)?.region) ?? null }
		: NO_FILTERS;
	// A kab/kota chosen (or the page's own, /wilayah/[code]): its kecamatan and agencies to choose from.
	const regency = (event.params as { code?: string }).code ?? filters.region;
	let districts: readonly { code: string; name: string }[] = [];
	let agencies: readonly string[] = [];
	if (user && regions.length && regency && areaLevelOf(regency) === 'regency' && covers(user.scope, regency))
		try {
			const choices = await regencyChoices(regency);
			agencies = choices.agencies;
			if (choices.hasDistricts) districts = await districtList(regency);
		} catch (err) {
			if (!isHttpError(err)) throw err;
		}
	return {
		lang,
		// The header names a scoped user's region, not its code.
		user: user && {
			name: user.name,
			role: user.role,
			region: user.region,
			// National-only sections (nav) follow the role's area level (auth/scope.ts).
			national: user.scope.kind === 'all',
			regionName: regions.find((r) => r.code === user.region)?.short_name ?? user.region,
			demo: user.demo
		},
		dataDates: dates,
		coverage,
		// A scoped user with no region filter sees their own region (as the pages do: request.ts).
		filters,
		filterOptions: {
			// Only the regions the user may choose (all, for the national view).
			regions: regions
				.filter((r) => !user || covers(user.scope, r.code))
				.map((r) => ({ code: r.code, level: r.level, name: r.short_name, province: r.province_code })),
			categories,
			districts,
			// The agency asked for stays a choice even outside the list (e.g. a province's agency).
			agencies: filters.agency && !agencies.includes(filters.agency) ? [filters.agency, ...agencies] : agencies
		}
	};
};
