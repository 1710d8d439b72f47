import { thresholdProgress } from '$lib/domain/clusters';
import { withUser } from '$lib/server/db';
import * as clusters from '$lib/server/clusters';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const all = await withUser(locals.claims, (tx) => clusters.list(tx));
	return {
		craftClusters: all
			.filter((c) => c.kind === 'craft')
			.map((c) => ({ ...c, progress: thresholdProgress(c.craftsman_count, c.district_kind) })),
		startupClusters: all.filter((c) => c.kind === 'startup')
	};
}) satisfies PageServerLoad;
