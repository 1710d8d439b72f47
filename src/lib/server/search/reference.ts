// What the search page needs besides the engine: cluster names and centres (facet labels, the places
// to measure distance from) and trade names. Both change rarely and are public to everyone.
import * as clusters from '$lib/server/clusters';
import { withUser } from '$lib/server/db';
import * as trades from '$lib/server/trades';
import type { Near } from '$lib/search-params';
import type { Place, TradeName } from '$lib/search-places';

export interface Reference {
	clusters: Place[];
	trades: TradeName[];
	/** Words of the live trade glossary (terms and synonyms), for did-you-mean. */
	glossaryWords: string[];
}

const TTL_MS = 60_000;

// Module-scope cache, on purpose: it holds only what an anonymous visitor may read (it is loaded as
// anon), identical for every user, so nothing leaks between users. It keeps the JSON endpoint at one
// database round trip a minute for `near=<slug>` instead of one per keystroke.
let cached: { until: number; value: Promise<Reference> } | undefined;

async function load(): Promise<Reference> {
	return withUser(null, async (tx) => ({
		clusters: await clusters.places(tx),
		trades: await trades.names(tx),
		glossaryWords: await trades.glossaryWords(tx)
	}));
}

export function reference(now = Date.now()): Promise<Reference> {
	if (!cached || cached.until < now) {
		const value = load();
		cached = { until: now + TTL_MS, value };
		// A failed load is not remembered: the next request tries again.
		value.catch(() => {
			if (cached?.value === value) cached = undefined;
		});
	}
	return cached.value;
}

/** The point a place stands for: a cluster's centre, or the point itself; null when unknown. */
export function resolveNear(near: Near | null | undefined, clusters: Place[]): { lat: number; lng: number } | null {
	if (!near) return null;
	if (near.kind === 'point') return { lat: near.lat, lng: near.lng };
	const cluster = clusters.find((c) => c.slug === near.slug);
	return cluster ? { lat: cluster.lat, lng: cluster.lng } : null;
}
