// Editing a support program of the center; closing it now (applications stay) or, when nobody
// applied, deleting it.
import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { toSeoulInput } from '$lib/domain/counseling';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as staff from '$lib/server/support-staff';
import type { Actions, PageServerLoad } from './$types';
import { staffCenter } from '../../center';
import { programInput } from '../input';
import { closeSchema, documentsText, programSchema } from '../schema';
import { msg } from '$lib/msg';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const data = await withUser(claims, async (tx) => {
		const center = await staffCenter(tx, event.params.slug);
		const found = await staff.program(tx, center.id, event.params.id);
		return found ? { center, program: found } : null;
	});
	if (!data) error(404, 'Not found');
	const p = data.program;
	const values = {
		...p,
		opens_at: toSeoulInput(p.opens_at),
		deadline: toSeoulInput(p.deadline),
		documents: documentsText(p.required_documents)
	};
	return {
		...data,
		closed: p.deadline.getTime() <= Date.now(),
		saved: event.url.searchParams.has('saved'),
		form: await superValidate(values, zod4(programSchema), { id: 'program', errors: false }),
		closeForm: await superValidate(zod4(closeSchema), { id: 'close', errors: false })
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(programSchema), { id: 'program' });
		if (!form.valid) return fail(400, { form });
		const input = programInput(form.data);
		if (!input) return setError(form, 'opens_at', msg('counseling_staff_err_when'));
		const result = await withUser(claims, async (tx) =>
			staff.updateProgram(tx, (await staffCenter(tx, event.params.slug)).id, event.params.id, input)
		);
		if (!result.ok && result.error === 'slug_taken') return setError(form, 'slug', msg('counseling_staff_err_slug_taken'));
		return result.ok ? message(form, 'counseling_staff_saved') : setError(form, '', `counseling_staff_err_${result.error}`);
	},
	close: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(closeSchema), { id: 'close' });
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, async (tx) =>
			staff.closeProgram(tx, (await staffCenter(tx, event.params.slug)).id, event.params.id)
		);
		if (result === 'deleted') redirect(303, `/support/${event.params.slug}/staff/programs`);
		return result === 'closed'
			? message(form, 'counseling_staff_program_close_done')
			: setError(form, '', msg('counseling_staff_err_not_found'));
	}
} satisfies Actions;
