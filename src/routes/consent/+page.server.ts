// A new version of the terms of service and the privacy policy asks everyone again, at their next page
// after signing in (the root layout sends them here): the version and date, what they agree to, and
// the way out (signing out, or deleting the account from the account page). Recorded per version.
import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { LEGAL_VERSION } from '$lib/legal/documents';
import { safePath } from '$lib/redirect';
import * as consents from '$lib/server/consents';
import { withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';
import { consentSchema } from './schema';

export const load = (async (event) => {
	const { user } = requireUser(event);
	const to = safePath(event.url.searchParams.get('redirectTo'), '/dashboard');
	if ((user.termsVersion ?? '') >= LEGAL_VERSION) redirect(303, to);
	return {
		version: LEGAL_VERSION,
		// Someone who agreed to an earlier version is told what changed; a first consent is just asked.
		previous: user.termsVersion,
		form: await superValidate(zod4(consentSchema))
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(consentSchema));
		if (!form.valid) return fail(400, { form });
		const documents = ['terms', 'privacy', ...(form.data.marketing ? (['marketing'] as const) : [])] as const;
		await withUser(claims, (tx) => consents.record(tx, user.id, documents, LEGAL_VERSION));
		// (The account cache is dropped after every form post: the next page sees the consent.)
		redirect(303, safePath(event.url.searchParams.get('redirectTo'), '/dashboard'));
	}
} satisfies Actions;
