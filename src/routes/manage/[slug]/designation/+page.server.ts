// The designation tracker: how many members count towards the SE cluster threshold, what is missing,
// and the printable list of eligible members for an application.
import { error } from '@sveltejs/kit';
import { designation } from '$lib/domain/designation';
import { withUser } from '$lib/server/db';
import * as memberships from '$lib/server/memberships';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { user, claims } = requireRole({ locals, url }, ['manager', 'operator'], 'Cluster managers only');
	return withUser(claims, async (tx) => {
		const cluster = await memberships.consoleCluster(tx, user, params.slug);
		if (!cluster) error(404);
		const input = await memberships.designationInput(tx, cluster.id);
		const counted = designation(input.members, input.cluster, input.designatedTrades);
		const details = new Map(input.members.map((m) => [m.workshop_id, m]));
		const withDetails = <T extends { workshop_id: string }>(m: T) => ({ ...m, ...details.get(m.workshop_id)! });
		return {
			cluster: { slug: cluster.slug, name_ko: cluster.name_ko, name_en: cluster.name_en, district_ko: input.cluster.district_ko },
			progress: counted.progress,
			eligible: counted.eligible.map(withDetails),
			unverified: counted.unverified.map(withDetails),
			notCounted: counted.notCounted.map((x) => ({ ...withDetails(x.member), reasons: x.reasons }))
		};
	});
}) satisfies PageServerLoad;
