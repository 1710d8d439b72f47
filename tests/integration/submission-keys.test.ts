// The create forms that carry a submission key (made when the form is rendered), posted twice at the
// same time as a double click or a retried request does: one thing is made, and both posts answer it.
// Counseling requests and their thread's messages, inquiries (the first question and the answers),
// a center's new machines and events; a program application is one per workshop in the database, and
// two concurrent starts open the same one instead of one failing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as companies from '../../src/lib/server/companies';
import * as counseling from '../../src/lib/server/counseling';
import * as inquiries from '../../src/lib/server/inquiries';
import * as programs from '../../src/lib/server/programs';
import * as staff from '../../src/lib/server/support-staff';
import { testSql } from './db';
import { as, makeSupportWorld, seoulAt, type SupportWorld } from './support-fixtures';

// 대성정밀 of the seed, which any startup may ask.
const SEEDED_WORKSHOP = '00000000-0000-4000-8000-00000000f301';

let w: SupportWorld;
let workshop = '';
let program: programs.Program;

beforeAll(async () => {
	const sql = testSql();
	w = await makeSupportWorld(sql, 2);
	const [row] = await sql<{ id: string }[]>`
		insert into public.workshops (owner_id, slug, name_ko, trade_code, employees, address_ko, founded_year)
		select ${w.craftsmen[0]}, ${`keys-${w.tag}`}, '두번 공방', trade_code, 3, '서울 종로구 돈화문로 11', 2015
		from public.workshops where id = ${SEEDED_WORKSHOP}
		returning id`;
	workshop = row.id;
	await sql`insert into public.support_programs (center_id, slug, kind, title_ko, title_en, amount_max_krw, deadline, required_documents, eligibility)
		values (${w.center}, ${`twice-${w.tag}`}, 'grant', '두번 누르기 지원', 'Double click grant', 1000000, now() + interval '30 days', '[]', '[]')`;
	program = (await as(w.craftsmen[0], (tx) => programs.bySlug(tx, `twice-${w.tag}`)))!;
}, 60_000);

afterAll(async () => {
	const sql = testSql();
	if (!w) return;
	await sql`delete from public.conversations where request_id is null and asker_id = ${w.startup}`;
	await sql`delete from public.companies where owner_id = ${w.startup}`;
	await sql`delete from public.support_applications where workshop_id = ${workshop || null}`;
	await sql`delete from public.workshops where id = ${workshop || null}`;
	await w.cleanup();
});

const count = async (table: string, column: string, key: string) => {
	const [{ n }] = await testSql()<
		{ n: number }[]
	>`select count(*)::int as n from ${testSql()(`public.${table}`)} where ${testSql()(column)} = ${key}`;
	return n;
};

