// Refusals the hostile-input property test found, as real users with RLS on: a center's staff do not
// write an applicant's draft (only read it), and registering for an event that is gone, or as someone
// the database does not let register, is a refusal rather than a server error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as programs from '../../src/lib/server/programs';
import * as support from '../../src/lib/server/support';
import { testSql } from './db';
import { as, makeSupportWorld, seoulAt, type SupportWorld } from './support-fixtures';

let w: SupportWorld;
let application = '';
let workshop = '';

beforeAll(async () => {
	const sql = testSql();
	w = await makeSupportWorld(sql, 1);
	const [row] = await sql<{ id: string }[]>`
		insert into public.workshops (owner_id, slug, name_ko, trade_code, employees, address_ko)
		select ${w.craftsmen[0]}, ${`refusals-${w.tag}`}, '거절 공방', ksic_code, 3, '서울 종로구 돈화문로 11' from public.trades limit 1
		returning id`;
	workshop = row.id;
	const [program] = await sql<{ id: string }[]>`
		insert into public.support_programs (center_id, slug, kind, title_ko, amount_max_krw, deadline)
		values (${w.center}, ${`refusals-${w.tag}`}, 'grant', '거절 지원사업', 1000000, now() + interval '30 days') returning id`;
	const [a] = await sql<{ id: string }[]>`
		insert into public.support_applications (program_id, workshop_id, applicant_id, note)
		values (${program.id}, ${workshop}, ${w.craftsmen[0]}, '신청자의 메모') returning id`;
	application = a.id;
}, 60_000);

afterAll(async () => {
	if (!w) return;
	const sql = testSql();
	await sql`delete from public.support_applications where id = ${application || null}`;
	await sql`delete from public.workshops where id = ${workshop || null}`;
	await w.cleanup();
});

describe("an applicant's draft", () => {
	it("is saved by the applicant, and not by the center's staff who read it", async () => {
		expect((await as(w.staff, (tx) => programs.byId(tx, application)))?.note).toBe('신청자의 메모');
		expect(await as(w.staff, (tx) => programs.saveDraft(tx, application, { note: '직원이 고침', amount_krw: 1 }))).toBe(false);
		expect((await as(w.craftsmen[0], (tx) => programs.byId(tx, application)))?.note).toBe('신청자의 메모');
		expect(await as(w.craftsmen[0], (tx) => programs.saveDraft(tx, application, { note: '고친 메모', amount_krw: 500000 }))).toBe(true);
		expect(await as(w.craftsmen[0], (tx) => programs.byId(tx, application))).toMatchObject({ note: '고친 메모', amount_krw: 500000 });
	});
});

describe('registering for an event', () => {
	it('that was deleted meanwhile is closed, not a server error', async () => {
		const [event] = await testSql()<{ id: string }[]>`
			insert into public.support_events (center_id, kind, title_ko, starts_at, ends_at, place_ko, capacity)
			values (${w.center}, 'seminar', '지워질 설명회', ${seoulAt(8, 10)}, ${seoulAt(8, 12)}, '교육장', 10) returning id`;
		await testSql()`delete from public.support_events where id = ${event.id}`;
		expect(await as(w.craftsmen[0], (tx) => support.register(tx, w.craftsmen[0], event.id))).toBe('closed');
	});
});
