// The browser reports what a person saw (a workshop's page, the workshops on a page of search results)
// for the cluster's numbers: POST /api/counts, fire and forget. From the page, not its load, so that a
// preloaded link or a cached page is counted as what it was.
export function reportSeen(what: 'view' | 'appearance', ids: readonly string[]): void {
	if (!ids.length || typeof navigator === 'undefined' || !navigator.sendBeacon) return;
	navigator.sendBeacon('/api/counts', JSON.stringify({ what, ids: ids.slice(0, 100) }));
}
