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

export type AuthError = 'email_taken' | 'invalid_credentials' | 'weak_password' | 'rate_limited' | 'suspended' | 'unavailable';

export type AuthResult =
	| { ok: true; claims: Claims }
	/** Supabase projects with email confirmation on: the account exists, no session yet. */
	| { ok: true; claims: null; confirmationSent: true }
	| { ok: false; error: AuthError };

/** What an adapter needs of the request: its cookies and whether it came over HTTPS. */
export interface RequestContext {
	cookies: Cookies;
	url: URL;
	/** The browser's User-Agent, kept with a new session so the account page can name the device. */
	userAgent?: string | null;
}

/** A live session of the signed-in user, as the account page lists it. */
export interface SessionInfo {
	id: string;
	createdAt: Date;
	/** When it was last used (to within a few minutes); null if not since it began. */
	lastSeenAt: Date | null;
	userAgent: string | null;
	/** The session of this very request. */
	current: boolean;
}

/** Sign-in providers besides email and password (Supabase Auth's OAuth). */
export type OAuthProvider = 'kakao';

/** How a sign-in through a provider (or a link from GoTrue's mail) came back to /auth/callback. */
export type CodeExchange =
	| { ok: true; claims: Claims; /** The code came from a password-recovery link. */ recovery: boolean }
	| { ok: false; error: 'invalid_code' | 'unavailable' };

/** What a change to the signed-in account may answer; 'unavailable' where the adapter cannot do it. */
export type AccountChange<E extends string> = { ok: true } | { ok: false; error: E | 'unavailable' };

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
	/**
	 * A link that confirms the signed-in user's email. Embedded: the single-use token for the app to
	 * mail (null when already confirmed). Supabase: GoTrue mails its own confirmation; null.
	 */
	startEmailConfirmation(): Promise<{ email: string; token: string } | null>;
	/** Confirms the email a token from the mail was made for (24 hours, once). */
	confirmEmail(token: string): Promise<{ ok: true } | { ok: false; error: 'invalid_token' | 'unavailable' }>;
	/**
	 * Sets a new password with a token from the mail; ends every session of the account. Supabase: the
	 * token is the id of the session GoTrue's recovery link opened in this browser (/auth/callback).
	 */
	resetPassword(
		token: string,
		password: string
	): Promise<{ ok: true } | { ok: false; error: 'invalid_token' | 'weak_password' | 'unavailable' }>;
	/**
	 * Changes the signed-in user's password after checking the current one (a wrong one:
	 * invalid_credentials), and ends their other sessions; this one stays.
	 */
	changePassword(current: string, next: string): Promise<AccountChange<'invalid_credentials' | 'weak_password'>>;
	/**
	 * Changes the signed-in user's email after checking their password; the email must be free. Ends their
	 * other sessions (their tokens carry the old email); this one goes on with the new email.
	 * Returns the old address, so the app can tell it of the change. `pending`: the auth server mailed
	 * confirmation links (Supabase's secure email change) and the change applies once they are followed;
	 * until then the account keeps its address.
	 */
	changeEmail(
		password: string,
		email: string
	): Promise<{ ok: true; previous: string; pending?: true } | { ok: false; error: 'invalid_credentials' | 'email_taken' | 'unavailable' }>;
	/** The signed-in user's live sessions, newest first; null where the adapter cannot list them. */
	listSessions(): Promise<SessionInfo[] | null>;
	/**
	 * Deletes the signed-in user's account after checking their password: the user is marked deleted,
	 * the email is freed, the password dropped and every session ended, and the database anonymises
	 * what the marketplace keeps (private.anonymise_account), all in one transaction. This browser is
	 * signed out.
	 */
	deleteAccount(password: string): Promise<AccountChange<'invalid_credentials'>>;
	/**
	 * Starts a sign-in with a provider: the address to send the browser to (the provider's consent),
	 * which comes back to `redirectTo` with a code. The PKCE verifier stays in this browser's cookies.
	 */
	startOAuth(provider: OAuthProvider, redirectTo: string): Promise<{ ok: true; url: string } | { ok: false; error: 'unavailable' }>;
	/** Exchanges the code of a provider's (or a mail link's) redirect for a session in this browser. */
	exchangeCode(code: string, flowId: string | null): Promise<CodeExchange>;
	/**
	 * Records the role (and name) a person chose after signing in through a provider, where sign-up
	 * did not ask; the next request's claims carry it.
	 */
	chooseRole(role: SelfServiceRole, displayName: string): Promise<AccountChange<never>>;
}

export interface AuthPort {
	readonly kind: 'embedded' | 'supabase';
	/** The providers the sign-in pages offer (none on the embedded adapter). */
	readonly providers: readonly OAuthProvider[];
	forRequest(ctx: RequestContext): AuthSession;
}
