// Embedded auth: local email+password accounts in auth.users, with the same bcrypt hashes GoTrue and
// pgcrypto's crypt() write (so seed.sql can create accounts), and a session cookie holding an HS256
// JWT whose claims have Supabase's shape, so the rest of the app cannot tell the adapters apart.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { hash, verify } from '@node-rs/bcrypt';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { AppConfig } from '../config';
import type { Sql } from 'postgres';
import { sql, type Claims, type Tx } from '../db';
import { userClaims } from './claims';
import type { AuthPort, AuthResult, AuthSession, RequestContext, SessionInfo, SignInInput, SignUpInput } from './port';

type EmbeddedConfig = Extract<AppConfig['auth'], { kind: 'embedded' }>;

export const SESSION_COOKIE = 'sl_session';
export const MIN_PASSWORD_LENGTH = 8;
const SESSION_SECONDS = 7 * 24 * 60 * 60;
const BCRYPT_COST = 10;
// A hash of a random, forgotten password: unknown emails are checked against it, so a miss takes
// as long as a wrong password and response times do not reveal which emails have accounts.
const DUMMY_HASH = '$2b$10$WrkMOq3mE0A/st99JQY5deT/.KeNjiO3XKbZLU4jqcTN6RxvoPQnu';

/** How long a password-reset link works. */
export const RESET_TOKEN_SECONDS = 60 * 60;
/** Only a hash of a reset token is stored: a copy of the database opens no account. */
/** How long a confirmation link works. */
const CONFIRM_TOKEN_SECONDS = 24 * 3600;

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function createEmbeddedAuth(cfg: EmbeddedConfig, dataDir: string): AuthPort {
	let secret: Promise<Uint8Array> | undefined;
	// Read (or made) once per process; the adapter lives as long as the process.
	const key = () => (secret ??= loadSecret(cfg.sessionSecret, dataDir));
	const sessions = sessionStore();
	return {
		kind: 'embedded',
		providers: [],
		forRequest: (ctx) => session(ctx, key, cfg.secureCookies, sessions)
	};
}

