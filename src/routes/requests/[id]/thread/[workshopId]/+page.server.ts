// The conversation between a request's owner and one workshop. New messages arrive through the
// events endpoint beside this page (SSE over LISTEN messages); without JavaScript the form posts and
// the page reloads.
import { error, fail } from '@sveltejs/kit';
import { setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import * as conversations from '$lib/server/conversations';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { storage } from '$lib/server/ports';
import { withUserFiles } from '$lib/server/storage/staged';
import * as quotes from '$lib/server/quotes';
import type { Actions, PageServerLoad } from './$types';
import { messageSchema } from './schema';
import { toWire } from './wire.server';
import { msg } from '$lib/msg';

export const load = (async ({ params, locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		const ctx = await conversations.context(tx, params.id, params.workshopId, user.id);
		if (!ctx) error(404, 'Not found');
		const messages = ctx.conversationId ? await conversations.messages(tx, ctx.conversationId) : [];
		const unread = ctx.conversationId ? await conversations.unread(tx, ctx.conversationId, user.id) : 0;
		// Only reads: a hovered link preloads this, so the page marks the thread read once it is open (POST).
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const actions = {
	send: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(messageSchema), { id: 'message' });
		if (!form.valid) return fail(400, withFiles({ form }));
		const sent = await withUserFiles(claims, storage(), async (tx, store) => {
			const ctx = await conversations.context(tx, params.id, params.workshopId, user.id);
			if (!ctx?.canWrite) return null;
			return conversations.send(tx, store, ctx, {
				userId: user.id,
				body: form.data.body,
				files: form.data.files.filter((f) => f.size > 0),
				submissionKey: UUID.test(form.data.submission_key) ? form.data.submission_key : null
			});
		});
		if (!sent) return setError(withFiles(form), 'body', msg('err_thread_closed'), { status: 403 });
		form.data.files = [];
		return { form: withFiles(form), sent: toWire(sent) };
	},
	// Marks the thread read without JavaScript (with it, the page posts to its events endpoint).
	read: async ({ params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const done = await withUser(claims, (tx) => conversations.markThreadRead(tx, params.id, params.workshopId, user.id));
		if (!done) error(404, 'Not found');
		return { read: true };
	}
} satisfies Actions;
