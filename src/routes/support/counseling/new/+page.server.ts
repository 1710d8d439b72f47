// Asking a center for counseling: a topic, the question and the times that suit the craftsman. The
// center's staff are notified; the craftsman lands on the appointment page.
import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import * as counseling from '$lib/server/counseling';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as support from '$lib/server/support';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';
import { askSchema } from '../schema';

export const load = (async (event) => {
	const { user, claims } = requireUser(event);
	const slug = event.url.searchParams.get('center') ?? '';
	const center = await withUser(claims, (tx) => support.centerBySlug(tx, slug));
	if (!center) error(404, 'Not found');
	const form = await superValidate({ center: slug, submission_key: newSubmissionKey() }, zod4(askSchema), { id: 'ask', errors: false });
	return { center, form, craftsman: user.role === 'craftsman' };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(askSchema), { id: 'ask' });
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, async (tx) => {
			const center = await support.centerBySlug(tx, form.data.center);
			if (!center) return null;
			return counseling.ask(tx, user.id, center.id, { ...form.data, submissionKey: submissionKey(form.data.submission_key) });
		});
		if (!result) return setError(form, 'center', 'counseling_err_center');
		if (!result.ok) return setError(form, '', 'counseling_err_not_craftsman');
		redirect(303, `/support/counseling/${result.id}?asked=1`);
	}
} satisfies Actions;
