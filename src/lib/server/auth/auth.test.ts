// The auth contract against every adapter, plus what only one adapter promises.
import fs from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import { FakeCookies } from '../../../../tests/doubles/cookies';
import { startGoTrueDouble, type GoTrueDouble } from '../../../../tests/doubles/gotrue';
import { testSql } from '../../../../tests/integration/db';
import { parseConfig } from '../config';
import { authContract, editSession, uniqueEmail } from './contract';
import { tokenHash } from './embedded';
import { createAuth } from './index';

const SECRET = 'a-test-session-secret-of-32-bytes-or-more';
const HTTP = new URL('http://localhost:5173/');
const tempDirs: string[] = [];
const tempDir = async () => {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sl-auth-'));
	tempDirs.push(dir);
	return dir;
};
afterAll(() => Promise.all(tempDirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

const signHs256 = (payload: JWTPayload, secret = SECRET) =>
	new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));

const embedded = async (env: Record<string, string> = { SESSION_SECRET: SECRET }) => {
	testSql();
	return createAuth(parseConfig({ DATA_DIR: await tempDir(), ...env }));
};
const supabase = (url: string, anonKey: string, env: Record<string, string> = {}) =>
	createAuth(parseConfig({ PUBLIC_SUPABASE_URL: url, PUBLIC_SUPABASE_ANON_KEY: anonKey, ...env }));
/** The Supabase adapter as deployed with the project's database and its service-role key (GoTrue writes auth.*). */
const supabaseProject = (gotrue: GoTrueDouble, env: Record<string, string> = {}) => {
	testSql();
	return supabase(gotrue.url, gotrue.anonKey, {
		DATABASE_URL: 'postgres://project.invalid/postgres',
		SUPABASE_SERVICE_ROLE_KEY: gotrue.serviceRoleKey,
		...env
	});
};

authContract('embedded', async () => ({
	port: await embedded(),
	cleanup: async () => {},
	sign: (p) => signHs256(p),
	accountSettings: ['password', 'email', 'sessions', 'deletion', 'confirmation']
}));

authContract('supabase adapter ↔ GoTrue double', async () => {
	const gotrue = await startGoTrueDouble({ db: testSql() });
	return {
		port: supabaseProject(gotrue),
		cleanup: () => gotrue.close(),
		sign: (p) => gotrue.sign(p),
		tokensOutliveSessions: true,
		accountSettings: ['password', 'email', 'sessions', 'deletion']
	};
});

authContract('supabase adapter ↔ GoTrue double, without the project database or service-role key', async () => {
	const gotrue = await startGoTrueDouble();
	return {
		port: supabase(gotrue.url, gotrue.anonKey),
		cleanup: () => gotrue.close(),
		sign: (p) => gotrue.sign(p),
		tokensOutliveSessions: true,
		accountSettings: ['password', 'email']
	};
});

const realUrl = process.env.PUBLIC_SUPABASE_URL;
const realKey = process.env.PUBLIC_SUPABASE_ANON_KEY;
if (realUrl && realKey) {
	// Leaves its test accounts behind; the project needs email confirmation off.
	authContract('supabase adapter ↔ real project', () =>
		Promise.resolve({
			port: supabase(realUrl, realKey),
			cleanup: async () => {},
			tokensOutliveSessions: true,
			accountSettings: ['password']
		})
	);
} else {
	describe.skip('auth contract: supabase adapter ↔ real project (skipped: PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are not set)', () => {
		it('runs the contract against the project', () => {});
	});
}

