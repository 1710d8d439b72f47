// Picks the mail adapter the configuration asks for.
import type { AppConfig } from '../config';
import { embeddedMail } from './embedded';
import type { MailPort } from './port';
import { smtpMail } from './smtp';

export type { MailMessage, MailPort } from './port';
export { drainMail, MAIL_TOPIC } from './notifications';

export function createMail(cfg: AppConfig): MailPort {
	const m = cfg.mail;
	return m.kind === 'smtp' ? smtpMail(m) : embeddedMail();
}
