import { randomUUID } from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { withUser, type Claims, type Tx } from '$lib/server/db';
import * as memberships from '$lib/server/memberships';
import * as workshops from '$lib/server/workshops';
import * as announcements from '$lib/server/announcements';
import { parseMemberFilter } from '$lib/domain/member-table';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { msg } from '$lib/msg';

const decisionSchema = z
	.object({
		id: z.uuid(msg('err_not_found')),
		decision: z.enum(['approved', 'rejected'], msg('err_not_found')),
		reason: z.string().trim().max(1000, msg('err_too_long')).default('')
	})
	.refine((d) => d.decision === 'approved' || d.reason.length > 0, { message: msg('err_reason_required'), path: ['reason'] });

const curationSchema = z.object({
	workshopId: z.uuid(msg('err_not_found')),
	verified: z.boolean(),
	featured: z.boolean()
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The member table's bulk form: curation of the selected members, or an announcement to them or to all.
const bulkSchema = z
	.object({
		ids: z
			.array(z.uuid(msg('err_not_found')))
			.max(200, msg('members_err_too_many'))
			.default([]),
		op: z.enum(['verify', 'unverify', 'feature', 'unfeature', 'announce'], msg('err_not_found')),
		to: z.enum(['selected', 'all'], msg('err_not_found')).default('selected'),
		title: z.string().trim().max(120, msg('err_too_long')).default(''),
		body: z.string().trim().max(4000, msg('err_too_long')).default(''),
		/** Made for one announcement by the page: posting it twice sends it once. */
		submission_key: z.string().default('')
	})
	.superRefine((d, ctx) => {
		if ((d.op !== 'announce' || d.to === 'selected') && d.ids.length === 0)
			ctx.addIssue({ code: 'custom', message: msg('members_err_none_selected'), path: ['ids'] });
		if (d.op === 'announce' && d.title === '') ctx.addIssue({ code: 'custom', message: msg('err_required'), path: ['title'] });
		if (d.op === 'announce' && d.body === '') ctx.addIssue({ code: 'custom', message: msg('err_required'), path: ['body'] });
	});

const curationOf = {
	verify: { verified: true },
	unverify: { verified: false },
	feature: { featured: true },
	unfeature: { featured: false }
} as const;

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
		const filter = parseMemberFilter(url.searchParams);
		return {
			cluster,
			filter,
			// The operator reads every console; sending to a cluster's members stays with its managers.
			// A key for the next announcement: a double post of it sends it once.
			announceKey: randomUUID(),
			canAnnounce: user.role !== 'operator' || (await memberships.managedBy(tx, user.id)).some((c) => c.id === cluster.id),
			pending: await memberships.forCluster(tx, cluster.id, 'pending'),
			members: await memberships.members(tx, cluster.id, filter),
			rejected: await memberships.forCluster(tx, cluster.id, 'rejected'),
			announcements: await announcements.recent(tx, cluster.id)
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
		if (!ok) return setError(form, '', msg('err_not_found'), { status: 404 });
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
		if (!ok) return setError(form, '', msg('err_not_found'), { status: 404 });
		return message(form, 'curated');
	},

	bulk: async ({ request, locals, params, url }) => {
		const { user, claims } = manager(locals, url);
		const form = await superValidate(request, zod4(bulkSchema), { id: 'bulk' });
		if (!form.valid) return fail(400, { form });
		const { ids, op, to, title, body } = form.data;
		const submissionKey = UUID.test(form.data.submission_key) ? form.data.submission_key : null;
		const changed = await withUser(claims, async (tx) => {
			const cluster = await managedCluster(tx, user, params.slug);
			if (op === 'announce')
				return announcements.send(tx, cluster.id, { title, body, workshopIds: to === 'all' ? null : ids, submissionKey });
			return workshops.curateMany(tx, ids, curationOf[op]);
		}).catch((e: { code?: string }) => {
			if (e.code === '42501') return null;
			throw e;
		});
		if (changed === null) return setError(form, '', msg('members_err_not_yours'), { status: 403 });
		// The selection and the text are done with: the form comes back empty, the result in its message.
		form.data = { ...form.data, ids: [], to: 'selected', title: '', body: '' };
		return message(form, { key: op === 'announce' ? 'members_announced' : 'members_bulk_done', count: changed });
	}
} satisfies Actions;
