// GET /api/search?q=…&<the /search page's parameters> → SearchResult as JSON.
// For scripts, the benchmark and instant-search widgets: the same parser as the page, and no database
// round trip except (at most once a minute) the cluster centres that `near=<slug>` needs.
// `suggest=1` adds suggestions when nothing is found (extra searches, only on empty results).
// At most SEARCH_API_PER_MINUTE requests per address and minute (600), counted in the process and
// shared through PostgreSQL once a second (throttle.sharedCounter): no round trip per search.
import { json } from '@sveltejs/kit';
import { config } from '$lib/server/config';
import { sql } from '$lib/server/db';
import { sharedCounter, type SharedCounter } from '$lib/server/throttle';
import { search } from '$lib/server/search';
import { parseSearchParams, toSearchQuery } from '$lib/search-params';
import { reference, resolveNear } from '$lib/server/search/reference';
import { suggest } from '$lib/server/search/suggest';
import type { RequestHandler } from './$types';

const headers = { 'cache-control': 'no-store' };

let counter: SharedCounter | undefined;

export const GET: RequestHandler = async ({ url, getClientAddress }) => {
	const perMinute = config().searchApiPerMinute;
	if (perMinute > 0) {
		counter ??= sharedCounter(sql, { hits: perMinute, windowSeconds: 60 });
		const verdict = counter.hit(`search:address:${getClientAddress()}`);
		if (!verdict.ok)
			return json({ error: 'rate_limited' }, { status: 429, headers: { ...headers, 'retry-after': String(verdict.retryAfterSeconds) } });
	}
	const params = parseSearchParams(url.searchParams);
	const wantsSuggestions = url.searchParams.get('suggest') === '1';
	const needsReference = params.near?.kind === 'cluster' || wantsSuggestions;
	const ref = needsReference ? await reference() : null;
	const query = toSearchQuery(params, resolveNear(params.near, ref?.clusters ?? []));
	try {
		const result = await search(query);
		if (wantsSuggestions && ref && result.total === 0) {
			return json({ ...result, suggestions: await suggest(params, query, ref, search) }, { headers });
		}
		return json(result, { headers });
	} catch (e) {
		console.error('search failed', e);
		return json({ error: 'search_unavailable' }, { status: 503, headers });
	}
};
