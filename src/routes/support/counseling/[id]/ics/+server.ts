// A counseling appointment as a calendar file (ICS), for both sides once a slot is proposed.
import { error } from '@sveltejs/kit';
import { topicLabel } from '$lib/domain/counseling';
import * as counseling from '$lib/server/counseling';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { calendar, icsResponse } from '$lib/server/ics';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { claims } = requireUser(event);
	const found = await withUser(claims, (tx) => counseling.byId(tx, event.params.id));
	if (!found || !found.starts_at || !found.ends_at) error(404, 'Not found');
	const title = `${found.center_name_ko} ${topicLabel(found.topic)} 상담`;
	const body = calendar(
		title,
		[
			{
				id: `counseling-${found.id}`,
				title,
				description: found.question,
				starts_at: found.starts_at,
				ends_at: found.ends_at,
				place: found.place_ko,
				online_url: found.online_url,
				url: new URL(`/support/counseling/${found.id}`, event.url).href,
				cancelled: found.status === 'cancelled' || found.status === 'declined'
			}
		],
		event.url.origin
	);
	return icsResponse(body, `counseling-${found.id.slice(0, 8)}.ics`);
};