describe('embedded auth', () => {
	const input = () => ({ email: uniqueEmail(), password: 'correct-horse', role: 'startup' as const, displayName: '박대표' });

	it('uses the kind that the config picks', async () => {
		expect((await embedded()).kind).toBe('embedded');
		expect(supabase('http://127.0.0.1:1', 'key').kind).toBe('supabase');
	});

	it('keeps the session in one HttpOnly cookie for 7 days, holding a JWT in Supabase’s shape', async () => {
		const cookies = new FakeCookies();
		await (await embedded()).forRequest({ cookies, url: HTTP }).signUp(input());
		const [set] = cookies.stored();
		expect(set).toMatchObject({
			name: 'sl_session',
			options: { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 7 * 24 * 3600 }
		});
		expect(decodeProtectedHeader(set.value)).toMatchObject({ alg: 'HS256' });
		const claims = decodeJwt(set.value);
		expect(Object.keys(claims).sort()).toEqual(
			['app_metadata', 'aud', 'email', 'exp', 'iat', 'role', 'session_id', 'sub', 'user_metadata'].sort()
		);
		expect(claims).toMatchObject({
			aud: 'authenticated',
			role: 'authenticated',
			app_metadata: { provider: 'email' },
			user_metadata: { role: 'startup', display_name: '박대표' }
		});
		expect(claims.exp! - claims.iat!).toBe(7 * 24 * 3600);
	});

	it('signing out ends the session for every copy of its cookie, not only the browser that signed out', async () => {
		const auth = await embedded();
		const browser = new FakeCookies();
		await auth.forRequest({ cookies: browser, url: HTTP }).signUp(input());
		// Someone copied the cookie (another tab, or a thief) before the owner signed out.
		const copy = new FakeCookies();
		copy.set('sl_session', browser.get('sl_session')!, { path: '/' });
		expect(await auth.forRequest({ cookies: copy, url: HTTP }).claims()).not.toBeNull();
		await auth.forRequest({ cookies: browser, url: HTTP }).signOut();
		expect(await auth.forRequest({ cookies: copy, url: HTTP }).claims()).toBeNull();
		// Another instance of the app, which never saw this session, refuses it too.
		expect(await (await embedded()).forRequest({ cookies: copy, url: HTTP }).claims()).toBeNull();
	});

	it('refuses a session past its end, even with a token that has not expired', async () => {
		const auth = await embedded();
		const cookies = new FakeCookies();
		await auth.forRequest({ cookies, url: HTTP }).signUp(input());
		const { session_id } = decodeJwt(cookies.get('sl_session')!) as { session_id: string };
		await testSql()`update auth.sessions set not_after = now() - interval '1 second' where id = ${session_id}`;
		// Another instance of the app (this one remembers the session as live for a few seconds).
		expect(await (await embedded()).forRequest({ cookies, url: HTTP }).claims()).toBeNull();
	});

	it('creates the profile with the role chosen at sign-up', async () => {
		const result = await (await embedded()).forRequest({ cookies: new FakeCookies(), url: HTTP }).signUp(input());
		const sub = result.ok && result.claims?.sub;
		const rows = await testSql()`select role, display_name from public.profiles where id = ${sub || null}`;
		expect(rows).toEqual([{ role: 'startup', display_name: '박대표' }]);
	});

	it('keeps the language the user signed up in, Korean when none is given, for their mail', async () => {
		const locale = async (extra: { locale?: 'ko' | 'en' }) => {
			const result = await (await embedded()).forRequest({ cookies: new FakeCookies(), url: HTTP }).signUp({ ...input(), ...extra });
			const sub = result.ok && result.claims?.sub;
			const [row] = await testSql()<{ locale: string }[]>`select locale from public.profiles where id = ${sub || null}`;
			return row.locale;
		};
		expect(await locale({ locale: 'en' })).toBe('en');
		expect(await locale({})).toBe('ko');
	});

	it('signs in an account that seed.sql made with pgcrypto’s crypt()', async () => {
		const email = uniqueEmail();
		const [made] = await testSql()<{ id: string; encrypted_password: string }[]>`
			insert into auth.users (email, encrypted_password, raw_user_meta_data)
			values (${email}, extensions.crypt('secret-pass', extensions.gen_salt('bf')), '{"role":"craftsman"}')
			returning id, encrypted_password`;
		expect(made.encrypted_password).toMatch(/^\$2a\$/);
		const result = await (
			await embedded()
		)
			.forRequest({ cookies: new FakeCookies(), url: HTTP })
			.signIn({ email, password: 'secret-pass' });
		expect(result).toMatchObject({ ok: true, claims: { sub: made.id, user_metadata: { role: 'craftsman' } } });
		const [user] = await testSql()`select last_sign_in_at from auth.users where id = ${made.id}`;
		expect(user.last_sign_in_at).toBeInstanceOf(Date);
	});

	it('without SESSION_SECRET, makes a private secret once and keeps sessions across restarts', async () => {
		testSql();
		const dataDir = await tempDir();
		const cookies = new FakeCookies();
		const first = createAuth(parseConfig({ DATA_DIR: dataDir }));
		const result = await first.forRequest({ cookies, url: HTTP }).signUp(input());
		expect((await fs.stat(path.join(dataDir, 'session-secret'))).mode & 0o777).toBe(0o600);
		const restarted = createAuth(parseConfig({ DATA_DIR: dataDir }));
		expect((await restarted.forRequest({ cookies, url: HTTP }).claims())?.sub).toBe(result.ok && result.claims?.sub);
		const elsewhere = createAuth(parseConfig({ DATA_DIR: await tempDir() }));
		expect(await elsewhere.forRequest({ cookies, url: HTTP }).claims()).toBeNull();
	});

	it('refuses tokens it did not make for a signed-in user, and drops the cookie', async () => {
		const auth = await embedded();
		const now = Math.floor(Date.now() / 1000);
		const user = { sub: crypto.randomUUID(), role: 'authenticated', aud: 'authenticated', iat: now, exp: now + 60 };
		const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
		const tokens = [
			'not-a-jwt',
			`${b64({ alg: 'none', typ: 'JWT' })}.${b64(user)}.`,
			await signHs256(user, 'another-secret-of-32-bytes-or-more!!'),
			await signHs256({ ...user, aud: 'anon' }),
			await signHs256({ ...user, role: 'anon' })
		];
		for (const token of tokens) {
			const cookies = new FakeCookies();
			cookies.jar.set('sl_session', token);
			expect(await auth.forRequest({ cookies, url: HTTP }).claims()).toBeNull();
			expect(cookies.jar.has('sl_session')).toBe(false);
		}
	});
});

