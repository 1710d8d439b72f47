// A GoTrue (Supabase Auth) test double: a local HTTP server speaking the wire format the Supabase
// adapter uses — paths, the X-Supabase-Api-Version error bodies with their `code`, and ES256 access
// tokens published in a JWKS, so getClaims() verifies them exactly as it does against a real project.
// Users, sessions and refresh tokens live in memory; passwords are kept in plain text (a double).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWTPayload } from 'jose';

export interface GoTrueOptions {
	/** GOTRUE_MAILER_AUTOCONFIRM: sign-up returns a session. Off: it returns the user and "sends" a link. */
	autoconfirm?: boolean;
	/** GOTRUE_PASSWORD_MIN_LENGTH; GoTrue's default is 6. */
	minPasswordLength?: number;
}

export interface GoTrueDouble {
	url: string;
	anonKey: string;
	close(): Promise<void>;
	/** Signs a token with the double's key, for tests that forge sessions (expired ones, say). */
	sign(payload: JWTPayload): Promise<string>;
	/** The next API request answers with this status and error code (rate limits, outages). */
	failNext(status: number, code?: string): void;
}

interface User {
	id: string;
	email: string;
	password: string;
	confirmedAt: string | null;
	createdAt: string;
	lastSignInAt: string | null;
	userMetadata: Record<string, unknown>;
}

const ACCESS_TOKEN_SECONDS = 3600;
const appMetadata = { provider: 'email', providers: ['email'] };

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

