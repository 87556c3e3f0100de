import { error, redirect } from '@sveltejs/kit';
import { filterQuery } from '$lib/filters';
import { translate } from '$lib/i18n';
import { requestLang } from '$lib/server/lang';
import { complaintPage, CSV_LIMIT, PAGE_SIZE } from '$lib/server/queries/complaints';
import { filtersOr400, searchOr400 } from '$lib/server/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const terms = searchOr400(event.url, lang);
	const raw = event.url.searchParams.get('page');
	const page = raw === null || raw === '' ? 1 : /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isFinite(page))
		error(400, { code: 'bad_page', message: translate(lang, 'complaints.badPage', { value: raw!.slice(0, 40) }) });
	const { total, rows } = await complaintPage(filters, page, terms);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	// The search as typed (trimmed) rides along in links, so the pager and the downloads keep it.
	const q = terms.length ? (event.url.searchParams.get('q') ?? '').trim() : null;
	const href = (p: number) => `/aduan${filterQuery(filters, { q, page: p > 1 ? String(p) : null })}`;
	// Past the last page: the last page, at its own address (never "halaman 99.999 dari 12").
	if (page > pages) redirect(303, href(pages));
	return {
		lang,
		filters,
		q,
		terms,
		page,
		pages,
		total,
		rows,
		csvLimit: CSV_LIMIT,
		prevHref: page > 1 ? href(Math.min(page - 1, pages)) : null,
		nextHref: page < pages ? href(page + 1) : null,
		detailQuery: filterQuery(filters),
		downloadHref: `/api/aduan${filterQuery(filters, { q })}`,
		lateHref: `/aduan/terlambat${filterQuery(filters)}`,
		/** The filters as hidden fields of the search form, so a search keeps them. */
		hidden: Object.entries(filters).filter((e): e is [string, string] => e[1] !== null)
	};
};
