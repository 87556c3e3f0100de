import type { Cookies } from '@sveltejs/kit';
import { LANG_COOKIE, resolveLang, type Lang } from '$lib/i18n';

/** The request's language: `?lang=` first, then the cookie, default 'id'. */
export function requestLang(event: { url: URL; cookies: Cookies }): Lang {
	return resolveLang(event.url.searchParams.get('lang'), event.cookies.get(LANG_COOKIE));
}