export async function startGoTrueDouble(options: GoTrueOptions = {}): Promise<GoTrueDouble> {
	const { autoconfirm = true, minPasswordLength = 6 } = options;
	const { privateKey, publicKey } = await generateKeyPair('ES256');
	const kid = randomUUID();
	const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig', key_ops: ['verify'] }] };
	const users = new Map<string, User>(); // by email
	const sessions = new Map<string, string>(); // session id → user id
	const refreshTokens = new Map<string, string>(); // refresh token → session id
	let failure: HttpError | undefined;
	let issuer = '';

	const sign = (payload: JWTPayload) => new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey);

	const userJson = (u: User) => ({
		id: u.id,
		aud: 'authenticated',
		role: 'authenticated',
		email: u.email,
		email_confirmed_at: u.confirmedAt,
		confirmed_at: u.confirmedAt,
		phone: '',
		last_sign_in_at: u.lastSignInAt,
		app_metadata: appMetadata,
		user_metadata: u.userMetadata,
		identities: [],
		created_at: u.createdAt,
		updated_at: u.createdAt,
		is_anonymous: false
	});

	async function issueSession(user: User, sessionId: string = randomUUID()) {
		const now = Math.floor(Date.now() / 1000);
		user.lastSignInAt = new Date().toISOString();
		sessions.set(sessionId, user.id);
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
			app_metadata: appMetadata,
			user_metadata: user.userMetadata,
			role: 'authenticated',
			aal: 'aal1',
			amr: [{ method: 'password', timestamp: now }],
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

	/** The user and session behind the request's bearer token, as GoTrue checks it. */
	async function authenticate(req: http.IncomingMessage): Promise<{ user: User; sessionId: string }> {
		const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
		if (!token) throw new HttpError(401, 'no_authorization', 'This endpoint requires a Bearer token');
		const payload = await jwtVerify(token, publicKey, { issuer, audience: 'authenticated' }).then(
			(r) => r.payload,
			(e: Error) => {
				throw new HttpError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${e.message}`);
			}
		);
		const sessionId = String(payload.session_id);
		if (!sessions.has(sessionId)) throw new HttpError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
		const user = [...users.values()].find((u) => u.id === payload.sub);
		if (!user) throw new HttpError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
		return { user, sessionId };
	}

	const validEmail = (email: unknown): email is string => typeof email === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);

	async function route(req: http.IncomingMessage, url: URL, body: Record<string, unknown>): Promise<[number, unknown]> {
		const path = url.pathname.replace(/^\/auth\/v1/, '');
		const grant = url.searchParams.get('grant_type');

		if (req.method === 'POST' && path === '/signup') {
			const { email, password, data } = body;
			if (!validEmail(email)) throw new HttpError(400, 'email_address_invalid', 'Email address is invalid');
			if (typeof password !== 'string' || password.length < minPasswordLength)
				throw new HttpError(422, 'weak_password', `Password should be at least ${minPasswordLength} characters.`, {
					weak_password: { reasons: ['length'] }
				});
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
				userMetadata: { ...(data as object), email, email_verified: autoconfirm, phone_verified: false, sub: id }
			};
			// With confirmations on, GoTrue answers a taken email with a made-up user, so that sign-up
			// does not reveal who has an account.
			if (existing) return [200, { ...userJson(user), confirmation_sent_at: now }];
			users.set(email, user);
			return [200, autoconfirm ? await issueSession(user) : { ...userJson(user), confirmation_sent_at: now }];
		}

		if (req.method === 'POST' && path === '/token' && grant === 'password') {
			const user = typeof body.email === 'string' ? users.get(body.email) : undefined;
			if (!user || user.password !== body.password) throw new HttpError(400, 'invalid_credentials', 'Invalid login credentials');
			if (!user.confirmedAt) throw new HttpError(400, 'email_not_confirmed', 'Email not confirmed');
			return [200, await issueSession(user)];
		}

		if (req.method === 'POST' && path === '/token' && grant === 'refresh_token') {
			const token = String(body.refresh_token);
			const sessionId = refreshTokens.get(token);
			const user = [...users.values()].find((u) => u.id === sessions.get(sessionId ?? ''));
			if (!sessionId || !user) throw new HttpError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
			refreshTokens.delete(token); // rotation: each refresh token works once
			return [200, await issueSession(user, sessionId)];
		}

		if (req.method === 'GET' && path === '/user') return [200, userJson((await authenticate(req)).user)];

		// updateUser: only the password here (an email change is confirmed by mail in GoTrue).
		if (req.method === 'PUT' && path === '/user') {
			const { user } = await authenticate(req);
			const { password } = body;
			if (typeof password !== 'string' || password.length < minPasswordLength)
				throw new HttpError(422, 'weak_password', `Password should be at least ${minPasswordLength} characters.`, {
					weak_password: { reasons: ['length'] }
				});
			if (password === user.password) throw new HttpError(422, 'same_password', 'New password should be different from the old password.');
			user.password = password;
			return [200, userJson(user)];
		}

		if (req.method === 'POST' && path === '/logout') {
			const { user, sessionId } = await authenticate(req);
			const scope = url.searchParams.get('scope') ?? 'global';
			for (const [id, userId] of sessions) {
				const ends =
					scope === 'local' ? id === sessionId : scope === 'others' ? id !== sessionId && userId === user.id : userId === user.id;
				if (ends) sessions.delete(id);
			}
			return [204, undefined];
		}

		throw new HttpError(404, 'not_found', `${req.method} ${path} is not part of this double`);
	}

	// The handler's promise is never left to reject: its catch answers every failure.
	const server = http.createServer((req, res) => void handle(req, res));
	async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
		const url = new URL(req.url ?? '/', issuer);
		const reply = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' });
			res.end(body === undefined ? undefined : JSON.stringify(body));
		};
		try {
			if (req.method === 'GET' && url.pathname === '/auth/v1/.well-known/jwks.json') return reply(200, jwks);
			// The API gateway in front of GoTrue refuses requests without the project's key.
			if (req.headers.apikey !== anonKey) return reply(401, { message: 'Invalid API key' });
			if (failure) {
				const f = failure;
				failure = undefined;
				throw f;
			}
			let raw = '';
			for await (const chunk of req) raw += chunk;
			const [status, body] = await route(req, url, raw ? (JSON.parse(raw) as Record<string, unknown>) : {});
			reply(status, body);
		} catch (e) {
			const error = e instanceof HttpError ? e : new HttpError(500, 'unexpected_failure', String(e));
			reply(error.status, { code: error.code, msg: error.message, ...error.extra });
		}
	}
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	issuer = `${origin}/auth/v1`;
	const now = Math.floor(Date.now() / 1000);
	const anonKey = await sign({ iss: 'supabase-demo', role: 'anon', iat: now, exp: now + 10 * 365 * 86400 });

	return {
		url: origin,
		anonKey,
		sign,
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
