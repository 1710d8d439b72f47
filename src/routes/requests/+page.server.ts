import { withUser } from '$lib/server/db';
import * as requests from '$lib/server/requests';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	return withUser(claims, async (tx) => {
		const deleted = url.searchParams.has('deleted');
		if (user.role === 'startup') return { kind: 'startup' as const, mine: await requests.listOwned(tx, user.id), open: [], deleted };
		return { kind: 'workshop' as const, mine: [], open: await requests.listOpenForWorkshops(tx, user.id), deleted };
	});
}) satisfies PageServerLoad;
