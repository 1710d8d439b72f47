// Downloads a message's file for both sides of the conversation; the database logs the opening.
import { download } from '$lib/server/downloads';
import * as quotes from '$lib/server/quotes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) =>
	download(locals.claims, (tx) => quotes.openFile(tx, params.attachmentId, { requestId: params.id, quoteOrMessage: 'message' }));
