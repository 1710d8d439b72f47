// GET /api/geocode?q=<address> → {place} and GET /api/geocode?lat=&lng= → {district}: the place picker
// shows the district as soon as a person finds an address or clicks the map. Signed-in people only
// (the forms that use it are theirs), throttled per account; the forms geocode again on save.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { sql } from '$lib/server/db';
import { geocoding } from '$lib/server/ports';
import * as throttle from '$lib/server/throttle';
import type { RequestHandler } from './$types';

const headers = { 'cache-control': 'no-store' };

const query = z.union([
	z.object({ q: z.string().trim().min(1).max(200) }),
	z.object({ lat: z.coerce.number().min(33).max(39), lng: z.coerce.number().min(124).max(132) })
]);

export const GET: RequestHandler = async ({ url, locals }) => {
	if (!locals.user) return json({ error: 'sign_in' }, { status: 401, headers });
	const parsed = query.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return json({ error: 'bad_request' }, { status: 400, headers });
	const verdict = await throttle.hit(sql(), `geocode:account:${locals.user.id}`, throttle.LIMITS.geocodeAccount);
	if (!verdict.ok)
		return json({ error: 'rate_limited' }, { status: 429, headers: { ...headers, 'retry-after': String(verdict.retryAfterSeconds) } });

	if ('q' in parsed.data) {
		const place = await geocoding().geocode(parsed.data.q);
		return place ? json({ place }, { headers }) : json({ error: 'not_found' }, { status: 404, headers });
	}
	const district = await geocoding().reverse(parsed.data.lat, parsed.data.lng);
	return district ? json({ district }, { headers }) : json({ error: 'outside' }, { status: 404, headers });
};
