// Quotes of one request. The request's owner sees every quote and asks for revisions, accepts or
// declines; a workshop's actor (its owner, or a manager for a member without an account) sees only
// that workshop's quotes, sends one, revises it and withdraws it. RLS decides what each may see.
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { formatNumber } from '$lib/domain/format';
import { seoulDate } from '$lib/domain/request-templates';
import * as conversations from '$lib/server/conversations';
import { withUser, type Tx } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { storage } from '$lib/server/ports';
import { withUserFiles } from '$lib/server/storage/staged';
import * as orders from '$lib/server/orders';
import * as quotes from '$lib/server/quotes';
import type { Actions, PageServerLoad } from './$types';
import { moveSchema, quoteSchema, termsFrom, type Move } from './schema';
import { msg } from '$lib/msg';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';

/** Fourteen days from today in Korea: a usual validity for a craftsman's quote. */
function defaultValidUntil(now = new Date()): string {
	return seoulDate(new Date(now.getTime() + 14 * 86_400_000));
}

/** The workshop the caller quotes as: ?workshop= if they act for it, else one already taking part. */
async function chooseWorkshop(tx: Tx, userId: string, requestId: string, wanted: string | null) {
	const workshops = await quotes.actingWorkshops(tx, userId);
	if (workshops.length === 0) return { workshops, workshop: null };
	const chosen = wanted ? workshops.find((w) => w.id === wanted) : undefined;
	if (chosen) return { workshops, workshop: chosen };
	const taking = await quotes.takingPart(tx, requestId);
	const busy = workshops.find((w) => taking.includes(w.id));
	return { workshops, workshop: busy ?? workshops.find((w) => w.own) ?? workshops[0] };
}

