// The support centers (소공인특화지원센터): where they are, who runs them and which clusters they serve.
import { withUser } from '$lib/server/db';
import * as support from '$lib/server/support';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	return withUser(locals.claims, async (tx) => ({
		centers: await support.listCenters(tx),
		staffOf: locals.user ? await support.centersActedFor(tx) : []
	}));
}) satisfies PageServerLoad;
