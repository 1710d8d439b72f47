// Notification mail from the outbox: the notifications trigger queues a row per notification that
// may be mailed; this worker sends each through the mail port (drainMail sends at most once).
import { drainTopics, startWorker, type DrainResult } from '../outbox';
import { drainMail, MAIL_TOPIC } from './notifications';
import type { MailPort } from './port';

/** Sends one batch of queued notification mails. */
export function drainMailOnce(mail: MailPort, { batch = 20, origin }: { batch?: number; origin?: string } = {}): Promise<DrainResult> {
	return drainTopics(
		[MAIL_TOPIC],
		async (tx, rows) => {
			for (const row of rows) await drainMail(tx, mail, row.key, { origin });
		},
		batch
	);
}

/** Keeps sending notification mail as it is queued (a failing mail server holds up nothing else). Returns stop(). */
export function startMailWorker(mail: MailPort, { origin, intervalMs }: { origin?: string; intervalMs?: number } = {}) {
	return startWorker('mail', (batch) => drainMailOnce(mail, { batch, origin }), { intervalMs, batch: 20 });
}
