// Serving a file the database let the caller open. Request, quote and message files differ only in
// how they are opened (each open checks RLS and logs the opening for the owner); what the browser
// gets is the same: never cached (every opening is logged), never run (sandboxed, nosniff), shown
// inline only for PDFs and images.
import { error } from '@sveltejs/kit';
import type { Claims, Tx } from './db';
import { withUser } from './db';
import { storage } from './ports';
import { contentDisposition, dispositionFor } from './request-files';

/** What an open function returns: where the file is stored and what it is. */
export interface OpenedFile {
	path: string;
	content_type: string;
	filename: string;
}

/**
 * The content type a file is served with: what the uploader said only for the types shown inline (PDF and
 * images); anything else (an uploaded text/html or SVG among them) is opaque bytes to download.
 */
export function servedType(contentType: string): string {
	return dispositionFor(contentType) === 'inline' ? contentType : 'application/octet-stream';
}

/**
 * Opens a file as the user and answers it; anything refused, missing or anonymous is a 404, so an id
 * reveals nothing.
 */
export async function download(claims: Claims | null, open: (tx: Tx) => Promise<OpenedFile | null>): Promise<Response> {
	if (!claims) error(404, 'Not found');
	const opened = await withUser(claims, open);
	const file = opened && (await storage().get(opened.path));
	if (!opened || !file) error(404, 'Not found');
	return new Response(file.data as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': servedType(opened.content_type),
			'content-length': String(file.data.byteLength),
			'content-disposition': contentDisposition(dispositionFor(opened.content_type), opened.filename),
			'cache-control': 'private, no-store',
			'content-security-policy': 'sandbox',
			'x-content-type-options': 'nosniff'
		}
	});
}
