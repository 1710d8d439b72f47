// Search's share of the outbox: brings every search engine up to date with the changes the database
// triggers recorded (migration 20261127000300_search.sql). Reprocessing a row is harmless (upserts
// and removals of whole documents). Claiming, retries and the worker loop are in ../outbox.ts.
import type { Tx } from '../db';
import { drainTopics, startWorker, type DrainResult, type OutboxRow, type WorkerOptions } from '../outbox';
import { loadDocs } from './documents';
import type { SearchEngine } from './port';

export type { DrainResult };

/** The topics search claims: a failing mail server never holds up search, nor the reverse. */
const SEARCH_TOPICS = ['workshop.changed', 'search.synonyms'];

async function apply(tx: Tx, rows: OutboxRow[], engines: readonly SearchEngine[]): Promise<void> {
	if (rows.some((r) => r.topic === 'search.synonyms')) {
		// Engines read the glossary when they prepare (Meilisearch: its synonyms setting).
		for (const engine of engines) await engine.prepare();
	}
	const ids = [...new Set(rows.filter((r) => r.topic === 'workshop.changed').map((r) => r.key))].sort();
	if (ids.length === 0) return;
	// Another worker may hold an older row for the same workshop; waiting for it (in one order, so no
	// deadlock) means this worker reads the data after that one wrote, and its write is the last.
	await tx`select count(pg_advisory_xact_lock(hashtext('search:' || k))) from (select unnest(${ids}::text[]) as k order by 1) s`;
	const { docs, removed } = await loadDocs(tx, ids);
	for (const engine of engines) {
		await engine.upsert(docs);
		await engine.remove(removed);
	}
}

/** Processes one batch of due search rows in every engine; never throws for an engine's failure. */
export function drainOnce(engines: readonly SearchEngine[], { batch = 100 }: { batch?: number } = {}): Promise<DrainResult> {
	return drainTopics(SEARCH_TOPICS, (tx, rows) => apply(tx, rows, engines), batch);
}

/** Keeps every engine up to date as changes commit. Returns stop(). */
export function startSearchWorker(engines: readonly SearchEngine[], opts: WorkerOptions = {}) {
	return startWorker('search', SEARCH_TOPICS, (batch) => drainOnce(engines, { batch }), opts);
}
