// Setting a new password with the token from the reset mail. The token is checked when it is spent
// (single use, one hour); spending it ends every session of the account.
import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { resetSchema } from './schema';
import { msg } from '$lib/msg';

export const load = (async ({ url }) => {
	const form = await superValidate({ token: url.searchParams.get('token') ?? '', password: '' }, zod4(resetSchema), { errors: false });
	return { form };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(resetSchema));
		const { token, password } = form.data;
		// A password never travels back to the browser.
		form.data.password = '';
		if (!form.valid) return fail(400, { form });
		const result = await locals.auth.resetPassword(token, password);
		if (!result.ok) {
			if (result.error === 'weak_password') return setError(form, 'password', msg('err_password_weak'));
			if (result.error === 'invalid_token') return setError(form, '', msg('err_reset_token'));
			return setError(form, '', msg('err_auth_unavailable'), { status: 503 });
		}
		await locals.auth.signOut();
		redirect(303, '/login?reset=1');
	}
} satisfies Actions;
