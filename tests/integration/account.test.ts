// Account settings on the real database: deleting an account (what is removed, what is anonymised,
// what stays for the other side), the export of one's own data under RLS, and renaming.
import { describe, expect, it } from 'vitest';
import { FakeCookies } from '../doubles/cookies';
import { parseConfig } from '../../src/lib/server/config';
import * as accounts from '../../src/lib/server/accounts';
import * as conversations from '../../src/lib/server/conversations';
import { createAuth } from '../../src/lib/server/auth';
import { uniqueEmail } from '../../src/lib/server/auth/contract';
import * as profiles from '../../src/lib/server/profiles';
import { rollback, testSql } from './db';
import { actAs, actAsSuperuser, createFixtures, type Fixtures } from './rls-requests-fixtures';

type Tx = Parameters<Parameters<typeof rollback>[0]>[0];

/** Marks a fixture user deleted, as the embedded adapter does (the trigger does the rest). */
const markDeleted = (tx: Tx, id: string) =>
	tx`update auth.users set deleted_at = now(), email = null, encrypted_password = null, raw_user_meta_data = '{}' where id = ${id}`;

/** The ids of `table` rows visible to the actor among `ids`. */
async function visible(tx: Tx, f: Fixtures, actor: Parameters<typeof actAs>[1], table: string, ids: string[]): Promise<string[]> {
	await actAs(tx, actor, f);
	const rows = await tx<{ id: string }[]>`select id::text from ${tx(table)} where id = any(${ids}::uuid[]) order by id`;
	await actAsSuperuser(tx);
	return rows.map((r) => f.names.get(r.id) ?? r.id).sort();
}

