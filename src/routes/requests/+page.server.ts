import { redirect } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import * as requests from '$lib/server/requests';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const { user, claims } = locals;
	if (!user || !claims) redirect(303, '/login?redirectTo=/requests');
	return withUser(claims, async (tx) => {
		const deleted = url.searchParams.has('deleted');
		if (user.role === 'startup') return { kind: 'startup' as const, mine: await requests.listOwned(tx, user.id), open: [], deleted };
		return { kind: 'workshop' as const, mine: [], open: await requests.listOpenForWorkshops(tx, user.id), deleted };
	});
}) satisfies PageServerLoad;
