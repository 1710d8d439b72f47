// Conversations: one thread per request and workshop, between the request's owner and whoever acts
// for the workshop. Functions take the caller's RLS transaction; PostgreSQL decides who reads and
// writes. A conversation row is created with its first message. Each new message is announced on
// channel 'messages' (payload: conversation id) by a trigger; the thread's SSE endpoint listens.
import { randomUUID } from 'node:crypto';
import type { Tx } from './db';
import { isUuid, requestSummary, storeFiles, type QuoteFile, type RequestSummary } from './quotes';
import type { StoragePort } from './storage/port';

export interface ThreadWorkshop {
	id: string;
	name_ko: string;
	name_en: string | null;
	slug: string | null;
}

export interface ThreadContext {
	request: RequestSummary;
	workshop: ThreadWorkshop;
	/** Which side the caller is on. */
	side: 'owner' | 'workshop';
	conversationId: string | null;
	/** Whether the caller may write (take part, or a workshop joining a public open request). */
	canWrite: boolean;
}

export interface Message {
	id: string;
	conversation_id: string;
	sender_id: string | null;
	/** Which side sent it: the request's owner or the workshop. */
	sender_side: 'owner' | 'workshop';
	/** The sender has deleted their account: the message stays, shown as by a former member. */
	sender_former: boolean;
	body: string;
	created_at: Date;
	files: QuoteFile[];
}

/** Everything the thread page needs to know before showing messages; null when not the caller's thread. */
export async function context(tx: Tx, requestId: string, workshopId: string, userId: string): Promise<ThreadContext | null> {
	if (!isUuid(requestId) || !isUuid(workshopId)) return null;
	const request = await requestSummary(tx, requestId);
	if (!request) return null;
	const [w] = await tx<(ThreadWorkshop & { acts: boolean; participant: boolean })[]>`
		select w.id, w.name_ko, w.name_en, w.slug, (select private.acts_for_workshop(w.id)) as acts,
		       (select private.is_participant(${requestId}::uuid, w.id)) as participant
		from public.workshops w where w.id = ${workshopId}`;
	if (!w) return null;
	const side = request.owner_id === userId ? 'owner' : w.acts ? 'workshop' : null;
	if (!side) return null;
	const [c] = await tx<{ id: string }[]>`
		select id from public.conversations where request_id = ${requestId} and workshop_id = ${workshopId}`;
	const joinable = side === 'workshop' && request.visibility === 'public' && request.status === 'open';
	const { acts: _a, participant, ...workshop } = w;
	return { request, workshop, side, conversationId: c?.id ?? null, canWrite: participant || joinable || !!c };
}

/** Messages of a conversation, oldest first; `since` gives those created at or after it. */
export async function messages(tx: Tx, conversationId: string, opts: { since?: Date; limit?: number } = {}): Promise<Message[]> {
	if (!isUuid(conversationId)) return [];
	const limit = opts.limit ?? 200;
	const rows = await tx<Omit<Message, 'files'>[]>`
		select * from (
			select m.id, m.conversation_id, m.sender_id,
			       case when m.sender_id = r.owner_id then 'owner' else 'workshop' end as sender_side,
			       private.is_former_member(m.sender_id) as sender_former, m.body, m.created_at
			from public.messages m
			join public.conversations c on c.id = m.conversation_id
			join public.requests r on r.id = c.request_id
			where m.conversation_id = ${conversationId}
			  and (${opts.since ?? null}::timestamptz is null or m.created_at >= ${opts.since ?? null}::timestamptz)
			order by m.created_at desc, m.id desc
			limit ${limit}
		) latest order by created_at, id`;
	if (rows.length === 0) return [];
	const files = await tx<(QuoteFile & { message_id: string })[]>`
		select id, message_id, filename, content_type, size_bytes from public.attachments
		where message_id = any(${rows.map((r) => r.id)}::uuid[]) order by created_at, filename`;
	return rows.map((m) => ({
		...m,
		files: files.filter((f) => f.message_id === m.id).map(({ message_id: _, ...f }) => f)
	}));
}

/** The conversation of the request and workshop, created (and a public request joined) if needed. */
async function ensure(tx: Tx, ctx: ThreadContext): Promise<string> {
	if (ctx.conversationId) return ctx.conversationId;
	const { request, workshop } = ctx;
	if (ctx.side === 'workshop' && request.visibility === 'public') {
		await tx`insert into public.request_participants (request_id, workshop_id, source)
			select ${request.id}, ${workshop.id}, 'self'
			where not exists (select 1 from public.request_participants where request_id = ${request.id} and workshop_id = ${workshop.id})
			on conflict do nothing`;
	}
	await tx`insert into public.conversations (id, request_id, workshop_id) values (${randomUUID()}, ${request.id}, ${workshop.id})
		on conflict (request_id, workshop_id) do nothing`;
	const [c] = await tx<{ id: string }[]>`
		select id from public.conversations where request_id = ${request.id} and workshop_id = ${workshop.id}`;
	return c.id;
}

