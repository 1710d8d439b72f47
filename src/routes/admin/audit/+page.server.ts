// The whole audit trail for the operator, newest first; ?cluster= narrows it to one cluster.
import { z } from 'zod';
import { withUser } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import * as clusterAdmin from '$lib/server/cluster-admin';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { claims } = requireRole(event, ['operator'], 'Operator only');
	const cluster = z.uuid().safeParse(event.url.searchParams.get('cluster'));
	const before = z.string().regex(/^\d+$/).safeParse(event.url.searchParams.get('before'));
	return withUser(claims, async (tx) => {
		const entries = await audit.list(tx, {
			clusterId: cluster.success ? cluster.data : undefined,
			beforeId: before.success ? before.data : undefined,
			limit: 100
		});
		return {
			clusters: (await clusterAdmin.listAll(tx)).map((c) => ({ id: c.id, name_ko: c.name_ko, name_en: c.name_en })),
			clusterId: cluster.success ? cluster.data : '',
			entries,
			next: entries.length === 100 ? entries[entries.length - 1].id : null
		};
	});
}) satisfies PageServerLoad;
