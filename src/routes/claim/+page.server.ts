// A craftsman takes over the listing their cluster's manager imported: the claim code (from the
// invitation mail or the printed card) and the business registration number, signed in as a
// craftsman; signed out, the page offers sign-up (which comes back here with the code) or sign-in.
import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { normalizeClaimCode } from '$lib/domain/roster';
import { sql, withUser } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import * as roster from '$lib/server/roster';
import * as throttle from '$lib/server/throttle';
import type { Actions, PageServerLoad } from './$types';
import { claimSchema } from './schema';
import { msg } from '$lib/msg';

/** Guessing codes: ten tries an hour per account. */
const CLAIM_LIMIT = { hits: 10, windowSeconds: 60 * 60 };

export const load = (async ({ locals, url }) => {
	const code = normalizeClaimCode(url.searchParams.get('code') ?? '').slice(0, 8);
	return {
		code,
		signedIn: !!locals.user,
		role: locals.user?.role ?? null,
		form: await superValidate(zod4(claimSchema), { defaults: { code, brn: '' } })
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { user, claims } = requireUser(event);
		const form = await superValidate(event.request, zod4(claimSchema));
		if (!form.valid) return fail(400, { form });
		const verdict = await throttle.hit(sql(), `claim:account:${user.id}`, CLAIM_LIMIT);
		if (!verdict.ok) return setError(form, '', msg('err_rate_limited'), { status: 429 });
		const result = await withUser(claims, (tx) => roster.claim(tx, form.data.code, form.data.brn));
		if (!result.ok) {
			const field = result.error === 'brn_mismatch' ? 'brn' : result.error === 'bad_code' ? 'code' : '';
			return setError(form, field, `roster_claim_${result.error}`);
		}
		await throttle.clear(sql(), `claim:account:${user.id}`);
		return message(form, { name: result.name, slug: result.slug });
	}
} satisfies Actions;
