// Supabase auth through @supabase/ssr: one server client per request, the session kept in the
// request's cookies, and identity taken only from getClaims() (a JWT verified against the project's
// signing keys, or by GoTrue itself for legacy HS256 projects) — never from getSession().
// Sign-in with Kakao is GoTrue's OAuth in the PKCE flow: the verifier waits in a cookie until
// /auth/callback exchanges the code. Where DATABASE_URL is the project's Postgres, the account page
// lists sessions from GoTrue's auth.sessions, and account deletion (GoTrue's admin API, soft delete)
// fires the same private.anonymise_account trigger the embedded adapter's deletion does.
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
import { sql, type Claims } from '../db';
import type { AuthError, AuthPort, AuthResult, AuthSession, CodeExchange, RequestContext, SessionInfo } from './port';

type SupabaseConfig = Extract<AppConfig['auth'], { kind: 'supabase' }>;

const unavailable = { ok: false as const, error: 'unavailable' as const };

// The app's rule for both adapters, checked here too because a project's own minimum may be lower
// (GoTrue's default is 6); set minimum_password_length = 8 in the project to match.
const MIN_PASSWORD_LENGTH = 8;
/** How long after GoTrue's recovery link signed the user in that the new password may be set. */
const RECOVERY_SECONDS = 60 * 60;

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
		user_metadata: payload.user_metadata,
		session_id: typeof payload.session_id === 'string' ? payload.session_id : undefined
	};
}

export function createSupabaseAuth(cfg: SupabaseConfig): AuthPort {
	return { kind: 'supabase', providers: cfg.kakao ? ['kakao'] : [], forRequest: (ctx) => session(cfg, ctx) };
}

/** A client that keeps nothing: password checks and the admin API. */
const bareClient = (cfg: SupabaseConfig, key: string, userAgent?: string | null) =>
	createClient(cfg.url, key, {
		auth: { persistSession: false, autoRefreshToken: false },
		global: { headers: userAgent ? { 'user-agent': userAgent } : {} }
	});

