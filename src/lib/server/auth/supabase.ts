// Supabase auth through @supabase/ssr: one server client per request, the session kept in the
// request's cookies, and identity taken only from getClaims() (a JWT verified against the project's
// signing keys, or by GoTrue itself for legacy HS256 projects) — never from getSession().
import { createServerClient } from '@supabase/ssr';
import {
	createClient,
	isAuthRetryableFetchError,
	type AuthError as SupabaseAuthError,
	type JwtPayload,
	type Session,
	type SupabaseClient
} from '@supabase/supabase-js';
import type { AppConfig } from '../config';
import type { Claims } from '../db';
import type { AuthError, AuthPort, AuthResult, AuthSession, RequestContext } from './port';

type SupabaseConfig = Extract<AppConfig['auth'], { kind: 'supabase' }>;

const unavailable = Promise.resolve({ ok: false as const, error: 'unavailable' as const });

// The app's rule for both adapters, checked here too because a project's own minimum may be lower
// (GoTrue's default is 6); set minimum_password_length = 8 in the project to match.
const MIN_PASSWORD_LENGTH = 8;

const ERRORS: Record<string, AuthError> = {
	user_already_exists: 'email_taken',
	email_exists: 'email_taken',
	invalid_credentials: 'invalid_credentials',
	// The port has no "unconfirmed" outcome; to the visitor it is a sign-in that did not work.
	email_not_confirmed: 'invalid_credentials',
	weak_password: 'weak_password',
	user_banned: 'suspended',
	over_request_rate_limit: 'rate_limited',
	over_email_send_rate_limit: 'rate_limited'
};

function toAuthError(error: SupabaseAuthError): AuthError {
	if (isAuthRetryableFetchError(error) || (error.status ?? 0) >= 500) return 'unavailable';
	// An answer this adapter does not know is a fault on our side, not the visitor's input.
	return (error.code && ERRORS[error.code]) || 'unavailable';
}

/** Maps verified claims to the app's shape; anything but a signed-in user's token is no user. */
function toClaims(payload: JwtPayload): Claims | null {
	if (payload.role !== 'authenticated' || typeof payload.sub !== 'string') return null;
	return {
		sub: payload.sub,
		email: payload.email,
		role: 'authenticated',
		aud: payload.aud,
		exp: payload.exp,
		iat: payload.iat,
		app_metadata: payload.app_metadata,
		user_metadata: payload.user_metadata
	};
}

export function createSupabaseAuth(cfg: SupabaseConfig): AuthPort {
	return { kind: 'supabase', forRequest: (ctx) => session(cfg, ctx) };
}

function session(cfg: SupabaseConfig, ctx: RequestContext): AuthSession {
	// Made on first use: most requests (assets, public pages) never touch auth.
	let client: SupabaseClient | undefined;
	const supabase = () =>
		(client ??= createServerClient(cfg.url, cfg.anonKey, {
			// Only the server reads these cookies, so scripts in the page get no access to the tokens.
			cookieOptions: { httpOnly: true, sameSite: 'lax', secure: ctx.url.protocol === 'https:' },
			cookies: {
				getAll: () => ctx.cookies.getAll(),
				setAll: (cookies) => {
					for (const { name, value, options } of cookies) {
						ctx.cookies.set(name, value, {
							maxAge: options.maxAge,
							domain: options.domain,
							httpOnly: options.httpOnly,
							secure: options.secure,
							sameSite: options.sameSite,
							path: options.path ?? '/'
						});
					}
				}
			}
		}));

	let current: Promise<Claims | null> | undefined;
	async function verifiedClaims(): Promise<Claims | null> {
		// Also refreshes an expired access token with the refresh token, rewriting the cookies.
		const { data, error } = await supabase().auth.getClaims();
		if (error || !data) return null;
		return toClaims(data.claims);
	}

	async function result(session: Session | null, error: SupabaseAuthError | null): Promise<AuthResult> {
		if (error) return { ok: false, error: toAuthError(error) };
		if (!session) return { ok: true, claims: null, confirmationSent: true };
		// Verified like any other token, so claims have one source whichever way they arrive.
		const { data } = await supabase().auth.getClaims(session.access_token);
		const claims = data ? toClaims(data.claims) : null;
		current = Promise.resolve(claims);
		return claims ? { ok: true, claims } : { ok: false, error: 'unavailable' };
	}

	return {
		// Asked once per request: with a legacy HS256 project every check is a round trip to GoTrue.
		claims: () => (current ??= verifiedClaims()),

		async signUp({ email, password, role, displayName, locale = 'ko' }) {
			if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, error: 'weak_password' };
			const { data, error } = await supabase().auth.signUp({
				email: email.trim().toLowerCase(),
				password,
				options: { data: { role, display_name: displayName, locale } }
			});
			return result(data.session, error);
		},

		async signIn({ email, password }) {
			const { data, error } = await supabase().auth.signInWithPassword({
				email: email.trim().toLowerCase(),
				password
			});
			return result(data.session, error);
		},

		async signOut() {
			// 'local' ends this browser's session only, as the embedded adapter does; the cookies go
			// even when GoTrue cannot be reached.
			await supabase().auth.signOut({ scope: 'local' });
			current = Promise.resolve(null);
		},

		async signOutOthers() {
			await supabase().auth.signOut({ scope: 'others' });
		},

		async requestPasswordReset(email: string) {
			// GoTrue sends its own recovery mail (its templates, its link back to the app).
			await supabase().auth.resetPasswordForEmail(email.trim().toLowerCase(), {
				redirectTo: new URL('/reset-password', ctx.url).toString()
			});
			return null;
		},

		// GoTrue sends and checks its own confirmation mail when the project asks for one.
		startEmailConfirmation() {
			return Promise.resolve(null);
		},

		confirmEmail() {
			return Promise.resolve({ ok: false as const, error: 'unavailable' as const });
		},

		resetPassword() {
			// GoTrue's recovery link signs the user in; setting the password is then updateUser (not built yet).
			return Promise.resolve({ ok: false as const, error: 'unavailable' as const });
		},

		async changePassword(currentPassword: string, next: string) {
			if (next.length < MIN_PASSWORD_LENGTH) return { ok: false, error: 'weak_password' } as const;
			const claims = await (current ??= verifiedClaims());
			if (!claims?.email) return { ok: false, error: 'invalid_credentials' } as const;
			// updateUser does not ask for the current password (GoTrue's own reauthentication mails a code),
			// so it is checked by signing in with it on a client that keeps nothing; that session ends at once.
			const check = createClient(cfg.url, cfg.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
			const { error: refused } = await check.auth.signInWithPassword({ email: claims.email, password: currentPassword });
			if (refused)
				return { ok: false, error: toAuthError(refused) === 'invalid_credentials' ? 'invalid_credentials' : 'unavailable' } as const;
			await check.auth.signOut({ scope: 'local' });
			const { error } = await supabase().auth.updateUser({ password: next });
			if (error) {
				const weak = error.code === 'weak_password' || error.code === 'same_password';
				return { ok: false, error: weak ? 'weak_password' : 'unavailable' } as const;
			}
			// As the embedded adapter does: other devices are signed out (their access tokens run out on their own).
			await supabase().auth.signOut({ scope: 'others' });
			return { ok: true } as const;
		},
		// GoTrue changes an email only once both addresses confirm by mail, and deletes users through its
		// admin API (the service-role key): not built on this adapter yet, so the page says so.
		changeEmail: () => unavailable,
		// GoTrue has no endpoint listing a user's sessions; "sign out everywhere else" still works.
		listSessions: () => Promise.resolve(null),
		deleteAccount: () => unavailable
	};
}
