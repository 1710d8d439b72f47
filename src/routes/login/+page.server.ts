import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { sql } from '$lib/server/db';
import * as ports from '$lib/server/ports';
import * as throttle from '$lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';
import { redirectTarget, signInSchema } from './schema';

export const load = (async ({ locals, url }) => {
	const to = redirectTarget.parse(url.searchParams.get('redirectTo') ?? '/dashboard');
	if (locals.user) redirect(303, to);
	// Back from Kakao or a mail link that did not work (/auth/callback): which message to show.
	const error = ['cancelled', 'failed', 'link', 'unavailable'].find((e) => e === url.searchParams.get('error')) ?? null;
	return {
		form: await superValidate(zod4(signInSchema)),
		redirectTo: to,
		reset: url.searchParams.has('reset'),
		kakao: ports.auth().providers.includes('kakao'),
		providerError: error as 'cancelled' | 'failed' | 'link' | 'unavailable' | null
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url, getClientAddress }) => {
		const form = await superValidate(request, zod4(signInSchema));
		const { email, password } = form.data;
		// A password never travels back to the browser.
		form.data.password = '';
		if (!form.valid) return fail(400, { form });
		// Too many wrong passwords for this account, or attempts from this address: refused before the
		// password is even checked, so guessing on cannot find the right one.
		const accountKey = `signin:account:${email}`;
		const addressKey = `signin:address:${getClientAddress()}`;
		const [account, address] = await Promise.all([
			throttle.check(sql(), accountKey, throttle.LIMITS.signInAccount),
			throttle.check(sql(), addressKey, throttle.LIMITS.signInAddress)
		]);
		const refused = [account, address].find((v) => !v.ok);
		if (refused && !refused.ok) {
			setError(form, '', 'err_rate_limited', { status: 429 });
			return fail(429, { form, retryMinutes: Math.ceil(refused.retryAfterSeconds / 60) });
		}
		const result = await locals.auth.signIn({ email, password });
		if (result.ok) await throttle.clear(sql(), accountKey);
		if (!result.ok) {
			if (result.error === 'invalid_credentials') {
				await Promise.all([
					throttle.hit(sql(), accountKey, throttle.LIMITS.signInAccount),
					throttle.hit(sql(), addressKey, throttle.LIMITS.signInAddress)
				]);
				return setError(form, '', 'err_invalid_credentials', { status: 400 });
			}
			if (result.error === 'suspended') return setError(form, '', 'console_err_suspended', { status: 403 });
			return setError(form, '', result.error === 'rate_limited' ? 'err_rate_limited' : 'err_auth_unavailable', { status: 503 });
		}
		redirect(303, redirectTarget.parse(url.searchParams.get('redirectTo') ?? '/dashboard'));
	}
} satisfies Actions;
