// Editing a machine of the center; taking it out of booking (its bookings stay) or back, or deleting
// one nobody ever booked.
import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { storage } from '$lib/server/ports';
import { withUserFiles } from '$lib/server/storage/staged';
import * as staff from '$lib/server/support-staff';
import type { Actions, PageServerLoad } from './$types';
import { staffCenter } from '../../center';
import { archiveSchema, machineSchema } from '../schema';
import { msg } from '$lib/msg';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const data = await withUser(claims, async (tx) => {
		const center = await staffCenter(tx, event.params.slug);
		const machine = await staff.machine(tx, center.id, event.params.id);
		return machine ? { center, machine, courses: await staff.coursesOf(tx, center.id) } : null;
	});
	if (!data) error(404, 'Not found');
	const { machine } = data;
	return {
		...data,
		saved: event.url.searchParams.has('saved'),
		form: await superValidate(
			{ ...machine, kind: machine.kind, prerequisite_course_id: machine.prerequisite_course_id ?? '' },
			zod4(machineSchema),
			{
				id: 'machine',
				errors: false
			}
		),
		archiveForm: await superValidate(zod4(archiveSchema), { id: 'archive', errors: false })
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(machineSchema), { id: 'machine' });
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, async (tx) => {
			const center = await staffCenter(tx, event.params.slug);
			return staff.updateMachine(tx, center.id, event.params.id, {
				...form.data,
				prerequisite_course_id: form.data.prerequisite_course_id || null
			});
		});
		return result.ok ? message(form, 'counseling_staff_saved') : setError(form, '', `counseling_staff_err_${result.error}`);
	},
	photo: async (event) => {
		const { claims } = requireUser(event);
		const data = await event.request.formData();
		const file = data.get('photo');
		const remove = data.get('remove') === '1';
		if (!remove && (!(file instanceof File) || file.size === 0))
			return fail(400, { photoError: msg('counseling_staff_err_photo_missing') });
		const bytes = !remove && file instanceof File ? new Uint8Array(await file.arrayBuffer()) : null;
		const result = await withUserFiles(claims, storage(), async (tx, store) =>
			staff.setMachinePhoto(tx, store, (await staffCenter(tx, event.params.slug)).id, event.params.id, bytes)
		);
		if (result !== 'ok') return fail(400, { photoError: `counseling_staff_err_photo_${result}` });
		return { photoDone: remove ? 'counseling_staff_photo_removed' : 'counseling_staff_photo_saved' };
	},
	archive: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(archiveSchema), { id: 'archive' });
		if (!form.valid) return fail(400, { form });
		const intent = form.data.intent;
		const result = await withUser(claims, async (tx) => {
			const center = await staffCenter(tx, event.params.slug);
			if (intent === 'delete') return staff.deleteMachine(tx, center.id, event.params.id);
			return (await staff.setMachineActive(tx, center.id, event.params.id, intent === 'restore')) ? 'ok' : 'not_found';
		});
		if (result === 'ok' && intent === 'delete') redirect(303, `/support/${event.params.slug}/staff/machines`);
		return result === 'ok' ? message(form, `counseling_staff_${intent}_done`) : setError(form, '', `counseling_staff_err_${result}`);
	}
} satisfies Actions;
