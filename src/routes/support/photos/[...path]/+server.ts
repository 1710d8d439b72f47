// Photos of support-center machines, public like the machines themselves; any other path is a 404.
import { error } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import { storage } from '$lib/server/ports';
import { isSafePath } from '$lib/server/storage/port';
import * as staff from '$lib/server/support-staff';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const path = params.path;
	if (!isSafePath(path) || !(await withUser(locals.claims, (tx) => staff.isMachinePhoto(tx, path)))) error(404, 'Not found');
	const file = await storage().get(path);
	if (!file) error(404, 'Not found');
	return new Response(file.data as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.data.byteLength),
			'cache-control': 'public, max-age=3600',
			'x-content-type-options': 'nosniff'
		}
	});
};
