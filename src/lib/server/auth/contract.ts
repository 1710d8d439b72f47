// The auth port's contract: what hooks, pages and actions rely on, whichever adapter serves them.
// auth.test.ts runs it against every adapter. A FakeCookies jar plays the browser between requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, type JWTPayload } from 'jose';
import { FakeCookies } from '../../../../tests/doubles/cookies';
import type { AuthPort, SelfServiceRole, SignUpInput } from './port';

export interface AdapterUnderTest {
	port: AuthPort;
	cleanup(): Promise<void>;
	/** Signs a token as the adapter's issuer does, to forge an expired session; absent for a real project. */
	sign?(payload: JWTPayload): Promise<string>;
	/** An access token stays valid until its expiry after its session ended (Supabase); the session cannot be renewed. */
	tokensOutliveSessions?: boolean;
	/**
	 * The account settings the adapter does itself; for the others it must answer 'unavailable' (and
	 * null for the list of sessions), so the page can say so.
	 */
	accountSettings: readonly AccountSetting[];
}

export type AccountSetting = 'password' | 'email' | 'sessions' | 'deletion' | 'confirmation';

const HTTP = new URL('http://localhost:5173/');
const HTTPS = new URL('https://sogong.example/');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const uniqueEmail = () => `a-${crypto.randomUUID()}@test.local`;

