// The orders the signed-in user takes part in (or, for a manager or the operator, looks after).
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as orders from '$lib/server/orders';
import type { PageServerLoad } from './$types';

const PAGE = 20;

export const load = (async ({ locals, url }) => {
	const { user, claims } = requireUser({ locals, url });
	const pageNo = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	return withUser(claims, async (tx) => ({
		orders: await orders.list(tx, user.id, { limit: PAGE, offset: (pageNo - 1) * PAGE }),
		total: await orders.count(tx),
		page: pageNo,
		pageSize: PAGE
	}));
}) satisfies PageServerLoad;