describe('posted twice with the same submission key', () => {
	it('a counseling request is made once, and both posts land on it', async () => {
		const [a] = w.craftsmen;
		const key = randomUUID();
		const post = () =>
			as(a, (tx) =>
				counseling.ask(tx, a, w.center, { topic: 'export', question: '두 번 눌렀습니다', preferred_times: '평일 오전', submissionKey: key })
			);
		const [first, second] = await Promise.all([post(), post()]);
		expect(first).toEqual(second);
		expect(first.ok).toBe(true);
		expect(await count('support_counseling', 'submission_key', key)).toBe(1);
		// The staff are told once.
		const [{ n }] = await testSql()<{ n: number }[]>`select count(*)::int as n from public.notifications
			where user_id = ${w.staff} and payload ->> 'counseling_id' = ${(first as { id: string }).id}`;
		expect(n).toBe(1);
		// A new form (another key) is another request; no key at all is not deduplicated.
		const other = await as(a, (tx) =>
			counseling.ask(tx, a, w.center, {
				topic: 'export',
				question: '두 번 눌렀습니다',
				preferred_times: '평일 오전',
				submissionKey: randomUUID()
			})
		);
		expect(other).not.toEqual(first);
	});

	it("a message in a counseling appointment's thread is written once", async () => {
		const [, b] = w.craftsmen;
		const { id } = (await as(b, (tx) =>
			counseling.ask(tx, b, w.center, { topic: 'financing', question: '자금 상담', preferred_times: '언제든' })
		)) as { id: string };
		const key = randomUUID();
		const post = () => as(b, (tx) => counseling.write(tx, b, id, '자료 보냅니다', key));
		expect(await Promise.all([post(), post()])).toEqual([true, true]);
		expect(await count('support_counseling_messages', 'submission_key', key)).toBe(1);
		expect((await as(b, (tx) => counseling.messages(tx, id))).map((m) => m.body)).toEqual(['자료 보냅니다']);
		// The staff's answer with the same key (another author) is their own message.
		expect(await as(w.staff, (tx) => counseling.write(tx, w.staff, id, '받았습니다', key))).toBe(true);
		expect((await as(b, (tx) => counseling.messages(tx, id))).map((m) => m.body)).toEqual(['자료 보냅니다', '받았습니다']);
	});

	it('an inquiry (first question, then an answer) is sent once each', async () => {
		const key = randomUUID();
		const ask = () => as(w.startup, (tx) => inquiries.ask(tx, SEEDED_WORKSHOP, w.startup, '처음 문의합니다', key));
		const [first, second] = await Promise.all([ask(), ask()]);
		expect(second).toBe(first);
		expect(await count('messages', 'submission_key', key)).toBe(1);
		const again = randomUUID();
		const send = () => as(w.startup, (tx) => inquiries.send(tx, first, w.startup, '추가 질문입니다', again));
		await Promise.all([send(), send()]);
		const bodies = await as(w.startup, async (tx) => {
			const inquiry = (await inquiries.byId(tx, first, w.startup))!;
			return (await inquiries.messages(tx, inquiry, w.startup)).map((m) => m.body);
		});
		expect(bodies).toEqual(['처음 문의합니다', '추가 질문입니다']);
	});

	it("a center's new machine and new event are made once", async () => {
		const machineKey = randomUUID();
		const machine = {
			kind: 'cnc',
			name_ko: `두번 CNC ${w.tag}`,
			name_en: '',
			specs_ko: '',
			specs_en: '',
			prerequisite_course_id: null,
			hourly_fee_krw: 0,
			slot_minutes: 60,
			open_hour: 9,
			close_hour: 18
		};
		const [m1, m2] = await Promise.all([0, 1].map(() => as(w.staff, (tx) => staff.createMachine(tx, w.center, machine, machineKey))));
		expect(m1.ok).toBe(true);
		expect(m2).toEqual(m1);
		expect(await count('support_machines', 'submission_key', machineKey)).toBe(1);
		// Another center's staff with the same key make nothing here (and are refused).
		expect((await as(w.otherStaff, (tx) => staff.createMachine(tx, w.center, machine, machineKey))).ok).toBe(false);

		const eventKey = randomUUID();
		const event = {
			kind: 'seminar' as const,
			title_ko: `두번 설명회 ${w.tag}`,
			title_en: '',
			description_ko: '',
			description_en: '',
			starts_at: seoulAt(9, 10),
			ends_at: seoulAt(9, 12),
			place_ko: '교육장',
			online_url: null,
			capacity: 10,
			machine_id: null
		};
		const [e1, e2] = await Promise.all([0, 1].map(() => as(w.staff, (tx) => staff.createEvent(tx, w.center, event, eventKey))));
		expect(e1.ok).toBe(true);
		expect(e2).toEqual(e1);
		expect(await count('support_events', 'submission_key', eventKey)).toBe(1);
	});

	it("a startup's company profile saved twice before the company existed makes one company", async () => {
		const key = randomUUID();
		const input = (builds: string) => ({
			name_ko: `두번회사 ${w.tag}`,
			name_en: null,
			builds_ko: builds,
			builds_en: '',
			startup_cluster_id: null,
			lat: null,
			lng: null,
			website: null,
			business_registration_number: null,
			address_ko: ''
		});
		const [a, b] = await Promise.all(
			['첫 저장', '두 번째 저장'].map((builds, i) =>
				as(w.startup, (tx) => companies.create(tx, w.startup, `twice-${w.tag}-${i}`, input(builds), key))
			)
		);
		expect(b.id).toBe(a.id);
		const rows = await testSql()<{ builds_ko: string }[]>`select builds_ko from public.companies where owner_id = ${w.startup}`;
		expect(rows).toHaveLength(1);
		expect(['첫 저장', '두 번째 저장']).toContain(rows[0].builds_ko);
	});

	it('a program application started twice at once is one application, opened by both', async () => {
		const [a] = w.craftsmen;
		const start = () => as(a, (tx) => programs.start(tx, a, program, workshop));
		const [first, second] = await Promise.all([start(), start()]);
		expect(first.ok).toBe(true);
		expect(second).toEqual(first);
		const [{ n }] = await testSql()<{ n: number }[]>`select count(*)::int as n from public.support_applications
			where program_id = ${program.id} and workshop_id = ${workshop}`;
		expect(n).toBe(1);
	});
});
