// "Continue with Kakao": starts GoTrue's OAuth (PKCE; the verifier goes into this browser's cookies)
// and sends the browser to Kakao's consent. A link, not a form: the page's form-action policy would
// stop a form's redirect to the auth server's origin.
import { error, redirect } from '@sveltejs/kit';
import { safePath } from '$lib/redirect';
import * as ports from '$lib/server/ports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	if (!ports.auth().providers.includes('kakao')) error(404);
	const next = safePath(url.searchParams.get('next'), '/dashboard');
	const back = new URL('/auth/callback', url);
	back.searchParams.set('next', next);
	const started = await locals.auth.startOAuth('kakao', back.toString());
	if (!started.ok) redirect(303, `/login?error=unavailable&redirectTo=${encodeURIComponent(next)}`);
	redirect(303, started.url);
};
