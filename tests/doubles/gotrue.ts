// A GoTrue (Supabase Auth) test double: a local HTTP server speaking the wire format the Supabase
// adapter uses — paths, the X-Supabase-Api-Version error bodies with their `code`, and ES256 access
// tokens published in a JWKS, so getClaims() verifies them exactly as it does against a real project.
// Users, sessions and refresh tokens live in memory; passwords are kept in plain text (a double).
// Given a database (`db`), it also writes auth.users and auth.sessions as GoTrue does in a Supabase
// project's Postgres, so the app's triggers (profiles, account deletion) and session list see them.
// OAuth (Kakao) is played by a small consent page of the double's own, in GoTrue's PKCE flow.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Sql } from 'postgres';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWTPayload } from 'jose';

export interface GoTrueOptions {
	/** GOTRUE_MAILER_AUTOCONFIRM: sign-up returns a session, an email change applies at once. Off: links are "sent". */
	autoconfirm?: boolean;
	/** GOTRUE_PASSWORD_MIN_LENGTH; GoTrue's default is 6. */
	minPasswordLength?: number;
	/** The project's Postgres: users and sessions are written to its auth schema as GoTrue does. */
	db?: Sql;
	/** A fixed port (a process the app is configured for); a free one otherwise. */
	port?: number;
	/** A fixed anon key for the API gateway to accept (the app's PUBLIC_SUPABASE_ANON_KEY); made and signed otherwise. */
	anonKey?: string;
}

/** A mail GoTrue would have sent (confirmation, recovery, email change), with its link. */
export interface SentMail {
	to: string;
	type: 'signup' | 'recovery' | 'email_change';
	link: string;
}

export interface GoTrueDouble {
	url: string;
	anonKey: string;
	/** The project's service-role key (admin API). */
	serviceRoleKey: string;
	close(): Promise<void>;
	/** Signs a token with the double's key, for tests that forge sessions (expired ones, say). */
	sign(payload: JWTPayload): Promise<string>;
	/** The next API request answers with this status and error code (rate limits, outages). */
	failNext(status: number, code?: string): void;
	/** Every mail "sent", oldest first. */
	readonly mails: SentMail[];
}

interface Identity {
	provider: 'email' | 'kakao';
	providerId: string;
	data: Record<string, unknown>;
}

interface User {
	id: string;
	email: string;
	password: string | null;
	confirmedAt: string | null;
	createdAt: string;
	lastSignInAt: string | null;
	userMetadata: Record<string, unknown>;
	identities: Identity[];
	/** An email change waiting for its links (GoTrue's email_change). */
	emailChange: { email: string; confirmed: Set<'current' | 'new'> } | null;
}

/** A PKCE flow (GoTrue's flow_state): made by /authorize, /recover or an email change, spent by /token?grant_type=pkce. */
interface FlowState {
	id: string;
	challenge: string;
	method: 's256' | 'plain';
	kind: 'kakao' | 'recovery' | 'email_change';
	redirectTo: string;
	userId?: string;
	authCode?: string;
}

const ACCESS_TOKEN_SECONDS = 3600;
/** The double's own Kakao consent page (Kakao's, on a real project), under GoTrue's path. */
const KAKAO_PAGE = '/auth/v1/_double/kakao';

