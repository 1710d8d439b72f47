// Language switch that works without JavaScript: sets Paraglide's cookie and goes back.
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { cookieName, cookieMaxAge, locales } from '$lib/paraglide/runtime';
import { safePath } from '$lib/redirect';

const input = z.object({
	locale: z.enum(locales),
	redirectTo: z.unknown().transform((target) => safePath(target))
});

export const POST: RequestHandler = async ({ request, cookies }) => {
	const parsed = input.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) redirect(303, '/');
	cookies.set(cookieName, parsed.data.locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
	redirect(303, parsed.data.redirectTo);
};
