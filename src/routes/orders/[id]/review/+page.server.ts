// Reviewing a completed order: each side rates the other within 30 days (the buyer the workshop, the
// workshop the buyer). What the other side wrote stays hidden until both wrote or 14 days passed.
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { criteriaBySide, REVIEW_WINDOW_DAYS, type Criterion, type ReviewSide } from '$lib/domain/review-states';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as orders from '$lib/server/orders';
import * as reviews from '$lib/server/reviews';
import type { Actions, PageServerLoad } from './$types';
import { reviewSchema } from './schema';

const sideOf = (actor: string | null): ReviewSide | null => (actor === 'buyer' ? 'buyer' : actor === 'workshop' ? 'workshop' : null);

export const load = (async ({ params, locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		const order = await orders.byId(tx, params.id);
		if (!order) error(404, 'Not found');
		const side = sideOf(await orders.actorOf(tx, order, user.id));
		const all = await reviews.ofOrder(tx, order.id);
		const mine = side ? (all.find((r) => r.side === side) ?? null) : null;
		const theirs = all.find((r) => r.side !== side && (r.state === 'published' || r.state === 'hidden')) ?? null;
		const form = await superValidate(zod4(reviewSchema), { id: 'review' });
		if (mine) {
			for (const [criterion, value] of Object.entries(mine.ratings))
				(form.data as Record<string, string>)[criterion] = value ? String(value) : '';
			form.data.body = mine.body;
		}
		const windowEnds = order.completed_at ? new Date(new Date(order.completed_at).getTime() + REVIEW_WINDOW_DAYS * 86_400_000) : null;
		return {
			order: { id: order.id, number: order.number, title: order.title, status: order.status, completed_at: order.completed_at },
			side,
			mine,
			theirs,
			others: side ? [] : all,
			refusal: order.status === 'completed' ? await reviews.refusal(tx, order.id) : 'not_completed',
			windowEnds,
			windowOpen: windowEnds !== null && windowEnds.getTime() >= Date.now(),
			form
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(reviewSchema), { id: 'review' });
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, async (tx) => {
			const order = await orders.byId(tx, params.id);
			if (!order) return { ok: false as const, error: 'err_not_found' as const };
			const side = sideOf(await orders.actorOf(tx, order, user.id));
			if (!side) return { ok: false as const, error: 'err_not_your_move' as const };
			const submit = form.data.intent === 'submit';
			const criteria = criteriaBySide[side] as readonly Criterion[];
			const missing = submit ? criteria.find((c) => form.data[c] === '') : undefined;
			if (missing) return { ok: false as const, error: 'err_review_rating' as const, field: missing };
			const ratings = Object.fromEntries(criteria.map((c) => [c, form.data[c] === '' ? null : Number(form.data[c])]));
			return reviews.save(tx, { orderId: order.id, side, userId: user.id, ratings, body: form.data.body, submit });
		});
		if (!result.ok) {
			if ('field' in result && result.field) return setError(form, result.field, result.error);
			if (result.error === 'err_not_found') error(404, 'Not found');
			return setError(form, '', result.error);
		}
		return message(
			form,
			result.state === 'published' ? 'review_done_published' : result.state === 'draft' ? 'review_done_draft' : 'review_done_submitted'
		);
	}
} satisfies Actions;
