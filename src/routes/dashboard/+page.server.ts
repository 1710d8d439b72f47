import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { craftClusters } from '$lib/server/clusters';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as companies from '$lib/server/companies';
import * as matches from '$lib/server/matches';
import * as requests from '$lib/server/requests';
import * as memberships from '$lib/server/memberships';
import * as inquiries from '$lib/server/inquiries';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';
import { applySchema } from './schema';
import { msg } from '$lib/msg';

/** Latest questions shown on the dashboard (all of them at /inquiries). */
const INQUIRIES_SHOWN = 5;

export const load = (async ({ locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	// The operator manages no cluster of their own: their desk is the console.
	if (user.role === 'operator') redirect(303, '/admin');
	return withUser(claims, async (tx) => {
		if (user.role === 'craftsman') {
			// Queries sent together on the transaction's connection are pipelined: one wait instead of several.
			const [workshop, clusters, asked] = await Promise.all([
				workshops.ownedBy(tx, user.id),
				craftClusters(tx),
				inquiries.list(tx, user.id, INQUIRIES_SHOWN)
			]);
			const [applied, recommended] = workshop
				? await Promise.all([memberships.forWorkshop(tx, workshop.id), matches.recommendedFor(tx, workshop.id, { limit: 8 })])
				: [[], []];
			const open = clusters.filter((c) => !applied.some((a) => a.cluster_id === c.id));
			return {
				kind: 'craftsman' as const,
				workshop: workshop && { name_ko: workshop.name_ko, name_en: workshop.name_en, slug: workshop.slug, verified: workshop.verified },
				memberships: applied,
				clusters: open.map((c) => ({ id: c.id, name_ko: c.name_ko, name_en: c.name_en })),
				// The first cluster still open to the workshop is chosen, as a select shows it.
				applyForm: await superValidate({ clusterId: open[0]?.id ?? '' }, zod4(applySchema), { id: 'apply', errors: false }),
				recommended,
				clusterNames: matches.clusterNames(clusters),
				declined: url.searchParams.has('declined'),
				inquiries: asked
			};
		}
		if (user.role === 'startup') {
			const [company, owned, asked] = await Promise.all([
				companies.ownedBy(tx, user.id),
				requests.listOwned(tx, user.id),
				inquiries.list(tx, user.id, INQUIRIES_SHOWN)
			]);
			return {
				kind: 'startup' as const,
				company: company && { name_ko: company.name_ko, name_en: company.name_en, slug: company.slug },
				requests: owned.slice(0, 6),
				inquiries: asked
			};
		}
		const [managed, inboxOpen] = await Promise.all([memberships.managedBy(tx, user.id), requests.openInInbox(tx, user.id)]);
		return { kind: 'manager' as const, managed, inboxOpen };
	});
}) satisfies PageServerLoad;

export const actions = {
	apply: async ({ request, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const form = await superValidate(request, zod4(applySchema), { id: 'apply' });
		if (!form.valid) return fail(400, { form });
		const result = await withUser(claims, async (tx) => {
			const workshop = await workshops.ownedBy(tx, user.id);
			if (!workshop) return { ok: false as const, error: msg('err_workshop_first') };
			const applied = await memberships.apply(tx, workshop.id, form.data.clusterId, form.data.message);
			return applied.ok ? applied : { ok: false as const, error: `err_${applied.error}` };
		});
		if (!result.ok) return setError(form, 'clusterId', result.error);
		return message(form, 'account_applied');
	}
} satisfies Actions;
