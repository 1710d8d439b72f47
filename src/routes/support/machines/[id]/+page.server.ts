// One machine: specs, the rules, and the week of free and taken slots; a craftsman books here.
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { seoulDay, weekStart } from '$lib/domain/booking-rules';
import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import * as support from '$lib/server/support';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';
import { bookSchema } from './schema';
import { msg } from '$lib/msg';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const load = (async ({ locals, params, url }) => {
	const now = new Date();
	const asked = url.searchParams.get('week') ?? '';
	const monday = weekStart(DAY.test(asked) && !Number.isNaN(Date.parse(asked)) ? asked : seoulDay(now));
	const data = await withUser(locals.claims, async (tx) => {
		const machine = await support.machineById(tx, params.id);
		if (!machine) return null;
		const center = (await support.centerById(tx, machine.center_id))!;
		const userId = locals.user?.id ?? null;
		return {
			machine,
			center,
			monday,
			week: await support.week(tx, machine, monday, userId, now),
			rules: await support.rulesOf(tx, center.id),
			courseDone:
				!machine.prerequisite_course_id ||
				(userId ? (await support.completedCourses(tx, userId)).some((c) => c.course_id === machine.prerequisite_course_id) : false),
			suspendedUntil: userId ? await support.suspension(tx, userId, center.id, now) : null
		};
	});
	if (!data) error(404, 'Not found');
	return { ...data, form: await superValidate(zod4(bookSchema), { id: 'book' }), bookKey: newSubmissionKey() };
}) satisfies PageServerLoad;

export const actions = {
	book: async (event) => {
		const { user, claims } = requireRole(event, ['craftsman']);
		const form = await superValidate(event.request, zod4(bookSchema), { id: 'book' });
		if (!form.valid) return fail(400, { form });
		const start = new Date(form.data.start);
		if (Number.isNaN(start.getTime())) return setError(form, 'start', msg('support_err_pick_slot'));
		const result = await withUser(claims, async (tx) => {
			const machine = await support.machineById(tx, event.params.id);
			if (!machine) return null;
			return support.book(tx, user.id, machine, start, form.data.slots, new Date(), '', submissionKey(form.data.submission_key));
		});
		if (!result) error(404, 'Not found');
		if (!result.ok) return setError(form, '', `support_refused_${result.refusal.code}`);
		return message(form, 'support_booked');
	}
} satisfies Actions;
