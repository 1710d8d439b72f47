// The center's events for its staff, past and cancelled ones too, twenty a page: add one, edit one.
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as staff from '$lib/server/support-staff';
import type { PageServerLoad } from './$types';
import { pageOf, PER_PAGE, staffCenter } from '../center';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const page = pageOf(event.url);
	return withUser(claims, async (tx) => {
		const center = await staffCenter(tx, event.params.slug);
		const { rows, total } = await staff.eventsOf(tx, center.id, page, PER_PAGE);
		return { center, events: rows, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), now: new Date() };
	});
}) satisfies PageServerLoad;
