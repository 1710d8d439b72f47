// The email confirmation mail: asked of the auth adapter (embedded: a single-use token; Supabase:
// GoTrue mails its own and this sends nothing) and sent through the mail port in the user's language.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { AuthSession } from './auth/port';
import { config } from './config';
import { mail } from './ports';

/** Sends the signed-in user a confirmation link; false when there was nothing to send (already confirmed, or the auth server does it). */
export async function sendConfirmation(auth: AuthSession, url: URL): Promise<boolean> {
	const started = await auth.startEmailConfirmation();
	if (!started) return false;
	const locale = getLocale();
	const link = new URL(`/verify-email?token=${encodeURIComponent(started.token)}`, config().origin ?? url.origin).toString();
	await mail().send({
		to: started.email,
		subject: m.verify_mail_subject({}, { locale }),
		text: m.verify_mail_body({ link }, { locale })
	});
	return true;
}
