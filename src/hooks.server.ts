import type { Cookies, Handle, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { config } from '$lib/server/config';
import { open, sql, withUser } from '$lib/server/db';
import { EmbeddedStartError } from '$lib/server/db/embedded';
import { startMailWorker } from '$lib/server/mail/outbox';
import { startPaymentsWorker } from '$lib/server/payments/jobs';
import { startRollups } from '$lib/server/cluster-numbers';
import { startSearchSync } from '$lib/server/search';
import { listen as listenForPageChanges, pageCache, privatePageCache } from '$lib/server/page-cache';
import { getLocale } from '$lib/paraglide/runtime';
import * as ports from '$lib/server/ports';
import { accounts, listenForAccountChanges } from '$lib/server/account-cache';
import * as notifications from '$lib/server/notifications';
import * as profiles from '$lib/server/profiles';
import { seedMachinePhotos, seedPhotos } from '$lib/server/seed-photos';
import { securityHandle } from '$lib/server/security-headers';
import { bodyLimitHandle, parseBodyLimit } from '$lib/server/body-limit';
import { uploadLimitHandle } from '$lib/server/upload-limit';
import { noNulHandle } from '$lib/server/no-nul';
import '$lib/form-messages';
import { useEveryMessage } from '$lib/form-errors.svelte';
import { translate } from '$lib/i18n';

// Form errors outside the list the browser loads are translated from every message on the server.
useEveryMessage(translate);

export const init: ServerInit = async () => {
	try {
		await open();
	} catch (e) {
		// A start that cannot work says what to do in one sentence, not with a stack trace.
		if (!(e instanceof EmbeddedStartError)) throw e;
		console.error(`Sogong Link cannot start: ${e.message}`);
		process.exit(1);
	}
	ports.auth();
	// The demo marketplace's workshops get their pictures (files, so not in seed.sql) while none has any.
	if (config().seed === 'auto') {
		const stored = await seedPhotos(sql(), ports.storage());
		if (stored) console.log(`[seed] stored ${stored} workshop pictures`);
		const machines = await seedMachinePhotos(sql(), ports.storage());
		if (machines) console.log(`[seed] stored ${machines} machine pictures`);
	}
	await listenForPageChanges(sql());
	await listenForAccountChanges(sql());
	// Keeps search indexes and notification mail in step with the database (the outbox workers).
	await startSearchSync();
	await startMailWorker(ports.mail(), { origin: config().origin });
	// Refunds through providers, automatic purchase confirmation, reminders, missed webhooks.
	await startPaymentsWorker(ports.payments());
	// The cluster numbers' rollups of closed months, every minute.
	startRollups();
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
	let wrote = false;
	event.locals.auth = ports.auth().forRequest({
		cookies: noting(event.cookies, () => (wrote = true)),
		url: event.url,
		userAgent: event.request.headers.get('user-agent')
	});
	const claims = await event.locals.auth.claims();
	event.locals.claims = claims;
	event.locals.sessionWrote = wrote;
	// The account and the bell's count in one transaction, their queries pipelined, and kept for a few
	// seconds until a notification of this user is announced (account-cache.ts).
	const [user, unread] = claims
		? await accounts.get(claims.sub, () =>
				withUser(claims, (tx) => Promise.all([profiles.current(tx, claims), notifications.unreadCount(tx, claims.sub)]))
			)
		: [null, 0];
	event.locals.user = user;
	event.locals.unread = unread;
	const response = await resolve(event);
	// What the user just did (a form, an endpoint) shows on the next page without waiting for the announcement.
	if (claims && event.request.method !== 'GET' && event.request.method !== 'HEAD') accounts.forget(claims.sub);
	// Pages made for one signed-in user must never be stored by shared caches.
	if (claims && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
	return response;
};

/**
 * What a kept response is kept as: the page, or its data for a client-side navigation. SvelteKit hands
 * the hooks a data request's URL as the page's (without /__data.json and the list of layouts and pages
 * whose data the browser asks again), so the two must be told apart here, or one is served for the other.
 */
function keptAs(event: RequestEvent): string {
	if (!event.isDataRequest) return `page ${event.url.pathname}${event.url.search}`;
	const asked = new URL(event.request.url).searchParams.get('x-sveltekit-invalidated') ?? '';
	return `data ${asked} ${event.url.pathname}${event.url.search}`;
}

/** The request's cookies, telling when one is written (SvelteKit sends those only with a rendered page). */
function noting(cookies: Cookies, wrote: () => void): Cookies {
	return {
		get: (name, opts) => cookies.get(name, opts),
		getAll: (opts) => cookies.getAll(opts),
		set: (name, value, opts) => {
			wrote();
			cookies.set(name, value, opts);
		},
		delete: (name, opts) => {
			wrote();
			cookies.delete(name, opts);
		},
		serialize: (name, value, opts) => cookies.serialize(name, value, opts)
	};
}

// Anonymous pages are the same for every visitor of a language: served from the process's cache until
// what they show changes (page-cache.ts), and shared caches may keep them briefly.
const publicPages: Handle = async ({ event, resolve }) => {
	const cache = pageCache();
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		// A write of this process is committed when its response is made: what it changed is not served
		// from the cache even before the notification of its commit comes back.
		const response = await resolve(event);
		cache.clear();
		privatePageCache().clear();
		return response;
	}
	// A session that just wrote its cookies (refreshed, or dropped as expired) needs a rendered page to
	// carry them: SvelteKit adds them only to what resolve() makes.
	if (event.locals.sessionWrote) return resolve(event);
	if (event.locals.claims) return privatePage({ event, resolve });
	if (!cache.cacheable(event.url.pathname)) return resolve(event);
	const key = `${getLocale()} ${keptAs(event)}`;
	const kept = cache.get(key);
	if (kept) return kept;
	const mark = cache.mark();
	const response = await resolve(event);
	if (response.status === 200 && !response.headers.has('cache-control')) {
		response.headers.set('cache-control', 'public, max-age=0, s-maxage=30, stale-while-revalidate=60');
		response.headers.set('vary', 'Cookie, Accept-Language');
	}
	return cache.keep(key, response, mark);
};

// A signed-in user's dashboard, kept for that user until what it shows changes (page-cache.ts). The key
// holds everything the page is made from besides the database: the user, their account and bell count
// as read for this request (account-cache.ts, so a renamed account or a new notification makes a new
// key), the language, and the day in Seoul (the craftsman's recommendations weigh deadlines by it).
const privatePage: Handle = async ({ event, resolve }) => {
	const cache = privatePageCache();
	if (event.request.method !== 'GET' || !cache.cacheable(event.url.pathname)) return resolve(event);
	const seoulDay = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
	const key = `${event.locals.claims?.sub} ${getLocale()} ${seoulDay} ${event.locals.unread} ${JSON.stringify(event.locals.user)} ${keptAs(event)}`;
	const kept = cache.get(key);
	if (kept) return kept;
	const mark = cache.mark();
	return cache.keep(key, await resolve(event), mark);
};

// Read once: adapter-node reads it at start too.
const bodyLimit = parseBodyLimit(process.env.BODY_SIZE_LIMIT);

const security = securityHandle(() => config().origin ?? '');
const limits = bodyLimitHandle(() => bodyLimit);
const pages = sequence(security, limits, i18n, noNulHandle, authenticate, uploadLimitHandle, publicPages);
// Providers' webhooks carry no cookie and no language, and change no public page: they skip the
// language, the session and the page cache (a run of payments is thousands of these a minute).
const machines = sequence(security, limits);

export const handle: Handle = (input) => (input.event.url.pathname.startsWith('/api/webhooks/') ? machines(input) : pages(input));
