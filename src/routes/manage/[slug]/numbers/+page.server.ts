// The cluster's numbers for its managers (and the operator): members over time, applications,
// requests routed and what came of them, first responses, views and appearances, orders; the
// period comes from ?period= (30d, 12m, all), the page of the per-member table from ?page=, the
// page of the flags' changes from ?changes=.
import { error } from '@sveltejs/kit';
import { parsePeriod } from '$lib/domain/cluster-numbers';
import * as numbers from '$lib/server/cluster-numbers';
import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import * as memberships from '$lib/server/memberships';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const { user, claims } = requireRole({ locals, url }, ['manager', 'operator'], 'Cluster managers only');
	const period = parsePeriod(url.searchParams.get('period'));
	const pageOf = (name: string) => Math.max(1, Math.floor(Number(url.searchParams.get(name))) || 1);
	const page = pageOf('page');
	const changesPage = pageOf('changes');
	const cluster = await withUser(claims, (tx) => memberships.consoleCluster(tx, user, params.slug));
	if (!cluster) error(404);
	return {
		cluster: {
			slug: cluster.slug,
			name_ko: cluster.name_ko,
			name_en: cluster.name_en,
			approved: cluster.approved,
			pending: cluster.pending
		},
		period,
		page,
		changesPage,
		// The sections side by side, each in its own transaction as the manager (their functions check the cluster again).
		numbers: await numbers.dashboard(numbers.asUser(claims), cluster.id, period)
	};
}) satisfies PageServerLoad;
