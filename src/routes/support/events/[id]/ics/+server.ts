// One registration as a calendar file (ICS), for the person registered or waiting.
import { error } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { calendar, icsResponse } from '$lib/server/ics';
import * as support from '$lib/server/support';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { user, claims } = requireUser(event);
	const found = await withUser(claims, async (tx) => {
		const e = await support.eventById(tx, event.params.id);
		const reg = e ? await support.registrationOf(tx, user.id, e.id) : null;
		return e && reg && reg.status !== 'cancelled' ? e : null;
	});
	if (!found) error(404, 'Not found');
	const url = new URL(`/support/events/${found.id}`, event.url).href;
	const body = calendar(
		found.title_ko,
		[
			{
				id: found.id,
				title: found.title_ko,
				description: found.description_ko,
				starts_at: found.starts_at,
				ends_at: found.ends_at,
				place: found.place_ko,
				online_url: found.online_url,
				url,
				cancelled: found.cancelled
			}
		],
		event.url.origin
	);
	return icsResponse(body, `event-${found.id.slice(0, 8)}.ics`);
};
