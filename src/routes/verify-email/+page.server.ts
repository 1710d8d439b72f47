// Confirming an email address. The link in the mail opens this page, and the person confirms with a
// button (a POST): mail scanners that open links do not spend the token, and a load never writes.
// The link works without being signed in (another device); signed in and unconfirmed, the page
// sends the mail again.
import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { sql } from '$lib/server/db';
import { sendConfirmation } from '$lib/server/email-confirmation';
import { requireUser } from '$lib/server/guards';
import * as throttle from '$lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';
import { confirmSchema, resendSchema } from './schema';
import { msg } from '$lib/msg';

export const load = (async ({ url, locals }) => {
	const token = url.searchParams.get('token') ?? '';
	return {
		confirmed: locals.user?.emailConfirmed ?? null,
		email: locals.user?.email ?? null,
		form: await superValidate({ token }, zod4(confirmSchema), { id: 'confirm', errors: false }),
		resendForm: await superValidate(zod4(resendSchema), { id: 'resend' })
	};
}) satisfies PageServerLoad;

export const actions = {
	confirm: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(confirmSchema), { id: 'confirm' });
		if (!form.valid) return fail(400, { form });
		const result = await locals.auth.confirmEmail(form.data.token);
		if (!result.ok) return setError(form, '', result.error === 'invalid_token' ? 'verify_invalid' : msg('err_unavailable'));
		return message(form, 'verify_done');
	},

	resend: async (event) => {
		const { user } = requireUser(event);
		const form = await superValidate(event.request, zod4(resendSchema), { id: 'resend' });
		const verdict = await throttle.hit(sql(), `confirm:account:${user.id}`, throttle.LIMITS.confirmMailAccount);
		if (!verdict.ok) {
			setError(form, '', msg('err_rate_limited'), { status: 429 });
			return fail(429, { form, retryMinutes: Math.ceil(verdict.retryAfterSeconds / 60) });
		}
		const sent = await sendConfirmation(event.locals.auth, event.url);
		return message(form, sent ? 'verify_sent' : 'verify_nothing_to_send');
	}
} satisfies Actions;
