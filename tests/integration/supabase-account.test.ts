// The account page's actions with Supabase Auth (the GoTrue double with secure email change, writing
// auth.users and auth.sessions into the run's database as GoTrue does in a Supabase project, and the
// service-role key set): the devices are listed from auth.sessions, an email change says that the
// confirmation links were mailed (and the app mails no note of its own), deletion goes through the
// admin API and anonymises the profile.
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeCookies } from '../doubles/cookies';
import { startGoTrueDouble, type GoTrueDouble } from '../doubles/gotrue';
import { uniqueEmail } from '../../src/lib/server/auth/contract';
import { withUser } from '../../src/lib/server/db';
import * as ports from '../../src/lib/server/ports';
import * as profiles from '../../src/lib/server/profiles';
import { actions, load } from '../../src/routes/account/+page.server';
import { testSql } from './db';

const ORIGIN = 'http://localhost:5173';
let gotrue: GoTrueDouble;

beforeAll(async () => {
	gotrue = await startGoTrueDouble({ db: testSql(), autoconfirm: false });
	Object.assign(process.env, {
		PUBLIC_SUPABASE_URL: gotrue.url,
		PUBLIC_SUPABASE_ANON_KEY: gotrue.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: gotrue.serviceRoleKey,
		DATABASE_URL: 'postgres://project.invalid/postgres'
	});
});
afterAll(() => gotrue?.close());

async function request(jar: FakeCookies, body?: Record<string, string>, userAgent = 'Mozilla/5.0 (iPhone) Safari/605.1'): Promise<never> {
	const url = new URL('/account', ORIGIN);
	const auth = ports.auth().forRequest({ cookies: jar, url, userAgent });
	const claims = await auth.claims();
	const user = claims ? await withUser(claims, (tx) => profiles.current(tx, claims)) : null;
	const event: Partial<RequestEvent> = {
		url,
		cookies: jar,
		locals: { auth, claims, user, unread: 0, sessionWrote: false },
		params: {},
		request: new Request(url, body ? { method: 'POST', body: new URLSearchParams(body) } : undefined),
		getClientAddress: () => '198.51.100.10'
	};
	return event as never;
}

/** A confirmed account signed in on a phone: its cookie jar and address. */
async function signedIn() {
	const email = uniqueEmail();
	const port = ports.auth().forRequest({ cookies: new FakeCookies(), url: new URL(ORIGIN) });
	await port.signUp({ email, password: 'correct-horse', role: 'startup', displayName: '한대표' });
	await fetch(gotrue.mails.filter((x) => x.to === email && x.type === 'signup').at(-1)!.link, { redirect: 'manual' });
	const jar = new FakeCookies();
	const auth = ports.auth().forRequest({ cookies: jar, url: new URL(ORIGIN), userAgent: 'Mozilla/5.0 (iPhone) Safari/605.1' });
	expect(await auth.signIn({ email, password: 'correct-horse' })).toMatchObject({ ok: true });
	return { jar, email };
}

describe('the account page on Supabase Auth', () => {
	it('lists this device from GoTrue’s sessions', async () => {
		const { jar } = await signedIn();
		const data = (await load(await request(jar))) as { sessions: { current: boolean; device: unknown }[] | null };
		expect(data.sessions).toHaveLength(1);
		expect(data.sessions![0]).toMatchObject({ current: true });
		expect(data.sessions![0].device).toBeTruthy();
	});

	it('says the confirmation links were mailed; the address stays until they are followed, and no note of the app’s own goes out', async () => {
		const { jar, email } = await signedIn();
		const next = uniqueEmail();
		const answer = (await actions.email(await request(jar, { email: next, email_password: 'correct-horse' }))) as {
			form: { message?: string };
		};
		expect(answer.form.message).toBe('signin_email_pending');
		expect(gotrue.mails.filter((x) => x.type === 'email_change').map((x) => x.to)).toEqual(expect.arrayContaining([email, next]));
		expect(await testSql()`select 1 from public.dev_mailbox where to_email = ${email}`).toHaveLength(0);
		const data = (await load(await request(jar))) as { email: string };
		expect(data.email).toBe(email);
	});

	it('deletes the account with the password: the profile is anonymised, the browser signed out', async () => {
		const { jar, email } = await signedIn();
		const sub = (await ports
			.auth()
			.forRequest({ cookies: jar, url: new URL(ORIGIN) })
			.claims())!.sub;
		let to: string | null = null;
		try {
			await actions.delete(await request(jar, { confirm_email: email, delete_password: 'correct-horse' }));
		} catch (e) {
			if (!isRedirect(e)) throw e;
			to = e.location;
		}
		expect(to).toBe('/account/deleted');
		const [profile] = await testSql()`select display_name, deleted_at is not null as deleted from public.profiles where id = ${sub}`;
		expect(profile).toEqual({ display_name: '탈퇴한 회원', deleted: true });
		expect(
			await ports
				.auth()
				.forRequest({ cookies: jar, url: new URL(ORIGIN) })
				.claims()
		).toBeNull();
	});
});
