// Data module: the signed-in user's account as the app shows it.
import type { Claims, Tx } from './db';

export interface CurrentUser {
	id: string;
	email: string;
	role: 'craftsman' | 'startup' | 'manager' | 'operator';
	displayName: string;
	/** The email address is confirmed (an unconfirmed account cannot yet publish or quote). */
	emailConfirmed: boolean;
	/** The newest version of the terms of service the user agreed to (null: none recorded). */
	termsVersion: string | null;
}

export async function current(tx: Tx, claims: Claims): Promise<CurrentUser | null> {
	const [row] = await tx<
		{ role: CurrentUser['role']; display_name: string; confirmed: boolean; suspended: boolean; terms_version: string | null }[]
	>`
		select role, display_name, (select private.email_confirmed()) as confirmed, suspended_at is not null as suspended,
		       (select max(c.version) from public.consents c where c.user_id = ${claims.sub} and c.document = 'terms') as terms_version
		from public.profiles where id = ${claims.sub}`;
	// A suspended account is no signed-in user, even with a token that has not expired yet.
	if (!row || row.suspended) return null;
	return {
		id: claims.sub,
		email: claims.email ?? '',
		role: row.role,
		displayName: row.display_name,
		emailConfirmed: row.confirmed,
		termsVersion: row.terms_version
	};
}

/** The language the user's mail is written in (the app's switch sets it). */
export async function setLocale(tx: Tx, userId: string, locale: 'ko' | 'en'): Promise<void> {
	await tx`update public.profiles set locale = ${locale} where id = ${userId}`;
}

/** The name others see on the user's requests and messages. */
export async function rename(tx: Tx, userId: string, displayName: string): Promise<void> {
	await tx`update public.profiles set display_name = ${displayName} where id = ${userId}`;
}
