// An unconfirmed account may draft but not publish: publishing waits for the confirmed address, and
// once confirmed the same draft publishes.
import { afterAll, describe, expect, it } from 'vitest';
import { withUser } from '../../src/lib/server/db';
import * as requests from '../../src/lib/server/requests';
import { testSql } from './db';

const made: string[] = [];
afterAll(async () => {
	const sql = testSql();
	await sql`delete from public.requests where owner_id = any(${made}::uuid[])`;
	await sql`delete from public.companies where owner_id = any(${made}::uuid[])`;
	await sql`delete from auth.users where id = any(${made}::uuid[])`;
});

describe('publishing waits for a confirmed email', () => {
	it('refuses an unconfirmed author, then publishes the same draft once confirmed', async () => {
		const sql = testSql();
		const email = `unconfirmed-${crypto.randomUUID()}@test.local`;
		const [user] = await sql<{ id: string }[]>`
			insert into auth.users (instance_id, aud, role, email, encrypted_password, email_confirmed_at, raw_user_meta_data)
			values ('00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${email}, '', null,
			        ${sql.json({ role: 'startup', display_name: '미확인' })}) returning id`;
		made.push(user.id);
		const claims = { sub: user.id, role: 'authenticated' as const, email };
		const draft = await withUser(claims, async (tx) => {
			const [r] = await tx<{ id: string }[]>`
				insert into public.requests (owner_id, title, description, template, trade_code, quantity)
				values (${user.id}, '미확인 계정의 의뢰', '알루미늄 브래킷 50개', 'machine_metal', '259', 50) returning id`;
			return r.id;
		});
		const publish = () => withUser(claims, async (tx) => requests.move(tx, (await requests.byId(tx, draft))!, 'publish'));
		expect(await withUser(claims, (tx) => requests.emailConfirmed(tx))).toBe(false);
		expect(await publish()).toEqual({ ok: false, error: 'err_email_unconfirmed' });
		await sql`update auth.users set email_confirmed_at = now() where id = ${user.id}`;
		expect(await publish()).toMatchObject({ ok: true, to: 'open' });
	});
});
