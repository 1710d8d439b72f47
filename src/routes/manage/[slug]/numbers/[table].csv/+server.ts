// One table of the cluster's numbers as CSV (UTF-8 with a byte order mark for Korean Excel, text
// cells that a spreadsheet would run as a formula neutralised): /manage/[slug]/numbers/requests.csv?period=12m.
import { error } from '@sveltejs/kit';
import { isTableId, parsePeriod } from '$lib/domain/cluster-numbers';
import { t } from '$lib/i18n';
import * as numbers from '$lib/server/cluster-numbers';
import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import * as memberships from '$lib/server/memberships';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { user, claims } = requireRole({ locals, url }, ['manager', 'operator'], 'Cluster managers only');
	if (!isTableId(params.table)) error(404);
	const table = params.table;
	const period = parsePeriod(url.searchParams.get('period'));
	const cluster = await withUser(claims, (tx) => memberships.consoleCluster(tx, user, params.slug));
	if (!cluster) error(404);
	const body = numbers.csv(await numbers.dashboard(numbers.asUser(claims), cluster.id, period), table, (key) => t(key));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${params.slug}-${table}-${period}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
