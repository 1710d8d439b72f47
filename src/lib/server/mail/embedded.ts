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
		}
	};
}
