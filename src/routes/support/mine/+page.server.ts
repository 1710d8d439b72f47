// A craftsman's support page: machine bookings (cancel, with the penalty said beforehand), penalties
// and when a suspension ends, event registrations and completed courses.
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { cancelOutcome } from '$lib/domain/booking-rules';
import { withUser } from '$lib/server/db';
import * as counseling from '$lib/server/counseling';
import { requireUser } from '$lib/server/guards';
import * as support from '$lib/server/support';
import type { Actions, PageServerLoad } from './$types';
import { msg } from '$lib/msg';

const cancelSchema = z.object({ booking: z.string().uuid(msg('support_err_not_found')) });

export const load = (async (event) => {
	const { user, claims } = requireUser(event);
	const now = new Date();
	return withUser(claims, async (tx) => {
		const bookings = await support.bookingsOf(tx, user.id);
		const penalties = await support.penaltiesOf(tx, user.id);
		const centers = [...new Set(penalties.map((p) => p.center_id))];
		const suspensions = [];
		for (const c of centers) {
			const until = await support.suspension(tx, user.id, c, now);
			if (until) suspensions.push({ center: penalties.find((p) => p.center_id === c)!.center_name_ko, until });
		}
		return {
			bookings: bookings.map((b) => ({
				...b,
				outcome: b.status === 'booked' ? cancelOutcome({ ...support.defaultRulesFor(b.cancel_days) }, b.starts_at, now) : null
			})),
			penalties: penalties.map((p) => ({ ...p, active: p.expires_at > now })),
			suspensions,
			registrations: await support.registrationsOf(tx, user.id),
			counseling: await counseling.mine(tx, user.id),
			courses: await support.completedCourses(tx, user.id),
			form: await superValidate(zod4(cancelSchema), { id: 'cancel' })
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	cancel: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(cancelSchema), { id: 'cancel' });
		// The booking is the button's hidden value: a bad one is no booking to cancel, said above the list.
		if (!form.valid) return setError(form, '', 'support_cancel_not_found');
		const outcome = await withUser(claims, (tx) => support.cancel(tx, user.id, form.data.booking));
		if (outcome === 'not_found' || outcome === 'closed') return setError(form, '', `support_cancel_${outcome}`);
		return message(form, `support_cancel_${outcome}`);
	}
} satisfies Actions;
