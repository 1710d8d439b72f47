// Opens one of a request's files: private.open_attachment checks, in the user's own RLS
// transaction, that they may open it and logs the opening for the owner; then the file streams from
// storage. Anything refused or missing is a 404, so an id reveals nothing.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import { storage } from '$lib/server/ports';
import * as files from '$lib/server/request-files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	if (!locals.claims) error(404, 'Not found');
	if (!z.uuid().safeParse(params.id).success || !z.uuid().safeParse(params.attachmentId).success) error(404, 'Not found');
	const opened = await withUser(locals.claims, (tx) => files.open(tx, params.id, params.attachmentId));
	if (!opened) error(404, 'Not found');
	const file = await storage().get(opened.path);
	if (!file) error(404, 'Not found');
	return new Response(file.data as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': opened.content_type,
			'content-length': String(file.data.byteLength),
			'content-disposition': files.contentDisposition(files.dispositionFor(opened.content_type), opened.filename),
			// Every opening is logged, so nothing may serve it from a cache; shown files run nothing.
			'cache-control': 'private, no-store',
			'content-security-policy': 'sandbox',
			'x-content-type-options': 'nosniff'
		}
	});
};
