// Auth port: who is making this request. Adapters: embedded (local accounts in auth.users, signed
// JWT cookie) and Supabase (@supabase/ssr). Both hand the app the same verified claims.
import type { Cookies } from '@sveltejs/kit';
import type { Claims } from '../db';

export type SelfServiceRole = 'craftsman' | 'startup';

export interface SignUpInput {
	email: string;
	password: string;
	role: SelfServiceRole;
	displayName: string;
	/** The language the user signed up in: their mail is written in it. */
	locale?: 'ko' | 'en';
}

export interface SignInInput {
	email: string;
	password: string;
}

export type AuthError = 'email_taken' | 'invalid_credentials' | 'weak_password' | 'rate_limited' | 'unavailable';

export type AuthResult =
	| { ok: true; claims: Claims }
	/** Supabase projects with email confirmation on: the account exists, no session yet. */
	| { ok: true; claims: null; confirmationSent: true }
	| { ok: false; error: AuthError };

/** What an adapter needs of the request: its cookies and whether it came over HTTPS. */
export interface RequestContext {
	cookies: Cookies;
	url: URL;
}

/** The auth of one request; created per request in hooks.server.ts. */
export interface AuthSession {
	/** Claims verified by the adapter (signature and expiry), or null for an anonymous visitor. */
	claims(): Promise<Claims | null>;
	signUp(input: SignUpInput): Promise<AuthResult>;
	signIn(input: SignInInput): Promise<AuthResult>;
	/** Ends this browser's session on the server, so no copy of its cookie works any more. */
	signOut(): Promise<void>;
	/** Ends every other session of the signed-in user (other devices, a stolen cookie); this one stays. */
	signOutOthers(): Promise<void>;
	/**
	 * Starts a password reset. Embedded: the single-use token for the app to mail (null when no such
	 * account; the caller answers the same either way). Supabase: GoTrue mails its own link; null.
	 */
	requestPasswordReset(email: string): Promise<{ email: string; token: string } | null>;
	/** Sets a new password with a token from the mail; ends every session of the account. */
	resetPassword(
		token: string,
		password: string
	): Promise<{ ok: true } | { ok: false; error: 'invalid_token' | 'weak_password' | 'unavailable' }>;
}

export interface AuthPort {
	readonly kind: 'embedded' | 'supabase';
	forRequest(ctx: RequestContext): AuthSession;
}
