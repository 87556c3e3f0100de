// Request policy applied by the `handle` hook before any route runs (pure functions). Every
// decision is made on the route SvelteKit will run (`event.route.id`) and its decoded
// parameters, never on the raw URL path: `/%61dmin` routes to /admin, so it is /admin here too.
import { NATIONAL_PARAM } from '$lib/core/briefing';
import { REGION_CODE } from '$lib/core/vocab';
import type { AuthUser } from './users';
import { covers } from './scope';

/**
 * The path as SvelteKit's router reads it (its `decode_pathname`: every escape decoded but %25
 * and the reserved characters), for the audit log and for requests no route matches. A
 * malformed escape stays as sent (SvelteKit answers it without a route).
 */
export function routedPath(pathname: string): string {
	try {
		return pathname.split('%25').map(decodeURI).join('%25');
	} catch {
		return pathname;
	}
}

/** The route anyone may open: the sign-in form (and its POST). */
export const isPublicRoute = (routeId: string | null) => routeId === '/masuk';

const isAdminRoute = (routeId: string | null) =>
	routeId !== null && (routeId === '/admin' || routeId.startsWith('/admin/') || routeId.startsWith('/api/admin'));

/** The notebooks hold national aggregates of every region: national and admin users only. */
const isNationalRoute = (routeId: string | null) => routeId !== null && (routeId === '/notebooks' || routeId.startsWith('/notebooks/'));

/** Data endpoints answer 401/403 as text; a request that matches no route is judged by its decoded path. */
export const isApiRequest = (routeId: string | null, path: string) => (routeId ?? routedPath(path)).startsWith('/api/');

/** Route parameters that name a region (/wilayah/[code], /briefing/[region]/[month], …). */
const REGION_PARAM_NAMES = new Set(['code', 'region']);

/**
 * Why this user may not open this route, or null. Region path parameters, and a `?region=`
 * filter on any route (also routes that ignore it), must lie in the user's scope; /admin and
 * /api/admin are for admins, /notebooks for national and admin users.
 */
export function denial(
	user: AuthUser,
	routeId: string | null,
	params: Record<string, string>,
	query: URLSearchParams = new URLSearchParams()
): 'admin_only' | 'national_only' | 'region_out_of_scope' | null {
	if (isAdminRoute(routeId) && user.role !== 'admin') return 'admin_only';
	if (isNationalRoute(routeId) && user.scope.kind !== 'all') return 'national_only';
	const asked = query.get('region')?.trim();
	// A malformed value is the route's to reject (400).
	if (asked && REGION_CODE.test(asked) && !covers(user.scope, asked)) return 'region_out_of_scope';
	for (const [name, value] of Object.entries(params)) {
		// A region parameter that is not a code at all is for the route to reject (400/404).
		if (!REGION_PARAM_NAMES.has(name)) continue;
		// 'nasional' (/briefing/nasional/…) is the whole country: national scope only.
		if (value === NATIONAL_PARAM ? user.scope.kind !== 'all' : REGION_CODE.test(value) && !covers(user.scope, value))
			return 'region_out_of_scope';
	}
	return null;
}

/** A same-site path to return to after signing in; anything else becomes '/'. */
export function safeNext(next: string | null | undefined): string {
	if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
	// Only path + query; a scheme or host cannot sneak in after the leading slash.
	try {
		const u = new URL(next, 'http://x');
		return u.origin === 'http://x' ? `${u.pathname}${u.search}` : '/';
	} catch {
		return '/';
	}
}
