import { error } from '@sveltejs/kit';
import { documentAvailable } from '$lib/domain/paperwork';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

// The statement of transaction belongs to delivery: before it, a 404 that says so.
export const load = (async (event) => {
	requireUser(event);
	const { order } = await event.parent();
	if (!documentAvailable('statement', order)) error(404, m.paper_not_available_statement());
	return {};
}) satisfies PageServerLoad;
