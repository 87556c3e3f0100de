// /admin (admins only: the handle hook refuses others): users and the recent audit log.
import { recentAudit } from '$lib/server/auth/audit';
import { users } from '$lib/server/auth/users';
import { requestLang } from '$lib/server/lang';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => ({
	lang: requestLang(event),
	users: users().map((u) => ({ name: u.name, role: u.role, region: u.region, created: u.created })),
	audit: recentAudit(200).map((e) => ({
		ts: String(e.ts ?? ''),
		event: String(e.event ?? ''),
		user: String(e.user ?? ''),
		detail: Object.entries(e)
			.filter(([k]) => !['ts', 'event', 'user'].includes(k))
			.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
			.join(' ')
	}))
});