export function authContract(name: string, makeAdapter: () => Promise<AdapterUnderTest>): void {
	describe(`auth contract: ${name}`, () => {
		let adapter: AdapterUnderTest;
		beforeAll(async () => {
			adapter = await makeAdapter();
		});
		afterAll(() => adapter?.cleanup());

		const visit = (cookies: FakeCookies, url = HTTP) => adapter.port.forRequest({ cookies, url });
		const account = (role: SelfServiceRole = 'craftsman'): SignUpInput => ({
			email: uniqueEmail(),
			password: 'correct-horse',
			role,
			displayName: '김장인'
		});
		async function signedUp(input = account()) {
			const cookies = new FakeCookies();
			const result = await visit(cookies).signUp(input);
			if (!result.ok || !result.claims) throw new Error(`sign-up failed: ${JSON.stringify(result)}`);
			return { cookies, claims: result.claims, input };
		}

		it.each(['craftsman', 'startup'] as const)('signs up a %s and the next request knows who it is', async (role) => {
			const input = account(role);
			const cookies = new FakeCookies();
			const result = await visit(cookies).signUp({ ...input, email: `  ${input.email.toUpperCase()} ` });
			const expected = {
				email: input.email,
				role: 'authenticated',
				user_metadata: { role, display_name: '김장인' }
			};
			expect(result).toMatchObject({ ok: true, claims: expected });
			const claims = await visit(cookies).claims();
			expect(claims).toMatchObject(expected);
			expect(claims?.sub).toMatch(UUID);
			expect(claims?.sub).toBe(result.ok && result.claims?.sub);
		});

		it('refuses a second account for the same email, whatever its case', async () => {
			const { input } = await signedUp();
			const again = await visit(new FakeCookies()).signUp({ ...input, email: input.email.toUpperCase(), role: 'startup' });
			expect(again).toEqual({ ok: false, error: 'email_taken' });
		});

		it('refuses a password shorter than 8 characters and sets no cookie', async () => {
			const cookies = new FakeCookies();
			expect(await visit(cookies).signUp({ ...account(), password: 'seven77' })).toEqual({ ok: false, error: 'weak_password' });
			expect(cookies.stored()).toEqual([]);
		});

		it('does not sign in with a wrong password or an unknown email, and cannot tell them apart', async () => {
			const { input } = await signedUp();
			const cookies = new FakeCookies();
			const wrong = await visit(cookies).signIn({ email: input.email, password: 'not-the-password' });
			const unknown = await visit(cookies).signIn({ email: uniqueEmail(), password: input.password });
			expect(wrong).toEqual({ ok: false, error: 'invalid_credentials' });
			expect(unknown).toEqual(wrong);
			expect(cookies.stored()).toEqual([]);
		});

		it('signs in (email in any case) with cookies that a later request brings back', async () => {
			const { claims, input } = await signedUp();
			const cookies = new FakeCookies();
			const result = await visit(cookies).signIn({ email: ` ${input.email.toUpperCase()}`, password: input.password });
			expect(result).toMatchObject({ ok: true, claims: { sub: claims.sub, email: input.email } });
			expect(cookies.stored().length).toBeGreaterThan(0);
			expect((await visit(cookies).claims())?.sub).toBe(claims.sub);
		});

		it.each([
			[HTTP, false],
			[HTTPS, true]
		])('sets session cookies on %s that scripts cannot read, not sent cross-site, Secure: %s', async (url, secure) => {
			const { input } = await signedUp();
			const cookies = new FakeCookies();
			await visit(cookies, url).signIn(input);
			const stored = cookies.stored();
			expect(stored.length).toBeGreaterThan(0);
			for (const { options } of stored) {
				expect(options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
				expect(Boolean(options.secure)).toBe(secure);
			}
		});

		it('signs out: the same request and the next one are anonymous', async () => {
			const { cookies } = await signedUp();
			const session = visit(cookies);
			expect(await session.claims()).not.toBeNull();
			await session.signOut();
			expect(await session.claims()).toBeNull();
			expect(await visit(cookies).claims()).toBeNull();
		});

		/**
		 * Supabase verifies access tokens by their signature (getClaims), so a device whose session ended
		 * keeps its current token until it expires (the project's JWT expiry), and can never renew it:
		 * there the test lets that token run out before asking.
		 */
		async function expireWhereTokensOutlive(jar: FakeCookies) {
			if (!adapter.tokensOutliveSessions) return;
			const past = Math.floor(Date.now() / 1000) - 60;
			await editSession(jar, async (session) => {
				session.access_token = await adapter.sign!({ ...decodeJwt(session.access_token), iat: past - 3600, exp: past });
				session.expires_at = past;
			});
		}

		it('signs out the other devices: they are anonymous, this browser stays signed in', async (ctx) => {
			if (adapter.tokensOutliveSessions && !adapter.sign) return ctx.skip('needs the signing key to let the other token expire');
			const { cookies: here, input } = await signedUp();
			const there = new FakeCookies();
			await visit(there).signIn(input);
			expect(await visit(there).claims()).not.toBeNull();
			await visit(here).signOutOthers();
			expect(await visit(here).claims()).not.toBeNull();
			await expireWhereTokensOutlive(there);
			expect(await visit(there).claims()).toBeNull();
		});

		describe('email confirmation', () => {
			it('confirms the address with a single-use link the app mails (or leaves it to the auth server)', async () => {
				const { cookies } = await signedUp();
				const here = visit(cookies);
				const started = await here.startEmailConfirmation();
				if (!adapter.accountSettings.includes('confirmation')) {
					expect(started).toBeNull();
					expect(await here.confirmEmail('any-token')).toEqual({ ok: false, error: 'unavailable' });
					return;
				}
				expect(started?.token).toMatch(/^[\w-]{40,}$/);
				// A second request replaces the first link.
				const again = await here.startEmailConfirmation();
				expect(await visit(new FakeCookies()).confirmEmail(started!.token)).toEqual({ ok: false, error: 'invalid_token' });
				// Works from another browser (no session needed), once.
				expect(await visit(new FakeCookies()).confirmEmail(again!.token)).toEqual({ ok: true });
				expect(await visit(new FakeCookies()).confirmEmail(again!.token)).toEqual({ ok: false, error: 'invalid_token' });
				// Confirmed: nothing more to send.
				expect(await here.startEmailConfirmation()).toBeNull();
			});
		});

		describe('account settings', () => {
			const unsupported = (setting: AccountSetting) => !adapter.accountSettings.includes(setting);

			it('answers unavailable for what the adapter leaves to its auth server, and changes nothing', async (ctx) => {
				if (!(['password', 'email', 'sessions', 'deletion'] as const).some(unsupported)) return ctx.skip('this adapter does them all');
				const { cookies, input } = await signedUp();
				const here = visit(cookies);
				const unavailable = { ok: false, error: 'unavailable' };
				if (unsupported('password')) expect(await here.changePassword(input.password, 'another-password')).toEqual(unavailable);
				if (unsupported('email')) expect(await here.changeEmail(input.password, uniqueEmail())).toEqual(unavailable);
				if (unsupported('sessions')) expect(await here.listSessions()).toBeNull();
				if (unsupported('deletion')) expect(await here.deleteAccount(input.password)).toEqual(unavailable);
				expect(await visit(cookies).claims()).not.toBeNull();
				expect(await visit(new FakeCookies()).signIn(input)).toMatchObject({ ok: true });
			});

			it('changes the password only with the current one, refuses a weak one, and ends the other sessions', async (ctx) => {
				if (unsupported('password')) return ctx.skip('unavailable on this adapter');
				if (adapter.tokensOutliveSessions && !adapter.sign) return ctx.skip('needs the signing key to let the other token expire');
				const { cookies: here, input } = await signedUp();
				const there = new FakeCookies();
				await visit(there).signIn(input);
				expect(await visit(here).changePassword('not-the-password', 'another-password')).toEqual({
					ok: false,
					error: 'invalid_credentials'
				});
				expect(await visit(here).changePassword(input.password, 'seven77')).toEqual({ ok: false, error: 'weak_password' });
				expect(await visit(there).claims()).not.toBeNull();
				expect(await visit(here).changePassword(input.password, 'another-password')).toEqual({ ok: true });
				expect(await visit(here).claims()).not.toBeNull();
				await expireWhereTokensOutlive(there);
				expect(await visit(there).claims()).toBeNull();
				const again = (password: string) => visit(new FakeCookies()).signIn({ email: input.email, password });
				expect(await again(input.password)).toEqual({ ok: false, error: 'invalid_credentials' });
				expect(await again('another-password')).toMatchObject({ ok: true });
			});

			it('changes the email with the password to a free address; the old one no longer signs in', async (ctx) => {
				if (unsupported('email')) return ctx.skip('unavailable on this adapter');
				const { cookies: here, input, claims } = await signedUp();
				const { input: other } = await signedUp();
				const there = new FakeCookies();
				await visit(there).signIn(input);
				const next = uniqueEmail();
				expect(await visit(here).changeEmail('not-the-password', next)).toEqual({ ok: false, error: 'invalid_credentials' });
				expect(await visit(here).changeEmail(input.password, other.email.toUpperCase())).toEqual({ ok: false, error: 'email_taken' });
				expect(await visit(here).changeEmail(input.password, ` ${next.toUpperCase()} `)).toEqual({ ok: true, previous: input.email });
				expect(await visit(here).claims()).toMatchObject({ sub: claims.sub, email: next });
				await expireWhereTokensOutlive(there);
				expect(await visit(there).claims()).toBeNull();
				const signIn = (email: string) => visit(new FakeCookies()).signIn({ email, password: input.password });
				expect(await signIn(input.email)).toEqual({ ok: false, error: 'invalid_credentials' });
				expect(await signIn(next)).toMatchObject({ ok: true, claims: { sub: claims.sub } });
			});

			it('lists the live sessions, newest first, marking this one and naming its browser', async (ctx) => {
				if (unsupported('sessions')) return ctx.skip('unavailable on this adapter');
				const { cookies: here, input } = await signedUp();
				const there = new FakeCookies();
				await adapter.port.forRequest({ cookies: there, url: HTTP, userAgent: 'Mozilla/5.0 (iPhone) Safari/605.1' }).signIn(input);
				const sessions = await visit(here).listSessions();
				expect(sessions).toHaveLength(2);
				expect(sessions![0]).toMatchObject({ current: false, userAgent: 'Mozilla/5.0 (iPhone) Safari/605.1' });
				expect(sessions![1]).toMatchObject({ current: true });
				expect(sessions![0].createdAt.getTime()).toBeGreaterThanOrEqual(sessions![1].createdAt.getTime());
				await visit(here).signOutOthers();
				expect((await visit(here).listSessions())?.map((s) => s.current)).toEqual([true]);
			});

			it('deletes the account with the password: every session ends, it cannot sign in, the email is free again', async (ctx) => {
				if (unsupported('deletion')) return ctx.skip('unavailable on this adapter');
				const { cookies: here, input } = await signedUp();
				const there = new FakeCookies();
				await visit(there).signIn(input);
				expect(await visit(here).deleteAccount('not-the-password')).toEqual({ ok: false, error: 'invalid_credentials' });
				expect(await visit(here).claims()).not.toBeNull();
				const session = visit(here);
				expect(await session.deleteAccount(input.password)).toEqual({ ok: true });
				expect(await session.claims()).toBeNull();
				expect(await visit(here).claims()).toBeNull();
				await expireWhereTokensOutlive(there);
				expect(await visit(there).claims()).toBeNull();
				expect(await visit(new FakeCookies()).signIn(input)).toEqual({ ok: false, error: 'invalid_credentials' });
				expect(await visit(new FakeCookies()).signUp(input)).toMatchObject({ ok: true });
			});
		});

		it('treats a visitor without cookies as anonymous', async () => {
			expect(await visit(new FakeCookies()).claims()).toBeNull();
		});

		it('ignores a session whose token claims to be someone else', async () => {
			const { cookies } = await signedUp();
			await editSession(cookies, (session) => {
				const [header, payload, signature] = session.access_token.split('.');
				const forged = {
					...(JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>),
					sub: crypto.randomUUID()
				};
				session.access_token = [header, Buffer.from(JSON.stringify(forged)).toString('base64url'), signature].join('.');
			});
			expect(await visit(cookies).claims()).toBeNull();
		});

		it('ignores a correctly signed session that has expired and cannot be renewed', async (ctx) => {
			if (!adapter.sign) return ctx.skip('needs the signing key, which only a test double has');
			const { cookies } = await signedUp();
			const past = Math.floor(Date.now() / 1000) - 60;
			await editSession(cookies, async (session) => {
				const payload = decodeJwt(session.access_token);
				session.access_token = await adapter.sign!({ ...payload, iat: past - 3600, exp: past });
				session.expires_at = past;
				// A Supabase session renews itself with its refresh token; this one has been revoked.
				if (session.refresh_token) session.refresh_token = 'revoked';
			});
			expect(await visit(cookies).claims()).toBeNull();
		});
	});
}

interface StoredSession {
	access_token: string;
	refresh_token?: string;
	expires_at?: number;
}

/**
 * Edits the session the jar holds, as an attacker or the passing of time would: either a bare JWT
 * cookie (embedded) or @supabase/ssr's "base64-" + base64url(JSON session), split into name.0,
 * name.1 … when long.
 */
export async function editSession(jar: FakeCookies, edit: (s: StoredSession) => void | Promise<void>): Promise<void> {
	const jwt = [...jar.jar].find(([, value]) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value));
	if (jwt) {
		const session = { access_token: jwt[1] };
		await edit(session);
		jar.jar.set(jwt[0], session.access_token);
		return;
	}
	const base = [...jar.jar.keys()].map((n) => n.replace(/\.\d+$/, '')).find((n) => n.endsWith('-auth-token'));
	if (!base) throw new Error('no session cookie in the jar');
	const parts = [...jar.jar.keys()]
		.filter((n) => n === base || (n.startsWith(base) && /^\.\d+$/.test(n.slice(base.length))))
		.sort((a, b) => Number(a.slice(base.length + 1) || -1) - Number(b.slice(base.length + 1) || -1));
	const encoded = parts.map((n) => jar.jar.get(n)).join('');
	const session = JSON.parse(Buffer.from(encoded.replace(/^base64-/, ''), 'base64url').toString()) as StoredSession;
	await edit(session);
	for (const n of parts) jar.jar.delete(n);
	jar.jar.set(base, `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`);
}
