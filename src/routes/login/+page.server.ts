import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';
import { redirectTarget, signInSchema } from './schema';

export const load = (async ({ locals, url }) => {
	const to = redirectTarget.parse(url.searchParams.get('redirectTo') ?? '/dashboard');
	if (locals.user) redirect(303, to);
	return { form: await superValidate(zod4(signInSchema)), redirectTo: to };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals, url }) => {
		const form = await superValidate(request, zod4(signInSchema));
		const { email, password } = form.data;
		// A password never travels back to the browser.
		form.data.password = '';
		if (!form.valid) return fail(400, { form });
		const result = await locals.auth.signIn({ email, password });
		if (!result.ok) {
			if (result.error === 'invalid_credentials') return setError(form, '', 'err_invalid_credentials', { status: 400 });
			return setError(form, '', result.error === 'rate_limited' ? 'err_rate_limited' : 'err_auth_unavailable', { status: 503 });
		}
		redirect(303, redirectTarget.parse(url.searchParams.get('redirectTo') ?? '/dashboard'));
	}
} satisfies Actions;
