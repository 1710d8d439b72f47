// A PostgreSQL refusal (row-level security, a trigger's check) as the message a person reads, so an
// action answers with a message on the page instead of an error page. Shared by every route that
// writes through RLS.
import { withUser, type Claims, type Tx } from './db';
import { msg } from '$lib/msg';

/** The message key for a refusal by the database, or null when `e` is some other failure. */
export function refusal(e: unknown): string | null {
	const code = (e as { code?: string }).code;
	if (code === '42501') return msg('request_err_not_allowed');
	if (code === '23514') return msg('request_err_transition');
	return null;
}

/**
 * Runs `fn` as the user; a refusal by the database becomes its message key (null when all went
 * well). Any other failure is thrown on.
 */
export async function attempt(claims: Claims, fn: (tx: Tx) => Promise<unknown>): Promise<string | null> {
	try {
		await withUser(claims, fn);
		return null;
	} catch (e) {
		const message = refusal(e);
		if (!message) throw e;
		return message;
	}
}
