// The center's counseling requests for its staff: new requests first, then proposed and confirmed
// appointments, then closed ones, twenty a page.
import { error } from '@sveltejs/kit';
import * as counseling from '$lib/server/counseling';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as support from '$lib/server/support';
import type { PageServerLoad } from './$types';

const PER_PAGE = 20;

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const page = Math.max(1, Math.min(1000, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1));
	const data = await withUser(claims, async (tx) => {
		const center = await support.centerBySlug(tx, event.params.slug);
		if (!center) return null;
		if (!(await support.actsFor(tx, center.id))) return 'forbidden' as const;
		const { rows, total } = await counseling.ofCenter(tx, center.id, page, PER_PAGE);
		return { center, rows, total, page, pages: Math.max(1, Math.ceil(total / PER_PAGE)) };
	});
	if (!data) error(404, 'Not found');
	if (data === 'forbidden') error(403, 'Forbidden');
	return data;
}) satisfies PageServerLoad;
