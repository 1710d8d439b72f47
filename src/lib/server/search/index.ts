// Search for the app: Meilisearch when configured (MEILI_URL), the PostgreSQL engine otherwise and
// whenever Meilisearch fails. Both are kept up to date from the outbox; the PostgreSQL engine always.
import { asService } from '../db';
import * as ports from '../ports';
import { allSearchableIds, loadDocs } from './documents';
import type { SearchEngines } from './engines';
import { drainOnce, startSearchWorker } from './outbox';
import type { SearchEngine, SearchQuery, SearchResult } from './port';

export type { SearchEngines };

let primaryFailing = false;

/** The engines ports.ts picked from the config. */
export function searchEngines(): SearchEngines {
	return ports.searchEngines();
}

/** Replaces the engines (tests). */
export function useSearchEngines(next: SearchEngines | undefined): void {
	ports.useSearchEngines(next);
	primaryFailing = false;
}

/** Every engine once: the fallback first, so it is up to date even when the primary fails. */
function allEngines(): SearchEngine[] {
	const { primary, fallback } = searchEngines();
	return primary === fallback ? [fallback] : [fallback, primary];
}

/** Searches the primary engine; on any error answers from PostgreSQL (result.engine says which). */
export async function search(query: SearchQuery): Promise<SearchResult> {
	const { primary, fallback } = searchEngines();
	if (primary === fallback) return fallback.search(query);
	try {
		const result = await primary.search(query);
		if (primaryFailing) console.info('[search] %s answers again', primary.kind);
		primaryFailing = false;
		return result;
	} catch (e) {
		// Once per outage, not once per search.
		if (!primaryFailing) console.warn('[search] %s failed, answering from PostgreSQL: %s', primary.kind, (e as Error).message);
		primaryFailing = true;
		return fallback.search(query);
	}
}

/** Rebuilds every engine's index from the tables, in batches. Returns how many workshops it indexed. */
export async function reindex({ batch = 1000, log = (_: string) => {} } = {}): Promise<number> {
	const list = allEngines();
	for (const engine of list) {
		await engine.prepare();
		await engine.clear();
	}
	// Service role: the whole table, whatever any user may see.
	const ids = await asService((tx) => allSearchableIds(tx));
	for (let i = 0; i < ids.length; i += batch) {
		const { docs } = await asService((tx) => loadDocs(tx, ids.slice(i, i + batch)));
		for (const engine of list) await engine.upsert(docs);
		log(`${Math.min(i + batch, ids.length)} / ${ids.length}`);
	}
	return ids.length;
}

/**
 * Starts keeping search up to date: prepares the engines, drains what the outbox holds, then listens
 * for changes. Meilisearch being down does not stop the app: its rows wait in the outbox.
 */
export async function startSearchSync({ intervalMs = 2_000 }: { intervalMs?: number } = {}): Promise<() => Promise<void>> {
	const list = allEngines();
	for (const engine of list) {
		await engine.prepare().catch((e: Error) => console.warn('[search] %s could not prepare: %s', engine.kind, e.message));
	}
	for (let round = 0; round < 1_000; round++) {
		const result = await drainOnce(list);
		if (result.error) console.warn('[search] outbox: %s', result.error.message);
		if (result.processed === 0) break;
	}
	return startSearchWorker(list, { intervalMs });
}
