// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Claims } from '$lib/server/db';
import type { AuthSession } from '$lib/server/auth/port';

declare global {
	namespace App {
		interface Locals {
			auth: AuthSession;
			/** Verified claims of the signed-in user; null for visitors. */
			claims: Claims | null;
			/** The signed-in user's account as the app knows it; null for visitors. */
			user: import('$lib/server/profiles').CurrentUser | null;
			/** The signed-in user's unread notifications when the request came in (0 for visitors). */
			unread: number;
			/** Whether reading the session wrote its cookies (refreshed, or dropped): no kept page is served then. */
			sessionWrote: boolean;
		}
	}
}

export {};
