// One order: both parties see the agreed terms, the milestones and the timeline and make their moves;
// the managers of the clusters its request was routed to and the operator see it too (the operator
// resolves disputes). RLS decides who sees it; the order machine (domain + trigger) who may move it.
import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { availableMoves, payable } from '$lib/domain/order-states';
import { parseWon } from '$lib/domain/won';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as orderPayments from '$lib/server/order-payments';
import * as orders from '$lib/server/orders';
import { payments, storage } from '$lib/server/ports';
import { withUserFiles } from '$lib/server/storage/staged';
import { getLocale } from '$lib/paraglide/runtime';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';
import { moveSchema, paySchema, settleSchema } from './schema';
import { msg } from '$lib/msg';

/** PortOne's redirect (mobile): ?payment=portone&paymentId=…[&code=…&message=…]. */
function portoneReturn(url: URL): { payment: string; failed: string | null } | null {
	const payment = url.searchParams.get('paymentId');
	if (!payment) return null;
	return { payment, failed: url.searchParams.get('code') ? (url.searchParams.get('message') ?? '').slice(0, 300) : null };
}

export const load = (async ({ params, locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		const order = await orders.byId(tx, params.id);
		if (!order) error(404, 'Not found');
		const actor = await orders.actorOf(tx, order, user.id);
		const facts = orders.facts(order);
		// Card payments: Stripe's hosted page, and PortOne's payment window (opened in the page by its
		// browser SDK); bank transfer is always shown as instructions.
		const cards = payments()
			.providers.map((p) => p.kind)
			.filter((k) => k !== 'bank_transfer');
		const moves = actor ? availableMoves(facts, actor) : [];
		return {
			order,
			actor,
			moves,
			// One per move form, made with the page: a second post of the same move answers as the first.
			moveKeys: Object.fromEntries(moves.map((move) => [move, newSubmissionKey()])),
			held_krw: facts.held_krw,
			payable:
				actor === 'buyer'
					? order.milestones.filter((m) => m.status === 'pending' && payable(order.status, m.kind, order.has_sample)).map((m) => m.id)
					: [],
			bank: payments().bankAccount,
			cards,
			timeline: await orders.timeline(tx, order.id),
			// Back from the provider's page: paid (the webhook applies it) or cancelled there. PortOne's
			// mobile flow comes back with its payment id (and a code when it failed), settled by the page.
			returned: url.searchParams.get('payment'),
			portoneReturn: url.searchParams.get('payment') === 'portone' ? portoneReturn(url) : null,
			form: await superValidate(zod4(moveSchema), { id: 'move' }),
			payForm: await superValidate(zod4(paySchema), { id: 'pay' }),
			payKey: newSubmissionKey()
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	move: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(moveSchema), { id: 'move' });
		if (!form.valid) return fail(400, withFiles({ form }));
		const { move, reason, courier, tracking_number, refund_krw } = form.data;
		const files = form.data.files.filter((f) => f.size > 0);
		const result = await withUserFiles(claims, storage(), async (tx, store) => {
			const order = await orders.byId(tx, params.id);
			if (!order) return { ok: false as const, error: 'err_not_found' as const };
			const actor = await orders.actorOf(tx, order, user.id);
			if (!actor) return { ok: false as const, error: 'err_not_your_move' as const };
			const moved = await orders.move(
				tx,
				order,
				move,
				actor,
				{ reason, courier: courier || null, tracking_number, refund_krw: refund_krw === '' ? null : parseWon(refund_krw) },
				submissionKey(form.data.submission_key)
			);
			// A second post of the same move: its files came with the first.
			if (moved.ok && !moved.again && files.length)
				await orders.storeFiles(tx, store, { orderId: order.id, eventId: moved.eventId, userId: user.id, files });
			return moved;
		});
		if (!result.ok) {
			const field = {
				err_reason_required: 'reason',
				err_tracking_invalid: 'tracking_number',
				err_resolution_invalid: 'refund_krw'
			} as const;
			const on = field[result.error as keyof typeof field];
			const key = result.error === 'err_reason_required' ? msg('err_order_reason_required') : result.error;
			return on ? setError(withFiles(form), on, key) : setError(withFiles(form), '', key);
		}
		form.data.files = [];
		return message(withFiles(form), `order_done_${move}`);
	},

	// Card payment: the provider's page, and back here; the webhook pays the milestone, not this.
	pay: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(paySchema), { id: 'pay' });
		if (!form.valid) return fail(400, { form });
		const provider = payments().get(form.data.provider);
		if (!provider) return setError(form, '', msg('err_payment_provider'));
		const order = await withUser(claims, (tx) => orders.byId(tx, params.id));
		if (!order) error(404, 'Not found');
		const started = await orderPayments.start(order, form.data.milestone, provider, {
			userId: user.id,
			returnUrl: new URL(`/orders/${order.id}`, url).href,
			locale: getLocale(),
			buyerEmail: claims.email,
			attempt: submissionKey(form.data.attempt) ?? randomUUID()
		});
		if (!started.ok) return setError(form, '', started.error);
		if (started.result.kind === 'redirect') redirect(303, started.result.url);
		// The page opens PortOne's window with this (nothing secret: the amount was pre-registered).
		if (started.result.kind === 'portone') return { form, portone: started.result.request };
		return message(form, 'order_pay_by_transfer');
	},

	// Back from PortOne's window: ask PortOne what happened (never the browser) and apply it once.
	settle: async ({ request, params, locals, url }) => {
		const { claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(settleSchema), { id: 'settle' });
		if (!form.valid) return fail(400, { form });
		const provider = payments().get('portone');
		if (!provider) return setError(form, '', msg('err_payment_provider'));
		const ours = await withUser(claims, (tx) => orderPayments.attemptOf(tx, params.id, 'portone', form.data.payment));
		if (!ours) return setError(form, '', msg('err_payment_unknown_attempt'));
		const outcome = await orderPayments.settle(provider, form.data.payment);
		if (outcome === 'applied' || outcome === 'duplicate') return message(form, 'order_paid_confirmed');
		if (outcome === 'ignored') return message(form, 'order_paid_return');
		return setError(form, '', outcome === 'already_paid' ? msg('err_payment_paid_twice_buyer') : `err_payment_${outcome}`);
	}
} satisfies Actions;
