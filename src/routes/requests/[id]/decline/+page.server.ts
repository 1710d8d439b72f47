// A workshop declines a request, with an optional reason the owner will read: this page is the
// confirmation step (it works without JavaScript). Its craftsman acts for the workshop they own; RLS
// and the participants' trigger decide whether it may (taking part, or a public open request; no live quote).
import { error, fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { withUser, type Tx } from '$lib/server/db';
import * as requests from '$lib/server/requests';
import * as workshops from '$lib/server/workshops';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { declineSchema } from './schema';

const craftsman = (locals: App.Locals, url: URL) => requireRole({ locals, url }, ['craftsman'], 'Only a workshop declines a request');

/** The request and the caller's workshop, when the workshop could decline it; otherwise back to the request. */
async function declinable(tx: Tx, userId: string, requestId: string) {
	if (!z.uuid().safeParse(requestId).success) error(404);
	const request = await requests.byId(tx, requestId);
	if (!request || request.owner_id === userId) error(404);
	const workshop = await workshops.ownedBy(tx, userId);
	if (!workshop) error(403, 'Create your workshop first');
	const me = await requests.participant(tx, request.id, workshop.id);
	const joinable = request.visibility === 'public' && request.status === 'open';
	if (me?.declined_at || (!me && !joinable) || !['open', 'closed'].includes(request.status)) redirect(303, `/requests/${request.id}`);
	return { request, workshop, liveQuote: await requests.hasLiveQuote(tx, request.id, workshop.id) };
}

export const load = (async ({ locals, url, params }) => {
	const { user, claims } = craftsman(locals, url);
	const { request, workshop, liveQuote } = await withUser(claims, (tx) => declinable(tx, user.id, params.id));
	const from = url.searchParams.get('from') === 'dashboard' ? 'dashboard' : 'request';
	return {
		request: { id: request.id, title: request.title },
		workshop: { name_ko: workshop.name_ko, name_en: workshop.name_en },
		liveQuote,
		form: await superValidate({ reason: '', from }, zod4(declineSchema), { errors: false })
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const { user, claims } = craftsman(locals, url);
		const form = await superValidate(request, zod4(declineSchema));
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, async (tx) => {
			const { workshop } = await declinable(tx, user.id, params.id);
			return requests.decline(tx, params.id, workshop.id, form.data.reason);
		});
		if (!result.ok) return setError(form, '', result.error);
		redirect(303, form.data.from === 'dashboard' ? '/dashboard?declined=1' : `/requests/${params.id}?declined=1`);
	}
} satisfies Actions;
