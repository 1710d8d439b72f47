// A cluster manager's review desk: reported reviews of the cluster's workshops' deals, to hide with a reason.
import { error } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import * as memberships from '$lib/server/memberships';
import * as reviews from '$lib/server/reviews';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { user, claims } = requireRole({ locals, url }, ['manager', 'operator'], 'Cluster managers only');
	return withUser(claims, async (tx) => {
		const cluster = (await memberships.managedBy(tx, user.id)).find((c) => c.slug === params.slug);
		if (!cluster) error(404);
		return { cluster, items: await reviews.reported(tx, { clusterId: cluster.id }) };
	});
}) satisfies PageServerLoad;
