import { error } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as paperwork from '$lib/server/paperwork';
import type { LayoutServerLoad } from './$types';
import { documentView } from './view.server';

// Whoever cannot see the order (RLS) gets the same 404 as for an order that does not exist.
export const load = (async (event) => {
	const { user, claims } = requireUser(event);
	const found = await withUser(claims, (tx) => paperwork.forOrder(tx, event.params.id, user.id));
	if (!found) error(404, 'Not found');
	return documentView(found);
}) satisfies LayoutServerLoad;
