// The operator's review desk: every reported review, to hide with a reason (or leave).
import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import * as reviews from '$lib/server/reviews';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { claims } = requireRole(event, ['operator'], 'Only the operator moderates reviews here');
	return { items: await withUser(claims, (tx) => reviews.reported(tx)) };
}) satisfies PageServerLoad;