describe('supabase adapter ↔ GoTrue double', () => {
	let gotrue: GoTrueDouble;
	beforeAll(async () => {
		gotrue = await startGoTrueDouble();
	});
	afterAll(() => gotrue.close());
	const account = () => ({ email: uniqueEmail(), password: 'correct-horse', role: 'craftsman' as const, displayName: '김장인' });
	const visit = (cookies = new FakeCookies()) => supabase(gotrue.url, gotrue.anonKey).forRequest({ cookies, url: HTTP });

	it('renews an expired access token with the refresh token and rewrites the cookie', async () => {
		const cookies = new FakeCookies();
		const result = await visit(cookies).signUp(account());
		const past = Math.floor(Date.now() / 1000) - 60;
		await editSession(cookies, async (session) => {
			session.access_token = await gotrue.sign({ ...decodeJwt(session.access_token), iat: past - 3600, exp: past });
			session.expires_at = past;
		});
		const before = cookies.log.length;
		expect((await visit(cookies).claims())?.sub).toBe(result.ok && result.claims?.sub);
		expect(cookies.log.slice(before).some((r) => r.name.endsWith('-auth-token') && r.value !== '')).toBe(true);
	});

	it.each([
		[429, 'over_request_rate_limit', 'rate_limited'],
		[429, 'over_email_send_rate_limit', 'rate_limited'],
		[503, undefined, 'unavailable']
	])('maps a %i %s answer to %s', async (status, code, error) => {
		gotrue.failNext(status, code);
		expect(await visit().signIn(account())).toEqual({ ok: false, error });
	});

	it('reports an unreachable auth server as unavailable', async () => {
		const down = supabase('http://127.0.0.1:1', gotrue.anonKey).forRequest({ cookies: new FakeCookies(), url: HTTP });
		expect(await down.signIn(account())).toEqual({ ok: false, error: 'unavailable' });
		expect(await down.claims()).toBeNull();
	});

	it('with email confirmation on, signs up without a session and reveals no existing account', async () => {
		const confirming = await startGoTrueDouble({ autoconfirm: false });
		try {
			const session = (cookies = new FakeCookies()) => supabase(confirming.url, confirming.anonKey).forRequest({ cookies, url: HTTP });
			const input = account();
			const cookies = new FakeCookies();
			expect(await session(cookies).signUp(input)).toEqual({ ok: true, claims: null, confirmationSent: true });
			expect(await session(cookies).claims()).toBeNull();
			expect(await session().signUp(input)).toEqual({ ok: true, claims: null, confirmationSent: true });
			expect(await session().signIn(input)).toEqual({ ok: false, error: 'invalid_credentials' });
		} finally {
			await confirming.close();
		}
	});
});