/** SESSION_SECRET if set; otherwise a random secret kept in <dataDir>/session-secret so sessions survive restarts. */
async function loadSecret(configured: string | undefined, dataDir: string): Promise<Uint8Array> {
	if (configured) return new TextEncoder().encode(configured);
	const file = path.join(dataDir, 'session-secret');
	try {
		return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64url');
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	// Write a temp file, then link it into place: link fails if another process won the race, and
	// nobody ever reads a half-written secret. Either way, the file on disk is the secret.
	await fs.mkdir(dataDir, { recursive: true });
	const temp = `${file}.${process.pid}.${randomUUID()}`;
	await fs.writeFile(temp, randomBytes(32).toString('base64url'), { mode: 0o600 });
	try {
		await fs.link(temp, file);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
	} finally {
		await fs.unlink(temp);
	}
	return Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64url');
}

/**
 * Sessions in auth.sessions. A live session is remembered by this instance of the app for a few seconds,
 * so a page costs no extra query; a sign-out here forgets it at once, one in another instance within
 * ALIVE_MS.
 */
const ALIVE_MS = 15_000;
/** How stale a session's refreshed_at ("last seen") may get: written at most this often, not on every page. */
const SEEN_EVERY = '5 minutes';
/** The User-Agent kept with a session: enough to name the device, bounded. */
const USER_AGENT_CHARS = 300;
export function sessionStore() {
	const aliveUntil = new Map<string, number>();
	// Sessions this process ended: a check that read the row just before the delete must not put it
	// back in aliveUntil (a copied cookie used right after sign-out would work for ALIVE_MS).
	const ended = new Set<string>();
	const forget = (id: string) => {
		if (ended.size >= 10_000) ended.clear();
		ended.add(id);
		aliveUntil.delete(id);
	};
	// Tokens whose signature was checked, until they expire: verifying an HS256 signature through
	// WebCrypto took an eighth of a signed-in page's CPU. Keyed by the whole token, signature included,
	// so only the very token that passed is taken on trust; revocation is still the row check.
	const verifiedTokens = new Map<string, JWTPayload>();
	return {
		async verified(token: string, verify: () => Promise<JWTPayload>): Promise<JWTPayload> {
			const kept = verifiedTokens.get(token);
			if (kept && (kept.exp ?? 0) * 1000 > Date.now()) return kept;
			const payload = await verify();
			if (verifiedTokens.size >= 10_000) verifiedTokens.clear();
			verifiedTokens.set(token, payload);
			return payload;
		},
		async start(id: string, userId: string, notAfter: Date, userAgent?: string | null): Promise<void> {
			await sql()`
				insert into auth.sessions (id, user_id, not_after, user_agent)
				values (${id}, ${userId}, ${notAfter}, ${userAgent?.slice(0, USER_AGENT_CHARS) || null})`;
			aliveUntil.set(id, Date.now() + ALIVE_MS);
		},
		async alive(id: string, userId: string): Promise<boolean> {
			if (ended.has(id)) return false;
			if ((aliveUntil.get(id) ?? 0) > Date.now()) return true;
			// The check also notes when the session was last used, at most every SEEN_EVERY.
			const [row] = await sql()<{ id: string }[]>`
				with live as (
					select id, refreshed_at from auth.sessions where id = ${id} and user_id = ${userId} and not_after > now()
				), seen as (
					update auth.sessions s set refreshed_at = now() from live
					where s.id = live.id and (live.refreshed_at is null or live.refreshed_at < now() - ${SEEN_EVERY}::interval)
				)
				select id from live`;
			if (row && !ended.has(id)) aliveUntil.set(id, Date.now() + ALIVE_MS);
			else aliveUntil.delete(id);
			return Boolean(row) && !ended.has(id);
		},
		async end(id: string): Promise<void> {
			forget(id);
			await sql()`delete from auth.sessions where id = ${id}`;
		},
		/** Ends every session of the user but `keep` (a password change, "sign out everywhere else"). */
		async endAllOf(userId: string, keep?: string, db: Sql | Tx = sql()): Promise<void> {
			const gone = await db<{ id: string }[]>`
				delete from auth.sessions where user_id = ${userId} and id is distinct from ${keep ?? null} returning id`;
			for (const { id } of gone) forget(id);
		},
		/** The user's live sessions, newest first. */
		list(userId: string): Promise<{ id: string; created_at: Date; refreshed_at: Date | null; user_agent: string | null }[]> {
			return sql()`
				select id, created_at, refreshed_at, user_agent from auth.sessions
				where user_id = ${userId} and not_after > now() order by created_at desc, id`;
		}
	};
}
type Sessions = ReturnType<typeof sessionStore>;

interface UserRow {
	id: string;
	email: string;
	encrypted_password: string | null;
	raw_user_meta_data: Record<string, unknown> | null;
}

function session(ctx: RequestContext, key: () => Promise<Uint8Array>, secureCookies: boolean, sessions: Sessions): AuthSession {
	const cookieOptions = {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: secureCookies || ctx.url.protocol === 'https:'
	};
	let current: Promise<Claims | null> | undefined;

	async function verifyCookie(): Promise<Claims | null> {
		const token = ctx.cookies.get(SESSION_COOKIE);
		if (!token) return null;
		try {
			const payload = await sessions.verified(token, async () => {
				const { payload } = await jwtVerify(token, await key(), { algorithms: ['HS256'], audience: 'authenticated' });
				return payload;
			});
			const claims = userClaims(payload);
			if (!claims) throw new Error('not a user token');
			if (!(await sessions.alive(claims.session_id, claims.sub))) throw new Error('signed out');
			return claims;
		} catch {
			// Forged, expired or signed with an old secret: drop it so the browser stops sending it.
			ctx.cookies.delete(SESSION_COOKIE, cookieOptions);
			return null;
		}
	}

	async function startSession(user: UserRow): Promise<AuthResult> {
		const meta = user.raw_user_meta_data ?? {};
		const now = Math.floor(Date.now() / 1000);
		const claims = {
			sub: user.id,
			email: user.email,
			role: 'authenticated' as const,
			aud: 'authenticated',
			iat: now,
			exp: now + SESSION_SECONDS,
			app_metadata: { provider: 'email' },
			user_metadata: { role: meta.role, display_name: meta.display_name },
			session_id: randomUUID()
		};
		await sessions.start(claims.session_id, user.id, new Date((now + SESSION_SECONDS) * 1000), ctx.userAgent);
		const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(await key());
		ctx.cookies.set(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_SECONDS });
		current = Promise.resolve(claims);
		return { ok: true, claims };
	}

	/** The signed-in user's row when `password` is theirs; null for a wrong password or no user. */
	async function reauthenticate(password: string): Promise<{ claims: Claims; user: UserRow } | null> {
		const claims = await (current ??= verifyCookie());
		if (!claims) return null;
		const [user] = await sql()<UserRow[]>`
			select id, email, encrypted_password, raw_user_meta_data
			from auth.users where id = ${claims.sub} and deleted_at is null`;
		const matches = await verify(password, user?.encrypted_password ?? DUMMY_HASH);
		return user?.encrypted_password && matches ? { claims, user } : null;
	}

	// Auth bookkeeping goes through the pool's own role, not withUser(): like GoTrue with its
	// supabase_auth_admin role, this adapter *is* the auth server, and auth.users is not readable
	// by the authenticated or anon roles at all.
	return {
		claims: () => (current ??= verifyCookie()),

		async signUp({ email, password, role, displayName, locale = 'ko' }: SignUpInput) {
			if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, error: 'weak_password' };
			const encrypted = await hash(password, { cost: BCRYPT_COST });
			try {
				// The on_auth_user_created trigger makes the profile from raw_user_meta_data.
				const [user] = await sql()<UserRow[]>`
					insert into auth.users (instance_id, aud, role, email, encrypted_password, email_confirmed_at,
						last_sign_in_at, raw_app_meta_data, raw_user_meta_data)
					values ('00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated',
						${normaliseEmail(email)}, ${encrypted}, null, now(),
						${sql().json({ provider: 'email', providers: ['email'] })},
						${sql().json({ role, display_name: displayName, locale })})
					returning id, email, encrypted_password, raw_user_meta_data`;
				return startSession(user);
			} catch (e) {
				// Unique violation on email (not `on conflict`, which Supabase's partial index would refuse).
				if ((e as { code?: string }).code === '23505') return { ok: false, error: 'email_taken' };
				throw e;
			}
		},

		async signIn({ email, password }: SignInInput) {
			const [user] = await sql()<(UserRow & { banned: boolean })[]>`
				select id, email, encrypted_password, raw_user_meta_data, coalesce(banned_until > now(), false) as banned
				from auth.users where email = ${normaliseEmail(email)}`;
			const matches = await verify(password, user?.encrypted_password ?? DUMMY_HASH);
			if (!user?.encrypted_password || !matches) return { ok: false, error: 'invalid_credentials' };
			// Suspended by the operator (GoTrue answers user_banned alike); said only to whoever knows the password.
			if (user.banned) return { ok: false, error: 'suspended' };
			await sql()`update auth.users set last_sign_in_at = now() where id = ${user.id}`;
			return startSession(user);
		},

		async signOut() {
			// The session's row goes, so a copy of the cookie (another tab, a stolen one) ends with it.
			const claims = await (current ??= verifyCookie());
			if (claims?.session_id) await sessions.end(claims.session_id);
			ctx.cookies.delete(SESSION_COOKIE, cookieOptions);
			current = Promise.resolve(null);
		},

		async signOutOthers() {
			const claims = await (current ??= verifyCookie());
			if (claims?.session_id) await sessions.endAllOf(claims.sub, claims.session_id);
		},

		async requestPasswordReset(email: string) {
			const [user] = await sql()<{ id: string; email: string }[]>`
				select id, email from auth.users where email = ${normaliseEmail(email)}`;
			if (!user) return null;
			const token = randomBytes(32).toString('base64url');
			// One live link per account: a new request replaces the old one.
			await sql().begin(async (tx) => {
				await tx`delete from auth.one_time_tokens where user_id = ${user.id} and token_type = 'recovery_token'`;
				await tx`
					insert into auth.one_time_tokens (user_id, token_type, token_hash)
					values (${user.id}, 'recovery_token', ${tokenHash(token)})`;
			});
			return { email: user.email, token };
		},

		async changePassword(currentPassword: string, next: string) {
			if (next.length < MIN_PASSWORD_LENGTH) return { ok: false, error: 'weak_password' } as const;
			const me = await reauthenticate(currentPassword);
			if (!me) return { ok: false, error: 'invalid_credentials' } as const;
			const encrypted = await hash(next, { cost: BCRYPT_COST });
			await sql()`update auth.users set encrypted_password = ${encrypted}, updated_at = now() where id = ${me.user.id}`;
			// Whoever knew the old password (or holds a copied cookie) is out; this browser stays.
			await sessions.endAllOf(me.user.id, me.claims.session_id);
			return { ok: true } as const;
		},

		async changeEmail(password: string, email: string) {
			const me = await reauthenticate(password);
			if (!me) return { ok: false, error: 'invalid_credentials' } as const;
			let changed: UserRow;
			try {
				[changed] = await sql()<UserRow[]>`
					update auth.users set email = ${normaliseEmail(email)}, email_confirmed_at = null, updated_at = now() where id = ${me.user.id}
					returning id, email, encrypted_password, raw_user_meta_data`;
			} catch (e) {
				if ((e as { code?: string }).code === '23505') return { ok: false, error: 'email_taken' } as const;
				throw e;
			}
			// Every token carries the email: all sessions end and this browser gets a new one with the new address.
			await sessions.endAllOf(me.user.id);
			await startSession(changed);
			return { ok: true, previous: me.user.email } as const;
		},

		async listSessions(): Promise<SessionInfo[] | null> {
			const claims = await (current ??= verifyCookie());
			if (!claims) return [];
			const rows = await sessions.list(claims.sub);
			return rows.map((r) => ({
				id: r.id,
				createdAt: r.created_at,
				lastSeenAt: r.refreshed_at,
				userAgent: r.user_agent,
				current: r.id === claims.session_id
			}));
		},

		async deleteAccount(password: string) {
			const me = await reauthenticate(password);
			if (!me) return { ok: false, error: 'invalid_credentials' } as const;
			// One transaction: marking the user deleted fires private.anonymise_account (the profile's name,
			// workshops unlisted, personal leftovers removed); the email is freed for a new sign-up, the
			// password dropped (no sign-in, no reset mail), and every session and token ends with it.
			await sql().begin(async (tx) => {
				await tx`
					update auth.users set deleted_at = now(), email = null, encrypted_password = null,
						raw_user_meta_data = '{}'::jsonb, updated_at = now()
					where id = ${me.user.id}`;
				await tx`delete from auth.one_time_tokens where user_id = ${me.user.id}`;
				await sessions.endAllOf(me.user.id, undefined, tx);
			});
			ctx.cookies.delete(SESSION_COOKIE, cookieOptions);
			current = Promise.resolve(null);
			return { ok: true } as const;
		},

		async startEmailConfirmation() {
			const claims = await (current ??= verifyCookie());
			if (!claims) return null;
			const [user] = await sql()<{ id: string; email: string; confirmed: boolean }[]>`
				select id, email, email_confirmed_at is not null as confirmed from auth.users where id = ${claims.sub} and deleted_at is null`;
			if (!user || user.confirmed) return null;
			const token = randomBytes(32).toString('base64url');
			// One live link per account: asking again replaces the old one.
			await sql().begin(async (tx) => {
				await tx`delete from auth.one_time_tokens where user_id = ${user.id} and token_type = 'confirmation_token'`;
				await tx`insert into auth.one_time_tokens (user_id, token_type, token_hash)
					values (${user.id}, 'confirmation_token', ${tokenHash(token)})`;
			});
			return { email: user.email, token };
		},

		async confirmEmail(token: string) {
			// Spent as it is used; confirms the address the link was mailed to only if it is still the account's.
			const [spent] = await sql()<{ user_id: string }[]>`
				delete from auth.one_time_tokens
				where token_hash = ${tokenHash(token)} and token_type = 'confirmation_token'
				  and created_at > now() - make_interval(secs => ${CONFIRM_TOKEN_SECONDS})
				returning user_id`;
			if (!spent) return { ok: false, error: 'invalid_token' } as const;
			await sql()`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now()
				where id = ${spent.user_id}`;
			// The account is announced like a notification of theirs, so every app instance forgets what
			// it kept of it (account-cache.ts) and their open pages stop asking for the confirmation.
			await sql()`select pg_notify('notifications', ${spent.user_id}::text)`;
			return { ok: true } as const;
		},

		async resetPassword(token: string, password: string) {
			if (password.length < MIN_PASSWORD_LENGTH) return { ok: false, error: 'weak_password' } as const;
			const encrypted = await hash(password, { cost: BCRYPT_COST });
			// Single use: the token is deleted as it is spent, so two uses at once cannot both succeed.
			const [spent] = await sql()<{ user_id: string }[]>`
				delete from auth.one_time_tokens
				where token_hash = ${tokenHash(token)} and token_type = 'recovery_token'
				  and created_at > now() - make_interval(secs => ${RESET_TOKEN_SECONDS})
				returning user_id`;
			if (!spent) return { ok: false, error: 'invalid_token' } as const;
			await sql()`update auth.users set encrypted_password = ${encrypted}, updated_at = now() where id = ${spent.user_id}`;
			await sessions.endAllOf(spent.user_id);
			return { ok: true } as const;
		},

		// Local accounts only: no provider sign-in here, and sign-up always asks for the role.
		startOAuth: () => Promise.resolve({ ok: false as const, error: 'unavailable' as const }),
		exchangeCode: () => Promise.resolve({ ok: false as const, error: 'unavailable' as const }),
		chooseRole: () => Promise.resolve({ ok: false as const, error: 'unavailable' as const })
	};
}
