// The signed-in user's own data as a JSON download, read through their own RLS transaction.
import { json } from '@sveltejs/kit';
import * as accounts from '$lib/server/accounts';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import type { RequestHandler } from './$types';

export const GET = (async (event) => {
	const { user, claims } = requireUser(event);
	const data = await withUser(claims, (tx) => accounts.exportData(tx, user));
	const day = data.exported_at.slice(0, 10);
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="sogong-link-${day}.json"`,
			'cache-control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
