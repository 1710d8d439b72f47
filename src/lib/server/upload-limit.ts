// Posts that carry files (photos, drawings, documents: a multipart body of more than a few KB) are
// limited per account (throttle.LIMITS.uploadAccount), counted in PostgreSQL across instances, so one
// account cannot fill the storage or keep the image decoder busy. Past the limit a browser's post goes
// to /too-many (how long to wait, and back to the form as typed); use:enhance's fetch gets the same
// page as a redirect result; any other client 429.
import { json, type Handle } from '@sveltejs/kit';
import { sql } from './db';
import * as throttle from './throttle';

/** A multipart body above this carries a file (the fields alone are far smaller). */
const FILE_BYTES = 16 * 1024;

export const uploadLimitHandle: Handle = async ({ event, resolve }) => {
	const { request, locals } = event;
	const length = Number(request.headers.get('content-length'));
	if (
		request.method !== 'POST' ||
		!locals.claims ||
		!request.headers.get('content-type')?.startsWith('multipart/form-data') ||
		!(length > FILE_BYTES)
	)
		return resolve(event);
	const verdict = await throttle.hit(sql(), `upload:account:${locals.claims.sub}`, throttle.LIMITS.uploadAccount);
	if (verdict.ok) return resolve(event);
	const location = `/too-many?minutes=${Math.ceil(verdict.retryAfterSeconds / 60)}`;
	const headers = { 'cache-control': 'no-store', 'retry-after': String(verdict.retryAfterSeconds) };
	if (request.headers.has('x-sveltekit-action')) return json({ type: 'redirect', status: 303, location }, { headers });
	if (request.headers.get('accept')?.includes('text/html')) return new Response(null, { status: 303, headers: { ...headers, location } });
	return json({ error: 'rate_limited' }, { status: 429, headers });
};
