// Live messages of one thread as Server-Sent Events: LISTEN on channel 'messages' (the messages
// trigger announces the conversation id on commit), then load what is new under the user's RLS and
// send it. Access is checked before streaming and again with every load. `?poll=1` answers the same
// question once, as JSON, for browsers that cannot keep the stream open. POST marks the thread read.
import { error, json } from '@sveltejs/kit';
import * as conversations from '$lib/server/conversations';
import { withUser, type Claims } from '$lib/server/db';
import { listenStream, type EventStream } from '$lib/server/sse';
import type { WireMessage } from '../schema';
import { toWire } from '../wire.server';
import type { RequestHandler } from './$types';

// A message's created_at is its transaction's start, so one committed late may carry an earlier time
// than one already sent; looking back this far (and skipping ids already sent) catches it.
const LOOK_BACK_MS = 10_000;

function since(param: string | null): Date {
	const at = param ? new Date(param) : new Date();
	return Number.isNaN(at.getTime()) ? new Date() : at;
}

/** What is new in the thread since `after`, or null when the caller may no longer see it. */
async function newMessages(
	claims: Claims,
	ids: { request: string; workshop: string; user: string },
	after: Date
): Promise<{ conversationId: string | null; messages: WireMessage[] } | null> {
	return withUser(claims, async (tx) => {
		const ctx = await conversations.context(tx, ids.request, ids.workshop, ids.user);
		if (!ctx) return null;
		if (!ctx.conversationId) return { conversationId: null, messages: [] };
		const list = await conversations.messages(tx, ctx.conversationId, { since: new Date(after.getTime() - LOOK_BACK_MS) });
		return { conversationId: ctx.conversationId, messages: list.map(toWire) };
	});
}

export const GET: RequestHandler = async ({ params, locals, url, request }) => {
	const claims = locals.claims;
	if (!claims || !locals.user) error(401, 'Sign in');
	const ids = { request: params.id, workshop: params.workshopId, user: locals.user.id };
	const first = await newMessages(claims, ids, since(url.searchParams.get('after')));
	if (!first) error(404, 'Not found');
	if (url.searchParams.get('poll')) return json(first, { headers: { 'cache-control': 'private, no-store' } });

	let conversationId = first.conversationId;
	let cursor = since(url.searchParams.get('after'));
	const sent = new Set<string>();
	const send = (stream: EventStream, messages: WireMessage[]) => {
		for (const m of messages) {
			if (sent.has(m.id)) continue;
			sent.add(m.id);
			stream.write(`id: ${m.id}\nevent: message\ndata: ${JSON.stringify(m)}\n\n`);
			const at = new Date(m.created_at);
			if (at > cursor) cursor = at;
		}
	};
	return listenStream(request, {
		channel: 'messages',
		// Until the first message creates the conversation, any new conversation may be ours.
		concerns: (payload) => !conversationId || payload === conversationId,
		refresh: async (stream) => {
			const next = await newMessages(claims, ids, cursor);
			if (!next) return void (await stream.stop());
			conversationId = next.conversationId;
			send(stream, next.messages);
		},
		open: (stream) => send(stream, first.messages)
	});
};

/** The page is open and visible (on arrival, or when new messages came): what it shows is read. */
export const POST: RequestHandler = async ({ params, locals }) => {
	const claims = locals.claims;
	if (!claims || !locals.user) error(401, 'Sign in');
	const userId = locals.user.id;
	const done = await withUser(claims, (tx) => conversations.markThreadRead(tx, params.id, params.workshopId, userId));
	if (!done) error(404, 'Not found');
	return new Response(null, { status: 204 });
};
