// Search for the app: Meilisearch when configured (MEILI_URL), the PostgreSQL engine otherwise and
// whenever Meilisearch fails. Both are kept up to date from the outbox; the PostgreSQL engine always.
import { toMeiliSynonyms } from '../../domain/glossary';
import { config } from '../config';
import { asService, poolWith, sql } from '../db';
import { allSearchableIds, loadDocs, loadGlossary } from './documents';
import { meilisearchEngine, type MeilisearchConfig } from './meilisearch';
import { drainOnce, startSearchWorker } from './outbox';
import type { SearchEngine, SearchQuery, SearchResult } from './port';
import { postgresEngine, SEARCH_SETTINGS } from './postgres';

export interface SearchEngines {
	/** Answers searches: Meilisearch when configured, else the PostgreSQL engine. */
	primary: SearchEngine;
	/** The PostgreSQL engine: always up to date, answers when the primary fails. */
	fallback: SearchEngine;
}

// Process-wide, like the database pool: engines hold no user data.
let engines: SearchEngines | undefined;
let primaryFailing = false;

/**
 * Meilisearch with the live glossary as its synonyms setting. The glossary is read when the engine
 * prepares, which the outbox worker repeats whenever managers change it.
 */
function meilisearchWithGlossary(cfg: MeilisearchConfig): SearchEngine {
	let current: SearchEngine | undefined;
	const engine = async () => current ?? (await prepare(), current!);
	async function prepare(): Promise<void> {
		const glossary = await loadGlossary(sql());
		const next = meilisearchEngine(cfg, { synonyms: toMeiliSynonyms(glossary) });
		await next.prepare();
		current = next;
	}
	return {
		kind: 'meilisearch',
		prepare,
		upsert: async (docs) => (await engine()).upsert(docs),
		remove: async (ids) => (await engine()).remove(ids),
		clear: async () => (await engine()).clear(),
		search: async (query) => (await engine()).search(query)
	};
}

export function searchEngines(): SearchEngines {
	if (!engines) {
		const fallback = postgresEngine(sql(), { reader: poolWith(sql(), SEARCH_SETTINGS) });
		const cfg = config().search;
		const primary = cfg.kind === 'meilisearch' ? meilisearchWithGlossary(cfg) : fallback;
		engines = { primary, fallback };
	}
	return engines;
}

/** Replaces the engines (tests). */
export function useSearchEngines(next: SearchEngines | undefined): void {
	engines = next;
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
