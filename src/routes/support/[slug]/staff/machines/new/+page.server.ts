// A new machine of the center, by its staff.
import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as staff from '$lib/server/support-staff';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';
import { staffCenter } from '../../center';
import { machineSchema } from '../schema';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	return withUser(claims, async (tx) => {
		const center = await staffCenter(tx, event.params.slug);
		return {
			center,
			courses: await staff.coursesOf(tx, center.id),
			form: await superValidate({ submission_key: newSubmissionKey() }, zod4(machineSchema), { id: 'machine', errors: false })
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(machineSchema), { id: 'machine' });
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, async (tx) => {
			const center = await staffCenter(tx, event.params.slug);
			return staff.createMachine(
				tx,
				center.id,
				{ ...form.data, prerequisite_course_id: form.data.prerequisite_course_id || null },
				submissionKey(form.data.submission_key)
			);
		});
		if (!result.ok) return setError(form, '', `counseling_staff_err_${result.error}`);
		redirect(303, `/support/${event.params.slug}/staff/machines/${result.id}?saved=1`);
	}
} satisfies Actions;
