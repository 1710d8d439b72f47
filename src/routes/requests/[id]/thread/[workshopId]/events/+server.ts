// Live messages of one thread as Server-Sent Events: LISTEN on channel 'messages' (the messages
// trigger announces the conversation id on commit), then load what is new under the user's RLS and
// send it. Access is checked before streaming and again with every load. `?poll=1` answers the same
// question once, as JSON, for browsers that cannot keep the stream open. POST marks the thread read.
import { error, json } from '@sveltejs/kit';
import * as conversations from '$lib/server/conversations';
import { sql, withUser, type Claims } from '$lib/server/db';
import type { WireMessage } from '../schema';
import { toWire } from '../wire.server';
import type { RequestHandler } from './$types';

const KEEP_ALIVE_MS = 15_000;
// A message's created_at is its transaction's start, so one committed late may carry an earlier time
// than one already sent; looking back this far (and skipping ids already sent) catches it.
const LOOK_BACK_MS = 10_000;

function since(param: string | null): Date {
	const at = param ? new Date(param) : new Date();
	return Number.isNaN(at.getTime()) ? new Date() : at;
}

/** What is new in the thread since `after`, or null when the caller may no longer see it. */
async function newMessages(claims: Claims, ids: { request: string; workshop: string; user: string }, after: Date): Promise<{ conversationId: string | null; messages: WireMessage[] } | null> {
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

	const encoder = new TextEncoder();
	let stop: (() => Promise<void>) | undefined;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			let closed = false;
			let conversationId = first.conversationId;
			let cursor = since(url.searchParams.get('after'));
			const sent = new Set<string>();
			const write = (chunk: string) => {
				if (!closed) controller.enqueue(encoder.encode(chunk));
			};
			const send = (messages: WireMessage[]) => {
				for (const m of messages) {
					if (sent.has(m.id)) continue;
					sent.add(m.id);
					write(`id: ${m.id}\nevent: message\ndata: ${JSON.stringify(m)}\n\n`);
					const at = new Date(m.created_at);
					if (at > cursor) cursor = at;
				}
			};
			// One load at a time, in order; a burst of notifications collapses into the loads it needs.
			let queue = Promise.resolve();
			const refresh = () => {
				queue = queue
					.then(async () => {
						if (closed) return;
						const next = await newMessages(claims, ids, cursor);
						if (!next) return void (await stop?.());
						conversationId = next.conversationId;
						send(next.messages);
					})
					.catch(() => write(': retrying\n\n'));
			};

			const listener = await sql()
				.listen('messages', (payload) => {
					// Until the first message creates the conversation, any new conversation may be ours.
					if (!conversationId || payload === conversationId) refresh();
				})
				.catch(() => null);
			const ping = setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS);
			stop = async () => {
				if (closed) return;
				closed = true;
				clearInterval(ping);
				request.signal.removeEventListener('abort', onAbort);
				await listener?.unlisten().catch(() => {});
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			};
			const onAbort = () => void stop?.();
			request.signal.addEventListener('abort', onAbort);

			write('retry: 3000\n\n');
			// LISTEN failed (a pooler that drops notifications): tell the page to poll instead.
			if (!listener) {
				write('event: fallback\ndata: poll\n\n');
				return void (await stop());
			}
			send(first.messages);
			// Anything committed between the first load and LISTEN.
			refresh();
		},
		async cancel() {
			await stop?.();
		}
	});

	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'private, no-cache, no-store',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
};

/** The page was looking when new messages arrived: they are read. */
export const POST: RequestHandler = async ({ params, locals }) => {
	const claims = locals.claims;
	if (!claims || !locals.user) error(401, 'Sign in');
	const userId = locals.user.id;
	const done = await withUser(claims, async (tx) => {
		const ctx = await conversations.context(tx, params.id, params.workshopId, userId);
		if (!ctx) return false;
		if (ctx.conversationId) await conversations.markRead(tx, ctx.conversationId, userId);
		return true;
	});
	if (!done) error(404, 'Not found');
	return new Response(null, { status: 204 });
};
