// Mail for notifications, as the outbox worker delivers it: the notifications trigger queues
// (topic 'mail.notification', key = notification id) in the same transaction as the change; the worker
// claims the row and calls drainMail, which sends once and records it (notifications.emailed_at), so a
// retried or duplicated outbox row never mails twice. A failed send throws: the worker retries later.
//
// db: the worker's transaction as service_role (asService), or the app's pool. The address comes from
// private.user_email, which only service_role (and the owner) may call.
import type postgres from 'postgres';
import { isMailAddress, type MailMessage, type MailPort } from './port';
import { renderNotificationMail, type NotificationKind, type NotificationPayload } from './templates';

export const MAIL_TOPIC = 'mail.notification';

export type DrainOutcome = 'sent' | 'already-sent' | 'opted-out' | 'no-address' | 'missing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
	id: string;
	kind: NotificationKind;
	payload: NotificationPayload;
	emailed_at: Date | null;
	email: string | null;
	wants_email: boolean;
	locale: 'ko' | 'en';
}

export async function drainMail(
	db: postgres.Sql | postgres.TransactionSql,
	mail: MailPort,
	notificationId: string,
	opts: { origin?: string } = {}
): Promise<DrainOutcome> {
	return (await drainMails(db, mail, [notificationId], opts)).get(notificationId) ?? 'missing';
}

/**
 * drainMail for a batch: one query reads (and locks) every notification, each is sent, one update
 * records the sent ones — two round trips for the batch instead of several per mail, which matters
 * when a burst of payments or announcements queues thousands.
 */
export async function drainMails(
	db: postgres.Sql | postgres.TransactionSql,
	mail: MailPort,
	notificationIds: readonly string[],
	opts: { origin?: string } = {}
): Promise<Map<string, DrainOutcome>> {
	const outcomes = new Map<string, DrainOutcome>();
	// A malformed key can never succeed; answering 'missing' keeps the worker from retrying it forever.
	const ids = [...new Set(notificationIds)].filter((id) => UUID.test(id));
	for (const id of notificationIds) outcomes.set(id, 'missing');
	if (ids.length === 0) return outcomes;
	const run = async (tx: postgres.TransactionSql) => {
		// The row locks make a second drain of the same notifications wait, then see emailed_at.
		const rows = await tx<Row[]>`
			select n.id, n.kind, n.payload, n.emailed_at, private.user_email(n.user_id) as email,
			       coalesce(p.email, true) as wants_email, coalesce(u.locale, 'ko') as locale
			from public.notifications n
			left join public.notification_preferences p on p.user_id = n.user_id and p.kind = n.kind
			left join public.profiles u on u.id = n.user_id
			where n.id = any(${ids}::uuid[])
			order by n.id
			for update of n`;
		const sent: string[] = [];
		const messages: MailMessage[] = [];
		for (const n of rows) {
			if (n.emailed_at) outcomes.set(n.id, 'already-sent');
			// Checked again at sending time: the user may have turned this kind off since it was queued.
			else if (!n.wants_email) outcomes.set(n.id, 'opted-out');
			else if (!n.email || !isMailAddress(n.email)) outcomes.set(n.id, 'no-address');
			else {
				messages.push({ to: n.email, ...renderNotificationMail(n, { ...opts, locale: n.locale }) });
				sent.push(n.id);
			}
		}
		if (mail.sendMany && messages.length > 1) await mail.sendMany(messages);
		else for (const message of messages) await mail.send(message);
		for (const id of sent) outcomes.set(id, 'sent');
		if (sent.length) await tx`update public.notifications set emailed_at = now() where id = any(${sent}::uuid[])`;
	};
	await ('savepoint' in db ? db.savepoint(run) : db.begin(run));
	return outcomes;
}
