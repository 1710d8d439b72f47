// GET /api/search?q=…&<the /search page's parameters> → SearchResult as JSON.
// For scripts, the benchmark and instant-search widgets: the same parser as the page, and no database
// round trip except (at most once a minute) the cluster centres that `near=<slug>` needs.
// `suggest=1` adds suggestions when nothing is found (extra searches, only on empty results).
import { json } from '@sveltejs/kit';
import { search } from '$lib/server/search';
import { parseSearchParams, toSearchQuery } from '$lib/search-params';
import { reference, resolveNear } from '$lib/server/search/reference';
import { suggest } from '$lib/server/search/suggest';
import type { RequestHandler } from './$types';

const headers = { 'cache-control': 'no-store' };

export const GET: RequestHandler = async ({ url }) => {
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
