// Language switch that works without JavaScript: sets Paraglide's cookie and goes back.
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { cookieName, cookieMaxAge, locales } from '$lib/paraglide/runtime';
import { safePath } from '$lib/redirect';
import { withUser } from '$lib/server/db';
import * as profiles from '$lib/server/profiles';

const input = z.object({
	locale: z.enum(locales),
	redirectTo: z.unknown().transform((target) => safePath(target))
});

export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	// A body that is not a form (another content type, a broken one) is no choice of language.
	const fields = await request.formData().then(
		(form) => Object.fromEntries(form),
		() => ({})
	);
	const parsed = input.safeParse(fields);
	if (!parsed.success) redirect(303, '/');
	cookies.set(cookieName, parsed.data.locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
	// Signed in: their mail follows too.
	if (locals.user && locals.claims) {
		const userId = locals.user.id;
		await withUser(locals.claims, (tx) => profiles.setLocale(tx, userId, parsed.data.locale));
	}
	redirect(303, parsed.data.redirectTo);
};
