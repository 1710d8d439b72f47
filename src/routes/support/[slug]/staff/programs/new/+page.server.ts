// A new support program of the center, by its staff.
import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { toSeoulInput } from '$lib/domain/counseling';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as staff from '$lib/server/support-staff';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';
import { staffCenter } from '../../center';
import { programInput } from '../input';
import { programSchema } from '../schema';
import { msg } from '$lib/msg';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const center = await withUser(claims, (tx) => staffCenter(tx, event.params.slug));
	const now = new Date();
	const start = toSeoulInput(now).slice(0, 11) + '09:00';
	const values = {
		kind: 'grant' as const,
		opens_at: start,
		deadline: toSeoulInput(new Date(now.getTime() + 30 * 86_400_000)).slice(0, 11) + '18:00',
		submission_key: newSubmissionKey()
	};
	return { center, form: await superValidate(values, zod4(programSchema), { id: 'program', errors: false }) };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(programSchema), { id: 'program' });
		if (!form.valid) return fail(400, { form });
		const input = programInput(form.data);
		if (!input) return setError(form, 'opens_at', msg('counseling_staff_err_when'));
		const result = await withUser(claims, async (tx) =>
			staff.createProgram(tx, (await staffCenter(tx, event.params.slug)).id, input, submissionKey(form.data.submission_key))
		);
		if (!result.ok && result.error === 'slug_taken') return setError(form, 'slug', msg('counseling_staff_err_slug_taken'));
		if (!result.ok) return setError(form, '', `counseling_staff_err_${result.error}`);
		redirect(303, `/support/${event.params.slug}/staff/programs/${result.id}?saved=1`);
	}
} satisfies Actions;
