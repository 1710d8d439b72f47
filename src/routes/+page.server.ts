import { withUser } from '$lib/server/db';
import * as clusters from '$lib/server/clusters';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const { all, featured } = await withUser(locals.claims, async (tx) => ({
		all: await clusters.list(tx),
		featured: await clusters.featured(tx, 8)
	}));
	return {
		craftClusters: all.filter((c) => c.kind === 'craft'),
		startupClusters: all.filter((c) => c.kind === 'startup'),
		featured
	};
}) satisfies PageServerLoad;
