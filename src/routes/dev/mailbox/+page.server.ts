// The embedded mail adapter's outbox, for operators: what the app "sent", a page at a time. With
// SMTP configured, mail leaves instead and this page stays empty.
import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import { MAILBOX_PAGE_SIZE, mailboxPage } from '$lib/server/mail/mailbox';
import { mail } from '$lib/server/ports';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const { claims } = requireRole({ locals, url }, ['operator'], 'Operators only');
	const to = url.searchParams.get('to')?.trim().slice(0, 200) || null;
	const asked = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const page = Number.isFinite(asked) && asked >= 1 ? Math.min(asked, 10_000) : 1;
	const { mails, total } = await withUser(claims, (tx) => mailboxPage(tx, { to, page }));
	return { mails, total, to, page, pages: Math.max(1, Math.ceil(total / MAILBOX_PAGE_SIZE)), adapter: mail().kind };
}) satisfies PageServerLoad;