export const MAX_MESSAGE_LENGTH = 4000;
export { MAX_MESSAGE_FILE_BYTES } from '$lib/domain/uploads';

/**
 * Sends a message as the caller (with optional small files); the database notifies the other side.
 * With a submission key (made by the composer for this message), a second post of the same message
 * sends nothing: it waits for the first and answers it.
 */
export async function send(
	tx: Tx,
	store: StoragePort,
	ctx: ThreadContext,
	input: { userId: string; body: string; files?: File[]; submissionKey?: string | null }
): Promise<Message> {
	const conversationId = await ensure(tx, ctx);
	const id = randomUUID();
	const key = input.submissionKey ?? null;
	const [m] = await tx<Omit<Message, 'files' | 'sender_side' | 'sender_former'>[]>`
		insert into public.messages (id, conversation_id, sender_id, body, submission_key)
		values (${id}, ${conversationId}, ${input.userId}, ${input.body}, ${key})
		on conflict (sender_id, submission_key) where submission_key is not null do nothing
		returning id, conversation_id, sender_id, body, created_at`;
	if (!m) {
		const [first] = await tx<Omit<Message, 'files' | 'sender_side' | 'sender_former'>[]>`
			select id, conversation_id, sender_id, body, created_at from public.messages
			where sender_id = ${input.userId} and submission_key = ${key}`;
		const sent = await tx<QuoteFile[]>`
			select id, filename, content_type, size_bytes from public.attachments
			where message_id = ${first.id} order by created_at, filename`;
		return { ...first, sender_side: ctx.side, sender_former: false, files: sent };
	}
	const files = input.files?.length
		? await storeFiles(tx, store, {
				requestId: ctx.request.id,
				messageId: id,
				userId: input.userId,
				folder: 'messages',
				files: input.files
			})
		: [];
	await markRead(tx, conversationId, input.userId);
	return { ...m, sender_side: ctx.side, sender_former: false, files };
}

/**
 * Marks everything in the conversation read for the caller, now, and with it the (coalesced) message
 * notification about it, so the header badge agrees with what the user has seen.
 */
export async function markRead(tx: Tx, conversationId: string, userId: string): Promise<void> {
	await tx`insert into public.conversation_reads (conversation_id, user_id, last_read_at) values (${conversationId}, ${userId}, now())
		on conflict (conversation_id, user_id) do update set last_read_at = greatest(public.conversation_reads.last_read_at, excluded.last_read_at)`;
	await tx`update public.notifications set read_at = now()
		where user_id = ${userId} and kind = 'message' and read_at is null and payload ->> 'conversation_id' = ${conversationId}`;
}

/**
 * The caller read the thread between a request and a workshop (an explicit POST: never a page load,
 * which a hovered link's preload runs too). False when the caller may not see that thread.
 */
export async function markThreadRead(tx: Tx, requestId: string, workshopId: string, userId: string): Promise<boolean> {
	const ctx = await context(tx, requestId, workshopId, userId);
	if (!ctx) return false;
	if (ctx.conversationId) await markRead(tx, ctx.conversationId, userId);
	return true;
}

/** Messages from someone else after the caller last read the conversation. */
export async function unread(tx: Tx, conversationId: string, userId: string): Promise<number> {
	const [row] = await tx<{ n: number }[]>`
		select count(*)::int as n from public.messages m
		left join public.conversation_reads cr on cr.conversation_id = m.conversation_id and cr.user_id = ${userId}
		where m.conversation_id = ${conversationId} and m.sender_id is distinct from ${userId}::uuid
		  and m.created_at > coalesce(cr.last_read_at, '-infinity')`;
	return row.n;
}

export interface ConversationSummary {
	id: string;
	workshop_id: string;
	last_message_at: Date | null;
	unread: number;
}

/** The caller's conversations on a request with unread counts (all of them for the owner). */
export async function forRequest(tx: Tx, requestId: string, userId: string): Promise<ConversationSummary[]> {
	if (!isUuid(requestId)) return [];
	return tx<ConversationSummary[]>`
		select c.id, c.workshop_id, c.last_message_at,
		       (select count(*)::int from public.messages m
		        where m.conversation_id = c.id and m.sender_id is distinct from ${userId}::uuid
		          and m.created_at > coalesce(cr.last_read_at, '-infinity')) as unread
		from public.conversations c
		left join public.conversation_reads cr on cr.conversation_id = c.id and cr.user_id = ${userId}
		where c.request_id = ${requestId}
		order by c.last_message_at desc nulls last`;
}

/** Unread messages over all the caller's conversations. */
export async function unreadTotal(tx: Tx, userId: string): Promise<number> {
	const [row] = await tx<{ n: number }[]>`
		select count(*)::int as n from public.messages m
		join public.conversations c on c.id = m.conversation_id
		left join public.conversation_reads cr on cr.conversation_id = c.id and cr.user_id = ${userId}
		where m.sender_id is distinct from ${userId}::uuid and m.created_at > coalesce(cr.last_read_at, '-infinity')`;
	return row.n;
}
