// A cluster manager's inbox: requests routed to the clusters they manage, newest first, with the
// members each one could be forwarded to, best match first (the request's own matching score).
import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import * as matches from '$lib/server/matches';
import * as requests from '$lib/server/requests';
import { attempt } from '$lib/server/refusal';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { msg } from '$lib/msg';

const manager = (locals: App.Locals, url: URL) => requireRole({ locals, url }, ['manager'], 'Only cluster managers have an inbox');

export const load = (async ({ locals, url }) => {
	const { user, claims } = manager(locals, url);
	return withUser(claims, async (tx) => {
		const items = await requests.inbox(tx, user.id);
		const open = [...new Set(items.filter((i) => i.status === 'open').map((i) => i.id))];
		// Every open request's members in a few queries, whatever the number of requests.
		const [rows, members] = await Promise.all([requests.byIds(tx, open), requests.forwardCandidatesOf(tx, open, user.id)]);
		const entries = rows.map((request) => ({ request, members: members.get(request.id) ?? [] }));
		const ranked = await matches.rankMembersOf(tx, entries);
		const candidates = Object.fromEntries(entries.map((e, i) => [e.request.id, ranked[i]]));
		return { items, candidates, clusterNames: matches.clusterNames(await matches.craftClusters(tx)) };
	});
}) satisfies PageServerLoad;

const forwardSchema = z.object({
	requestId: z.uuid(msg('err_not_found')),
	workshopId: z.uuid('request_forward_choose'),
	note: z.string().trim().max(2000, msg('err_too_long')).default('')
});

export const actions = {
	forward: async ({ request, locals, url }) => {
		const { user, claims } = manager(locals, url);
		const form = await superValidate(request, zod4(forwardSchema), { id: 'forward' });
		if (!form.valid) return fail(400, { form });
		const { requestId, workshopId, note } = form.data;
		const problem = await attempt(claims, (tx) => requests.forward(tx, requestId, workshopId, user.id, note));
		if (problem) return setError(form, '', problem, { status: 403 });
		return message(form, 'request_forwarded');
	}
} satisfies Actions;
