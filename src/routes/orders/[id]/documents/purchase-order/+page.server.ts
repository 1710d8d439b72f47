import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

// The purchase order exists as soon as the order does (the layout loaded it, or answered 404).
export const load = ((event) => {
	requireUser(event);
	return {};
}) satisfies PageServerLoad;
