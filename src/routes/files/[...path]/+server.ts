// Serves stored files (portfolio photos) to whoever may see the row that references them.
// RLS on public.workshop_photos decides; anything else is a 404, so a path reveals nothing.
import { error } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import * as photos from '$lib/server/photos';
import { storage } from '$lib/server/ports';
import { isSafePath } from '$lib/server/storage/port';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const path = params.path;
	if (!isSafePath(path)) error(404, 'Not found');
	if (!(await withUser(locals.claims, (tx) => photos.isVisible(tx, path)))) error(404, 'Not found');
	const file = await storage().get(path);
	if (!file) error(404, 'Not found');
	return new Response(file.data as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.data.byteLength),
			'cache-control': 'private, max-age=3600',
			'x-content-type-options': 'nosniff'
		}
	});
};
