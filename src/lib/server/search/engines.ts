// The search adapters: Meilisearch when configured (MEILI_URL), always the PostgreSQL engine as the
// fallback. ports.ts calls createSearchEngines once, like every other adapter.
import { toMeiliSynonyms } from '../../domain/glossary';
import type { AppConfig } from '../config';
import { poolWith, sql } from '../db';
import { loadGlossary } from './documents';
import { meilisearchEngine, type MeilisearchConfig } from './meilisearch';
import type { SearchEngine } from './port';
import { postgresEngine, SEARCH_SETTINGS } from './postgres';

export interface SearchEngines {
	/** Answers searches: Meilisearch when configured, else the PostgreSQL engine. */
	primary: SearchEngine;
	/** The PostgreSQL engine: always up to date, answers when the primary fails. */
	fallback: SearchEngine;
}

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

/** The engines for this configuration; process-wide, like the database pool (they hold no user data). */
export function createSearchEngines(config: AppConfig): SearchEngines {
	const fallback = postgresEngine(sql(), { reader: poolWith(sql(), SEARCH_SETTINGS) });
	const cfg = config.search;
	const primary = cfg.kind === 'meilisearch' ? meilisearchWithGlossary(cfg) : fallback;
	return { primary, fallback };
}
