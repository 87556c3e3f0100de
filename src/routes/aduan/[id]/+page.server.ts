import { error } from '@sveltejs/kit';
import { filterQuery } from '$lib/filters';
import { translate } from '$lib/i18n';
import { requestLang } from '$lib/server/lang';
import { complaintById } from '$lib/server/queries/complaints';
import { filtersOr400 } from '$lib/server/request';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const id = event.params.id;
	const c = id.length <= 64 ? await complaintById(id) : undefined;
	if (!c) error(404, { code: 'not_found', message: translate(lang, 'complaint.notFound', { id: id.slice(0, 64) }) });
	return { lang, c, backHref: `/aduan${filterQuery(filters)}` };
};
