// A cluster's audit trail for its managers (and the operator): every action on its members,
// applications, listings and routed requests; ?workshop= narrows it to one member.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import * as memberships from '$lib/server/memberships';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { user, claims } = requireRole({ locals, url }, ['manager', 'operator'], 'Cluster managers only');
	const workshop = z.uuid().safeParse(url.searchParams.get('workshop'));
	const before = z.string().regex(/^\d+$/).safeParse(url.searchParams.get('before'));
	return withUser(claims, async (tx) => {
		const cluster = await memberships.consoleCluster(tx, user, params.slug);
		if (!cluster) error(404);
		const entries = await audit.list(tx, {
			clusterId: cluster.id,
			workshopId: workshop.success ? workshop.data : undefined,
			beforeId: before.success ? before.data : undefined,
			limit: 100
		});
		return {
			cluster: { slug: cluster.slug, name_ko: cluster.name_ko, name_en: cluster.name_en },
			workshopId: workshop.success ? workshop.data : null,
			entries,
			next: entries.length === 100 ? entries[entries.length - 1].id : null
		};
	});
}) satisfies PageServerLoad;
