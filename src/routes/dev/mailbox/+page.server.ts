// The embedded mail adapter's outbox, for operators: what the app "sent" (public.dev_mailbox, which
// RLS opens to operators only). With SMTP configured, mail leaves instead and this page stays empty.

import { withUser } from '$lib/server/db';
import { requireRole } from '$lib/server/guards';
import { mail } from '$lib/server/ports';
import type { PageServerLoad } from './$types';

interface Mail {
	id: string;
	to_email: string;
	subject: string;
	text: string;
	created_at: Date;
}

export const load = (async ({ locals, url }) => {
	const { claims } = requireRole({ locals, url }, ['operator'], 'Operators only');
	const to = url.searchParams.get('to')?.trim().slice(0, 200) || null;
	const mails = await withUser(
		claims,
		(tx) => tx<Mail[]>`
		select id::text, to_email, subject, text, created_at from public.dev_mailbox
		where (${to}::text is null or to_email ilike '%' || ${to}::text || '%')
		order by created_at desc, id desc limit 200`
	);
	return { mails, to, adapter: mail().kind };
}) satisfies PageServerLoad;
