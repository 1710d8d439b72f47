import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { thresholdProgress } from '$lib/domain/clusters';
import { withUser } from '$lib/server/db';
import * as clusters from '$lib/server/clusters';
import * as support from '$lib/server/support';
import type { PageServerLoad } from './$types';

const MEMBERS_PER_PAGE = 24;
const PARTNERS_SHOWN = 5;

// A missing or malformed ?page is page 1; a page past the end is redirected to the last one.
const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

export const load = (async ({ locals, params, url }) => {
	const page = pageParam.parse(url.searchParams.get('page') ?? undefined);
	const data = await withUser(locals.claims, async (tx) => {
		const cluster = await clusters.getBySlug(tx, params.slug);
		if (!cluster) return null;
		if (cluster.kind === 'startup') {
			return {
				kind: 'startup' as const,
				cluster,
				companies: await clusters.companiesIn(tx, cluster.id),
				partners: await clusters.partners(tx, cluster, PARTNERS_SHOWN)
			};
		}
		const pages = Math.max(1, Math.ceil(cluster.member_count / MEMBERS_PER_PAGE));
		if (page > pages) return { kind: 'redirect' as const, page: pages };
		return {
			kind: 'craft' as const,
			cluster,
			centers: await support.centersOfCluster(tx, cluster.id),
			progress: thresholdProgress(cluster.craftsman_count, cluster.district_kind),
			members: await clusters.members(tx, cluster.id, {
				limit: MEMBERS_PER_PAGE,
				offset: (page - 1) * MEMBERS_PER_PAGE
			}),
			pagination: { page, pages },
			partners: await clusters.partners(tx, cluster, PARTNERS_SHOWN)
		};
	});
	if (!data) error(404, 'Not found');
	if (data.kind === 'redirect') {
		redirect(307, data.page > 1 ? `/clusters/${params.slug}?page=${data.page}` : `/clusters/${params.slug}`);
	}
	return data;
}) satisfies PageServerLoad;
