import { error, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { isLang, LANG_COOKIE } from '$lib/i18n';
import { requestLang } from '$lib/server/lang';
import { overview } from '$lib/server/queries/overview';
import { agencyLeague } from '$lib/server/queries/agencies';
import { complaintPage } from '$lib/server/queries/complaints';
import { categoryList, regionList } from '$lib/server/queries/options';
import { regionRanking } from '$lib/server/queries/regions';
import { trends } from '$lib/server/queries/trends';
import { audit } from '$lib/server/auth/audit';
import { asSystem, markServer, withScope } from '$lib/server/auth/context';
import { denial, isPublicPath } from '$lib/server/auth/guard';
import { signinByIp, signinByName } from '$lib/server/auth/rate-limit';
import { NONE, type Scope } from '$lib/server/auth/scope';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { DEMO_USER, sessionUser, users, type AuthUser } from '$lib/server/auth/users';
import { translate } from '$lib/i18n';

// From here on a query outside a request scope is refused (see auth/context.ts).
markServer();

/**
 * Warm-up at start: open the warehouse and run the overview's queries in the background, so
 * the first visitor doesn't pay for it (in-flight results are shared, see cache.ts). A missing
 * warehouse is only logged here; pages explain it.
 */
export const init: ServerInit = () => {
	if (building) return;
	const t0 = Date.now();
	asSystem(() => overview({ from: null, to: null }).then(
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
	));
};

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
	new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });

/**
 * Who is asking, and may they? Demo mode (no users.json or no users in it): everyone is the
 * national demo user. Otherwise every page, API and CSV needs a valid session: pages redirect
 * to /masuk, /api/* answers 401. Route parameters naming a region outside the user's scope
 * answer 403; the query layer then scopes every SQL filter (auth/context.ts, filter-sql.ts).
 */
async function authorize(event: RequestEvent): Promise<Response | { user: AuthUser | null; scope: Scope }> {
	const { pathname: path, search } = event.url;
	let user: AuthUser | null;
	try {
		user = users().length ? sessionUser(event.cookies.get(SESSION_COOKIE)) : DEMO_USER;
	} catch (e) {
		console.error(`[telaah] users/session store unreadable: ${(e as Error).message}`);
		return text(503, 'Authentication store unreadable; see the server log.');
	}
	if (isPublicPath(path)) {
		if (event.request.method === 'POST') {
			const name = String((await event.request.clone().formData().catch(() => null))?.get('name') ?? '').slice(0, 64);
			const wait = Math.max(signinByIp.retryAfter(event.getClientAddress()), signinByName.retryAfter(name.toLowerCase()));
			if (wait > 0) {
				audit('signin_throttled', { user: name, ip: event.getClientAddress(), retry_after: wait });
				return text(429, translate(event.locals.lang, 'auth.throttled', { s: wait }), { 'Retry-After': String(wait) });
			}
		}
		return { user, scope: user?.scope ?? NONE };
	}
	if (!user) {
		if (path.startsWith('/api/')) return text(401, translate(event.locals.lang, 'auth.required'), { 'WWW-Authenticate': 'Cookie realm="telaah"' });
		return new Response(null, { status: 303, headers: { Location: `/masuk?next=${encodeURIComponent(path + search)}`, 'Cache-Control': 'no-store' } });
	}
	const why = denial(user, path, event.params as Record<string, string>, event.url.searchParams);
	if (why) {
		audit('forbidden', { user: user.name, path, reason: why });
		const message = translate(event.locals.lang, why === 'admin_only' ? 'auth.adminOnly' : 'auth.outOfScope');
		if (path.startsWith('/api/')) return text(403, message);
		error(403, { code: why, message });
	}
	return { user, scope: user.scope };
}

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
	const who = await authorize(event);
	if (!(who instanceof Response)) event.locals.user = who.user;
	const response =
		who instanceof Response
			? who
			: await withScope(who.scope, () =>
					resolve(event, {
						transformPageChunk: ({ html }) => html.replace('%lang%', lang)
					})
				);
	if (response.ok && event.request.method === 'GET' && !(who instanceof Response)) {
		const path = event.url.pathname;
		if (path.endsWith('.csv')) audit('csv_download', { user: who.user?.name, path, query: event.url.search });
		// A PDF is printed from the page, so its page view is logged too.
		else if (path.startsWith('/briefing/') || path.startsWith('/api/briefing/')) audit('briefing', { user: who.user?.name, path });
	}
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
