// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Lang } from '$lib/i18n';
import type { AuthUser } from '$lib/server/auth/users';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Machine-readable reason: 'bad_period', 'warehouse_missing', 'warehouse_unavailable'. */
			code?: string;
		}
		interface Locals {
			lang: Lang;
			/** Who is signed in (the demo user in demo mode); null on the sign-in page when signed out. */
			user: AuthUser | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
