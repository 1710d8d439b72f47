// PostgreSQL text cannot hold a NUL character: a form field carrying one (no keyboard types it; a
// crafted post, a paste of binary) failed the action's write with a server error, wherever a schema
// did not refuse it itself (the hostile-input property test kept finding new ones). Form posts that
// are not uploads (application/x-www-form-urlencoded) have their NULs dropped before any action reads
// them, as invisible characters nobody meant. Uploads (multipart) keep their bytes: their text fields
// refuse a NUL in their schemas (noNul in $lib/form-messages).
import type { Handle } from '@sveltejs/kit';

const FORM = 'application/x-www-form-urlencoded';

/** The form body without NUL characters, encoded (%00) or not; null when it has none. */
export function withoutNul(body: string): string | null {
	return body.includes('%00') || body.includes('\u0000') ? body.replaceAll('%00', '').replaceAll('\u0000', '') : null;
}

export const noNulHandle: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'POST' || !event.request.headers.get('content-type')?.startsWith(FORM)) return resolve(event);
	const body = await event.request.clone().text();
	const clean = withoutNul(body);
	if (clean !== null) {
		const headers = new Headers(event.request.headers);
		headers.delete('content-length');
		event.request = new Request(event.request.url, { method: 'POST', headers, body: clean });
	}
	return resolve(event);
};
