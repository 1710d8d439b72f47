// The outbox worker: brings every search engine up to date with the changes the database triggers
// recorded (migration 20261127000300_search.sql). Claims rows with FOR UPDATE SKIP LOCKED, so several
// app instances can drain at once; a failure releases the claim and schedules a retry with backoff,
// so an unreachable Meilisearch loses nothing. Reprocessing a row is harmless (upserts and removals
// of whole documents).
import { asService, sql, type Tx } from '../db';
import { drainMail, MAIL_TOPIC } from '../mail/notifications';
import type { MailPort } from '../mail/port';
import { loadDocs } from './documents';
import type { SearchEngine } from './port';

/** The topics each drain claims: a failing mail server never holds up search, nor the reverse. */
const SEARCH_TOPICS = ['workshop.changed', 'search.synonyms'];

export interface DrainResult {
	/** Outbox rows this call claimed. */
	claimed: number;
	/** Of those, rows marked processed (all of them, or none when the batch failed). */
	processed: number;
	error?: Error;
}

const MAX_BACKOFF_SECONDS = 300;

interface OutboxRow {
	id: string;
	topic: string;
	key: string;
}

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

/** Claims due rows of the given topics, hands them to handle in the same transaction, marks them done. */
async function drainTopics(topics: string[], handle: (tx: Tx, rows: OutboxRow[]) => Promise<void>, batch: number): Promise<DrainResult> {
	let claimed: OutboxRow[] = [];
	try {
		// Service role: the worker must see suspended workshops and pending memberships to remove
		// them from search, and the outbox itself is closed to every other role.
		await asService(async (tx) => {
			claimed = await tx<OutboxRow[]>`
				select id, topic, key from public.outbox
				where processed_at is null and available_at <= now() and topic = any(${topics}::text[])
				order by id
				for update skip locked
				limit ${batch}`;
			if (claimed.length === 0) return;
			await handle(tx, claimed);
			await tx`update public.outbox set processed_at = now() where id = any(${claimed.map((r) => r.id)}::bigint[])`;
		});
		return { claimed: claimed.length, processed: claimed.length };
	} catch (e) {
		const error = e instanceof Error ? e : new Error(String(e));
		if (claimed.length === 0) return { claimed: 0, processed: 0, error };
		// The claim rolled back with the transaction; record the failure and try again later.
		await asService(
			(tx) => tx`
				update public.outbox
				set attempts = attempts + 1, last_error = ${error.message.slice(0, 2000)},
				    available_at = now() + make_interval(secs => least(${MAX_BACKOFF_SECONDS}, power(2, attempts)))
				where id = any(${claimed.map((r) => r.id)}::bigint[]) and processed_at is null`
		);
		return { claimed: claimed.length, processed: 0, error };
	}
}

/** Processes one batch of due search rows in every engine; never throws for an engine's failure. */
export function drainOnce(engines: readonly SearchEngine[], { batch = 100 }: { batch?: number } = {}): Promise<DrainResult> {
	return drainTopics(SEARCH_TOPICS, (tx, rows) => apply(tx, rows, engines), batch);
}

/** Sends one batch of queued notification mails (drainMail sends each at most once). */
export function drainMailOnce(mail: MailPort, { batch = 20, origin }: { batch?: number; origin?: string } = {}): Promise<DrainResult> {
	return drainTopics(
		[MAIL_TOPIC],
		async (tx, rows) => {
			for (const row of rows) await drainMail(tx, mail, row.key, { origin });
		},
		batch
	);
}

export interface WorkerOptions {
	/** How often to poll when no notification arrives. */
	intervalMs?: number;
	batch?: number;
	onError?: (error: Error) => void;
	/** Also deliver notification mail through this port. */
	mail?: { port: MailPort; origin?: string };
}

/**
 * Drains the outbox whenever a change commits (LISTEN outbox) and every intervalMs anyway (a missed
 * notification, a retry coming due, or a pooler that does not pass notifications on). Returns stop().
 */
export async function startWorker(engines: readonly SearchEngine[], opts: WorkerOptions = {}): Promise<() => Promise<void>> {
	const { intervalMs = 2_000, batch = 100 } = opts;
	const onError = opts.onError ?? ((e: Error) => console.error('[search] outbox:', e.message));
	let stopped = false;
	let running: Promise<void> | undefined;
	let again = false;
	let lastError: string | undefined;

	async function loop(): Promise<void> {
		do {
			again = false;
			const result = await drainOnce(engines, { batch }).catch((e: Error) => ({ claimed: 0, processed: 0, error: e }));
			// Log a failure once, not on every retry of the same outage.
			if (result.error && result.error.message !== lastError) onError(result.error);
			lastError = result.error?.message;
			if (result.processed === batch) again = true;
			if (opts.mail) {
				const sent = await drainMailOnce(opts.mail.port, { origin: opts.mail.origin }).catch((e: Error) => ({
					claimed: 0,
					processed: 0,
					error: e
				}));
				if (sent.error) onError(sent.error);
				if (sent.processed === 20) again = true;
			}
		} while (again && !stopped);
	}

	function tick(): void {
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		running = loop().finally(() => (running = undefined));
	}

	const timer = setInterval(tick, intervalMs);
	const listener = await sql()
		.listen('outbox', tick)
		.catch((e: Error) => {
			onError(new Error(`LISTEN outbox failed, polling only: ${e.message}`));
			return undefined;
		});
	tick();
	return async () => {
		stopped = true;
		clearInterval(timer);
		await listener?.unlisten();
		await running;
	};
}
