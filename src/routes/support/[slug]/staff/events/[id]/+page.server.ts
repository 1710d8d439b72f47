// Editing an event of the center; cancelling it (registrations stay, registering closes) or, when
// nobody registered, deleting it.
import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { toSeoulInput } from '$lib/domain/counseling';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as staff from '$lib/server/support-staff';
import type { Actions, PageServerLoad } from './$types';
import { staffCenter } from '../../center';
import { eventInput } from '../input';
import { cancelSchema, eventSchema } from '../schema';
import { msg } from '$lib/msg';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const data = await withUser(claims, async (tx) => {
		const center = await staffCenter(tx, event.params.slug);
		const found = await staff.event(tx, center.id, event.params.id);
		return found ? { center, event: found, machines: (await staff.machinesOf(tx, center.id)).filter((x) => x.active) } : null;
	});
	if (!data) error(404, 'Not found');
	const e = data.event;
	const values = {
		...e,
		starts_at: toSeoulInput(e.starts_at),
		ends_at: toSeoulInput(e.ends_at),
		online_url: e.online_url ?? '',
		machine_id: e.machine_id ?? ''
	};
	return {
		...data,
		saved: event.url.searchParams.has('saved'),
		form: await superValidate(values, zod4(eventSchema), { id: 'event', errors: false }),
		cancelForm: await superValidate(zod4(cancelSchema), { id: 'cancel', errors: false })
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(eventSchema), { id: 'event' });
		if (!form.valid) return fail(400, { form });
		const input = eventInput(form.data);
		if (!input) return setError(form, 'starts_at', msg('counseling_staff_err_when'));
		const result = await withUser(claims, async (tx) =>
			staff.updateEvent(tx, (await staffCenter(tx, event.params.slug)).id, event.params.id, input)
		);
		if (!result.ok && result.error === 'capacity') return setError(form, 'capacity', msg('counseling_staff_err_capacity_taken'));
		return result.ok ? message(form, 'counseling_staff_saved') : setError(form, '', `counseling_staff_err_${result.error}`);
	},
	cancel: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(cancelSchema), { id: 'cancel' });
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, async (tx) =>
			staff.cancelEvent(tx, (await staffCenter(tx, event.params.slug)).id, event.params.id)
		);
		if (result === 'deleted') redirect(303, `/support/${event.params.slug}/staff/events`);
		return result === 'cancelled'
			? message(form, 'counseling_staff_event_cancel_done')
			: setError(form, '', msg('counseling_staff_err_not_found'));
	}
} satisfies Actions;
