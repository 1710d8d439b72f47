// The center's desk, for its staff (and managers of the clusters it serves): a Seoul day's bookings
// with the bookers' names, no-shows and completed use marked here, and the upcoming events.
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { seoulDay } from '$lib/domain/booking-rules';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as programs from '$lib/server/programs';
import * as support from '$lib/server/support';
import type { Actions, PageServerLoad } from './$types';
import { msg } from '$lib/msg';

const markSchema = z.object({
	booking: z.string().uuid(msg('support_err_not_found')),
	status: z.enum(['no_show', 'completed'], { error: msg('support_err_not_found') })
});
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const asked = event.url.searchParams.get('day') ?? '';
	const day = DAY.test(asked) && !Number.isNaN(Date.parse(asked)) ? asked : seoulDay(new Date());
	const data = await withUser(claims, async (tx) => {
		const center = await support.centerBySlug(tx, event.params.slug);
		if (!center) return null;
		if (!(await support.actsFor(tx, center.id))) return 'forbidden' as const;
		return {
			center,
			day,
			bookings: await support.dayBookings(tx, center.id, day),
			events: await support.upcomingEvents(tx, center.id),
			applications: (await programs.queue(tx, center.id)).map((a) => ({
				id: a.id,
				program_title_ko: a.program_title_ko,
				program_title_en: a.program_title_en,
				workshop_name: a.workshop_name,
				status: a.status,
				submitted_at: a.submitted_at
			}))
		};
	});
	if (!data) error(404, 'Not found');
	if (data === 'forbidden') error(403, 'Forbidden');
	return { ...data, form: await superValidate(zod4(markSchema), { id: 'mark' }) };
}) satisfies PageServerLoad;

export const actions = {
	mark: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(markSchema), { id: 'mark' });
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, (tx) => support.markBooking(tx, form.data.booking, form.data.status));
		return result === 'ok' ? message(form, `support_marked_${form.data.status}`) : setError(form, '', `support_mark_${result}`);
	}
} satisfies Actions;
