// /masuk: the sign-in form. Failures count towards the per-name and per-IP back-off (the
// `handle` hook answers 429 while a key is locked); every attempt is audited.
import { fail, redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/auth/audit';
import { safeNext } from '$lib/server/auth/guard';
import { signinByIp, signinByName } from '$lib/server/auth/rate-limit';
import { SESSION_COOKIE } from '$lib/core/session.server';
import { checkPassword, newSession } from '$lib/server/auth/users';
import { canonicalUserName } from '$lib/core/users.server';
import { requestLang } from '$lib/server/lang';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => ({
	lang: requestLang(event),
	next: safeNext(event.url.searchParams.get('next')),
	demo: event.locals.user?.demo ?? false,
	signedIn: Boolean(event.locals.user && !event.locals.user.demo)
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const name = canonicalUserName(form.get('name'));
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? '/'));
		const ip = event.getClientAddress();
		const user = name && password ? await checkPassword(name, password) : null;
		const session = user && newSession(user.name);
		if (!user || !session) {
			signinByName.fail(name);
			signinByIp.fail(ip);
			audit('signin_fail', { user: name, ip });
			return fail(401, { name, next, failed: true });
		}
		// Only this name's failures are forgiven: the address's count stays, so signing in to
		// one's own account between guesses at another does not reset the throttle.
		signinByName.clear(name);
		event.cookies.set(SESSION_COOKIE, session.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			maxAge: session.maxAge
		});
		audit('signin_ok', { user: user.name, role: user.role, ip });
		redirect(303, next);
	}
};
