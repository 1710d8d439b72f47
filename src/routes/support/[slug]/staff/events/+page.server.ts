// The center's events for its staff, past and cancelled ones too, twenty a page: add one, edit one.
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as staff from '$lib/server/support-staff';
import type { PageServerLoad } from './$types';
import { staffCenter } from '../center';

const PER_PAGE = 20;

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const page = Math.max(1, Math.min(1000, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1));
	return withUser(claims, async (tx) => {
		const center = await staffCenter(tx, event.params.slug);
		const { rows, total } = await staff.eventsOf(tx, center.id, page, PER_PAGE);
		return { center, events: rows, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), now: new Date() };
	});
}) satisfies PageServerLoad;
