// An event: when and where, seats and waiting list; people register or cancel (the first waiting
// person moves up in the same transaction); the center's staff take attendance.
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as support from '$lib/server/support';
import type { Actions, PageServerLoad } from './$types';
import { msg } from '$lib/msg';

const registerSchema = z.object({ intent: z.enum(['register', 'cancel'], { error: msg('support_err_not_found') }) });
const attendanceSchema = z.object({
	registration: z.string().uuid(msg('support_err_not_found')),
	status: z.enum(['attended', 'absent'], { error: msg('support_err_not_found') })
});

export const load = (async ({ locals, params }) => {
	const data = await withUser(locals.claims, async (tx) => {
		const event = await support.eventById(tx, params.id);
		if (!event) return null;
		const center = (await support.centerById(tx, event.center_id))!;
		const staff = locals.user ? await support.actsFor(tx, center.id) : false;
		return {
			event,
			center,
			registration: locals.user ? await support.registrationOf(tx, locals.user.id, event.id) : null,
			staff,
			attendees: staff ? await support.attendees(tx, event.id) : []
		};
	});
	if (!data) error(404, 'Not found');
	return {
		...data,
		form: await superValidate(zod4(registerSchema), { id: 'register' }),
		attendanceForm: await superValidate(zod4(attendanceSchema), { id: 'attendance' })
	};
}) satisfies PageServerLoad;

export const actions = {
	register: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(registerSchema), { id: 'register' });
		if (!form.valid) return fail(400, { form });
		if (form.data.intent === 'cancel') {
			const ok = await withUser(claims, (tx) => support.cancelRegistration(tx, user.id, event.params.id));
			return ok ? message(form, 'support_registration_cancelled_done') : setError(form, '', msg('support_err_not_found'));
		}
		const status = await withUser(claims, (tx) => support.register(tx, user.id, event.params.id));
		if (status === 'closed') return setError(form, '', msg('support_err_event_closed'));
		if (status === 'not_allowed') return setError(form, '', msg('support_err_not_allowed'), { status: 403 });
		return message(form, `support_registered_${status}`);
	},
	attendance: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(attendanceSchema), { id: 'attendance' });
		if (!form.valid) return fail(400, { form });
		const ok = await withUser(claims, (tx) => support.markAttendance(tx, form.data.registration, form.data.status));
		return ok ? message(form, `support_marked_${form.data.status}`) : setError(form, '', msg('support_err_not_allowed'));
	}
} satisfies Actions;
