import { withUser } from '$lib/server/db';
import * as notifications from '$lib/server/notifications';
import type { LayoutServerLoad } from './$types';

// Only the listed user fields reach the browser.
export const load = (async ({ locals, depends, request }) => {
	// Pages that mark things read invalidate this, so the bell's count follows.
	depends('app:unread');
	const u = locals.user;
	const claims = locals.claims;
	if (!u || !claims) return { user: null, unread: 0 };
	// Counted with the account as the request came in (hooks.server.ts); after a form action, which may
	// have read something, counted again.
	const unread = request.method === 'GET' ? locals.unread : await withUser(claims, (tx) => notifications.unreadCount(tx, u.id));
	return { user: { id: u.id, email: u.email, role: u.role, displayName: u.displayName, emailConfirmed: u.emailConfirmed }, unread };
}) satisfies LayoutServerLoad;
