import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as companies from '$lib/server/companies';
import * as matches from '$lib/server/matches';
import * as requests from '$lib/server/requests';
import * as memberships from '$lib/server/memberships';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

const applySchema = z.object({
	clusterId: z.uuid('err_cluster_required'),
	message: z.string().trim().max(1000, 'err_too_long')
});

export const load = (async ({ locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		if (user.role === 'craftsman') {
			const workshop = await workshops.ownedBy(tx, user.id);
			const applied = workshop ? await memberships.forWorkshop(tx, workshop.id) : [];
			const craftClusters = await tx<{ id: string; name_ko: string; name_en: string }[]>`
				select id, name_ko, name_en from public.clusters where kind = 'craft' order by name_ko`;
			return {
				kind: 'craftsman' as const,
				workshop: workshop && { name_ko: workshop.name_ko, name_en: workshop.name_en, slug: workshop.slug, verified: workshop.verified },
				memberships: applied,
				clusters: craftClusters.filter((c) => !applied.some((a) => a.cluster_id === c.id)),
				recommended: workshop ? await matches.recommendedFor(tx, workshop.id, { limit: 8 }) : [],
				clusterNames: matches.clusterNames(await matches.craftClusters(tx)),
				declined: url.searchParams.has('declined')
			};
		}
		if (user.role === 'startup') {
			const company = await companies.ownedBy(tx, user.id);
			return {
				kind: 'startup' as const,
				company: company && { name_ko: company.name_ko, name_en: company.name_en, slug: company.slug },
				requests: (await requests.listOwned(tx, user.id)).slice(0, 6)
			};
		}
		return {
			kind: 'manager' as const,
			managed: await memberships.managedBy(tx, user.id),
			inboxOpen: await requests.openInInbox(tx, user.id)
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	apply: async ({ request, locals, url }) => {
		const { user, claims } = requireUser({ locals, url });
		const values = Object.fromEntries(await request.formData());
		const parsed = applySchema.safeParse(values);
		if (!parsed.success) {
			return fail(400, { apply: { values, error: parsed.error.issues[0].message } });
		}
		const result = await withUser(claims, async (tx) => {
			const workshop = await workshops.ownedBy(tx, user.id);
			if (!workshop) return { ok: false as const, error: 'err_workshop_first' };
			const applied = await memberships.apply(tx, workshop.id, parsed.data.clusterId, parsed.data.message);
			return applied.ok ? applied : { ok: false as const, error: `err_${applied.error}` };
		});
		if (!result.ok) return fail(400, { apply: { values, error: result.error } });
		return { applied: true };
	}
} satisfies Actions;
