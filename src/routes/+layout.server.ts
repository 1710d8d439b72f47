import { redirect } from '@sveltejs/kit';
import { LEGAL_VERSION } from '$lib/legal/documents';
import { withUser } from '$lib/server/db';
import * as notifications from '$lib/server/notifications';
import type { LayoutServerLoad } from './$types';

// Only the listed user fields reach the browser.
// Where a person who has not agreed to the current terms may still go: the new terms themselves, the
// page that asks, signing out, and their account (to download their data or delete it instead).
const withoutConsent = /^\/(consent|terms|privacy|logout|account)(\/|$)/;

export const load = (async ({ locals, depends, request, url }) => {
	// Pages that mark things read invalidate this, so the bell's count follows.
	depends('app:unread');
	const u = locals.user;
	const claims = locals.claims;
	if (!u || !claims) return { user: null, unread: 0 };
	// A new version of the terms asks again, at the next page after sign-in (versions are dates).
	if ((u.termsVersion ?? '') < LEGAL_VERSION && !withoutConsent.test(url.pathname))
		redirect(303, `/consent?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	// Counted with the account as the request came in (hooks.server.ts); after a form action, which may
	// have read something, counted again.
	const unread = request.method === 'GET' ? locals.unread : await withUser(claims, (tx) => notifications.unreadCount(tx, u.id));
	return { user: { id: u.id, email: u.email, role: u.role, displayName: u.displayName, emailConfirmed: u.emailConfirmed }, unread };
}) satisfies LayoutServerLoad;
