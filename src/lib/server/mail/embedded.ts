// Embedded mail adapter: "sends" by writing to public.dev_mailbox, which operators read on the dev
// mailbox page. Writes through the app's pool (the table owner), outside any user's transaction, so a
// mail once sent stays sent whatever the caller's transaction does, as with SMTP.
import type { Sql } from 'postgres';
import { sql as pool } from '../db';
import { assertSendable, type MailPort } from './port';

export function embeddedMail(db: () => Sql = pool): MailPort {
	return {
		kind: 'embedded',
		async send(msg) {
			assertSendable(msg);
			await db()`insert into public.dev_mailbox (to_email, subject, text, html)
				values (${msg.to}, ${msg.subject}, ${msg.text}, ${msg.html ?? null})`;
		},
		// One statement for the batch: a burst of notifications is one round trip, not one per mail.
		async sendMany(msgs) {
			msgs.forEach(assertSendable);
			if (msgs.length === 0) return;
			const rows = msgs.map((m) => ({ to_email: m.to, subject: m.subject, text: m.text, html: m.html ?? null }));
			await db()`insert into public.dev_mailbox ${db()(rows, 'to_email', 'subject', 'text', 'html')}`;
		}
	};
}
