// Counseling appointments on the real database, as real users with RLS on: a craftsman asks, the
// center's staff are told and propose a slot, the craftsman confirms, both are notified and see it;
// moves out of turn are refused by the database, other centers' staff see nothing, and the thread
// belongs to the two sides only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as counseling from '../../src/lib/server/counseling';
import { testSql } from './db';
import { as, makeSupportWorld, seoulAt, type SupportWorld } from './support-fixtures';

let w: SupportWorld;
beforeAll(async () => {
	w = await makeSupportWorld(testSql(), 2);
}, 60_000);
afterAll(async () => {
	await w?.cleanup();
});

const ask = (who: string, topic: 'export' | 'financing' = 'export') =>
	as(who, (tx) =>
		counseling.ask(tx, who, w.center, { topic, question: '미국 수출 첫 선적 절차가 궁금합니다', preferred_times: '평일 오후 2시 이후' })
	);
const notices = (user: string) =>
	testSql()<{ payload: { support: string; counseling_id: string } }[]>`
		select payload from public.notifications where user_id = ${user} and kind = 'support' order by created_at, id`;
const slot = (days = 3) => ({ starts_at: seoulAt(days, 14), ends_at: seoulAt(days, 15), place_ko: '센터 2층 상담실', online_url: null });

describe('a counseling appointment', () => {
	it('goes requested → proposed → confirmed, telling the other side at each step', async () => {
		const [a] = w.craftsmen;
		const asked = await ask(a);
		expect(asked.ok).toBe(true);
		const id = (asked as { id: string }).id;
		expect((await notices(w.staff)).map((n) => n.payload)).toContainEqual(
			expect.objectContaining({ support: 'counseling_requested', counseling_id: id })
		);
		// The craftsman cannot propose or confirm a slot that was not proposed.
		expect(await as(a, (tx) => counseling.propose(tx, id, slot()))).toBe('refused');
		expect(await as(a, (tx) => counseling.confirm(tx, id))).toBe('refused');

		expect(await as(w.staff, (tx) => counseling.propose(tx, id, slot()))).toBe('ok');
		expect((await notices(a)).map((n) => n.payload.support)).toContain('counseling_proposed');
		// Staff do not confirm for the craftsman.
		expect(await as(w.staff, (tx) => counseling.confirm(tx, id))).toBe('refused');
		expect(await as(a, (tx) => counseling.confirm(tx, id))).toBe('ok');
		expect((await notices(w.staff)).map((n) => n.payload.support)).toContain('counseling_confirmed');

		const seen = await as(a, (tx) => counseling.byId(tx, id));
		expect(seen).toMatchObject({ status: 'confirmed', place_ko: '센터 2층 상담실', topic: 'export' });
		expect(seen?.starts_at?.getTime()).toBe(slot().starts_at.getTime());
		expect((await as(w.staff, (tx) => counseling.ofCenter(tx, w.center))).rows.map((r) => r.id)).toContain(id);
		expect((await as(a, (tx) => counseling.mine(tx, a))).map((r) => r.id)).toContain(id);
		// A confirmed slot is not moved by a new proposal.
		expect(await as(w.staff, (tx) => counseling.propose(tx, id, slot(4)))).toBe('refused');
	});

	it('refuses a slot in the past, and a move by staff of another center', async () => {
		const [, b] = w.craftsmen;
		const { id } = (await ask(b, 'financing')) as { id: string };
		expect(await as(w.staff, (tx) => counseling.propose(tx, id, slot(-1)))).toBe('refused');
		expect(await as(w.otherStaff, (tx) => counseling.byId(tx, id))).toBeNull();
		expect(await as(w.otherStaff, (tx) => counseling.propose(tx, id, slot()))).toBe('not_found');
		expect(await as(w.otherStaff, (tx) => counseling.ofCenter(tx, w.center))).toEqual({ rows: [], total: 0 });
	});

	it('is declined by staff with a reason, and the craftsman is told', async () => {
		const [a] = w.craftsmen;
		const { id } = (await ask(a)) as { id: string };
		expect(await as(a, (tx) => counseling.decline(tx, id, '담당자 부재'))).toBe('refused');
		expect(await as(w.staff, (tx) => counseling.decline(tx, id, '담당자 부재'))).toBe('ok');
		expect(await as(a, (tx) => counseling.byId(tx, id))).toMatchObject({ status: 'declined', reason: '담당자 부재' });
		expect((await notices(a)).filter((n) => n.payload.counseling_id === id).map((n) => n.payload.support)).toEqual([
			'counseling_cancelled'
		]);
		// Closed stays closed.
		expect(await as(a, (tx) => counseling.cancel(tx, id, ''))).toBe('refused');
	});

	it('is cancelled by the craftsman after confirming, and staff are told', async () => {
		const [, b] = w.craftsmen;
		const { id } = (await ask(b)) as { id: string };
		await as(w.staff, (tx) => counseling.propose(tx, id, slot(5)));
		await as(b, (tx) => counseling.confirm(tx, id));
		expect(await as(b, (tx) => counseling.cancel(tx, id, '일정 변경'))).toBe('ok');
		const staffNews = (await notices(w.staff)).filter((n) => n.payload.counseling_id === id).map((n) => n.payload.support);
		expect(staffNews).toEqual(['counseling_requested', 'counseling_confirmed', 'counseling_cancelled']);
	});

	it('is asked for by craftsmen only', async () => {
		expect(await ask(w.startup)).toEqual({ ok: false, reason: 'not_craftsman' });
	});
});

describe('the thread of an appointment', () => {
	it('is written and read by the two sides only', async () => {
		const [a, b] = w.craftsmen;
		const { id } = (await ask(a)) as { id: string };
		expect(await as(a, (tx) => counseling.write(tx, a, id, '  자료를 미리 보내도 될까요?  '))).toBe(true);
		expect(await as(w.staff, (tx) => counseling.write(tx, w.staff, id, '네, 메일로 보내 주세요.'))).toBe(true);
		expect(await as(b, (tx) => counseling.write(tx, b, id, '끼어들기'))).toBe(false);
		expect(await as(w.otherStaff, (tx) => counseling.write(tx, w.otherStaff, id, '끼어들기'))).toBe(false);
		const thread = await as(a, (tx) => counseling.messages(tx, id));
		expect(thread.map((m) => m.body)).toEqual(['자료를 미리 보내도 될까요?', '네, 메일로 보내 주세요.']);
		expect(thread.map((m) => m.author_name)).toEqual([`공인1 ${w.tag}`, `센터직원 ${w.tag}`]);
		expect(await as(b, (tx) => counseling.messages(tx, id))).toEqual([]);
		// Staff see who asked (profiles are otherwise not theirs to read).
		expect((await as(w.staff, (tx) => counseling.byId(tx, id)))?.requester_name).toBe(`공인1 ${w.tag}`);
	});
});
