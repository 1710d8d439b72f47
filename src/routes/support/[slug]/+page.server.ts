// A support center: where and when, the services, the shared equipment, upcoming events and programs.
import { error } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import * as programs from '$lib/server/programs';
import * as support from '$lib/server/support';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params }) => {
	const data = await withUser(locals.claims, async (tx) => {
		const center = await support.centerBySlug(tx, params.slug);
		if (!center) return null;
		const now = new Date();
		return {
			center,
			machines: await support.machinesOf(tx, center.id),
			events: await support.upcomingEvents(tx, center.id, now),
			programs: await programs.list(tx, { centerId: center.id, openAt: now }),
			rules: await support.rulesOf(tx, center.id),
			staff: locals.user ? await support.actsFor(tx, center.id) : false
		};
	});
	if (!data) error(404, 'Not found');
	return data;
}) satisfies PageServerLoad;
