// Kakao sign-in through the app's own route handlers, with the Supabase adapter against the GoTrue
// double (which writes auth.users in the run's database as GoTrue does in a Supabase project): the
// button's /auth/kakao → the double's Kakao consent → /auth/callback → consent page → role choice →
// the page asked for; a second sign-in goes straight there; a cancel or a spent code lands on /login
// with the message in Korean and English. The browser is played by a cookie jar and fetch.
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeCookies } from '../doubles/cookies';
import { startGoTrueDouble, type GoTrueDouble } from '../doubles/gotrue';
import { uniqueEmail } from '../../src/lib/server/auth/contract';
import { withUser } from '../../src/lib/server/db';
import * as ports from '../../src/lib/server/ports';
import * as profiles from '../../src/lib/server/profiles';
import { m } from '../../src/lib/paraglide/messages';
import { load as layoutLoad } from '../../src/routes/+layout.server';
import { GET as callback } from '../../src/routes/auth/callback/+server';
import { GET as kakao } from '../../src/routes/auth/kakao/+server';
import { actions as roleActions, load as roleLoad } from '../../src/routes/auth/role/+page.server';
import { actions as consentActions } from '../../src/routes/consent/+page.server';
import { load as loginLoad } from '../../src/routes/login/+page.server';
import { actions as resetActions } from '../../src/routes/reset-password/+page.server';
import { testSql } from './db';

const ORIGIN = 'http://localhost:5173';
let gotrue: GoTrueDouble;

beforeAll(async () => {
	gotrue = await startGoTrueDouble({ db: testSql() });
	// Read by config() on first use in this file's module instance.
	Object.assign(process.env, {
		PUBLIC_SUPABASE_URL: gotrue.url,
		PUBLIC_SUPABASE_ANON_KEY: gotrue.anonKey,
		SUPABASE_KAKAO: '1',
		DATABASE_URL: 'postgres://project.invalid/postgres'
	});
});
afterAll(() => gotrue?.close());

/** What hooks.server.ts puts in locals for a request of the browser whose cookies are `jar`. */
async function localsOf(jar: FakeCookies, url: URL): Promise<App.Locals> {
	const auth = ports.auth().forRequest({ cookies: jar, url, userAgent: 'Mozilla/5.0 (test)' });
	const claims = await auth.claims();
	const user = claims ? await withUser(claims, (tx) => profiles.current(tx, claims)) : null;
	return { auth, claims, user, unread: 0, sessionWrote: false };
}

/** One request of that browser, as the handlers of any route take it (a GET, or a POST of `body`). */
async function request(jar: FakeCookies, path: string, body?: Record<string, string>): Promise<never> {
	const url = new URL(path, ORIGIN);
	const event: Partial<RequestEvent> & { depends: () => void } = {
		url,
		cookies: jar,
		locals: await localsOf(jar, url),
		params: {},
		depends: () => {},
		request: new Request(url, body ? { method: 'POST', body: new URLSearchParams(body) } : undefined),
		getClientAddress: () => '198.51.100.9'
	};
	return event as never;
}

/** Where a handler sends the browser (its redirect), or null when it answers a page. */
async function redirectOf(run: () => unknown): Promise<string | null> {
	try {
		await run();
		return null;
	} catch (e) {
		if (isRedirect(e)) return e.location;
		throw e;
	}
}

/** The double's Kakao page, clicked through: the address GoTrue sends the browser back to. */
async function atKakao(authorize: string, button: '동의하고 계속하기' | '취소', email: string): Promise<string> {
	const toPage = await fetch(authorize, { redirect: 'manual' });
	const page = new URL(toPage.headers.get('location')!);
	const html = await (await fetch(page)).text();
	expect(html).toContain(button);
	const flow = /name="flow" value="([^"]+)"/.exec(html)![1];
	const back = await fetch(page, {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams({ flow, email, nickname: '박카카오', action: button === '취소' ? 'cancel' : 'agree' })
	});
	const to = new URL(back.headers.get('location')!);
	expect(to.origin).toBe(ORIGIN);
	return `${to.pathname}${to.search}`;
}

