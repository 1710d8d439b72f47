// Mail port: one message to one recipient. Adapters: SMTP through nodemailer (SMTP_URL), and the
// embedded default that keeps mail in the dev_mailbox table for the dev mailbox page. Mail for
// notifications is never sent inline: it goes through the outbox (see notifications.ts).

export interface MailMessage {
	/** One address, `name@example.com`. */
	to: string;
	subject: string;
	text: string;
	html?: string;
}

export interface MailPort {
	readonly kind: 'embedded' | 'smtp';
	/** Resolves once the message is accepted for delivery; rejects otherwise (the caller retries). */
	send(msg: MailMessage): Promise<void>;
	/**
	 * Several messages at once, all accepted or none (the outbox worker's batch), where the adapter can
	 * do that in one go; otherwise the caller sends them one by one.
	 */
	sendMany?(msgs: readonly MailMessage[]): Promise<void>;
}

// One plain address: no display name, no list, nothing that could end a header line.
const ADDRESS = /^[^\s@<>,;"()\\]+@[^\s@<>,;"()\\]+\.[^\s@<>,;"()\\]+$/;

export function isMailAddress(s: string): boolean {
	return ADDRESS.test(s) && s.length <= 254;
}

/** Refuses a message before it reaches any adapter: a line break in a header would forge headers. */
export function assertSendable(msg: MailMessage): void {
	if (!isMailAddress(msg.to)) throw new Error(`invalid recipient: ${JSON.stringify(msg.to)}`);
	if (/[\r\n]/.test(msg.subject) || msg.subject.trim() === '' || msg.subject.length > 400) {
		throw new Error('invalid subject: one non-empty line of at most 400 characters');
	}
	if (msg.text.trim() === '') throw new Error('invalid message: the text is empty');
}
