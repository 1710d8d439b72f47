// SMTP mail adapter: nodemailer with the connection URL from SMTP_URL (smtp:// with STARTTLS when the
// server offers it, smtps:// for implicit TLS; credentials and options such as ?pool=true in the URL).
import nodemailer from 'nodemailer';
import { assertSendable, type MailPort } from './port';

export interface SmtpMail extends MailPort {
	/** Closes pooled connections (scripts and tests; the app keeps its transport for its lifetime). */
	close(): void;
}

export function smtpMail(cfg: { url: string; from: string }): SmtpMail {
	const transport = nodemailer.createTransport(cfg.url);
	return {
		kind: 'smtp',
		async send(msg) {
			assertSendable(msg);
			await transport.sendMail({ from: cfg.from, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html });
		},
		close: () => transport.close()
	};
}
