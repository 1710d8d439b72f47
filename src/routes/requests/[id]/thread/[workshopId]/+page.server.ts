// The conversation between a request's owner and one workshop. New messages arrive through the
// events endpoint beside this page (SSE over LISTEN messages); without JavaScript the form posts and
// the page reloads.
import { error, fail } from '@sveltejs/kit';
import * as conversations from '$lib/server/conversations';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { storage } from '$lib/server/ports';
import { withUserFiles } from '$lib/server/storage/staged';
import * as quotes from '$lib/server/quotes';
import type { Actions, PageServerLoad } from './$types';
import { messageSchema } from './schema';
import { toWire } from './wire.server';

export const load = (async ({ params, locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		const ctx = await conversations.context(tx, params.id, params.workshopId, user.id);
		if (!ctx) error(404, 'Not found');
		const messages = ctx.conversationId ? await conversations.messages(tx, ctx.conversationId) : [];
		const unread = ctx.conversationId ? await conversations.unread(tx, ctx.conversationId, user.id) : 0;
		// Opening the thread is reading it: the read marker moves (idempotent, the caller's own row).
		if (ctx.conversationId) await conversations.markRead(tx, ctx.conversationId, user.id);
		const theirs = messages.filter((m) => m.sender_id !== user.id);
		// Where the deal stands, shown above the thread: the workshop's live (or latest) quote.
		const [quote] = await quotes.forWorkshop(tx, ctx.request.id, ctx.workshop.id);
		return {
			me: user.id,
			side: ctx.side,
			canWrite: ctx.canWrite,
			request: {
				id: ctx.request.id,
				title: ctx.request.title,
				company_name_ko: ctx.request.company_name_ko,
				company_name_en: ctx.request.company_name_en
			},
			workshop: ctx.workshop,
			messages: messages.map(toWire),
			quote: quote
				? { state: quote.state, price_krw: quote.price_krw, lead_time_days: quote.lead_time_days, revision: quote.revision }
				: null,
			firstUnreadId: unread ? (theirs[theirs.length - unread]?.id ?? null) : null
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	send: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const data = await request.formData();
		const body = String(data.get('body') ?? '');
		const parsed = messageSchema.safeParse({ body, files: data.getAll('files').filter((f) => f instanceof File) });
		if (!parsed.success) return fail(400, { body, error: parsed.error.issues[0].message });
		const sent = await withUserFiles(claims, storage(), async (tx, store) => {
			const ctx = await conversations.context(tx, params.id, params.workshopId, user.id);
			if (!ctx?.canWrite) return null;
			return conversations.send(tx, store, ctx, {
				userId: user.id,
				body: parsed.data.body,
				files: parsed.data.files.filter((f) => f.size > 0)
			});
		});
		if (!sent) return fail(403, { body, error: 'err_thread_closed' });
		return { sent: toWire(sent) };
	}
} satisfies Actions;
