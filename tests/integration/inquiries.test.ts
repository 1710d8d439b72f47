// Inquiries (a question to a workshop before any request) on the real database, as seeded users with
// real claims (RLS on): startup1 asks craftsman3's 대성정밀; the workshop answers; each side is
// notified with a link to the inquiry; nobody else reads it; nobody asks their own workshop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser, type Tx } from '../../src/lib/server/db';
import * as inquiries from '../../src/lib/server/inquiries';
import { itemPath } from '../../src/lib/server/notification-links';
import { as, CRAFTSMAN, STARTUP } from './order-fixtures';
import { testSql } from './db';

const WORKSHOP = '00000000-0000-4000-8000-00000000f301';
const OTHER_STARTUP = '00000000-0000-4000-8000-000000000e02';
const MANAGER_MULLAE = '00000000-0000-4000-8000-000000000a03';
const made: string[] = [];

beforeAll(async () => {
	const sql = testSql();
	// A rerun starts clean: startup1 has no earlier inquiry with 대성정밀.
	await sql`delete from public.conversations where request_id is null and workshop_id = ${WORKSHOP} and asker_id = ${STARTUP}`;
});
afterAll(async () => {
	await testSql()`delete from public.conversations where id = any(${made}::uuid[])`;
});

const anon = <T>(fn: (tx: Tx) => Promise<T>) => withUser(null, fn);
const latestNotification = async (user: string) => {
	const [n] = await testSql()<{ kind: string; payload: Record<string, unknown> }[]>`
		select kind, payload from public.notifications where user_id = ${user} order by created_at desc limit 1`;
	return n;
};

describe('inquiries', () => {
	it('a startup asks a workshop; asking again adds to the same inquiry; the craftsman is told where to answer', async () => {
		const id = await as(STARTUP, (tx) => inquiries.ask(tx, WORKSHOP, STARTUP, '티타늄 브래킷 200개 가공이 가능한가요?'));
		made.push(id);
		const again = await as(STARTUP, (tx) => inquiries.ask(tx, WORKSHOP, STARTUP, '도면은 STEP으로 드릴 수 있습니다.'));
		expect(again).toBe(id);
		const n = await latestNotification(CRAFTSMAN);
		expect(n.kind).toBe('message');
		expect(n.payload.inquiry).toBe(true);
		expect(itemPath({ kind: 'message', payload: n.payload })).toBe(`/inquiries/${id}`);
		const seen = await as(CRAFTSMAN, async (tx) => {
			const inquiry = await inquiries.byId(tx, id, CRAFTSMAN);
			return { inquiry, messages: inquiry ? await inquiries.messages(tx, inquiry, CRAFTSMAN) : [] };
		});
		expect(seen.inquiry?.side).toBe('workshop');
		// The workshop sees who asked: the startup's company, although profiles are private.
		expect(seen.inquiry?.asker.company_ko).toBe('메탈웨어랩');
		expect(seen.messages.map((m) => [m.side, m.mine])).toEqual([
			['asker', false],
			['asker', false]
		]);
		const list = await as(CRAFTSMAN, (tx) => inquiries.list(tx, CRAFTSMAN));
		expect(list.find((i) => i.id === id)).toMatchObject({ side: 'workshop', unread: 2, excerpt: '도면은 STEP으로 드릴 수 있습니다.' });
	});

	it('the workshop answers and the asker is notified; reading clears the unread count', async () => {
		const id = made[0];
		await as(CRAFTSMAN, (tx) => inquiries.send(tx, id, CRAFTSMAN, '네, 5축 가공으로 가능합니다. 도면 보내 주세요.'));
		const n = await latestNotification(STARTUP);
		expect(n).toMatchObject({ kind: 'message', payload: { inquiry: true, conversation_id: id } });
		const before = await as(STARTUP, (tx) => inquiries.list(tx, STARTUP));
		expect(before.find((i) => i.id === id)?.unread).toBe(1);
		const list = await as(CRAFTSMAN, (tx) => inquiries.list(tx, CRAFTSMAN));
		expect(list.find((i) => i.id === id)?.unread).toBe(0);
	});

	it('nobody else reads or writes an inquiry: another startup, a manager, anonymous', async () => {
		const id = made[0];
		for (const user of [OTHER_STARTUP, MANAGER_MULLAE]) {
			expect(await as(user, (tx) => inquiries.byId(tx, id, user))).toBeNull();
			expect(await as(user, (tx) => inquiries.list(tx, user))).toEqual([]);
			await expect(as(user, (tx) => inquiries.send(tx, id, user, '끼어들기'))).rejects.toThrow(/row-level security/);
		}
		// Anonymous visitors have no grant on conversations or messages at all.
		await expect(anon((tx) => tx`select id from public.conversations where id = ${id}`)).rejects.toThrow(/permission denied/);
		await expect(anon((tx) => tx`select id from public.messages where conversation_id = ${id}`)).rejects.toThrow(/permission denied/);
	});

	it('a craftsman cannot ask their own workshop, and nobody asks as someone else', async () => {
		await expect(as(CRAFTSMAN, (tx) => inquiries.ask(tx, WORKSHOP, CRAFTSMAN, '자기 공방에 문의'))).rejects.toThrow(/row-level security/);
		await expect(
			as(OTHER_STARTUP, (tx) => tx`insert into public.conversations (workshop_id, asker_id) values (${WORKSHOP}, ${STARTUP})`)
		).rejects.toThrow(/row-level security/);
	});
});
