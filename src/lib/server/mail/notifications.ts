// Mail for notifications, as the outbox worker delivers it: the notifications trigger queues
// (topic 'mail.notification', key = notification id) in the same transaction as the change; the worker
// claims the row and calls drainMail, which sends once and records it (notifications.emailed_at), so a
// retried or duplicated outbox row never mails twice. A failed send throws: the worker retries later.
//
// db: the worker's transaction as service_role (asService), or the app's pool. The address comes from
// private.user_email, which only service_role (and the owner) may call.
import type postgres from 'postgres';
import { isMailAddress, type MailPort } from './port';
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
	// A malformed key can never succeed; answering 'missing' keeps the worker from retrying it forever.
	if (!UUID.test(notificationId)) return 'missing';
	const run = async (tx: postgres.TransactionSql): Promise<DrainOutcome> => {
		// The row lock makes a second drain of the same notification wait, then see emailed_at.
		const [n] = await tx<Row[]>`
			select n.id, n.kind, n.payload, n.emailed_at, private.user_email(n.user_id) as email,
			       coalesce(p.email, true) as wants_email, coalesce(u.locale, 'ko') as locale
			from public.notifications n
			left join public.notification_preferences p on p.user_id = n.user_id and p.kind = n.kind
			left join public.profiles u on u.id = n.user_id
			where n.id = ${notificationId}
			for update of n`;
		if (!n) return 'missing';
		if (n.emailed_at) return 'already-sent';
		// Checked again at sending time: the user may have turned this kind off since it was queued.
		if (!n.wants_email) return 'opted-out';
		if (!n.email || !isMailAddress(n.email)) return 'no-address';
		await mail.send({ to: n.email, ...renderNotificationMail(n, { ...opts, locale: n.locale }) });
		await tx`update public.notifications set emailed_at = now() where id = ${notificationId}`;
		return 'sent';
	};
	return 'savepoint' in db ? db.savepoint(run) : db.begin<DrainOutcome>(run);
}
