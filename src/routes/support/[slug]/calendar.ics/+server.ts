// The center's calendar (ICS): its events from a month ago on, cancelled ones marked so.
import { error } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import { calendar, icsResponse } from '$lib/server/ics';
import * as support from '$lib/server/support';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const found = await withUser(locals.claims, async (tx) => {
		const center = await support.centerBySlug(tx, params.slug);
		if (!center) return null;
		return { center, events: await support.eventsOf(tx, center.id, new Date(Date.now() - 30 * 86_400_000)) };
	});
	if (!found) error(404, 'Not found');
	const body = calendar(
		found.center.name_ko,
		found.events.map((e) => ({
			id: e.id,
			title: e.title_ko,
			description: e.description_ko,
			starts_at: e.starts_at,
			ends_at: e.ends_at,
			place: e.place_ko,
			online_url: e.online_url,
			url: new URL(`/support/events/${e.id}`, url).href,
			cancelled: e.cancelled
		})),
		url.origin
	);
	return icsResponse(body, `${found.center.slug}.ics`);
};
