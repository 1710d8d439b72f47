// The signed-in user's unread notification count as Server-Sent Events, for the header's bell: LISTEN on
// channel 'notifications' (triggers announce the user id on commit when a notification is written or
// read), then count again under the user's RLS and send the count when it changed. `?poll=1` answers
// once, as JSON, for browsers that cannot keep a stream open. A stream lasts a few minutes; the
// browser reconnects by itself, which checks the session again.
import { error, json } from '@sveltejs/kit';
import { withUser, type Claims } from '$lib/server/db';
import { listenStream, type EventStream } from '$lib/server/sse';
import * as notifications from '$lib/server/notifications';
import type { RequestHandler } from './$types';

const STREAM_LIFETIME_MS = 5 * 60_000;

const unread = (claims: Claims, userId: string) => withUser(claims, (tx) => notifications.unreadCount(tx, userId));

export const GET: RequestHandler = async ({ locals, url, request }) => {
	const claims = locals.claims;
	const userId = locals.user?.id;
	if (!claims || !userId) error(401, 'Sign in');
	const first = await unread(claims, userId);
	if (url.searchParams.get('poll')) return json({ unread: first }, { headers: { 'cache-control': 'private, no-store' } });

	let last = -1;
	const send = (stream: EventStream, n: number) => {
		if (n === last) return;
		last = n;
		stream.write(`event: unread\ndata: ${n}\n\n`);
	};
	return listenStream(request, {
		channel: 'notifications',
		concerns: (payload) => payload === userId,
		refresh: async (stream) => {
			const n = await unread(claims, userId);
			if (!stream.closed) send(stream, n);
		},
		open: (stream) => send(stream, first),
		lifetimeMs: STREAM_LIFETIME_MS
	});
};
