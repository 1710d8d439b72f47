// Providers' events applied in batches (private.apply_payments): a webhook that arrives while
// `inFlight` batches are running waits for one of them to finish and goes with whatever else arrived
// meanwhile, in one statement (one transaction, one commit flush); one that arrives when the
// database is idle goes at once, alone. The database function applies each event as apply_payment
// would alone, in arrival order, so the outcomes are those of one by one. A batch that fails as a
// whole (an event no one foresaw raising an error) is applied again one event at a time, so a bad
// event fails alone; a lost connection fails the batch's webhooks with it (the providers retry on
// a 503).
import type { ApplyOutcome } from '../order-payments';
import type { PaymentEvent, ProviderKind } from './port';

export interface BatchResult {
	outcomes: ApplyOutcome[];
	/** Users whose bell counts changed; announced after the commit. */
	users: string[];
	/** Whether mail was queued (the mail worker is woken). */
	mail: boolean;
}

export interface BatchOptions {
	/** Batches running at once (each holds a database connection for its statement). */
	inFlight: number;
	/** Events in one batch at most. */
	maxSize: number;
	/** Applies events in one transaction (private.apply_payments). */
	applyMany: (provider: ProviderKind, events: PaymentEvent[]) => Promise<BatchResult>;
	/** Told of every result, as soon as its transaction committed. */
	committed?: (result: BatchResult) => void;
}

interface Waiting {
	event: PaymentEvent;
	resolve: (outcome: ApplyOutcome) => void;
	reject: (error: unknown) => void;
}

/** Connection-level failures: retrying alone would fail the same way. */
function lostConnection(e: unknown): boolean {
	const code = (e as { code?: unknown } | null)?.code;
	return typeof code === 'string' && (/^(08|53|57)/.test(code) || /^(E[A-Z]+|CONNECT_TIMEOUT|CONNECTION_\w+)$/.test(code));
}

export function batcher(options: BatchOptions) {
	const queues = new Map<ProviderKind, Waiting[]>();
	let running = 0;

	function pump(): void {
		for (const [provider, queue] of queues) {
			while (running < options.inFlight && queue.length > 0) {
				running += 1;
				void run(provider, queue.splice(0, options.maxSize)).finally(() => {
					running -= 1;
					pump();
				});
			}
		}
	}

	async function run(provider: ProviderKind, batch: Waiting[]): Promise<void> {
		try {
			const result = await options.applyMany(
				provider,
				batch.map((w) => w.event)
			);
			options.committed?.(result);
			batch.forEach((w, i) => w.resolve(result.outcomes[i]));
		} catch (e) {
			if (batch.length === 1 || lostConnection(e)) {
				for (const w of batch) w.reject(e);
				return;
			}
			// One by one: the events that can be applied are, and each failure is its own webhook's.
			for (const w of batch) {
				try {
					const result = await options.applyMany(provider, [w.event]);
					options.committed?.(result);
					w.resolve(result.outcomes[0]);
				} catch (error) {
					w.reject(error);
				}
			}
		}
	}

	return {
		/** Applies the event with the next batch; resolves once its transaction committed. */
		apply(provider: ProviderKind, event: PaymentEvent): Promise<ApplyOutcome> {
			return new Promise<ApplyOutcome>((resolve, reject) => {
				let queue = queues.get(provider);
				if (!queue) queues.set(provider, (queue = []));
				queue.push({ event, resolve, reject });
				pump();
			});
		}
	};
}