describe('embedded password reset', () => {
	const account = () => ({ email: uniqueEmail(), password: 'first-password', role: 'craftsman' as const, displayName: '정장인' });

	it('mails nothing for an unknown email, and a token for a known one that is stored only as a hash', async () => {
		const auth = await embedded();
		const visit = () => auth.forRequest({ cookies: new FakeCookies(), url: HTTP });
		expect(await visit().requestPasswordReset(uniqueEmail())).toBeNull();
		const input = account();
		await visit().signUp(input);
		const reset = await visit().requestPasswordReset(` ${input.email.toUpperCase()} `);
		expect(reset?.email).toBe(input.email);
		const stored = await testSql()<{ token_hash: string }[]>`
			select token_hash from auth.one_time_tokens t join auth.users u on u.id = t.user_id where u.email = ${input.email}`;
		expect(stored).toHaveLength(1);
		expect(stored[0].token_hash).not.toContain(reset!.token);
	});

	it('sets the new password once: the link cannot be used twice, old sessions end, the new password works', async () => {
		const auth = await embedded();
		const input = account();
		const before = new FakeCookies();
		await auth.forRequest({ cookies: before, url: HTTP }).signUp(input);
		const { token } = (await auth.forRequest({ cookies: new FakeCookies(), url: HTTP }).requestPasswordReset(input.email))!;
		const visit = () => auth.forRequest({ cookies: new FakeCookies(), url: HTTP });
		expect(await visit().resetPassword(token, 'short')).toEqual({ ok: false, error: 'weak_password' });
		expect(await visit().resetPassword(token, 'second-password')).toEqual({ ok: true });
		expect(await visit().resetPassword(token, 'third-password')).toEqual({ ok: false, error: 'invalid_token' });
		expect(await auth.forRequest({ cookies: before, url: HTTP }).claims()).toBeNull();
		expect(await visit().signIn({ email: input.email, password: 'first-password' })).toEqual({ ok: false, error: 'invalid_credentials' });
		expect(await visit().signIn({ email: input.email, password: 'second-password' })).toMatchObject({ ok: true });
	});

	it('refuses a token older than an hour', async () => {
		const auth = await embedded();
		const input = account();
		await auth.forRequest({ cookies: new FakeCookies(), url: HTTP }).signUp(input);
		const { token } = (await auth.forRequest({ cookies: new FakeCookies(), url: HTTP }).requestPasswordReset(input.email))!;
		await testSql()`update auth.one_time_tokens set created_at = now() - interval '61 minutes' where token_hash = ${tokenHash(token)}`;
		expect(await auth.forRequest({ cookies: new FakeCookies(), url: HTTP }).resetPassword(token, 'second-password')).toEqual({
			ok: false,
			error: 'invalid_token'
		});
	});
});

