// One review on its own page: anyone reads a published one; the reviewed party replies once; anyone
// signed in reports it; the managers of the workshop's clusters and the operator hide it with a
// reason (or show it again). RLS decides who sees it, the review machine who may move it.
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as reviews from '$lib/server/reviews';
import type { Actions, PageServerLoad } from './$types';
import { hideSchema, replySchema, reportSchema } from './schema';
import { msg } from '$lib/msg';

export const load = (async ({ params, locals }) => {
	return withUser(locals.claims ?? null, async (tx) => {
		const review = await reviews.byId(tx, params.id, !locals.claims);
		if (!review || (review.state !== 'published' && review.state !== 'hidden')) error(404, 'Not found');
		const actor = locals.user ? await reviews.actorOf(tx, review, locals.user.id) : null;
		return {
			review: {
				id: review.id,
				side: review.side,
				state: review.state,
				ratings: review.ratings,
				body: review.body,
				published_at: review.published_at,
				reply: review.reply,
				author_name: review.author_name,
				workshop_name: review.workshop_name,
				hidden_reason: review.hidden_reason,
				hidden_at: review.hidden_at
			},
			signedIn: locals.user !== null && locals.user !== undefined,
			actor,
			replyForm: await superValidate(zod4(replySchema), { id: 'reply' }),
			reportForm: await superValidate(zod4(reportSchema), { id: 'report' }),
			hideForm: await superValidate(zod4(hideSchema), { id: 'hide' })
		};
	});
}) satisfies PageServerLoad;

async function moveReview(
	claims: Parameters<typeof withUser>[0],
	userId: string,
	id: string,
	name: 'reply' | 'hide' | 'restore',
	text: string
) {
	return withUser(claims, async (tx) => {
		const review = await reviews.byId(tx, id);
		if (!review) error(404, 'Not found');
		return reviews.move(tx, review, name, await reviews.actorOf(tx, review, userId), text);
	});
}

export const actions = {
	reply: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(replySchema), { id: 'reply' });
		if (!form.valid) return fail(400, { form });
		const moved = await moveReview(claims, user.id, params.id, 'reply', form.data.reply);
		if (!moved.ok) return setError(form, '', moved.error);
		return message(form, 'review_done_reply');
	},
	report: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(reportSchema), { id: 'report' });
		if (!form.valid) return fail(400, { form });
		const done = await withUser(claims, async (tx) => {
			const review = await reviews.byId(tx, params.id, !locals.claims);
			if (!review) error(404, 'Not found');
			return reviews.report(tx, review, user.id, form.data.reason);
		});
		if (!done.ok) return setError(form, '', msg('err_review_not_reportable'));
		return message(form, done.already ? 'review_done_report_again' : 'review_done_report');
	},
	hide: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(hideSchema), { id: 'hide' });
		if (!form.valid) return fail(400, { form });
		const moved = await moveReview(claims, user.id, params.id, 'hide', form.data.reason);
		if (!moved.ok)
			return setError(
				form,
				moved.error === 'err_reason_required' ? 'reason' : '',
				moved.error === 'err_reason_required' ? msg('err_review_hide_reason') : moved.error
			);
		return message(form, 'review_done_hide');
	},
	restore: async ({ request, params, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(hideSchema.partial()), { id: 'restore' });
		const moved = await moveReview(claims, user.id, params.id, 'restore', '');
		if (!moved.ok) return setError(form, '', moved.error);
		return message(form, 'review_done_restore');
	}
} satisfies Actions;
