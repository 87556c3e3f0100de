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
import { audit, auditThrottled } from '$lib/server/auth/audit';
import { asSystem, markServer, withScope } from '$lib/server/auth/context';
import { denial, isApiRequest, isPublicRoute, routedPath } from '$lib/server/auth/guard';
import { signinByIp, signinByName } from '$lib/server/auth/rate-limit';
import { NONE, type Scope } from '$lib/server/auth/scope';
import { SESSION_COOKIE } from '$lib/core/session.server';
import { DEMO_USER, sessionUser, users, type AuthUser } from '$lib/server/auth/users';
import { translate } from '$lib/i18n';
import { SMALL_BODY_MAX } from '$lib/core/limits';
import { bodyWithin } from '$lib/server/body';
import { RETRY_AFTER_S } from '$lib/server/db';
import { isUploadRoute } from '$lib/server/auth/upload';
import { canonicalUserName } from '$lib/core/users.server';
import { isDownloadRoute } from '$lib/downloads';
import { compressed } from '$lib/server/compress';

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
	asSystem(() =>
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
			(err: unknown) =>
				console.warn(`[telaah] warehouse not available yet: ${(err as { body?: { message?: string } })?.body?.message ?? err}`)
		)
	);
};

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
	new Response(`${body}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });

/**
 * Who is asking, and may they? Demo mode (no users.json or no users in it): everyone is the
 * national demo user. Otherwise every page, API and CSV needs a valid session: pages redirect
 * to /masuk, /api/* answers 401. Route parameters naming a region outside the user's scope
 * answer 403; the query layer then scopes every SQL filter (auth/context.ts, filter-sql.ts).
 * Every decision reads the route SvelteKit will run (event.route.id), not the raw path.
 */
async function authorize(event: RequestEvent, signInOn: boolean): Promise<Response | { user: AuthUser | null; scope: Scope }> {
	const routeId = event.route.id;
	const { pathname, search } = event.url;
	let user: AuthUser | null;
	try {
		user = signInOn ? sessionUser(event.cookies.get(SESSION_COOKIE)) : DEMO_USER;
	} catch (e) {
		console.error(`[telaah] users/session store unreadable: ${(e as Error).message}`);
		return text(503, 'Authentication store unreadable; see the server log.');
	}
	if (isPublicRoute(routeId)) {
		if (event.request.method === 'POST') {
			const ip = event.getClientAddress();
			// Checked before the form is parsed, so the lock cannot be tried around.
			const byIp = signinByIp.retryAfter(ip);
			const name = byIp
				? ''
				: canonicalUserName(
						(
							await event.request
								.clone()
								.formData()
								.catch(() => null)
						)?.get('name')
					);
			const wait = Math.max(byIp, signinByName.retryAfter(name));
			if (wait > 0) {
				auditThrottled(name, ip, wait);
				return text(429, translate(event.locals.lang, 'auth.throttled', { s: wait }), { 'Retry-After': String(wait) });
			}
		}
		return { user, scope: user?.scope ?? NONE };
	}
	if (!user) {
		if (isApiRequest(routeId, pathname))
			return text(401, translate(event.locals.lang, 'auth.required'), { 'WWW-Authenticate': 'Cookie realm="telaah"' });
		return new Response(null, {
			status: 303,
			headers: { Location: `/masuk?next=${encodeURIComponent(pathname + search)}`, 'Cache-Control': 'no-store' }
		});
	}
	const why = denial(user, routeId, event.params as Record<string, string>, event.url.searchParams);
	if (why) {
		audit('forbidden', { user: user.name, path: routedPath(pathname), route: routeId, reason: why });
		const message = translate(
			event.locals.lang,
			why === 'admin_only' ? 'auth.adminOnly' : why === 'national_only' ? 'auth.nationalOnly' : 'auth.outOfScope'
		);
		if (isApiRequest(routeId, pathname)) return text(403, message);
		error(403, { code: why, message });
	}
	return { user, scope: user.scope };
}

/** A body larger than its route takes is refused before anything reads it (uploads check their own, with a message in the form). */
async function bodyTooLarge(event: RequestEvent): Promise<Response | null> {
	if (event.request.method === 'GET' || event.request.method === 'HEAD' || isUploadRoute(event.route.id)) return null;
	if (await bodyWithin(event.request, SMALL_BODY_MAX)) return null;
	return text(413, translate(event.locals.lang, 'request.tooLarge', { kb: SMALL_BODY_MAX / 1024 }));
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
	let signInOn = true;
	try {
		signInOn = users().length > 0;
	} catch {
		/* authorize() answers 503 for an unreadable store */
	}
	const tooLarge = await bodyTooLarge(event);
	const who = tooLarge ?? (await authorize(event, signInOn));
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
		const routeId = event.route.id ?? '';
		const path = routedPath(event.url.pathname);
		if (isDownloadRoute(routeId)) audit('download', { user: who.user?.name, path, format: event.params.ext, query: event.url.search });
		// A PDF is printed from the page, so its page view is logged too.
		else if (routeId.startsWith('/briefing/') || routeId.startsWith('/api/briefing/')) audit('briefing', { user: who.user?.name, path });
	}
	// With sign-in on, every answer is someone's view of the data: no shared or back-button cache.
	if (signInOn) response.headers.set('Cache-Control', 'private, no-store');
	// A request that waited too long for an ingest (db.ts): tell clients when to come back.
	if (response.status === 503 && !response.headers.has('Retry-After')) response.headers.set('Retry-After', String(RETRY_AFTER_S));
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	if (!response.headers.has('Content-Language')) response.headers.set('Content-Language', lang);
	return compressed(response, event.request);
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	// Errors SvelteKit raises itself (404, 413 from adapter-node's body limit) say what they are.
	if (status < 500) {
		const key = status === 404 ? 'error.notFound' : status === 413 ? 'request.tooLarge' : 'error.badRequest';
		return { message: translate(event.locals.lang ?? 'id', key, { kb: SMALL_BODY_MAX / 1024 }), code: String(status) };
	}
	console.error(`[telaah] ${event.request.method} ${routedPath(event.url.pathname)}:`, error);
	return { message: 'Internal error', code: 'internal' };
};
