// Where GoTrue sends the browser back: after Kakao's consent, and from its mails' links (password
// recovery, email change). The code is exchanged for a session with the verifier this browser kept.
// A first Kakao sign-in goes on to the role choice (the root layout asks for consent before it);
// errors (cancelled at Kakao, a spent or expired code) land on the sign-in page with a message.
import { redirect } from '@sveltejs/kit';
import { safePath } from '$lib/redirect';
import { needsRoleChoice } from '$lib/server/auth/role-choice';
import type { RequestHandler } from './$types';

/** The sign-in page with a message (signin_err_…), coming back to `next` afterwards. */
const toLogin = (error: 'cancelled' | 'failed' | 'link' | 'unavailable', next: string) =>
	`/login?error=${error}&redirectTo=${encodeURIComponent(next)}`;

export const GET: RequestHandler = async ({ locals, url }) => {
	const next = safePath(url.searchParams.get('next'), '/dashboard');
	const fromMail = next.startsWith('/reset-password') || next.startsWith('/account');
	const failed = url.searchParams.get('error');
	if (failed) {
		// GoTrue passes on the provider's refusal (access_denied) and says when a mail link expired.
		if (url.searchParams.get('error_code') === 'otp_expired') redirect(303, toLogin('link', '/dashboard'));
		redirect(303, toLogin(failed === 'access_denied' ? 'cancelled' : 'failed', next));
	}
	const code = url.searchParams.get('code');
	// The first of the two email-change links only says that the other one is still to be followed.
	if (!code) redirect(303, url.searchParams.has('message') && fromMail ? next : toLogin('failed', next));
	const result = await locals.auth.exchangeCode(code, url.searchParams.get('sb_flow_id'));
	if (!result.ok) {
		if (result.error === 'unavailable') redirect(303, toLogin('unavailable', next));
		// A mail link's page is no place to come back to once the link is spent.
		redirect(303, fromMail ? toLogin('link', '/dashboard') : toLogin('failed', next));
	}
	// The recovery link opened this session: the reset page sets the password for it (and only it).
	if (result.recovery) redirect(303, `/reset-password?token=${encodeURIComponent(result.claims.session_id ?? '')}`);
	if (needsRoleChoice(result.claims)) redirect(303, `/auth/role?next=${encodeURIComponent(next)}`);
	redirect(303, next);
};
