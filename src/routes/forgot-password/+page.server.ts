// Asking for a password reset link. The answer is the same whether or not the email has an account,
// so the form tells nobody who has one; the mail goes through the mail port in the asker's language.
import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { config } from '$lib/server/config';
import { sql } from '$lib/server/db';
import { mail } from '$lib/server/ports';
import * as throttle from '$lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';
import { forgotSchema } from './schema';
import { msg } from '$lib/msg';

export const load = (async ({ locals }) => {
	if (locals.user) redirect(303, '/dashboard');
	return { form: await superValidate(zod4(forgotSchema)) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
		const form = await superValidate(request, zod4(forgotSchema));
		if (!form.valid) return fail(400, { form });
		const verdicts = await Promise.all([
			throttle.hit(sql(), `reset:account:${form.data.email}`, throttle.LIMITS.resetMailAccount),
			throttle.hit(sql(), `reset:address:${getClientAddress()}`, throttle.LIMITS.resetMailAddress)
		]);
		const refused = verdicts.find((v) => !v.ok);
		if (refused && !refused.ok) {
			setError(form, '', msg('err_rate_limited'), { status: 429 });
			return fail(429, { form, retryMinutes: Math.ceil(refused.retryAfterSeconds / 60) });
		}
		const reset = await locals.auth.requestPasswordReset(form.data.email);
		if (reset) {
			const locale = getLocale();
			const link = new URL(`/reset-password?token=${encodeURIComponent(reset.token)}`, config().origin ?? url.origin).toString();
			await mail().send({
				to: reset.email,
				subject: m.reset_mail_subject({}, { locale }),
				text: m.reset_mail_body({ link }, { locale })
			});
		}
		return message(form, 'reset_request_sent');
	}
} satisfies Actions;
