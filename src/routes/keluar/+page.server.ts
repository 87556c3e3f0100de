// /keluar: sign out (POST only, so a link or an image on another site cannot sign anyone out;
// SvelteKit's origin check refuses cross-site form posts).
import { redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/auth/audit';
import { SESSION_COOKIE } from '$lib/core/session.server';
import { revokeSession } from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		if (event.locals.user && !event.locals.user.demo) audit('signout', { user: event.locals.user.name });
		revokeSession(event.cookies.get(SESSION_COOKIE));
		event.cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' });
		redirect(303, '/masuk');
	}
};
