// A new event of the center, by its staff.
import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as staff from '$lib/server/support-staff';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';
import { staffCenter } from '../../center';
import { eventInput } from '../input';
import { eventSchema } from '../schema';
import { msg } from '$lib/msg';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	return withUser(claims, async (tx) => {
		const center = await staffCenter(tx, event.params.slug);
		return {
			center,
			machines: (await staff.machinesOf(tx, center.id)).filter((x) => x.active),
			form: await superValidate({ kind: 'seminar', capacity: 20, submission_key: newSubmissionKey() }, zod4(eventSchema), {
				id: 'event',
				errors: false
			})
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(eventSchema), { id: 'event' });
		if (!form.valid) return fail(400, { form });
		const input = eventInput(form.data);
		if (!input) return setError(form, 'starts_at', msg('counseling_staff_err_when'));
		if (input.starts_at.getTime() <= Date.now()) return setError(form, 'starts_at', msg('counseling_err_past'));
		const result = await withUser(claims, async (tx) =>
			staff.createEvent(tx, (await staffCenter(tx, event.params.slug)).id, input, submissionKey(form.data.submission_key))
		);
		if (!result.ok) return setError(form, '', `counseling_staff_err_${result.error}`);
		redirect(303, `/support/${event.params.slug}/staff/events/${result.id}?saved=1`);
	}
} satisfies Actions;