function session(cfg: SupabaseConfig, ctx: RequestContext): AuthSession {
	// Made on first use: most requests (assets, public pages) never touch auth.
	let client: SupabaseClient | undefined;
	const supabase = () =>
		(client ??= createServerClient(cfg.url, cfg.anonKey, {
			// GoTrue keeps the User-Agent of the request that starts a session with it (auth.sessions):
			// the browser's, not this server's, so the account page can name the device.
			global: { headers: ctx.userAgent ? { 'user-agent': ctx.userAgent } : {} },
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
	// The verified token's whole payload (amr: how the session began), for the recovery check.
	let payload: JwtPayload | null = null;
	async function verifiedClaims(): Promise<Claims | null> {
		// Also refreshes an expired access token with the refresh token, rewriting the cookies.
		const { data, error } = await supabase().auth.getClaims();
		if (error || !data) return null;
		payload = data.claims;
		return toClaims(data.claims);
	}
	const claims = () => (current ??= verifiedClaims());

	async function result(session: Session | null, error: SupabaseAuthError | null): Promise<AuthResult> {
		if (error) return { ok: false, error: toAuthError(error) };
		if (!session) return { ok: true, claims: null, confirmationSent: true };
		// Verified like any other token, so claims have one source whichever way they arrive.
		const { data } = await supabase().auth.getClaims(session.access_token);
		payload = data?.claims ?? null;
		const verified = data ? toClaims(data.claims) : null;
		current = Promise.resolve(verified);
		return verified ? { ok: true, claims: verified } : { ok: false, error: 'unavailable' };
	}

	/**
	 * The signed-in user's claims when `password` is theirs. GoTrue's updateUser does not ask for the
	 * current password (its reauthentication mails a code), so it is checked by signing in with it on a
	 * client that keeps nothing; that session ends at once.
	 */
	async function reauthenticate(password: string): Promise<Claims | 'invalid_credentials' | 'unavailable'> {
		const me = await claims();
		if (!me?.email) return 'invalid_credentials';
		const check = bareClient(cfg, cfg.anonKey);
		const { error } = await check.auth.signInWithPassword({ email: me.email, password });
		if (error) return toAuthError(error) === 'invalid_credentials' ? 'invalid_credentials' : 'unavailable';
		await check.auth.signOut({ scope: 'local' });
		return me;
	}

	/** The session's token again from GoTrue, so its claims carry what was just changed (email, metadata). */
	async function renew(): Promise<void> {
		const { data, error } = await supabase().auth.refreshSession();
		if (!error && data.session) await result(data.session, null);
	}

	return {
		// Asked once per request: with a legacy HS256 project every check is a round trip to GoTrue.
		claims,

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
			// GoTrue sends its own recovery mail (its templates); its link comes back through /auth/callback
			// with a code that signs the user in for the new password (PKCE: in this browser only).
			await supabase().auth.resetPasswordForEmail(email.trim().toLowerCase(), {
				redirectTo: new URL('/auth/callback?next=/reset-password', ctx.url).toString()
			});
			return null;
		},

		// GoTrue sends and checks its own confirmation mail when the project asks for one.
		startEmailConfirmation() {
			return Promise.resolve(null);
		},

		confirmEmail() {
			return Promise.resolve(unavailable);
		},

		async resetPassword(token: string, password: string) {
			if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, error: 'weak_password' } as const;
			// Only the session the recovery link opened, in this browser, and not long after.
			const me = await claims();
			const amr = Array.isArray(payload?.amr) ? (payload.amr as { method?: string; timestamp?: number }[]) : [];
			const recovered = amr.find((a) => a.method === 'recovery');
			const fresh = (recovered?.timestamp ?? 0) > Date.now() / 1000 - RECOVERY_SECONDS;
			if (!me || me.session_id !== token || !fresh) return { ok: false, error: 'invalid_token' } as const;
			const { error } = await supabase().auth.updateUser({ password });
			if (error) {
				const weak = error.code === 'weak_password' || error.code === 'same_password';
				return weak ? ({ ok: false, error: 'weak_password' } as const) : unavailable;
			}
			// As the embedded adapter does: every session of the account ends, this one too.
			await supabase().auth.signOut({ scope: 'global' });
			current = Promise.resolve(null);
			return { ok: true } as const;
		},

		async changePassword(currentPassword: string, next: string) {
			if (next.length < MIN_PASSWORD_LENGTH) return { ok: false, error: 'weak_password' } as const;
			const me = await reauthenticate(currentPassword);
			if (typeof me === 'string') return { ok: false, error: me } as const;
			const { error } = await supabase().auth.updateUser({ password: next });
			if (error) {
				const weak = error.code === 'weak_password' || error.code === 'same_password';
				return { ok: false, error: weak ? 'weak_password' : 'unavailable' } as const;
			}
			// As the embedded adapter does: other devices are signed out (their access tokens run out on their own).
			await supabase().auth.signOut({ scope: 'others' });
			return { ok: true } as const;
		},

		async changeEmail(password: string, email: string) {
			const me = await reauthenticate(password);
			if (typeof me === 'string') return { ok: false, error: me } as const;
			const next = email.trim().toLowerCase();
			const { data, error } = await supabase().auth.updateUser(
				{ email: next },
				// GoTrue's links come back here (the second one signs in with the new address).
				{ emailRedirectTo: new URL('/auth/callback?next=/account', ctx.url).toString() }
			);
			if (error) {
				const taken = error.code === 'email_exists' || error.code === 'user_already_exists';
				return taken ? ({ ok: false, error: 'email_taken' } as const) : unavailable;
			}
			// Secure email change: GoTrue mailed a link to each address and changes nothing until both are followed.
			if (data.user?.email !== next) return { ok: true, previous: me.email!, pending: true } as const;
			// Changed at once (a project that confirms nothing): every other token carries the old address.
			await supabase().auth.signOut({ scope: 'others' });
			await renew();
			return { ok: true, previous: me.email! } as const;
		},

		async listSessions(): Promise<SessionInfo[] | null> {
			// GoTrue has no endpoint listing a user's sessions; its auth.sessions table does, where the
			// app's database is the project's (the server's own role reads it, as GoTrue's admin does).
			if (!cfg.projectDatabase) return null;
			const me = await claims();
			if (!me) return [];
			const rows = await sql()<{ id: string; created_at: Date; refreshed_at: Date | null; user_agent: string | null }[]>`
				select id, created_at, refreshed_at, user_agent from auth.sessions
				where user_id = ${me.sub} and (not_after is null or not_after > now())
				order by created_at desc, id`;
			return rows.map((r) => ({
				id: r.id,
				createdAt: r.created_at,
				lastSeenAt: r.refreshed_at,
				userAgent: r.user_agent,
				current: r.id === me.session_id
			}));
		},

		async deleteAccount(password: string) {
			// The admin API needs the service-role key; the anonymisation runs in the project's database.
			if (!cfg.serviceRoleKey || !cfg.projectDatabase) return unavailable;
			const me = await reauthenticate(password);
			if (typeof me === 'string') return { ok: false, error: me } as const;
			// Soft delete: GoTrue marks the user deleted (deleted_at), frees the email, drops the password
			// and ends every session; marking it fires private.anonymise_account in that same statement.
			// A hard delete would cascade through the profile into other people's quotes and threads.
			const { error } = await bareClient(cfg, cfg.serviceRoleKey).auth.admin.deleteUser(me.sub, true);
			if (error) return unavailable;
			// The session is gone on GoTrue already; this drops the cookies.
			await supabase().auth.signOut({ scope: 'local' });
			current = Promise.resolve(null);
			return { ok: true } as const;
		},

		async startOAuth(provider, redirectTo) {
			const { data, error } = await supabase().auth.signInWithOAuth({
				provider,
				options: { redirectTo, skipBrowserRedirect: true }
			});
			return error || !data.url ? unavailable : { ok: true, url: data.url };
		},

		async exchangeCode(code: string, flowId: string | null): Promise<CodeExchange> {
			const { data, error } = await supabase().auth.exchangeCodeForSession(code, flowId ? { flowId } : undefined);
			if (error) {
				// No verifier in this browser (another browser, cookies gone), a spent, expired or unknown code.
				const ours = !isAuthRetryableFetchError(error) && (error.status ?? 400) < 500;
				return { ok: false, error: ours ? 'invalid_code' : 'unavailable' };
			}
			const signedIn = await result(data.session, null);
			if (!signedIn.ok || !signedIn.claims) return unavailable;
			return { ok: true, claims: signedIn.claims, recovery: (data as { redirectType?: string | null }).redirectType === 'recovery' };
		},

		async chooseRole(role, displayName) {
			const { error } = await supabase().auth.updateUser({ data: { role, display_name: displayName } });
			if (error) return unavailable;
			await renew();
			return { ok: true } as const;
		}
	};
}
