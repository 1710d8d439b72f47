// Who may be on a page: the one place that sends visitors to the login page and other roles away.
// Every page and action asks here instead of checking `locals` itself, so the rules (and where the
// visitor returns after signing in) stay the same everywhere.
import { error, redirect } from '@sveltejs/kit';
import type { Claims } from './db';

export type User = NonNullable<App.Locals['user']>;
export type Role = User['role'];

/** What a guard needs from the request event. */
interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

/**
 * Where to come back to after signing in: this page with its query, without a form action's name
 * (`?/move`), since after a redirect the browser asks with GET.
 */
export function returnTo(url: URL): string {
	const query = new URLSearchParams([...url.searchParams].filter(([key]) => !key.startsWith('/')));
	const search = query.size ? `?${query}` : '';
	return `/login?redirectTo=${encodeURIComponent(url.pathname + search)}`;
}

/** The signed-in user and their claims; visitors go to the login page (303) and come back here. */
export function requireUser({ locals, url }: GuardEvent): { user: User; claims: Claims } {
	if (!locals.user || !locals.claims) redirect(303, returnTo(url));
	return { user: locals.user, claims: locals.claims };
}

/** As requireUser, and the user has one of these roles; anyone else gets 403 with `message`. */
export function requireRole(event: GuardEvent, roles: readonly Role[], message = 'Forbidden'): { user: User; claims: Claims } {
	const signedIn = requireUser(event);
	if (!roles.includes(signedIn.user.role)) error(403, message);
	return signedIn;
}
