import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { withUser, type Claims, type Tx } from '$lib/server/db';
import * as memberships from '$lib/server/memberships';
import * as workshops from '$lib/server/workshops';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const decisionSchema = z
	.object({
		id: z.uuid(),
		decision: z.enum(['approved', 'rejected']),
		reason: z.string().trim().max(1000, 'err_too_long')
	})
	.refine((d) => d.decision === 'approved' || d.reason.length > 0, { message: 'err_reason_required', path: ['reason'] });

const curationSchema = z.object({
	workshopId: z.uuid(),
	verified: z.enum(['true', 'false']).transform((v) => v === 'true'),
	featured: z.enum(['true', 'false']).transform((v) => v === 'true')
});

function manager(locals: App.Locals, url: URL): { userId: string; claims: Claims } {
	const { user, claims } = requireRole({ locals, url }, ['manager', 'operator'], 'Cluster managers only');
	return { userId: user.id, claims };
}

async function managedCluster(tx: Tx, userId: string, slug: string) {
	const cluster = (await memberships.managedBy(tx, userId)).find((c) => c.slug === slug);
	if (!cluster) error(404);
	return cluster;
}

export const load = (async ({ locals, params, url }) => {
	const { userId, claims } = manager(locals, url);
	return withUser(claims, async (tx) => {
		const cluster = await managedCluster(tx, userId, params.slug);
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
		const { userId, claims } = manager(locals, url);
		const values = Object.fromEntries(await request.formData());
		const parsed = decisionSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, {
				decision: { id: String(values.id ?? ''), reason: String(values.reason ?? ''), error: parsed.error.issues[0].message }
			});
		const { id, decision, reason } = parsed.data;
		const ok = await withUser(claims, async (tx) => {
			await managedCluster(tx, userId, params.slug);
			return memberships.decide(tx, id, userId, { status: decision, reason: reason || null });
		});
		if (!ok) return fail(404, { decision: { id, reason, error: 'err_not_found' } });
		return { decided: decision };
	},

	curate: async ({ request, locals, params, url }) => {
		const { userId, claims } = manager(locals, url);
		const parsed = curationSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { curationError: 'err_not_found' });
		const { workshopId, ...flags } = parsed.data;
		const ok = await withUser(claims, async (tx) => {
			await managedCluster(tx, userId, params.slug);
			return workshops.setCuration(tx, workshopId, flags);
		});
		if (!ok) return fail(404, { curationError: 'err_not_found' });
		return { curated: true };
	}
} satisfies Actions;
