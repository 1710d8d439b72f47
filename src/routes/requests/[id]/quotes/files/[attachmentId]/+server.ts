// Downloads a quote's file for whoever sees the quote; the database logs the opening for the owner.
import { download } from '$lib/server/downloads';
import * as quotes from '$lib/server/quotes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) =>
	download(locals.claims, (tx) => quotes.openFile(tx, params.attachmentId, { requestId: params.id, quoteOrMessage: 'quote' }));
