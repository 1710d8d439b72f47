import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { withUser, type Claims, type Tx } from '$lib/server/db';
import * as memberships from '$lib/server/memberships';
import * as workshops from '$lib/server/workshops';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const decisionSchema = z
	.object({
		id: z.uuid('err_not_found'),
		decision: z.enum(['approved', 'rejected'], 'err_not_found'),
		reason: z.string().trim().max(1000, 'err_too_long').default('')
	})
	.refine((d) => d.decision === 'approved' || d.reason.length > 0, { message: 'err_reason_required', path: ['reason'] });

const curationSchema = z.object({
	workshopId: z.uuid('err_not_found'),
	verified: z.boolean(),
	featured: z.boolean()
});

function manager(locals: App.Locals, url: URL): { userId: string; user: { id: string; role: string }; claims: Claims } {
	const { user, claims } = requireRole({ locals, url }, ['manager', 'operator'], 'Cluster managers only');
	return { userId: user.id, user, claims };
}

async function managedCluster(tx: Tx, user: { id: string; role: string }, slug: string) {
	const cluster = await memberships.consoleCluster(tx, user, slug);
	if (!cluster) error(404);
	return cluster;
}

export const load = (async ({ locals, params, url }) => {
	const { user, claims } = manager(locals, url);
	return withUser(claims, async (tx) => {
		const cluster = await managedCluster(tx, user, params.slug);
		return {
			cluster,
			pending: await memberships.forCluster(tx, cluster.id, 'pending'),
			approved: await memberships.forCluster(tx, cluster.id, 'approved'),
			rejected: await memberships.forCluster(tx, cluster.id, 'rejected')
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	decide: async ({ request, locals, params, url }) => {
		const { userId, user, claims } = manager(locals, url);
		const form = await superValidate(request, zod4(decisionSchema), { id: 'decide' });
		if (!form.valid) return fail(400, { form });
		const { id, decision, reason } = form.data;
		const ok = await withUser(claims, async (tx) => {
			await managedCluster(tx, user, params.slug);
			return memberships.decide(tx, id, userId, { status: decision, reason: reason || null });
		});
		if (!ok) return setError(form, '', 'err_not_found', { status: 404 });
		return message(form, decision === 'approved' ? 'manage_approved_done' : 'manage_rejected_done');
	},

	curate: async ({ request, locals, params, url }) => {
		const { user, claims } = manager(locals, url);
		const form = await superValidate(request, zod4(curationSchema), { id: 'curate' });
		if (!form.valid) return fail(400, { form });
		const { workshopId, ...flags } = form.data;
		const ok = await withUser(claims, async (tx) => {
			await managedCluster(tx, user, params.slug);
			return workshops.setCuration(tx, workshopId, flags);
		});
		if (!ok) return setError(form, '', 'err_not_found', { status: 404 });
		return message(form, 'curated');
	}
} satisfies Actions;
