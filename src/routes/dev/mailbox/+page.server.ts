// The embedded mail adapter's outbox, for operators: what the app "sent" (public.dev_mailbox, which
// RLS opens to operators only). With SMTP configured, mail leaves instead and this page stays empty.
import { error, redirect } from '@sveltejs/kit';
import { withUser } from '$lib/server/db';
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
	if (!locals.user || !locals.claims) redirect(303, '/login?redirectTo=/dev/mailbox');
	if (locals.user.role !== 'operator') error(403, 'Operators only');
	const to = url.searchParams.get('to')?.trim().slice(0, 200) || null;
	const mails = await withUser(
		locals.claims,
		(tx) => tx<Mail[]>`
		select id::text, to_email, subject, text, created_at from public.dev_mailbox
		where (${to}::text is null or to_email ilike '%' || ${to}::text || '%')
		order by created_at desc, id desc limit 200`
	);
	return { mails, to, adapter: mail().kind };
}) satisfies PageServerLoad;
