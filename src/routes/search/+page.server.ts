import { redirect } from '@sveltejs/kit';
import { districtName } from '$lib/domain/place-names';
import { getLocale } from '$lib/paraglide/runtime';
import * as companies from '$lib/server/companies';
import { withUser } from '$lib/server/db';
import { search } from '$lib/server/search';
import type { SearchResult } from '$lib/server/search/port';
import { cards } from './cards';
import { PER_PAGE, parseSearchParams, searchHref, toSearchQuery, type SearchParams } from '$lib/search-params';
import { reference, resolveNear } from '$lib/server/search/reference';
import { suggest, type Suggestions } from '$lib/server/search/suggest';
import { nearestCraftClusters } from '$lib/search-places';
import type { PageServerLoad } from './$types';
import { snippet } from './snippet';

/**
 * The English names of the districts the page shows (hits, the district facet, chosen districts),
 * romanised here so that the browser need not load the romanisation tables; none in Korean.
 */
function districtNames(params: SearchParams, result: SearchResult | null): Record<string, string> {
	if (getLocale() !== 'en') return {};
	const names = new Set([
		...params.district,
		...(result?.hits.map((h) => h.doc.district_ko) ?? []),
		...(result?.facets.district_ko?.map((f) => f.value) ?? [])
	]);
	return Object.fromEntries([...names].map((name) => [name, districtName(name, 'en')]));
}

export const load = (async ({ locals, url }) => {
	const params = parseSearchParams(url.searchParams);
	const ref = await reference();

	// A startup measures distances from its own cluster unless it chose another place (or none).
	const user = locals.user;
	const defaultNear = user?.role === 'startup' ? await withUser(locals.claims, (tx) => companies.startupClusterSlugOf(tx, user.id)) : null;
	if (params.near === undefined && defaultNear) params.near = { kind: 'cluster', slug: defaultNear };
	// "No place" (the form's empty choice) only needs to stay in the URL when it overrides that default.
	if (params.near === null && !defaultNear) params.near = undefined;
	const from = resolveNear(params.near, ref.clusters);
	const query = toSearchQuery(params, from);

	let result: SearchResult | null = null;
	let suggestions: Suggestions | null = null;
	try {
		result = await search(query);
		// Cards show an excerpt around the first match: cut here, so the browser gets (and loads the code
		// for) only the excerpt.
		result = {
			...result,
			hits: result.hits.map((h) => ({ ...h, highlight: { ...h.highlight, description: snippet(h.highlight.description) } }))
		};
		if (result.total === 0) suggestions = await suggest(params, query, ref, search);
	} catch (e) {
		// The page still renders (and keeps the results it showed) with a message instead of an error page.
		console.error('search failed', e);
	}

	const pages = result ? Math.ceil(result.total / PER_PAGE) : 0;
	if (pages > 0 && params.page > pages) redirect(307, searchHref(params, { page: pages }));

	return {
		params,
		defaultNear,
		from,
		result: result && cards(result, getLocale()),
		failed: result === null,
		suggestions,
		// Where to look instead when nothing matched (worked out here: the browser need not load the geometry).
		nearby: result?.total === 0 ? nearestCraftClusters(ref.clusters, from) : [],
		clusters: ref.clusters,
		trades: ref.trades,
		districts: districtNames(params, result)
	};
}) satisfies PageServerLoad;
