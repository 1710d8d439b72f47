// The center of a staff page, for someone who acts for it (404 unknown center, 403 anyone else).
import { error } from '@sveltejs/kit';
import type { Tx } from '$lib/server/db';
import * as support from '$lib/server/support';

export async function staffCenter(tx: Tx, slug: string) {
	const center = await support.centerBySlug(tx, slug);
	if (!center) error(404, 'Not found');
	if (!(await support.actsFor(tx, center.id))) error(403, 'Forbidden');
	return center;
}

export const PER_PAGE = 20;

/** The list page asked for (?page=n), 1 when none or nonsense. */
export const pageOf = (url: URL) => Math.max(1, Math.min(1000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