class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly extra: object = {}
	) {
		super(message);
	}
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startGoTrueDouble(options: GoTrueOptions = {}): Promise<GoTrueDouble> {
	const { autoconfirm = true, minPasswordLength = 6, db } = options;
	const { privateKey, publicKey } = await generateKeyPair('ES256');
	const kid = randomUUID();
	const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] }] };
	const users = new Map<string, User>(); // by email
	const sessions = new Map<string, string>(); // session id → user id
	const refreshTokens = new Map<string, string>(); // refresh token → session id
	const sessionMethods = new Map<string, string>(); // session id → how it began (the token's amr, kept on refresh)
	const flows = new Map<string, FlowState>();
	const oneTimeTokens = new Map<
		string,
		{ userId: string; type: 'signup' | 'recovery' | 'email_change'; side?: 'current' | 'new'; flowId?: string }
	>();
	const mails: SentMail[] = [];
	let failure: HttpError | undefined;
	let issuer = '';

	const sign = (payload: JWTPayload) => new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey);
	const userById = (id: string | undefined) => [...users.values()].find((u) => u.id === id);

	const appMetadata = (u: User) => ({
		provider: u.identities[0]?.provider ?? 'email',
		providers: [...new Set(u.identities.map((i) => i.provider))]
	});

	const userJson = (u: User) => ({
		id: u.id,
		aud: 'authenticated',
		role: 'authenticated',
		email: u.email,
		email_confirmed_at: u.confirmedAt,
		confirmed_at: u.confirmedAt,
		phone: '',
		last_sign_in_at: u.lastSignInAt,
		app_metadata: appMetadata(u),
		user_metadata: u.userMetadata,
		identities: u.identities.map((i) => ({
			identity_id: randomUUID(),
			id: i.providerId,
			user_id: u.id,
			identity_data: i.data,
			provider: i.provider,
			email: u.email,
			created_at: u.createdAt,
			updated_at: u.createdAt
		})),
		...(u.emailChange ? { new_email: u.emailChange.email, email_change_sent_at: new Date().toISOString() } : {}),
		created_at: u.createdAt,
		updated_at: u.createdAt,
		is_anonymous: false
	});

	async function createUser(user: User) {
		users.set(user.email, user);
		// The insert fires the project's on_auth_user_created trigger (the app's profile).
		if (db)
			await db`
			insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at)
			values ('00000000-0000-0000-0000-000000000000', ${user.id}, 'authenticated', 'authenticated', ${user.email},
				${user.confirmedAt}, ${db.json(appMetadata(user))}, ${db.json(user.userMetadata as never)}, ${user.createdAt})`;
	}

	async function endSessions(ids: string[]) {
		for (const id of ids) sessions.delete(id);
		if (db && ids.length) await db`delete from auth.sessions where id = any(${ids}::uuid[])`;
	}

	async function issueSession(user: User, req: http.IncomingMessage, how = 'password', sessionId: string = randomUUID()) {
		const now = Math.floor(Date.now() / 1000);
		const [method, startedAt] = (sessionMethods.get(sessionId) ?? `${how} ${now}`).split(' ');
		sessionMethods.set(sessionId, `${method} ${startedAt}`);
		user.lastSignInAt = new Date().toISOString();
		const fresh = !sessions.has(sessionId);
		sessions.set(sessionId, user.id);
		if (db && fresh)
			await db`
				insert into auth.sessions (id, user_id, not_after, user_agent)
				values (${sessionId}, ${user.id}, now() + interval '30 days', ${req.headers['user-agent'] ?? null})`;
		else if (db) await db`update auth.sessions set refreshed_at = now(), updated_at = now() where id = ${sessionId}`;
		const refreshToken = randomBytes(12).toString('base64url');
		refreshTokens.set(refreshToken, sessionId);
		const accessToken = await sign({
			iss: issuer,
			sub: user.id,
			aud: 'authenticated',
			exp: now + ACCESS_TOKEN_SECONDS,
			iat: now,
			email: user.email,
			phone: '',
			app_metadata: appMetadata(user),
			user_metadata: user.userMetadata,
			role: 'authenticated',
			aal: 'aal1',
			amr: [{ method, timestamp: Number(startedAt) }],
			session_id: sessionId,
			is_anonymous: false
		});
		return {
			access_token: accessToken,
			token_type: 'bearer',
			expires_in: ACCESS_TOKEN_SECONDS,
			expires_at: now + ACCESS_TOKEN_SECONDS,
			refresh_token: refreshToken,
			user: userJson(user)
		};
	}

	async function verifyToken(token: string): Promise<JWTPayload> {
		return jwtVerify(token, publicKey, { issuer }).then(
			(r) => r.payload,
			(e: Error) => {
				throw new HttpError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${e.message}`);
			}
		);
	}

	/** The user and session behind the request's bearer token, as GoTrue checks it. */
	async function authenticate(req: http.IncomingMessage): Promise<{ user: User; sessionId: string }> {
		const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
		if (!token) throw new HttpError(401, 'no_authorization', 'This endpoint requires a Bearer token');
		const payload = await verifyToken(token);
		if (payload.aud !== 'authenticated') throw new HttpError(403, 'bad_jwt', 'invalid JWT: audience');
		const sessionId = String(payload.session_id);
		if (!sessions.has(sessionId)) throw new HttpError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
		const user = userById(payload.sub);
		if (!user) throw new HttpError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
		return { user, sessionId };
	}

	async function requireServiceRole(req: http.IncomingMessage) {
		const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
		// The project's API keys are signed by the project, not issued by GoTrue: no issuer to check.
		const payload = token
			? await jwtVerify(token, publicKey).then(
					(r) => r.payload,
					() => null
				)
			: null;
		if (payload?.role !== 'service_role') throw new HttpError(403, 'not_admin', 'User not allowed');
	}

	// GoTrue lowercases and trims the address before it checks its format.
	const normalise = (email: unknown) => (typeof email === 'string' ? email.trim().toLowerCase() : '');
	const validEmail = (email: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);
	function requireEmail(raw: unknown): string {
		const email = normalise(raw);
		if (!email) throw new HttpError(400, 'validation_failed', 'To signup, please provide your email');
		if (!validEmail(email)) throw new HttpError(400, 'validation_failed', 'Unable to validate email address: invalid format');
		return email;
	}
	function checkPassword(password: unknown): string {
		if (typeof password !== 'string' || password === '') throw new HttpError(422, 'validation_failed', 'Signup requires a valid password');
		if (password.length < minPasswordLength)
			throw new HttpError(422, 'weak_password', `Password should be at least ${minPasswordLength} characters.`, {
				weak_password: { reasons: ['length'] }
			});
		return password;
	}

	function newFlow(body: Record<string, unknown>, kind: FlowState['kind'], redirectTo: string, userId?: string): FlowState | null {
		const challenge = typeof body.code_challenge === 'string' ? body.code_challenge : '';
		if (!challenge) return null;
		const method = body.code_challenge_method === 'plain' ? 'plain' : 's256';
		const flow: FlowState = { id: randomUUID(), challenge, method, kind, redirectTo, userId };
		flows.set(flow.id, flow);
		return flow;
	}

	/** Where a finished flow sends the browser: redirect_to with the auth code (PKCE) in the query. */
	function codeRedirect(flow: FlowState, userId: string): string {
		flow.userId = userId;
		flow.authCode = randomUUID();
		const to = new URL(flow.redirectTo);
		to.searchParams.set('code', flow.authCode);
		return to.toString();
	}

	function mail(to: string, type: SentMail['type'], token: string, redirectTo: string) {
		const link = new URL(`${issuer}/verify`);
		link.searchParams.set('token', token);
		link.searchParams.set('type', type);
		if (redirectTo) link.searchParams.set('redirect_to', redirectTo);
		mails.push({ to, type, link: link.toString() });
	}

	async function applyEmailChange(user: User) {
		const next = user.emailChange!.email;
		if (users.has(next)) throw new HttpError(422, 'email_exists', 'A user with this email address has already been registered');
		users.delete(user.email);
		user.email = next;
		user.userMetadata = { ...user.userMetadata, email: next };
		user.emailChange = null;
		users.set(next, user);
		if (db)
			await db`update auth.users set email = ${next}, raw_user_meta_data = ${db.json(user.userMetadata as never)}, updated_at = now()
			where id = ${user.id}`;
	}

	async function route(req: http.IncomingMessage, url: URL, body: Record<string, unknown>): Promise<[number, unknown]> {
		const path = url.pathname.replace(/^\/auth\/v1/, '');
		const grant = url.searchParams.get('grant_type');
		const redirectTo = url.searchParams.get('redirect_to') ?? '';

		if (req.method === 'POST' && path === '/signup') {
			const email = requireEmail(body.email);
			const password = checkPassword(body.password);
			const existing = users.get(email);
			if (existing && autoconfirm) throw new HttpError(422, 'user_already_exists', 'User already registered');
			const now = new Date().toISOString();
			const id = randomUUID();
			const user: User = {
				id,
				email,
				password,
				confirmedAt: autoconfirm ? now : null,
				createdAt: now,
				lastSignInAt: null,
				userMetadata: { ...(body.data as object), email, email_verified: autoconfirm, phone_verified: false, sub: id },
				identities: [{ provider: 'email', providerId: id, data: { sub: id, email } }],
				emailChange: null
			};
			// With confirmations on, GoTrue answers a taken email with a made-up user, so that sign-up
			// does not reveal who has an account.
			if (existing) return [200, { ...userJson(user), confirmation_sent_at: now }];
			await createUser(user);
			if (!autoconfirm) {
				const token = randomBytes(16).toString('hex');
				oneTimeTokens.set(token, { userId: id, type: 'signup' });
				mail(email, 'signup', token, redirectTo);
			}
			return [200, autoconfirm ? await issueSession(user, req) : { ...userJson(user), confirmation_sent_at: now }];
		}

		if (req.method === 'POST' && path === '/token' && grant === 'password') {
			const email = normalise(body.email);
			if (!email || typeof body.password !== 'string' || !body.password)
				throw new HttpError(400, 'validation_failed', 'missing email or phone');
			const user = users.get(email);
			if (!user || !user.password || user.password !== body.password)
				throw new HttpError(400, 'invalid_credentials', 'Invalid login credentials');
			if (!user.confirmedAt) throw new HttpError(400, 'email_not_confirmed', 'Email not confirmed');
			return [200, await issueSession(user, req)];
		}

		if (req.method === 'POST' && path === '/token' && grant === 'refresh_token') {
			const token = String(body.refresh_token);
			const sessionId = refreshTokens.get(token);
			const user = userById(sessions.get(sessionId ?? ''));
			if (!sessionId || !user) throw new HttpError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
			refreshTokens.delete(token); // rotation: each refresh token works once
			return [200, await issueSession(user, req, 'password', sessionId)];
		}

		// The PKCE exchange: the auth code from the redirect and the verifier whose hash /authorize was given.
		if (req.method === 'POST' && path === '/token' && grant === 'pkce') {
			const { auth_code: code, code_verifier: verifier } = body;
			if (typeof code !== 'string' || !code || typeof verifier !== 'string' || !verifier)
				throw new HttpError(400, 'validation_failed', 'invalid request: both auth code and code verifier should be non-empty');
			const flow = [...flows.values()].find((f) => f.authCode === code);
			if (!flow) throw new HttpError(404, 'flow_state_not_found', 'invalid flow state, no valid flow state found');
			const expected = flow.method === 'plain' ? verifier : s256(verifier);
			if (expected !== flow.challenge)
				throw new HttpError(400, 'bad_code_verifier', 'code challenge does not match previously saved code verifier');
			flows.delete(flow.id); // an auth code is spent once
			const user = userById(flow.userId);
			if (!user) throw new HttpError(404, 'user_not_found', 'User not found');
			const method = flow.kind === 'kakao' ? 'oauth' : flow.kind === 'recovery' ? 'recovery' : 'email_change';
			return [200, await issueSession(user, req, method)];
		}

		// OAuth: the browser comes here (no API key), GoTrue sends it on to the provider (here: the double's page).
		if (req.method === 'GET' && path === '/authorize') {
			const provider = url.searchParams.get('provider');
			if (provider !== 'kakao') throw new HttpError(400, 'validation_failed', 'Unsupported provider: Provider is not enabled');
			const flow = newFlow(Object.fromEntries(url.searchParams), 'kakao', redirectTo);
			if (!flow || !redirectTo) throw new HttpError(400, 'validation_failed', 'PKCE flow requires code_challenge and redirect_to');
			return [302, `${url.origin}${KAKAO_PAGE}?flow=${flow.id}`];
		}

		if (req.method === 'GET' && path === '/user') return [200, userJson((await authenticate(req)).user)];

		if (req.method === 'PUT' && path === '/user') {
			const { user } = await authenticate(req);
			if (body.password !== undefined) {
				const password = checkPassword(body.password);
				if (password === user.password)
					throw new HttpError(422, 'same_password', 'New password should be different from the old password.');
				user.password = password;
			}
			if (body.email !== undefined) {
				const email = requireEmail(body.email);
				if (email !== user.email) {
					if (users.has(email)) throw new HttpError(422, 'email_exists', 'A user with this email address has already been registered');
					user.emailChange = { email, confirmed: new Set() };
					if (autoconfirm) await applyEmailChange(user);
					else {
						// Secure email change (GoTrue's default): a link to each address; the change applies when both are followed.
						const flow = newFlow(body, 'email_change', redirectTo, user.id);
						for (const side of ['current', 'new'] as const) {
							const token = randomBytes(16).toString('hex');
							oneTimeTokens.set(token, { userId: user.id, type: 'email_change', side, flowId: flow?.id });
							mail(side === 'current' ? user.email : email, 'email_change', token, redirectTo);
						}
					}
				}
			}
			if (body.data && typeof body.data === 'object') user.userMetadata = { ...user.userMetadata, ...body.data };
			return [200, userJson(user)];
		}

		if (req.method === 'POST' && path === '/recover') {
			const email = requireEmail(body.email);
			const user = users.get(email);
			// Answered alike for unknown addresses.
			if (user) {
				const flow = newFlow(body, 'recovery', redirectTo, user.id);
				const token = randomBytes(16).toString('hex');
				oneTimeTokens.set(token, { userId: user.id, type: 'recovery', flowId: flow?.id });
				mail(email, 'recovery', token, redirectTo);
			}
			return [200, {}];
		}

		// A link from a mail: the browser comes here (no API key); spent once.
		if (req.method === 'GET' && path === '/verify') {
			const token = url.searchParams.get('token') ?? '';
			const entry = oneTimeTokens.get(token);
			const fallback = redirectTo || url.origin;
			if (!entry || entry.type !== url.searchParams.get('type')) {
				const to = new URL(fallback);
				to.searchParams.set('error', 'access_denied');
				to.searchParams.set('error_code', 'otp_expired');
				to.searchParams.set('error_description', 'Email link is invalid or has expired');
				return [303, to.toString()];
			}
			oneTimeTokens.delete(token);
			const user = userById(entry.userId)!;
			const flow = entry.flowId ? flows.get(entry.flowId) : undefined;
			if (entry.type === 'signup') {
				user.confirmedAt = new Date().toISOString();
				if (db) await db`update auth.users set email_confirmed_at = now() where id = ${user.id}`;
			}
			if (entry.type === 'email_change' && user.emailChange) {
				user.emailChange.confirmed.add(entry.side!);
				if (user.emailChange.confirmed.size < 2) {
					const to = new URL(fallback);
					to.searchParams.set('message', 'Confirmation link accepted. Please proceed to confirm link sent to the other email');
					return [303, to.toString()];
				}
				await applyEmailChange(user);
			}
			return [303, flow ? codeRedirect(flow, user.id) : fallback];
		}

		if (req.method === 'POST' && path === '/logout') {
			const { user, sessionId } = await authenticate(req);
			const scope = url.searchParams.get('scope') ?? 'global';
			const ending = [...sessions].filter(([id, userId]) =>
				scope === 'local' ? id === sessionId : scope === 'others' ? id !== sessionId && userId === user.id : userId === user.id
			);
			await endSessions(ending.map(([id]) => id));
			return [204, undefined];
		}

		const admin = /^\/admin\/users\/([0-9a-f-]{36})$/.exec(path);
		if (admin) {
			await requireServiceRole(req);
			const user = userById(admin[1]);
			if (!user) throw new HttpError(404, 'user_not_found', 'User not found');
			if (req.method === 'GET') return [200, userJson(user)];
			if (req.method === 'DELETE') {
				users.delete(user.email);
				await endSessions([...sessions].filter(([, userId]) => userId === user.id).map(([id]) => id));
				// Soft delete keeps the row, marked deleted with its email and password gone (the app's
				// on_auth_user_deleted trigger anonymises the profile in the same statement); hard delete removes it.
				if (!db) return [200, {}];
				if (body.should_soft_delete)
					await db`update auth.users set deleted_at = now(), email = null, encrypted_password = null, updated_at = now()
						where id = ${user.id}`;
				else await db`delete from auth.users where id = ${user.id}`;
				return [200, {}];
			}
		}

		throw new HttpError(404, 'not_found', `${req.method} ${path} is not part of this double`);
	}

	/** The double's Kakao: asks to share the account, then back to GoTrue's callback (here: straight to redirect_to). */
	async function kakaoPage(req: http.IncomingMessage, url: URL, form: URLSearchParams): Promise<[number, string]> {
		const flow = flows.get((req.method === 'POST' ? form.get('flow') : url.searchParams.get('flow')) ?? '');
		if (!flow || flow.kind !== 'kakao') return [400, '<p>Unknown or finished sign-in.</p>'];
		if (req.method === 'GET') {
			const kakaoId = String(Math.floor(Math.random() * 1e10));
			return [
				200,
				`<!doctype html><html lang="ko"><meta charset="utf-8"><title>카카오계정 (test double)</title>
				<form method="post" action="${KAKAO_PAGE}">
				<h1>카카오계정으로 로그인</h1>
				<input type="hidden" name="flow" value="${escapeHtml(flow.id)}">
				<label>카카오계정 이메일 <input name="email" value="kakao-${kakaoId}@kakao.test"></label>
				<label>닉네임 <input name="nickname" value="카카오 사용자"></label>
				<button name="action" value="agree">동의하고 계속하기</button>
				<button name="action" value="cancel">취소</button>
				</form></html>`
			];
		}
		const to = new URL(flow.redirectTo);
		if (form.get('action') !== 'agree') {
			flows.delete(flow.id);
			to.searchParams.set('error', 'access_denied');
			to.searchParams.set('error_code', 'provider_error');
			to.searchParams.set('error_description', 'User denied access');
			return [303, to.toString()];
		}
		const email = normalise(form.get('email'));
		const nickname = form.get('nickname') || '카카오 사용자';
		let user = users.get(email);
		if (!user) {
			const now = new Date().toISOString();
			const providerId = String(createHash('sha256').update(email).digest().readUInt32BE(0));
			const data = {
				iss: 'https://kauth.kakao.com',
				sub: providerId,
				provider_id: providerId,
				name: nickname,
				full_name: nickname,
				user_name: nickname,
				preferred_username: nickname,
				email,
				email_verified: true,
				phone_verified: false
			};
			user = {
				id: randomUUID(),
				email,
				password: null,
				confirmedAt: now,
				createdAt: now,
				lastSignInAt: null,
				userMetadata: data,
				identities: [{ provider: 'kakao', providerId, data }],
				emailChange: null
			};
			await createUser(user);
		}
		return [303, codeRedirect(flow, user.id)];
	}

	// The handler's promise is never left to reject: its catch answers every failure.
	const server = http.createServer((req, res) => void handle(req, res));
	async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const url = new URL(req.url ?? '/', issuer);
		const reply = (status: number, body: unknown) => {
			if (status === 302 || status === 303) {
				res.writeHead(status, { location: String(body) });
				return res.end();
			}
			res.writeHead(status, { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' });
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};
		try {
			let raw = '';
			for await (const chunk of req) raw += chunk;
			if (url.pathname === KAKAO_PAGE) {
				const [status, page] = await kakaoPage(req, url, new URLSearchParams(raw));
				if (status === 303) return reply(status, page);
				res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
				return res.end(page);
			}
			if (req.method === 'GET' && url.pathname === '/auth/v1/.well-known/jwks.json') return reply(200, jwks);
			// The API gateway in front of GoTrue refuses requests without the project's key, except the
			// pages a browser is sent to (authorize, verify).
			const open = req.method === 'GET' && /^\/auth\/v1\/(authorize|verify)$/.test(url.pathname);
			if (!open && req.headers.apikey !== anonKey && req.headers.apikey !== serviceRoleKey)
				return reply(401, { message: 'Invalid API key' });
			if (failure) {
				const f = failure;
				failure = undefined;
				throw f;
			}
			const [status, body] = await route(req, url, raw ? (JSON.parse(raw) as Record<string, unknown>) : {});
			reply(status, body);
		} catch (e) {
			const error = e instanceof HttpError ? e : new HttpError(500, 'unexpected_failure', String(e));
			reply(error.status, { code: error.code, msg: error.message, ...error.extra });
		}
	}
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	issuer = `${origin}/auth/v1`;
	const now = Math.floor(Date.now() / 1000);
	const anonKey = options.anonKey ?? (await sign({ iss: 'supabase-demo', role: 'anon', iat: now, exp: now + 10 * 365 * 86400 }));
	const serviceRoleKey = await sign({ iss: 'supabase-demo', role: 'service_role', iat: now, exp: now + 10 * 365 * 86400 });

	return {
		url: origin,
		anonKey,
		serviceRoleKey,
		sign,
		mails,
		failNext(status, code = status >= 500 ? 'unexpected_failure' : 'request_failed') {
			failure = new HttpError(status, code, `failure injected by the test (${status} ${code})`);
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((e) => (e ? reject(e) : resolve()));
			})
	};
}
