// The embedded mail adapter's outbox as operators read it (public.dev_mailbox, which RLS opens to
// operators only), newest first, a page at a time.
import type { Tx } from '../db';

export interface Mail {
	id: string;
	to_email: string;
	subject: string;
	text: string;
	created_at: Date;
}

export const MAILBOX_PAGE_SIZE = 30;

/** One page (from 1) of mails, optionally to addresses containing `to`, with how many there are in all. */
export async function mailboxPage(
	tx: Tx,
	{ to, page, perPage = MAILBOX_PAGE_SIZE }: { to: string | null; page: number; perPage?: number }
): Promise<{ mails: Mail[]; total: number }> {
	const where = tx`where (${to}::text is null or to_email ilike '%' || ${to}::text || '%')`;
	const [{ total }] = await tx<{ total: number }[]>`select count(*)::int as total from public.dev_mailbox ${where}`;
	const mails = await tx<Mail[]>`
		select id::text, to_email, subject, text, created_at from public.dev_mailbox ${where}
		order by created_at desc, id desc limit ${perPage} offset ${(page - 1) * perPage}`;
	return { mails, total };
}
