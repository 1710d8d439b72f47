// The claims of a verified session token, read as the app's Claims (embedded adapter).
import type { JWTPayload } from 'jose';
import type { Claims } from '../db';

/** A user's claims when the verified payload has a subject, the authenticated role and a session; else null. */
export function userClaims(payload: JWTPayload): (Claims & { session_id: string }) | null {
	const { sub, role, session_id } = payload;
	if (typeof sub !== 'string' || role !== 'authenticated' || typeof session_id !== 'string') return null;
	return { ...payload, sub, role, session_id };
}
