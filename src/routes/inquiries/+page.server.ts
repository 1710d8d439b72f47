import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as inquiries from '$lib/server/inquiries';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	return { inquiries: await withUser(claims, (tx) => inquiries.list(tx, user.id)) };
}) satisfies PageServerLoad;
