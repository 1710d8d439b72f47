// The center's counseling requests for its staff: new requests first, then proposed and confirmed
// appointments, then closed ones, twenty a page.
import * as counseling from '$lib/server/counseling';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import type { PageServerLoad } from './$types';
import { pageOf, PER_PAGE, staffCenter } from '../center';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const page = pageOf(event.url);
	return withUser(claims, async (tx) => {
		const center = await staffCenter(tx, event.params.slug);
		const { rows, total } = await counseling.ofCenter(tx, center.id, page, PER_PAGE);
		return { center, rows, total, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)) };
	});
}) satisfies PageServerLoad;
