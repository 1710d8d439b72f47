// The role choice of an account made by Kakao sign-in (after the consent page, which the root layout
// shows first): craftsman or startup, and the name others see. Once chosen it is not asked again.
import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { getLocale } from '$lib/paraglide/runtime';
import { safePath } from '$lib/redirect';
import { chooseRole, needsRoleChoice } from '$lib/server/auth/role-choice';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as profiles from '$lib/server/profiles';
import type { Actions, PageServerLoad } from './$types';
import { roleSchema } from './schema';

export const load = (async (event) => {
	const { claims } = requireUser(event);
	const next = safePath(event.url.searchParams.get('next'), '/dashboard');
	if (!needsRoleChoice(claims)) redirect(303, next);
	// Kakao's nickname as a first guess at the name.
	const meta = claims.user_metadata ?? {};
	const nickname = [meta.name, meta.full_name, meta.user_name].find((v): v is string => typeof v === 'string') ?? '';
	const form = await superValidate({ role: 'craftsman' as const, display_name: nickname.slice(0, 80) }, zod4(roleSchema), {
		errors: false
	});
	return { form };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { claims } = requireUser(event);
		const next = safePath(event.url.searchParams.get('next'), '/dashboard');
		const form = await superValidate(event.request, zod4(roleSchema));
		if (!form.valid) return fail(400, { form });
		if (!needsRoleChoice(claims)) redirect(303, next);
		if (!(await chooseRole(claims.sub, form.data.role, form.data.display_name)))
			return setError(form, '', 'signin_role_err_locked', { status: 409 });
		// The role travels in the token too (as an email sign-up's does), so this page is not asked again.
		const saved = await event.locals.auth.chooseRole(form.data.role, form.data.display_name);
		if (!saved.ok) return setError(form, '', 'err_auth_unavailable', { status: 503 });
		// Mail goes out in the language they chose the role in.
		await withUser(claims, (tx) => profiles.setLocale(tx, claims.sub, getLocale()));
		redirect(303, next);
	}
} satisfies Actions;
