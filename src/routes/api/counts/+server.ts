// POST /api/counts {what: 'view' | 'appearance', ids: [workshop ids]}: the browser says a workshop's
// page was seen or that workshops were shown in search results, for the cluster's numbers (daily
// counts, no visitor identity). Counted from the page itself, not from its load: a link preloaded on
// hover is not a visit, and a page served from the public page cache runs no load. Bots (no script,
// or a bot's user agent) are not counted; each address is throttled; answers 204 without a body.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { isBot } from '$lib/domain/cluster-numbers';
import * as clusterNumbers from '$lib/server/cluster-numbers';
import { sql } from '$lib/server/db';
import * as throttle from '$lib/server/throttle';
import type { RequestHandler } from './$types';

const body = z.object({ what: z.enum(['view', 'appearance']), ids: z.array(z.uuid()).min(1).max(100) });

export const POST: RequestHandler = async ({ request, locals, getClientAddress }) => {
	let parsed;
	try {
		parsed = body.safeParse(JSON.parse(await request.text()));
	} catch {
		return json({ error: 'bad_request' }, { status: 400 });
	}
	if (!parsed.success) return json({ error: 'bad_request' }, { status: 400 });
	if (isBot(request.headers.get('user-agent'))) return new Response(null, { status: 204 });
	const verdict = await throttle.hit(sql(), `counts:address:${getClientAddress()}`, throttle.LIMITS.countsAddress);
	if (!verdict.ok) return json({ error: 'rate_limited' }, { status: 429, headers: { 'retry-after': String(verdict.retryAfterSeconds) } });
	clusterNumbers.countLater(locals.claims, parsed.data.ids, parsed.data.what);
	return new Response(null, { status: 204 });
};
