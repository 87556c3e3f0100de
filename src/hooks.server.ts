import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { isLang, LANG_COOKIE } from '$lib/i18n';
import { requestLang } from '$lib/server/lang';
import { overview } from '$lib/server/queries/overview';
import { agencyLeague } from '$lib/server/queries/agencies';
import { complaintPage } from '$lib/server/queries/complaints';
import { categoryList, regionList } from '$lib/server/queries/options';
import { regionRanking } from '$lib/server/queries/regions';
import { trends } from '$lib/server/queries/trends';

/**
 * Warm-up at start: open the warehouse and run the overview's queries in the background, so
 * the first visitor doesn't pay for it (in-flight results are shared, see cache.ts). A missing
 * warehouse is only logged here; pages explain it.
 */
export const init: ServerInit = () => {
	if (building) return;
	const t0 = Date.now();
	overview({ from: null, to: null }).then(
		(o) => {
			console.log(`[telaah] warehouse ready: ${o.warehouse.complaints} complaints (${Date.now() - t0} ms)`);
			// Then the other pages' unfiltered queries (results are memoised; see db.ts).
			void Promise.all([
				regionList(),
				categoryList(),
				trends({}, 'month'),
				agencyLeague({}),
				regionRanking({}, 'regency'),
				regionRanking({}, 'province'),
				complaintPage({}, 1)
			]).catch(() => undefined);
		},
		(err: unknown) => console.warn(`[telaah] warehouse not available yet: ${(err as { body?: { message?: string } })?.body?.message ?? err}`)
	);
};

export const handle: Handle = async ({ event, resolve }) => {
	const lang = requestLang(event);
	event.locals.lang = lang;
	// `?lang=xx` is remembered, so the switch link in the header sticks across pages.
	const asked = event.url.searchParams.get('lang');
	if (isLang(asked) && asked !== event.cookies.get(LANG_COOKIE)) {
		event.cookies.set(LANG_COOKIE, asked, {
			path: '/',
			maxAge: 60 * 60 * 24 * 365,
			sameSite: 'lax',
			httpOnly: true,
			secure: event.url.protocol === 'https:'
		});
	}
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	if (!response.headers.has('Content-Language')) response.headers.set('Content-Language', lang);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(`[telaah] ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Not found' : 'Internal error', code: 'internal' };
};
