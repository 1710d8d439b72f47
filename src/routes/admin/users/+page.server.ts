// The operator's users: find by email or name, see roles and managed clusters, suspend with a reason
// (the account's sessions end and the database refuses its writes) or lift a suspension.
import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { withUser } from '$lib/server/db';
import * as users from '$lib/server/users';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { liftSchema, suspendSchema } from '../schema';
import { msg } from '$lib/msg';

export const load = (async (event) => {
	const { claims } = requireRole(event, ['operator'], 'Operator only');
	const q = (event.url.searchParams.get('q') ?? '').slice(0, 100);
	return { q, users: await withUser(claims, (tx) => users.find(tx, q, 100)) };
}) satisfies PageServerLoad;

export const actions = {
	suspend: async (event) => {
		const { claims } = requireRole(event, ['operator'], 'Operator only');
		const form = await superValidate(event.request, zod4(suspendSchema), { id: 'suspend' });
		if (!form.valid) return fail(400, { form });
		const ok = await withUser(claims, (tx) => users.setSuspension(tx, form.data.userId, form.data.reason));
		if (!ok) return setError(form, '', msg('console_err_cannot_suspend'), { status: 403 });
		return message(form, 'console_user_suspended');
	},
	lift: async (event) => {
		const { claims } = requireRole(event, ['operator'], 'Operator only');
		const form = await superValidate(event.request, zod4(liftSchema), { id: 'lift' });
		if (!form.valid) return fail(400, { form });
		const ok = await withUser(claims, (tx) => users.setSuspension(tx, form.data.userId, null));
		if (!ok) return setError(form, '', msg('err_not_found'), { status: 404 });
		return message(form, 'console_user_lifted');
	}
} satisfies Actions;
