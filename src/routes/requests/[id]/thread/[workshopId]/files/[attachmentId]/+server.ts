// Downloads a message's file for both sides of the conversation; the database logs the opening.
import { error } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
import { storage } from '$lib/server/ports';
import * as quotes from '$lib/server/quotes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	if (!locals.claims) error(404, 'Not found');
	const opened = await withUser(locals.claims, (tx) =>
		quotes.openFile(tx, params.attachmentId, { requestId: params.id, quoteOrMessage: 'message' })
	);
	const file = opened && (await storage().get(opened.path));
	if (!opened || !file) error(404, 'Not found');
	return new Response(file.data as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': opened.content_type,
			'content-length': String(file.data.byteLength),
			'content-disposition': quotes.disposition(opened.filename),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
