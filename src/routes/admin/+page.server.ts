// The operator's console: where the operator lands after signing in.
import { withUser } from '$lib/server/db';
import * as clusterAdmin from '$lib/server/cluster-admin';
import * as audit from '$lib/server/audit';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { claims } = requireRole(event, ['operator'], 'Operator only');
	return withUser(claims, async (tx) => {
		const [clusters, recent] = await Promise.all([clusterAdmin.listAll(tx), audit.list(tx, { limit: 8 })]);
		return {
			clusters: clusters.map((c) => ({
				slug: c.slug,
				kind: c.kind,
				name_ko: c.name_ko,
				name_en: c.name_en,
				archived: c.archived_at !== null,
				members: c.members,
				pending: c.pending,
				managers: c.managers.length
			})),
			recent
		};
	});
}) satisfies PageServerLoad;