describe('supabase adapter ↔ GoTrue double: Kakao, mail links and the project database', () => {
	let gotrue: GoTrueDouble;
	beforeAll(async () => {
		gotrue = await startGoTrueDouble({ db: testSql() });
	});
	afterAll(() => gotrue.close());
	const account = () => ({ email: uniqueEmail(), password: 'correct-horse', role: 'startup' as const, displayName: '이대표' });
	const visit = (cookies = new FakeCookies(), env: Record<string, string> = {}) =>
		supabaseProject(gotrue, env).forRequest({ cookies, url: HTTP });

	/** Plays the browser at the double's Kakao page: the address GoTrue sends it back to. */
	async function kakaoConsent(authorizeUrl: string, action: 'agree' | 'cancel', email = uniqueEmail()): Promise<URL> {
		const page = await fetch(authorizeUrl, { redirect: 'manual' });
		expect(page.status).toBe(302);
		const consent = new URL(page.headers.get('location')!);
		const html = await (await fetch(consent)).text();
		expect(html).toContain('동의하고 계속하기');
		const flow = /name="flow" value="([^"]+)"/.exec(html)![1];
		const back = await fetch(consent, {
			method: 'POST',
			redirect: 'manual',
			body: new URLSearchParams({ flow, email, nickname: '김카카오', action })
		});
		return new URL(back.headers.get('location')!);
	}

	it('offers Kakao only where SUPABASE_KAKAO says the project has it; the embedded adapter never', async () => {
		expect(supabaseProject(gotrue, { SUPABASE_KAKAO: '1' }).providers).toEqual(['kakao']);
		expect(supabaseProject(gotrue).providers).toEqual([]);
		expect((await embedded()).providers).toEqual([]);
		const local = (await embedded()).forRequest({ cookies: new FakeCookies(), url: HTTP });
		expect(await local.startOAuth('kakao', 'http://localhost:5173/auth/callback')).toEqual({ ok: false, error: 'unavailable' });
	});

	it('signs in with Kakao through PKCE: the verifier stays in this browser, the code works once and only with it', async () => {
		const browser = new FakeCookies();
		const started = await visit(browser).startOAuth('kakao', 'http://localhost:5173/auth/callback?next=%2Fdashboard');
		if (!started.ok) throw new Error('no OAuth start');
		const authorize = new URL(started.url);
		expect(authorize.pathname).toBe('/auth/v1/authorize');
		expect(authorize.searchParams.get('provider')).toBe('kakao');
		expect(authorize.searchParams.get('code_challenge_method')).toBe('s256');
		expect([...browser.jar.keys()].some((k) => k.includes('code-verifier'))).toBe(true);
		const email = uniqueEmail();
		const back = await kakaoConsent(started.url, 'agree', email.toUpperCase());
		expect(back.pathname).toBe('/auth/callback');
		const code = back.searchParams.get('code')!;
		const flowId = back.searchParams.get('sb_flow_id');
		// Another browser (no verifier) cannot use the code.
		expect(await visit().exchangeCode(code, flowId)).toEqual({ ok: false, error: 'invalid_code' });
		const result = await visit(browser).exchangeCode(code, flowId);
		expect(result).toMatchObject({
			ok: true,
			recovery: false,
			claims: { email, app_metadata: { provider: 'kakao' }, user_metadata: { name: '김카카오' } }
		});
		expect((await visit(browser).claims())?.email).toBe(email);
		// Spent.
		expect(await visit(browser).exchangeCode(code, flowId)).toEqual({ ok: false, error: 'invalid_code' });
		// GoTrue made the user in the project's database: the profile exists, without a chosen role.
		const [profile] = await testSql()`select display_name from public.profiles where id = ${result.ok ? result.claims.sub : null}`;
		expect(profile).toEqual({ display_name: '' });
	});

	it('answers GoTrue’s codes for a wrong verifier and an unknown code', async () => {
		const challenge = createHash('sha256').update('the-right-verifier-of-43-characters-or-more!').digest('base64url');
		const authorize = `${gotrue.url}/auth/v1/authorize?provider=kakao&redirect_to=${encodeURIComponent('http://localhost:5173/auth/callback')}&code_challenge=${challenge}&code_challenge_method=s256`;
		const code = (await kakaoConsent(authorize, 'agree')).searchParams.get('code');
		const token = (body: object) =>
			fetch(`${gotrue.url}/auth/v1/token?grant_type=pkce`, {
				method: 'POST',
				headers: { apikey: gotrue.anonKey, 'content-type': 'application/json' },
				body: JSON.stringify(body)
			}).then(async (r) => [r.status, ((await r.json()) as { code: string }).code]);
		expect(await token({ auth_code: code, code_verifier: 'a-wrong-verifier' })).toEqual([400, 'bad_code_verifier']);
		expect(await token({ auth_code: crypto.randomUUID(), code_verifier: 'a-wrong-verifier' })).toEqual([404, 'flow_state_not_found']);
		expect(await token({ auth_code: code })).toEqual([400, 'validation_failed']);
	});

	it('comes back from a cancelled Kakao consent with access_denied and no session', async () => {
		const browser = new FakeCookies();
		const started = await visit(browser).startOAuth('kakao', 'http://localhost:5173/auth/callback');
		const back = await kakaoConsent(started.ok ? started.url : '', 'cancel');
		expect(back.searchParams.get('error')).toBe('access_denied');
		expect(back.searchParams.has('code')).toBe(false);
		expect(await visit(browser).claims()).toBeNull();
	});

	it('answers validation_failed for a malformed email or a missing password, and keeps emails in lower case', async () => {
		const signup = (body: object) =>
			fetch(`${gotrue.url}/auth/v1/signup`, {
				method: 'POST',
				headers: { apikey: gotrue.anonKey, 'content-type': 'application/json' },
				body: JSON.stringify(body)
			}).then(async (r) => [r.status, ((await r.json()) as { code?: string; user?: { email: string } }).code]);
		expect(await signup({ email: 'not-an-email', password: 'correct-horse' })).toEqual([400, 'validation_failed']);
		expect(await signup({ email: uniqueEmail() })).toEqual([422, 'validation_failed']);
		const email = uniqueEmail();
		const made = await fetch(`${gotrue.url}/auth/v1/signup`, {
			method: 'POST',
			headers: { apikey: gotrue.anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: ` ${email.toUpperCase()} `, password: 'correct-horse' })
		}).then((r) => r.json() as Promise<{ user: { email: string } }>);
		expect(made.user.email).toBe(email);
	});

	it('resets the password from GoTrue’s recovery link: only the session it opened, once, and every session ends', async () => {
		const input = account();
		const other = new FakeCookies();
		await visit(other).signUp(input);
		const browser = new FakeCookies();
		expect(await visit(browser).requestPasswordReset(input.email.toUpperCase())).toBeNull();
		const sent = gotrue.mails.filter((m) => m.to === input.email && m.type === 'recovery').at(-1)!;
		const landed = await fetch(sent.link, { redirect: 'manual' });
		const back = new URL(landed.headers.get('location')!);
		expect(`${back.pathname}?next=${back.searchParams.get('next')}`).toBe('/auth/callback?next=/reset-password');
		const exchanged = await visit(browser).exchangeCode(back.searchParams.get('code')!, back.searchParams.get('sb_flow_id'));
		if (!exchanged.ok) throw new Error('recovery code refused');
		expect(exchanged.recovery).toBe(true);
		const token = exchanged.claims.session_id!;
		// Not a session that signed in with the password, nor another session's id.
		expect(await visit(other).resetPassword(token, 'second-password')).toEqual({ ok: false, error: 'invalid_token' });
		expect(await visit(browser).resetPassword(crypto.randomUUID(), 'second-password')).toEqual({ ok: false, error: 'invalid_token' });
		expect(await visit(browser).resetPassword(token, 'short')).toEqual({ ok: false, error: 'weak_password' });
		expect(await visit(browser).resetPassword(token, 'second-password')).toEqual({ ok: true });
		expect(await visit(browser).claims()).toBeNull();
		await editSession(other, async (session) => {
			const past = Math.floor(Date.now() / 1000) - 60;
			session.access_token = await gotrue.sign({ ...decodeJwt(session.access_token), iat: past - 3600, exp: past });
			session.expires_at = past;
		});
		expect(await visit(other).claims()).toBeNull();
		const signIn = (password: string) => visit().signIn({ email: input.email, password });
		expect(await signIn(input.password)).toEqual({ ok: false, error: 'invalid_credentials' });
		expect(await signIn('second-password')).toMatchObject({ ok: true });
	});

	it('with secure email change, reports the change as pending until the links to both addresses are followed', async () => {
		const confirming = await startGoTrueDouble({ db: testSql(), autoconfirm: false });
		try {
			const here = new FakeCookies();
			const session = (cookies = here) => supabaseProject(confirming).forRequest({ cookies, url: HTTP });
			const follow = (to: string, type: string) =>
				fetch(confirming.mails.filter((m) => m.to === to && m.type === type).at(-1)!.link, { redirect: 'manual' }).then(
					(r) => new URL(r.headers.get('location')!)
				);
			const input = account();
			await session().signUp(input);
			await follow(input.email, 'signup');
			expect(await session().signIn(input)).toMatchObject({ ok: true });
			const next = uniqueEmail();
			expect(await session().changeEmail(input.password, next)).toEqual({ ok: true, previous: input.email, pending: true });
			// Nothing changed yet: the account keeps its address.
			expect((await session().claims())?.email).toBe(input.email);
			const first = await follow(input.email, 'email_change');
			expect(first.searchParams.has('code')).toBe(false);
			expect(await session(new FakeCookies()).signIn(input)).toMatchObject({ ok: true });
			const second = await follow(next, 'email_change');
			expect(`${second.pathname}?next=${second.searchParams.get('next')}`).toBe('/auth/callback?next=/account');
			expect(await session().exchangeCode(second.searchParams.get('code')!, second.searchParams.get('sb_flow_id'))).toMatchObject({
				ok: true,
				claims: { email: next }
			});
			expect(await session(new FakeCookies()).signIn(input)).toEqual({ ok: false, error: 'invalid_credentials' });
			expect(await session(new FakeCookies()).signIn({ email: next, password: input.password })).toMatchObject({ ok: true });
		} finally {
			await confirming.close();
		}
	});

	it('deletes the account through the admin API: the profile is anonymised by the same trigger as the embedded adapter’s', async () => {
		const input = account();
		const cookies = new FakeCookies();
		const made = await visit(cookies).signUp(input);
		const sub = made.ok && made.claims ? made.claims.sub : null;
		expect(await visit(cookies, { SUPABASE_SERVICE_ROLE_KEY: '' }).deleteAccount(input.password)).toEqual({
			ok: false,
			error: 'unavailable'
		});
		expect(await visit(cookies).deleteAccount(input.password)).toEqual({ ok: true });
		const [profile] = await testSql()`select display_name, deleted_at is not null as deleted from public.profiles where id = ${sub}`;
		expect(profile).toEqual({ display_name: '탈퇴한 회원', deleted: true });
		expect(await testSql()`select 1 from auth.sessions where user_id = ${sub}`).toHaveLength(0);
	});
});
