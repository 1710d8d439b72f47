// Notification mail from the outbox: the notifications trigger queues a row per notification that
// may be mailed; this worker sends them through the mail port a batch at a time (drainMails sends each at most once).
import { drainTopics, startWorker, type DrainResult } from '../outbox';
import { drainMails, MAIL_TOPIC } from './notifications';
import type { MailPort } from './port';

/** Sends one batch of queued notification mails. */
export function drainMailOnce(mail: MailPort, { batch = 20, origin }: { batch?: number; origin?: string } = {}): Promise<DrainResult> {
	return drainTopics(
		[MAIL_TOPIC],
		async (tx, rows) => {
			await drainMails(
				tx,
				mail,
				rows.map((row) => row.key),
				{ origin }
			);
		},
		batch
	);
}

/**
 * Keeps sending notification mail as it is queued (a failing mail server holds up nothing else),
 * a quarter of a second after it is, so bursts go out in batches. Returns stop().
 */
export function startMailWorker(mail: MailPort, { origin, intervalMs }: { origin?: string; intervalMs?: number } = {}) {
	return startWorker('mail', [MAIL_TOPIC], (batch) => drainMailOnce(mail, { batch, origin }), { intervalMs, batch: 50, settleMs: 250 });
}
