// One counseling appointment, for the craftsman who asked and the center's staff: the request, the
// slot proposed or confirmed (with its calendar file), the moves each side may make, and its thread.
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { allowedMoves, fromSeoulInput, slotRefusal, toSeoulInput, type CounselingSide } from '$lib/domain/counseling';
import * as counseling from '$lib/server/counseling';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as support from '$lib/server/support';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';
import type { Actions, PageServerLoad } from './$types';
import { messageSchema, moveSchema, proposeSchema } from '../schema';

export const load = (async (event) => {
	const { user, claims } = requireUser(event);
	const data = await withUser(claims, async (tx) => {
		const appointment = await counseling.byId(tx, event.params.id);
		if (!appointment) return null;
		const staff = await support.actsFor(tx, appointment.center_id);
		return { appointment, staff, thread: await counseling.messages(tx, appointment.id) };
	});
	if (!data) error(404, 'Not found');
	const { appointment, staff } = data;
	const side: CounselingSide = staff && appointment.requester_id !== user.id ? 'staff' : 'requester';
	const slot = appointment.starts_at
		? {
				starts_at: toSeoulInput(appointment.starts_at),
				minutes: Math.round((appointment.ends_at!.getTime() - appointment.starts_at.getTime()) / 60_000),
				place_ko: appointment.place_ko,
				online_url: appointment.online_url ?? ''
			}
		: { starts_at: '', minutes: 60, place_ko: '', online_url: '' };
	return {
		...data,
		side,
		moves: allowedMoves(appointment.status, side),
		asked: event.url.searchParams.has('asked') && side === 'requester' && appointment.status === 'requested',
		proposeForm: await superValidate(slot, zod4(proposeSchema), { id: 'propose', errors: false }),
		moveForm: await superValidate(zod4(moveSchema), { id: 'move', errors: false }),
		messageForm: await superValidate({ submission_key: newSubmissionKey() }, zod4(messageSchema), { id: 'message', errors: false })
	};
}) satisfies PageServerLoad;

export const actions = {
	propose: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(proposeSchema), { id: 'propose' });
		if (!form.valid) return fail(400, { form });
		const start = fromSeoulInput(form.data.starts_at);
		const refusal = start ? slotRefusal(start, form.data.minutes, new Date()) : 'counseling_err_past';
		if (!start || refusal) return setError(form, 'starts_at', refusal ?? 'counseling_err_past');
		const result = await withUser(claims, (tx) =>
			counseling.propose(tx, event.params.id, {
				starts_at: start,
				ends_at: new Date(start.getTime() + form.data.minutes * 60_000),
				place_ko: form.data.place_ko,
				online_url: form.data.online_url || null
			})
		);
		return result === 'ok' ? message(form, 'counseling_proposed_done') : setError(form, '', `counseling_err_${result}`);
	},
	move: async (event) => {
		const { claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(moveSchema), { id: 'move' });
		// The move is the button's value: a bad one is said with the form's own error.
		if (form.errors.move) return setError(form, '', 'counseling_err_move');
		if (!form.valid) return fail(400, { form });
		const { move, reason } = form.data;
		const result = await withUser(claims, (tx) =>
			move === 'confirm' ? counseling.confirm(tx, event.params.id) : counseling[move](tx, event.params.id, reason)
		);
		return result === 'ok' ? message(form, `counseling_${move}_done`) : setError(form, '', `counseling_err_${result}`);
	},
	message: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(messageSchema), { id: 'message' });
		if (!form.valid) return fail(400, { form });
		const ok = await withUser(claims, (tx) =>
			counseling.write(tx, user.id, event.params.id, form.data.body, submissionKey(form.data.submission_key))
		);
		if (!ok) return setError(form, '', 'counseling_err_not_found');
		form.data.body = '';
		// The next message is another one.
		form.data.submission_key = newSubmissionKey();
		return message(form, 'counseling_message_sent');
	}
} satisfies Actions;
