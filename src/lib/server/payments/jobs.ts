// The payments worker: gives refunds back through their provider (outbox topic 'payment.refund',
// written when the operator resolves a dispute), and every minute confirms orders delivered seven
// days ago, sends reminders, asks providers about attempts left pending (missed webhooks), publishes
// blind reviews whose 14 days passed and recomputes the scorecards that changed.
import { asService, type Tx } from '../db';
import * as orderPayments from '../order-payments';
import * as reviews from '../reviews';
import { drainTopics, isShuttingDown, startWorker, type DrainResult, type OutboxRow } from '../outbox';
import type { Payments } from './index';

export const REFUND_TOPIC = 'payment.refund';

/** Key 'milestone:amount'. Card refunds go through the provider, idempotent by the outbox key; bank refunds are the operator's. */
async function refund(tx: Tx, payments: Payments, row: OutboxRow): Promise<void> {
	const [milestoneId, amount] = row.key.split(':');
	const [paid] = await tx<{ provider: 'bank_transfer' | 'stripe' | 'portone'; provider_ref: string | null }[]>`
		select provider, provider_ref from public.payments where milestone_id = ${milestoneId} and status in ('paid', 'refunded')
		order by updated_at limit 1`;
	if (!paid?.provider_ref) return;
	const provider = payments.get(paid.provider);
	if (!provider) throw new Error(`refund of milestone ${milestoneId}: provider ${paid.provider} is not configured`);
	const done = await provider.refund({ providerRef: paid.provider_ref, amountKrw: Number(amount), idempotencyKey: `refund-${row.key}` });
	if (done.ok) {
		await tx`update public.payments set refunded_krw = least(amount_krw, refunded_krw + ${Number(amount)}),
			status = case when refunded_krw + ${Number(amount)} >= amount_krw then 'refunded' else status end, updated_at = now()
			where provider = ${paid.provider} and provider_ref = ${paid.provider_ref}`;
	}
}

export function drainRefundsOnce(payments: Payments, batch = 20): Promise<DrainResult> {
	return drainTopics(
		[REFUND_TOPIC],
		async (tx, rows) => {
			for (const row of rows) await refund(tx, payments, row);
		},
		batch
	);
}

/** Automatic confirmation and reminders (each once; safe on several instances); `only` limits them to these orders (tests). */
export async function runTimers(at = new Date(), only: string[] | null = null): Promise<{ confirmed: number; reminded: number }> {
	const [row] = await asService(
		(tx) => tx<{ result: { confirmed: number; reminded: number } }[]>`select private.order_timers(${at}, ${only}::uuid[]) as result`
	);
	return row.result;
}

/** Starts the worker; returns stop(). */
export async function startPaymentsWorker(payments: Payments, { timerMs = 60_000 } = {}): Promise<() => Promise<void>> {
	const stopRefunds = await startWorker('payments', [REFUND_TOPIC], (batch) => drainRefundsOnce(payments, batch), { batch: 20 });
	let busy = false;
	const timer = setInterval(() => {
		if (busy || isShuttingDown()) return;
		busy = true;
		// Blind reviews published after 14 days and scorecards recomputed ride on the same minute.
		Promise.all([runTimers(), reviews.runTimers(), orderPayments.reconcilePending(payments.providers)])
			.catch((e: Error) => isShuttingDown() || console.error('[payments] timers:', e.message))
			.finally(() => (busy = false));
	}, timerMs);
	timer.unref();
	return async () => {
		clearInterval(timer);
		await stopRefunds();
	};
}