/** Clicks "카카오로 시작하기" on /login?redirectTo=next and goes through Kakao: the callback's redirect. */
async function kakaoSignIn(jar: FakeCookies, next: string, button: '동의하고 계속하기' | '취소', email: string) {
	const authorize = await redirectOf(async () => kakao(await request(jar, `/auth/kakao?next=${encodeURIComponent(next)}`)));
	expect(authorize).toMatch(new RegExp(`^${gotrue.url}/auth/v1/authorize\\?provider=kakao&`));
	const back = await atKakao(authorize!, button, email);
	return { back, to: await redirectOf(async () => callback(await request(jar, back))) };
}

describe('signing in with Kakao (Supabase Auth, GoTrue double)', () => {
	it('offers the button on the sign-in page', async () => {
		const data = await loginLoad(await request(new FakeCookies(), '/login'));
		expect(data).toMatchObject({ kakao: true, providerError: null });
	});

	it('a first sign-in agrees to the terms, chooses a role and a name, then reaches the page it asked for; the next goes straight there', async () => {
		const browser = new FakeCookies();
		const email = uniqueEmail();
		const { to } = await kakaoSignIn(browser, '/requests/new', '동의하고 계속하기', email);
		expect(to).toBe(`/auth/role?next=${encodeURIComponent('/requests/new')}`);
		// The root layout asks for consent first (no terms agreed yet), and comes back to the role choice.
		const toConsent = await redirectOf(async () => layoutLoad(await request(browser, to!)));
		expect(toConsent).toBe(`/consent?redirectTo=${encodeURIComponent(to!)}`);
		const consented = await redirectOf(async () =>
			consentActions.default(await request(browser, toConsent!, { terms: 'on', privacy: 'on' }))
		);
		expect(consented).toBe(to);
		expect(await redirectOf(async () => layoutLoad(await request(browser, to!)))).toBeNull();
		// The role page guesses the name from Kakao's nickname.
		const page = (await roleLoad(await request(browser, to!))) as { form: { data: { display_name: string } } };
		expect(page.form.data.display_name).toBe('박카카오');
		const chosen = await redirectOf(async () =>
			roleActions.default(await request(browser, to!, { role: 'craftsman', display_name: '박공방' }))
		);
		expect(chosen).toBe('/requests/new');
		const after = await localsOf(browser, new URL('/dashboard', ORIGIN));
		expect(after.user).toMatchObject({ email, role: 'craftsman', displayName: '박공방' });
		// Asked once: the role page now passes through.
		expect(await redirectOf(async () => roleLoad(await request(browser, to!)))).toBe('/requests/new');

		const again = new FakeCookies();
		const second = await kakaoSignIn(again, '/dashboard', '동의하고 계속하기', email.toUpperCase());
		expect(second.to).toBe('/dashboard');
		expect((await localsOf(again, new URL('/dashboard', ORIGIN))).user).toMatchObject({ email, role: 'craftsman' });
	});

	it('a role cannot be chosen again once the account owns something that depends on it', async () => {
		const browser = new FakeCookies();
		const { to } = await kakaoSignIn(browser, '/dashboard', '동의하고 계속하기', uniqueEmail());
		const locals = await localsOf(browser, new URL(to!, ORIGIN));
		const slug = `kakao-${crypto.randomUUID().slice(0, 8)}`;
		await testSql()`insert into public.companies (owner_id, slug, name_ko) values (${locals.claims!.sub}, ${slug}, '카카오 스타트업')`;
		const event = await request(browser, to!, { role: 'craftsman', display_name: '박공방' });
		const answer = (await roleActions.default(event)) as { status: number; data: { form: { errors: { _errors?: string[] } } } };
		expect(answer.status).toBe(409);
		expect(answer.data.form.errors._errors).toEqual(['signin_role_err_locked']);
	});

	it('cancelling at Kakao lands on the sign-in page with a message in Korean and English, signed out', async () => {
		const browser = new FakeCookies();
		const { back, to } = await kakaoSignIn(browser, '/requests/new', '취소', uniqueEmail());
		expect(new URL(back, ORIGIN).searchParams.get('error')).toBe('access_denied');
		expect(to).toBe(`/login?error=cancelled&redirectTo=${encodeURIComponent('/requests/new')}`);
		expect(await loginLoad(await request(browser, to!))).toMatchObject({ providerError: 'cancelled', redirectTo: '/requests/new' });
		expect((await localsOf(browser, new URL('/dashboard', ORIGIN))).claims).toBeNull();
		expect(m.signin_err_cancelled({}, { locale: 'ko' })).toContain('카카오 로그인을 취소했습니다');
		expect(m.signin_err_cancelled({}, { locale: 'en' })).toContain('You cancelled signing in with Kakao');
	});

	it('a code used twice, or in another browser, lands on the sign-in page with the failure message', async () => {
		const browser = new FakeCookies();
		const { back, to } = await kakaoSignIn(browser, '/dashboard', '동의하고 계속하기', uniqueEmail());
		expect(to).toMatch(/^\/auth\/role/);
		const spent = await redirectOf(async () => callback(await request(new FakeCookies(), back)));
		expect(spent).toBe(`/login?error=failed&redirectTo=${encodeURIComponent('/dashboard')}`);
		expect(await redirectOf(async () => callback(await request(browser, back)))).toBe(spent);
		expect(await redirectOf(async () => callback(await request(browser, '/auth/callback?next=/dashboard')))).toBe(spent);
		expect(await loginLoad(await request(new FakeCookies(), spent!))).toMatchObject({ providerError: 'failed' });
		expect(m.signin_err_failed({}, { locale: 'ko' })).toContain('카카오 로그인을 마치지 못했습니다');
		expect(m.signin_err_failed({}, { locale: 'en' })).toContain('Signing in with Kakao did not finish');
	});

	it('never sends the browser to another site after the callback', async () => {
		const browser = new FakeCookies();
		const { to } = await kakaoSignIn(browser, 'https://evil.example/steal', '동의하고 계속하기', uniqueEmail());
		expect(to).toBe(`/auth/role?next=${encodeURIComponent('/dashboard')}`);
		const cancelled = await redirectOf(async () =>
			callback(await request(browser, '/auth/callback?error=access_denied&next=//evil.example'))
		);
		expect(cancelled).toBe(`/login?error=cancelled&redirectTo=${encodeURIComponent('/dashboard')}`);
	});

	it('a recovery mail’s link signs in through the callback; the reset page sets the new password once', async () => {
		const email = uniqueEmail();
		const signUp = await ports
			.auth()
			.forRequest({ cookies: new FakeCookies(), url: new URL(ORIGIN) })
			.signUp({
				email,
				password: 'first-password',
				role: 'startup',
				displayName: '최대표'
			});
		expect(signUp).toMatchObject({ ok: true });
		const browser = new FakeCookies();
		await (await localsOf(browser, new URL('/forgot-password', ORIGIN))).auth.requestPasswordReset(email);
		const link = gotrue.mails.filter((x) => x.to === email && x.type === 'recovery').at(-1)!.link;
		const back = new URL((await fetch(link, { redirect: 'manual' })).headers.get('location')!);
		const toReset = await redirectOf(async () => callback(await request(browser, `${back.pathname}${back.search}`)));
		expect(toReset).toMatch(/^\/reset-password\?token=[0-9a-f-]{36}$/);
		const token = new URL(toReset!, ORIGIN).searchParams.get('token')!;
		const reset = (jar: FakeCookies) =>
			redirectOf(async () => resetActions.default(await request(jar, toReset!, { token, password: 'second-password' })));
		// Another browser holds no such session: refused.
		expect(await reset(new FakeCookies())).toBeNull();
		expect(await reset(browser)).toBe('/login?reset=1');
		expect(await reset(browser)).toBeNull();
		const signIn = (password: string) =>
			ports
				.auth()
				.forRequest({ cookies: new FakeCookies(), url: new URL(ORIGIN) })
				.signIn({ email, password });
		expect(await signIn('first-password')).toEqual({ ok: false, error: 'invalid_credentials' });
		expect(await signIn('second-password')).toMatchObject({ ok: true });
		// A link that was already used: the sign-in page says so.
		const used = await redirectOf(async () => callback(await request(new FakeCookies(), `${back.pathname}${back.search}`)));
		expect(used).toBe(`/login?error=link&redirectTo=${encodeURIComponent('/dashboard')}`);
		// GoTrue's own answer for an expired link, before any code.
		const expired = await redirectOf(async () =>
			callback(await request(new FakeCookies(), '/auth/callback?next=/reset-password&error=access_denied&error_code=otp_expired'))
		);
		expect(expired).toBe(used);
	});
});