describe('deleting an account', () => {
	it('anonymises a craftsman: the profile renamed, the workshop unlisted, their leftovers gone; quotes and messages stay', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const { A } = f.users;
			await tx`insert into public.consents (user_id, document, version) values (${A}, 'terms', '2026-12-01')`;
			await markDeleted(tx, A);

			const [profile] = await tx`select display_name, deleted_at from public.profiles where id = ${A}`;
			expect(profile.display_name).toBe('탈퇴한 회원');
			expect(profile.deleted_at).toBeInstanceOf(Date);
			const [workshop] = await tx`select status, accepting_orders, owner_id from public.workshops where id = ${f.workshops.WA}`;
			expect(workshop).toEqual({ status: 'suspended', accepting_orders: false, owner_id: A });
			expect(await tx`select 1 from public.notifications where user_id = ${A}`).toHaveLength(0);
			expect(await tx`select 1 from public.notification_preferences where user_id = ${A}`).toHaveLength(0);
			expect(await tx`select 1 from public.conversation_reads where user_id = ${A}`).toHaveLength(0);
			// Kept: the record of consent, the quote and the message, still credited to the (anonymised) profile.
			expect(await tx`select 1 from public.consents where user_id = ${A}`).toHaveLength(1);
			// The live quote is withdrawn (nobody stands behind it), still credited to the anonymised profile.
			const [quote] = await tx`select submitted_by, status, reason from public.quotes where id = ${f.quotes.QA}`;
			expect(quote).toEqual({ submitted_by: A, status: 'withdrawn', reason: '회원 탈퇴로 철회된 견적입니다.' });
			const [others] = await tx`select status from public.quotes where id = ${f.quotes.QB}`;
			expect(others.status).toBe('submitted');
			const [message] = await tx`select sender_id from public.messages where id = ${f.messages.mA2}`;
			expect(message.sender_id).toBe(A);

			// The startup still reads the quote and both messages of the thread; visitors no longer see the workshop.
			expect(await visible(tx, f, 'S', 'public.quotes', [f.quotes.QA])).toEqual(['QA']);
			expect(await visible(tx, f, 'S', 'public.messages', [f.messages.mA1, f.messages.mA2])).toEqual(['mA1', 'mA2']);
			expect(await visible(tx, f, 'anon', 'public.workshops', [f.workshops.WA, f.workshops.WB])).toEqual(['WB']);
			// Unlisted for everyone else, but the startup whose request it took part in still sees whom it dealt with.
			expect(await visible(tx, f, 'S', 'public.workshops', [f.workshops.WA])).toEqual(['WA']);
			expect(await visible(tx, f, 'S2', 'public.workshops', [f.workshops.WA])).toEqual([]);
			expect(await visible(tx, f, 'C', 'public.workshops', [f.workshops.WA])).toEqual([]);
			// In the thread, the craftsman's message is shown as by a former member.
			await actAs(tx, 'S', f);
			const thread = await conversations.messages(tx, f.conversations.CA);
			await actAsSuperuser(tx);
			// (Both were written in one transaction, at the same time: compared by name.)
			expect(thread.map((m) => [f.names.get(m.id), m.sender_side, m.sender_former]).sort()).toEqual([
				['mA1', 'owner', false],
				['mA2', 'workshop', true]
			]);
			// Nobody else changed.
			const [other] = await tx`select display_name, deleted_at from public.profiles where id = ${f.users.B}`;
			expect(other).toEqual({ display_name: 'user B', deleted_at: null });
		}));

	it('cancels a startup’s unawarded requests but keeps them, their company and messages; a manager leaves their cluster', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await markDeleted(tx, f.users.S);
			await markDeleted(tx, f.users.MX);
			const requests = await tx`select id, status from public.requests where owner_id = ${f.users.S}`;
			expect(Object.fromEntries(requests.map((r) => [f.names.get(r.id as string), r.status]))).toEqual({
				RP: 'cancelled',
				RO: 'cancelled',
				RD: 'cancelled'
			});
			const quotes = await tx<{ status: string }[]>`select status from public.quotes where request_id = ${f.requests.RP}`;
			expect(quotes.map((q) => q.status)).toEqual(['not_selected', 'not_selected', 'not_selected']);
			expect(await visible(tx, f, 'A', 'public.requests', Object.values(f.requests))).toEqual(['RO', 'RP']);
			expect(await visible(tx, f, 'A', 'public.messages', [f.messages.mA1])).toEqual(['mA1']);
			expect(await tx`select 1 from public.companies where id = ${f.companies.CS}`).toHaveLength(1);
			expect(await tx`select 1 from public.cluster_managers where user_id = ${f.users.MX}`).toHaveLength(0);
			expect(await tx`select 1 from public.cluster_managers where user_id = ${f.users.MY}`).toHaveLength(1);
		}));

	it('a user cannot mark their own profile deleted or undo it through the API', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await actAs(tx, 'A', f);
			await tx`savepoint s`;
			await expect(tx`update public.profiles set deleted_at = now() where id = ${f.users.A}`).rejects.toMatchObject({ code: '42501' });
			await tx`rollback to savepoint s`;
			await expect(tx`update auth.users set deleted_at = now() where id = ${f.users.A}`).rejects.toMatchObject({ code: '42501' });
		}));

	it('only signed-in users may ask whether an account was deleted, and nobody reads the sessions through the API', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await markDeleted(tx, f.users.B);
			await actAs(tx, 'A', f);
			const [answer] = await tx<{ former: boolean; live: boolean }[]>`
				select private.is_former_member(${f.users.B}) as former, private.is_former_member(${f.users.C}) as live`;
			expect(answer).toEqual({ former: true, live: false });
			await tx`savepoint s`;
			await expect(tx`select 1 from auth.sessions`).rejects.toMatchObject({ code: '42501' });
			await tx`rollback to savepoint s`;
			await actAs(tx, 'anon', f);
			await expect(tx`select private.is_former_member(${f.users.B})`).rejects.toMatchObject({ code: '42501' });
		}));

	it('through the embedded auth: one transaction frees the email, drops the password, ends sessions and anonymises', async () => {
		const sql = testSql();
		const auth = createAuth(parseConfig({ SESSION_SECRET: 'a-test-session-secret-of-32-bytes-or-more', DATA_DIR: '/tmp/sl-account-test' }));
		const email = uniqueEmail();
		const cookies = new FakeCookies();
		const visit = () => auth.forRequest({ cookies, url: new URL('http://localhost/') });
		const signedUp = await visit().signUp({ email, password: 'correct-horse', role: 'craftsman', displayName: '탈퇴할 장인' });
		const id = signedUp.ok && signedUp.claims ? signedUp.claims.sub : '';
		const slug = `acct-${id.slice(0, 8)}`;
		await sql`insert into public.workshops (owner_id, slug, name_ko, trade_code, employees)
			select ${id}, ${slug}, '탈퇴 공방', ksic_code, 2 from public.trades limit 1`;
		try {
			expect(await visit().deleteAccount('correct-horse')).toEqual({ ok: true });
			const [user] = await sql`select email, encrypted_password, deleted_at from auth.users where id = ${id}`;
			expect(user).toMatchObject({ email: null, encrypted_password: null });
			expect(user.deleted_at).toBeInstanceOf(Date);
			expect(await sql`select 1 from auth.sessions where user_id = ${id}`).toHaveLength(0);
			const [profile] = await sql`select display_name from public.profiles where id = ${id}`;
			expect(profile.display_name).toBe('탈퇴한 회원');
			const [workshop] = await sql`select status from public.workshops where slug = ${slug}`;
			expect(workshop.status).toBe('suspended');
		} finally {
			await sql`delete from public.workshops where slug = ${slug}`;
			await sql`delete from auth.users where id = ${id}`;
		}
	});
});

