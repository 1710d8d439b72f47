import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime';
import { LEGAL_VERSION } from '$lib/legal/documents';
import { normalizeClaimCode } from '$lib/domain/roster';
import * as consents from '$lib/server/consents';
import { sendConfirmation } from '$lib/server/email-confirmation';
import { sql, withUser } from '$lib/server/db';
import * as ports from '$lib/server/ports';
import * as throttle from '$lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';
import { signUpSchema } from './schema';

/** ?claim=CODE: signing up to claim an imported listing; afterwards the claim page takes over. */
const claimCode = (url: URL) => {
	const code = normalizeClaimCode(url.searchParams.get('claim') ?? '');
	return /^[A-Z0-9]{8}$/.test(code) ? code : null;
};
const afterSignUp = (url: URL) => {
	const claim = claimCode(url);
	return claim ? `/claim?code=${claim}` : '/dashboard';
};

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, afterSignUp(url));
	const role = url.searchParams.get('role');
	const form = await superValidate(zod4(signUpSchema), {
		defaults: {
			email: '',
			password: '',
			display_name: '',
			role: role === 'startup' ? 'startup' : 'craftsman',
			terms: false,
			privacy: false,
			marketing: false
		}
	});
	return { form, claim: claimCode(url), kakao: ports.auth().providers.includes('kakao'), next: afterSignUp(url) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, getClientAddress, url }) => {
		const form = await superValidate(request, zod4(signUpSchema));
		if (!form.valid) return fail(400, { form: { ...form, data: { ...form.data, password: '' } } });
		const address = await throttle.hit(sql(), `signup:address:${getClientAddress()}`, throttle.LIMITS.signUpAddress);
		if (!address.ok) {
			form.data.password = '';
			setError(form, '', 'err_rate_limited', { status: 429 });
			return fail(429, { form, retryMinutes: Math.ceil(address.retryAfterSeconds / 60) });
		}
		const result = await locals.auth.signUp({
			email: form.data.email,
			password: form.data.password,
			role: form.data.role,
			displayName: form.data.display_name,
			// The language of the page they signed up on (Paraglide's cookie, else the browser's).
			locale: getLocale()
		});
		form.data.password = '';
		if (!result.ok) {
			if (result.error === 'email_taken') return setError(form, 'email', 'err_email_taken');
			if (result.error === 'weak_password') return setError(form, 'password', 'err_password_weak');
			return setError(form, '', result.error === 'rate_limited' ? 'err_rate_limited' : 'err_auth_unavailable', { status: 503 });
		}
		if (!result.claims) return { form, confirmationSent: true };
		const claims = result.claims;
		await withUser(claims, (tx) =>
			consents.record(tx, claims.sub, ['terms', 'privacy', ...(form.data.marketing ? (['marketing'] as const) : [])], LEGAL_VERSION)
		);
		// The account works at once; publishing and quoting wait for the confirmed address.
		await sendConfirmation(locals.auth, url);
		redirect(303, afterSignUp(url));
	}
} satisfies Actions;
