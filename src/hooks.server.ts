import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { config } from '$lib/server/config';
import { open, withUser } from '$lib/server/db';
import { startSearchSync } from '$lib/server/search';
import * as ports from '$lib/server/ports';
import * as profiles from '$lib/server/profiles';

export const init: ServerInit = async () => {
	await open();
	ports.auth();
	ports.storage();
	// Keeps search indexes and notification mail in step with the database (the outbox worker).
	await startSearchSync({ mail: { port: ports.mail(), origin: config().origin } });
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

// Identity comes only from claims the auth adapter verified; the profile is read under RLS.
const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.auth = ports.auth().forRequest({ cookies: event.cookies, url: event.url });
	const claims = await event.locals.auth.claims();
	event.locals.claims = claims;
	event.locals.user = claims ? await withUser(claims, (tx) => profiles.current(tx, claims)) : null;
	const response = await resolve(event);
	// Pages made for one signed-in user must never be stored by shared caches.
	if (claims && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handle = sequence(i18n, authenticate);
