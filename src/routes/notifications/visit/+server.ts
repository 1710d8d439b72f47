// The browser reports the page it opened (after a navigation, never a hover's preload): the
// notifications about that page are settled (notifications.markReadOnVisit), and the bell follows
// through its live stream.
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import * as notifications from '$lib/server/notifications';
import type { RequestHandler } from './$types';

const input = z.object({ path: z.string().startsWith('/').max(2000) });

export const POST: RequestHandler = async ({ locals, request, url }) => {
	const claims = locals.claims;
	const userId = locals.user?.id;
	if (!claims || !userId) error(401, 'Sign in');
	const parsed = input.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, 'A path on this site');
	const page = new URL(parsed.data.path, url.origin);
	if (page.origin !== url.origin) error(400, 'A path on this site');
	const read = await withUser(claims, (tx) => notifications.markReadOnVisit(tx, userId, page));
	return json({ read }, { headers: { 'cache-control': 'no-store' } });
};