export const load = (async ({ params, locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	const open = moveSchema
		.pick({ quote: true, move: true })
		.safeParse({ quote: url.searchParams.get('quote'), move: url.searchParams.get('act') });
	return withUser(claims, async (tx) => {
		const request = await quotes.requestSummary(tx, params.id);
		if (!request) error(404, 'Not found');
		const threads = Object.fromEntries(
			(await conversations.forRequest(tx, request.id, user.id)).map((c) => [c.workshop_id, c.unread])
		) as Record<string, number>;
		// The order made from the accepted quote, for its two parties (RLS hides it from the others).
		const orderId = request.status === 'awarded' ? await orders.idForRequest(tx, request.id) : null;
		const base = { request, today: seoulDate(new Date()), threads, open: open.success ? open.data : null, orderId };
		if (request.owner_id === user.id) {
			return {
				...base,
				side: 'owner' as const,
				quotes: await quotes.forRequest(tx, request.id),
				workshops: [],
				workshop: null,
				form: null
			};
		}
		const { workshops, workshop } = await chooseWorkshop(tx, user.id, request.id, url.searchParams.get('workshop'));
		if (!workshop) error(403, 'Only the request’s owner and workshops can see its quotes');
		const own = await quotes.forWorkshop(tx, request.id, workshop.id);
		const live = quotes.liveQuote(own);
		const defaults = live
			? {
					workshop_id: workshop.id,
					// Shown as typed: a VAT-included price comes back as its total.
					price_krw: formatNumber(live.vat_included ? live.price_krw + live.vat_krw : live.price_krw, 'ko'),
					vat_mode: live.vat_included ? ('included' as const) : ('excluded' as const),
					deposit_krw: formatNumber(live.deposit_krw, 'ko'),
					sample_krw: live.sample_krw ? formatNumber(live.sample_krw, 'ko') : '',
					item_label: live.line_items.map((i) => i.label),
					item_unit_price: live.line_items.map((i) => formatNumber(i.unit_price_krw, 'ko')),
					item_quantity: live.line_items.map((i) => String(i.quantity)),
					lead_time_days: String(live.lead_time_days),
					valid_until: live.valid_until < base.today ? defaultValidUntil() : live.valid_until,
					notes: live.notes,
					files: []
				}
			: {
					workshop_id: workshop.id,
					price_krw: '',
					deposit_krw: '',
					lead_time_days: '',
					valid_until: defaultValidUntil(),
					notes: '',
					files: []
				};
		return {
			...base,
			side: 'workshop' as const,
			quotes: own,
			workshops,
			workshop,
			// A key per rendered form: a second post of it makes nothing more.
			form: await superValidate({ ...defaults, submission_key: newSubmissionKey() }, zod4(quoteSchema), { id: 'quote', errors: false })
		};
	});
}) satisfies PageServerLoad;

/** The message key for a missing note or reason depends on the move. */
const reasonKey = (move: Move) => (move === 'request_revision' ? msg('err_quote_note_required') : msg('err_quote_reason_required'));

export const actions = {
	// Send a quote, or a revised one when the workshop already has a live quote here.
	quote: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		// The same id as the page's form, so a post without JavaScript comes back to it with its errors.
		const form = await superValidate(request, zod4(quoteSchema), { id: 'quote' });
		if (!form.valid) return fail(400, withFiles({ form }));
		// A quote reaches the startup only from a confirmed address.
		if (!user.emailConfirmed) return setError(withFiles(form), '', msg('err_email_unconfirmed'));
		const checked = termsFrom(form.data);
		if (!checked.ok) return setError(withFiles(form), checked.field, checked.error);
		const { terms } = checked;
		const key = submissionKey(form.data.submission_key);
		const result = await withUserFiles(claims, storage(), async (tx, store) => {
			const acting = await quotes.actingWorkshops(tx, user.id);
			if (!acting.some((w) => w.id === form.data.workshop_id)) return { ok: false as const, error: msg('err_quote_not_allowed') };
			// A second post of the same form answers as the first did; its files came with the first.
			const earlier = await quotes.madeWith(tx, form.data.workshop_id, key);
			if (earlier) return { ok: true as const, revised: earlier.revised };
			const live = quotes.liveQuote(await quotes.forWorkshop(tx, params.id, form.data.workshop_id));
			const written = live
				? await quotes.move(tx, { quote: live, move: 'revise', actor: 'workshop', terms, submissionKey: key })
				: await quotes.submit(tx, {
						requestId: params.id,
						workshopId: form.data.workshop_id,
						userId: user.id,
						submissionKey: key,
						...terms
					});
			if (!written.ok) {
				// Refused because the same form's other post got there first (it waited for it): answer as it.
				const first = await quotes.madeWith(tx, form.data.workshop_id, key);
				return first ? { ok: true as const, revised: first.revised } : written;
			}
			const files = form.data.files.filter((f) => f.size > 0);
			if (files.length) {
				await quotes.storeFiles(tx, store, { requestId: params.id, quoteId: written.id, userId: user.id, folder: 'quotes', files });
			}
			return { ok: true as const, revised: !!live };
		});
		if (!result.ok) return setError(withFiles(form), '', result.error);
		form.data.files = [];
		// The form shown again is a new form: its next post is another revision.
		form.data.submission_key = newSubmissionKey();
		return message(withFiles(form), result.revised ? 'quote_done_revise' : 'quote_done_submit');
	},

	// Ask for a revision, accept, decline (the owner) or withdraw (the workshop).
	move: async ({ request, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(moveSchema), { id: 'move' });
		if (!form.valid) return fail(400, { form });
		const { quote: quoteId, move, note } = form.data;
		const result = await withUser(claims, async (tx) => {
			const quote = await quotes.byId(tx, quoteId);
			if (!quote) return { ok: false as const, error: msg('err_not_found') };
			const request = await quotes.requestSummary(tx, quote.request_id);
			// The server decides who is asking: the request's owner is the startup, anyone else who sees
			// the quote acts for its workshop (RLS shows it to nobody else).
			const actor = request?.owner_id === user.id ? 'startup' : 'workshop';
			return quotes.move(tx, { quote, move, actor, note });
		});
		if (!result.ok) return setError(form, '', result.error === 'err_reason_required' ? reasonKey(move) : result.error);
		return message(form, `quote_done_${move}`);
	}
} satisfies Actions;