describe('the export of one’s own data', () => {
	it('holds what the user owns, wrote and received, and nothing of anyone else', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const name = (rows: Record<string, unknown>[]) => rows.map((r) => f.names.get(String(r.id)) ?? String(r.id)).sort();
			await tx`insert into public.consents (user_id, document, version) values (${f.users.S}, 'privacy', '2026-12-01')`;

			await actAs(tx, 'S', f);
			const startup = await accounts.exportData(tx, { id: f.users.S, email: 's@example.test' });
			expect(startup.account).toMatchObject({ id: f.users.S, email: 's@example.test', role: 'startup', display_name: 'user S' });
			expect(name(startup.companies)).toEqual(['CS']);
			expect(name(startup.workshops)).toEqual([]);
			expect(name(startup.requests)).toEqual(['RD', 'RO', 'RP']);
			expect(name(startup.quotes)).toEqual(['QA', 'QB', 'QD']);
			expect(name(startup.messages_sent)).toEqual(['mA1']);
			expect(startup.consents).toMatchObject([{ document: 'privacy', version: '2026-12-01' }]);

			await actAs(tx, 'A', f);
			const craftsman = await accounts.exportData(tx, { id: f.users.A, email: 'a@example.test' });
			expect(name(craftsman.workshops)).toEqual(['WA']);
			expect(name(craftsman.requests)).toEqual([]);
			expect(name(craftsman.quotes)).toEqual(['QA']);
			expect(craftsman.quotes[0]).toMatchObject({ submitted_by_me: true });
			expect(name(craftsman.messages_sent)).toEqual(['mA2']);
			expect(craftsman.notification_preferences).toMatchObject([{ kind: 'message', email: false }]);
			// JSON all the way: what the download holds.
			expect((JSON.parse(JSON.stringify(craftsman)) as typeof craftsman).workshops[0].id).toBe(f.workshops.WA);
		}));
});

describe('renaming', () => {
	it('changes the user’s own display name and nobody else’s', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await actAs(tx, 'A', f);
			await profiles.rename(tx, f.users.A, '새 이름');
			await profiles.rename(tx, f.users.B, '남의 이름');
			await actAsSuperuser(tx);
			const rows = await tx`select id, display_name from public.profiles where id in ${tx([f.users.A, f.users.B])}`;
			expect(Object.fromEntries(rows.map((r) => [f.names.get(r.id as string), r.display_name]))).toEqual({ A: '새 이름', B: 'user B' });
		}));
});
