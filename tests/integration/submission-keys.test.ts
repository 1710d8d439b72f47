// The create forms that carry a submission key (made when the form is rendered), posted twice at the
// same time as a double click or a retried request does: one thing is made, and both posts answer it.
// Counseling requests and their thread's messages, inquiries (the first question and the answers),
// a center's new machines and events; a program application is one per workshop in the database, and
// two concurrent starts open the same one instead of one failing. Uploads: a workshop form's photos, a
// program application's document, an order's move with its files, each made once (rows and files) when
// the same form is posted twice, and a quote (new or revised) with its files. A new event that unlocks a
// machine, posted twice at once, makes one course; a machine booking is made once and answered booked (the machine's prerequisite is the event's course). A
// cluster manager's claim invitation to an imported member is mailed once, and a roster import (its upload
// is its key) is made once. A manager's forward of a request to a member, and a workshop joining a public
// request, are made once and neither post fails. A center's new program and the operator's new cluster
// are made once, and the second post is answered with them (not "the address is taken").
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRedirect } from '@sveltejs/kit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as clusterAdmin from '../../src/lib/server/cluster-admin';
import * as companies from '../../src/lib/server/companies';
import * as counseling from '../../src/lib/server/counseling';
import * as inquiries from '../../src/lib/server/inquiries';
import * as photos from '../../src/lib/server/photos';
import { mail, storage } from '../../src/lib/server/ports';
import * as programs from '../../src/lib/server/programs';
import * as requests from '../../src/lib/server/requests';
import * as roster from '../../src/lib/server/roster';
import { diskStorage } from '../../src/lib/server/storage/disk';
import { withUserFiles } from '../../src/lib/server/storage/staged';
import * as editor from '../../src/lib/server/workshop-editor';
import * as staff from '../../src/lib/server/support-staff';
import * as support from '../../src/lib/server/support';
import { actions as importActions } from '../../src/routes/manage/[slug]/import/+page.server';
import { actions as orderActions } from '../../src/routes/orders/[id]/+page.server';
import { actions as quoteActions } from '../../src/routes/requests/[id]/quotes/+page.server';
import { testSql } from './db';
import { CRAFTSMAN, orderFixtures, STARTUP } from './order-fixtures';
import { as, claims, makeSupportWorld, seoulAt, type SupportWorld } from './support-fixtures';

// The workshop editor stores photos through the storage port (read from DATA_DIR on first use): this
// file's own directory.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'submission-keys-'));
process.env.DATA_DIR = dataDir;

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
	rmSync(dataDir, { recursive: true, force: true });
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

	it('an event unlocking a machine, posted twice at once, makes one course, which the machine requires', async () => {
		const [machine] = await testSql()<{ id: string }[]>`
			insert into public.support_machines (center_id, kind, name_ko, slot_minutes)
			values (${w.center}, 'cnc', ${`두번 레이저 ${w.tag}`}, 60) returning id`;
		const event = {
			kind: 'seminar' as const,
			title_ko: `레이저 안전교육 ${w.tag}`,
			title_en: '',
			description_ko: '',
			description_en: '',
			starts_at: seoulAt(10, 10),
			ends_at: seoulAt(10, 12),
			place_ko: '교육장',
			online_url: null,
			capacity: 10,
			machine_id: machine.id
		};
		// Open connections first, so that the two posts run side by side.
		await Promise.all([0, 1, 2].map(() => as(w.staff, (tx) => tx`select pg_sleep(0.05)`)));
		const key = randomUUID();
		const [e1, e2] = await Promise.all([0, 1].map(() => as(w.staff, (tx) => staff.createEvent(tx, w.center, event, key))));
		expect(e1.ok).toBe(true);
		expect(e2).toEqual(e1);
		const courses = await testSql()<{ id: string }[]>`select id from public.support_courses
			where center_id = ${w.center} and title_ko = ${event.title_ko}`;
		expect(courses).toHaveLength(1);
		const [row] = await testSql()<{ required: string; taught: string }[]>`
			select m.prerequisite_course_id as required, e.course_id as taught
			from public.support_machines m, public.support_events e where m.id = ${machine.id} and e.submission_key = ${key}`;
		expect(row).toEqual({ required: courses[0].id, taught: courses[0].id });
		// Another form (another key) for the same machine is another session of that course.
		const other = await as(w.staff, (tx) =>
			staff.createEvent(tx, w.center, { ...event, starts_at: seoulAt(11, 10), ends_at: seoulAt(11, 12) }, randomUUID())
		);
		expect(other.ok && other.id).not.toBe(e1.ok && e1.id);
		expect(
			await testSql()`select 1 from public.support_courses where center_id = ${w.center} and title_ko = ${event.title_ko}`
		).toHaveLength(1);
		expect(await testSql()`select 1 from public.support_events where course_id = ${courses[0].id}`).toHaveLength(2);
	});

	it('a machine booking is made once, and both posts answer booked; another key is another booking', async () => {
		const [, b] = w.craftsmen;
		const polisher = (await as(b, (tx) => support.machineById(tx, w.polisher)))!;
		await Promise.all([0, 1, 2].map(() => as(b, (tx) => tx`select pg_sleep(0.05)`)));
		const key = randomUUID();
		const post = () => as(b, (tx) => support.book(tx, b, polisher, seoulAt(7, 10), 2, new Date(), '', key));
		const [first, second] = await Promise.all([post(), post()]);
		expect(first.ok).toBe(true);
		expect(second).toEqual(first);
		// Later, the same post again: booked, the same booking (not "taken" by the craftsman's own booking).
		expect(await post()).toEqual(first);
		expect(await count('support_bookings', 'submission_key', key)).toBe(1);
		// Another form (another key): the same time is taken; another time is another booking.
		const again = (start: Date) => as(b, (tx) => support.book(tx, b, polisher, start, 1, new Date(), '', randomUUID()));
		expect(await again(seoulAt(7, 10))).toEqual({ ok: false, refusal: { code: 'overlap' } });
		const other = await again(seoulAt(7, 14));
		expect(other.ok).toBe(true);
		expect(other).not.toEqual(first);
		const mine = await as(b, (tx) => support.bookingsOf(tx, b));
		expect(mine.filter((x) => x.machine_id === w.polisher && x.status === 'booked')).toHaveLength(2);
	});

	it("a center's new program and the operator's new cluster are made once; the second post is not told its slug is taken", async () => {
		const program = (slug: string) => ({
			slug,
			kind: 'grant' as const,
			title_ko: `두번 지원사업 ${w.tag}`,
			title_en: '',
			summary_ko: '',
			summary_en: '',
			amount_max_krw: 10_000_000,
			self_pay_percent: 0,
			opens_at: seoulAt(-1, 9),
			deadline: seoulAt(30, 18),
			required_documents: []
		});
		await Promise.all([0, 1, 2].map(() => as(w.staff, (tx) => tx`select pg_sleep(0.05)`)));
		const key = randomUUID();
		const post = () => as(w.staff, (tx) => staff.createProgram(tx, w.center, program(`twice-program-${w.tag}`), key));
		const [p1, p2] = await Promise.all([post(), post()]);
		expect(p1.ok).toBe(true);
		expect(p2).toEqual(p1);
		expect(await post()).toEqual(p1);
		expect(await count('support_programs', 'submission_key', key)).toBe(1);
		// A new form (another key) with the same slug is told it is taken; with another slug it is another program.
		expect(await as(w.staff, (tx) => staff.createProgram(tx, w.center, program(`twice-program-${w.tag}`), randomUUID()))).toEqual({
			ok: false,
			error: 'slug_taken'
		});
		expect((await as(w.staff, (tx) => staff.createProgram(tx, w.center, program(`twice-program-2-${w.tag}`), randomUUID()))).ok).toBe(true);

		const [{ id: operator }] = await testSql()<{ id: string }[]>`
			insert into auth.users (id, email, raw_user_meta_data)
			values (gen_random_uuid(), ${`keys-op-${w.tag}@example.test`}, ${testSql().json({ role: 'startup', display_name: '운영자' })}) returning id`;
		await testSql()`update public.profiles set role = 'operator' where id = ${operator}`;
		const slug = `twice-cluster-${w.tag}`;
		const cluster = (s: string): clusterAdmin.ClusterInput => ({
			slug: s,
			kind: 'craft',
			name_ko: '두번 집적지',
			name_en: 'Twice cluster',
			specialty_ko: '',
			specialty_en: '',
			trade_code: '3311',
			region_ko: '서울',
			region_en: 'Seoul',
			district_ko: '종로구',
			district_en: 'Jongno-gu',
			district_kind: 'district',
			areas_ko: [],
			lat: 37.57,
			lng: 126.99,
			description_ko: '',
			description_en: ''
		});
		try {
			await Promise.all([0, 1, 2].map(() => as(operator, (tx) => tx`select pg_sleep(0.05)`)));
			const clusterKey = randomUUID();
			const create = () => as(operator, (tx) => clusterAdmin.create(tx, cluster(slug), clusterKey));
			const answers = await Promise.all([create(), create()]);
			expect(answers).toEqual([
				{ ok: true, slug },
				{ ok: true, slug }
			]);
			expect(await create()).toEqual({ ok: true, slug });
			expect(await count('clusters', 'submission_key', clusterKey)).toBe(1);
			expect(await as(operator, (tx) => clusterAdmin.create(tx, cluster(slug), randomUUID()))).toEqual({ ok: false, error: 'slug_taken' });
			expect(await as(operator, (tx) => clusterAdmin.create(tx, cluster(`${slug}-2`), randomUUID()))).toEqual({
				ok: true,
				slug: `${slug}-2`
			});
		} finally {
			await testSql()`delete from public.clusters where slug in (${slug}, ${`${slug}-2`})`;
			await testSql()`delete from auth.users where id = ${operator}`;
		}
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

/** The stored files in a disk storage folder (not the content-type sidecars, which start with a dot). */
const filesIn = (folder: string) => readdirSync(folder).filter((name) => !name.startsWith('.'));

describe('an upload posted twice with the same submission key', () => {
	const png = (background: string) =>
		sharp({ create: { width: 640, height: 480, channels: 3, background } })
			.png()
			.toBuffer();

	/** The workshop form as the browser posts it: its fields, the photos and the form's key. */
	async function workshopPost(key: string, colours: string[]): Promise<Request> {
		const data = new FormData();
		const [{ trade_code }] = await testSql()<{ trade_code: string }[]>`select trade_code from public.workshops where id = ${workshop}`;
		const fields = { name_ko: '두번 공방', name_en: '', trade_code, employees: '3', address_ko: '', submission_key: key };
		for (const [name, value] of Object.entries(fields)) data.append(name, value);
		data.append('accepting_orders', 'on');
		for (const [i, colour] of colours.entries())
			data.append('photos', new File([new Uint8Array(await png(colour))], `사진${i + 1}.png`, { type: 'image/png' }));
		return new Request('http://localhost/dashboard/workshop?/save', { method: 'POST', body: data });
	}

	const shown = () => as(w.craftsmen[0], (tx) => photos.listPhotos(tx, workshop));
	const storedFiles = async (list: photos.Photo[]) =>
		(await Promise.all(list.flatMap((p) => [p.path, p.thumb_path]).map((p) => storage().get(p)))).filter(Boolean).length;

	it("a workshop save's photos are added once; both posts answer saved; another key adds them again", async () => {
		const [a] = w.craftsmen;
		const target = { kind: 'own', userId: a } as const;
		const before = (await shown()).length;
		const key = randomUUID();
		const results = await Promise.all([0, 1].map(async () => editor.save(await workshopPost(key, ['#3a6', '#a36']), claims(a), target)));
		for (const result of results) expect(result).toMatchObject({ form: { valid: true, message: 'saved' } });
		let list = await shown();
		expect(list).toHaveLength(before + 2);
		expect(await storedFiles(list)).toBe(list.length * 2);
		// Each answer is a new form (a new key): its next save is another save.
		const keys = results.map((r) => (r as { form: { data: { submission_key: string } } }).form.data.submission_key);
		expect(keys).not.toContain(key);

		// The same post once more, later (a retried request): saved, no photo more.
		expect(await editor.save(await workshopPost(key, ['#3a6', '#a36']), claims(a), target)).toMatchObject({
			form: { message: 'saved' }
		});
		expect(await shown()).toHaveLength(before + 2);
		// Nothing else in storage: the second posts stored no files of their own.
		expect(filesIn(path.join(dataDir, 'storage', 'workshops', workshop))).toHaveLength((before + 2) * 2);

		// A new form's save adds its photo.
		await editor.save(await workshopPost(randomUUID(), ['#36a']), claims(a), target);
		list = await shown();
		expect(list).toHaveLength(before + 3);
		expect(await storedFiles(list)).toBe(list.length * 2);
		expect(new Set(list.map((p) => p.path)).size).toBe(list.length);
	});

	it("an application's document is stored once, both posts answer uploaded; another key stores another", async () => {
		const [a] = w.craftsmen;
		const dir = mkdtempSync(path.join(os.tmpdir(), 'keys-docs-'));
		const store = diskStorage(dir);
		try {
			await testSql()`insert into public.support_programs (center_id, slug, kind, title_ko, title_en, amount_max_krw, deadline, required_documents, eligibility)
				values (${w.center}, ${`docs-${w.tag}`}, 'grant', '서류 두번 지원', 'Documents twice', 1000000, now() + interval '30 days',
				        ${testSql().json([{ key: 'business_registration', label_ko: '사업자등록증', label_en: 'Business registration' }])}, '[]')`;
			const docsProgram = (await as(a, (tx) => programs.bySlug(tx, `docs-${w.tag}`)))!;
			const started = await as(a, (tx) => programs.start(tx, a, docsProgram, workshop));
			if (!started.ok) throw new Error(started.error);
			const pdf = new TextEncoder().encode('%PDF-1.4\n사업자등록증\n%%EOF');
			const upload = (key: string) =>
				withUserFiles(claims(a), store, async (tx, files) =>
					programs.addDocument(
						tx,
						files,
						(await programs.byId(tx, started.id))!,
						a,
						'business_registration',
						{ name: '사업자등록증.pdf', bytes: pdf },
						key
					)
				);
			const documents = async () => (await as(a, (tx) => programs.byId(tx, started.id)))!.documents;
			const storedPdfs = async () => {
				const rows = await testSql()<{ path: string }[]>`
					select path from public.support_application_documents where application_id = ${started.id}`;
				return (await Promise.all(rows.map((d) => store.get(d.path)))).filter(Boolean).length;
			};

			const key = randomUUID();
			expect(await Promise.all([upload(key), upload(key)])).toEqual([{ ok: true }, { ok: true }]);
			expect(await upload(key)).toEqual({ ok: true });
			expect(await documents()).toHaveLength(1);
			expect(await storedPdfs()).toBe(1);
			// The second post stored no file of its own either (nothing left behind in storage).
			expect(filesIn(path.join(dir, 'programs', started.id))).toHaveLength(1);

			expect(await upload(randomUUID())).toEqual({ ok: true });
			expect(await documents()).toHaveLength(2);
			expect(await storedPdfs()).toBe(2);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe("an order's move posted twice with the same submission key", () => {
	const fixtures = orderFixtures('두번 누른 주문');
	afterAll(() => fixtures.purge());

	type Answer = { form: { message?: string; errors: { _errors?: string[] } } };
	/** The order page's move form as the browser posts it, through the page's action (as the buyer): its form. */
	async function postMove(orderId: string, key: string) {
		const data = new FormData();
		data.append('move', 'cancel');
		data.append('reason', '일정이 맞지 않아 취소합니다.');
		data.append('submission_key', key);
		data.append('files', new File([new TextEncoder().encode('%PDF-1.4\n취소 사유\n%%EOF')], '사유서.pdf', { type: 'application/pdf' }));
		const url = new URL(`http://localhost/orders/${orderId}?/move`);
		const event = {
			request: new Request(url, { method: 'POST', body: data }),
			params: { id: orderId },
			locals: { user: { id: STARTUP, role: 'startup' }, claims: claims(STARTUP) },
			url
		};
		const answer = (await orderActions.move(event as unknown as Parameters<typeof orderActions.move>[0])) as Answer | { data: Answer };
		// A refusal comes as fail(400, { form }).
		return 'data' in answer ? answer.data.form : answer.form;
	}

	it('is made once with its file, and both posts answer done; a new form is refused by the state', async () => {
		const order = await fixtures.accepted('취소');
		const key = randomUUID();
		const answers = await Promise.all([postMove(order.id, key), postMove(order.id, key)]);
		expect(answers.map((a) => a.message)).toEqual(['order_done_cancel', 'order_done_cancel']);
		expect((await fixtures.load(STARTUP, order.id))!.status).toBe('cancelled');
		const events = await testSql()<{ n: number }[]>`select count(*)::int as n from public.order_events
			where order_id = ${order.id} and kind = 'cancelled'`;
		expect(events[0].n).toBe(1);
		const files = await testSql()<{ path: string }[]>`select path from public.order_files where order_id = ${order.id}`;
		expect(files).toHaveLength(1);
		expect(filesIn(path.join(dataDir, 'storage', 'orders', order.id))).toHaveLength(1);
		expect(await storage().get(files[0].path)).not.toBeNull();

		// Later, the same post again: done, nothing more.
		expect((await postMove(order.id, key)).message).toBe('order_done_cancel');
		// Another form (another key) is another move, which the cancelled order refuses.
		const other = await postMove(order.id, randomUUID());
		expect(other.message).toBeUndefined();
		expect(other.errors._errors).toEqual(['err_illegal_transition']);
		expect(await testSql()`select 1 from public.order_files where order_id = ${order.id}`).toHaveLength(1);
	});
});

describe('a quote form posted twice with the same submission key', () => {
	// craftsman3's 대성정밀 (the seed) quotes on startup1's public request.
	const COMPANY = '00000000-0000-4000-8000-00000000d001';
	let request = '';
	afterAll(async () => {
		await testSql()`delete from public.notifications where payload ->> 'request_id' = ${request || null}`;
		await testSql()`delete from public.requests where id = ${request || null}`;
	});

	type Answer = { form: { message?: string; errors: { _errors?: string[] } } };
	/** The quote page's form as the browser posts it, through the page's action (as the workshop): its form. */
	async function postQuote(key: string, price: string) {
		const data = new FormData();
		const fields = {
			workshop_id: SEEDED_WORKSHOP,
			price_krw: price,
			vat_mode: 'excluded',
			deposit_krw: '500,000',
			lead_time_days: '14',
			valid_until: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
			notes: '소재 포함',
			submission_key: key
		};
		for (const [name, value] of Object.entries(fields)) data.append(name, value);
		data.append('files', new File([new TextEncoder().encode('%PDF-1.4\n도면 검토\n%%EOF')], '견적서.pdf', { type: 'application/pdf' }));
		const url = new URL(`http://localhost/requests/${request}/quotes?/quote`);
		const event = {
			request: new Request(url, { method: 'POST', body: data }),
			params: { id: request },
			locals: { user: { id: CRAFTSMAN, role: 'craftsman', emailConfirmed: true }, claims: claims(CRAFTSMAN) },
			url
		};
		const answer = (await quoteActions.quote(event as unknown as Parameters<typeof quoteActions.quote>[0])) as Answer | { data: Answer };
		return 'data' in answer ? answer.data.form : answer.form;
	}
	const state = async () => {
		const rows = await testSql()<{ revision: number; price_krw: number; files: number }[]>`
			select q.revision, q.price_krw, (select count(*)::int from public.attachments a where a.quote_id = q.id) as files
			from public.quotes q where q.request_id = ${request}`;
		return rows;
	};

	it('is sent once with its file; a revision posted twice is one revision; both posts answer as the first', async () => {
		[{ id: request }] = await testSql()<{ id: string }[]>`
			insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility)
			values (${STARTUP}, ${COMPANY}, 'machine_metal', '259', ${`두번 견적 ${w.tag}`}, '알루미늄 브래킷 100개', 100, 'open', 'public')
			returning id`;
		const key = randomUUID();
		const first = await Promise.all([postQuote(key, '2,000,000'), postQuote(key, '2,000,000')]);
		expect(first.map((a) => a.message)).toEqual(['quote_done_submit', 'quote_done_submit']);
		expect(await postQuote(key, '2,000,000')).toMatchObject({ message: 'quote_done_submit' });
		expect(await state()).toEqual([{ revision: 1, price_krw: 2_000_000, files: 1 }]);
		const attachments = await testSql()<{ path: string }[]>`select path from public.attachments where request_id = ${request}`;
		expect(await storage().get(attachments[0].path)).not.toBeNull();

		// A new form (the page after the quote) revises it, once, however often it is posted.
		const revision = randomUUID();
		const revised = await Promise.all([postQuote(revision, '1,900,000'), postQuote(revision, '1,900,000')]);
		expect(revised.map((a) => a.message)).toEqual(['quote_done_revise', 'quote_done_revise']);
		expect(await postQuote(revision, '1,900,000')).toMatchObject({ message: 'quote_done_revise' });
		expect(await state()).toEqual([{ revision: 2, price_krw: 1_900_000, files: 2 }]);
		expect(filesIn(path.join(dataDir, 'storage', 'requests', request, 'quotes'))).toHaveLength(2);
	});
});

describe("a cluster manager's claim invitation and forward posted twice", () => {
	const cluster = randomUUID();
	const member = randomUUID();
	const address = `invite-${cluster.slice(0, 8)}@example.test`;
	beforeAll(async () => {
		const sql = testSql();
		await sql`insert into public.clusters (id, slug, kind, name_ko, name_en, trade_code, region_ko, region_en, district_ko, district_en, district_kind, lat, lng)
			values (${cluster}, ${`keys-${cluster.slice(0, 8)}`}, 'craft', '두번 초대 집적지', 'Invite twice cluster', '3311',
			        '서울', 'Seoul', '종로구', 'Jongno-gu', 'district', 37.57, 126.99)`;
		await sql`insert into public.cluster_managers (cluster_id, user_id) values (${cluster}, ${w.staff})`;
		await sql`insert into public.workshops (id, slug, name_ko, trade_code, employees, business_registration_number)
			values (${member}, ${`keys-invite-${member.slice(0, 8)}`}, '초대받을 공방', '3311', 2, '110-81-23459')`;
		await sql`insert into public.cluster_memberships (cluster_id, workshop_id, status, decided_by, decided_at)
			values (${cluster}, ${member}, 'approved', ${w.staff}, now())`;
		await sql`insert into public.roster_members (cluster_id, brn, workshop_id, representative, claim_code)
			values (${cluster}, '110-81-23459', ${member}, '김초대', 'KEYS2345')`;
	});
	let request = '';
	let joined = '';
	let declined = '';
	/** An open public request of startup1's, which any workshop may join or decline. */
	const publicRequest = async (title: string) =>
		(
			await testSql()<{ id: string }[]>`
				insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility)
				values (${STARTUP}, '00000000-0000-4000-8000-00000000d001', 'machine_metal', '259', ${title}, '브래킷 20개', 20, 'open', 'public')
				returning id`
		)[0].id;
	afterAll(async () => {
		const sql = testSql();
		for (const id of [request, joined, declined]) {
			await sql`delete from public.notifications where payload ->> 'request_id' = ${id || null}`;
			await sql`delete from public.requests where id = ${id || null}`;
		}
		await sql`delete from public.dev_mailbox where to_email = ${address}`;
		await sql`delete from public.workshops where id = ${member}`;
		await sql`delete from public.clusters where id = ${cluster}`;
	});

	type Answer = { form: { message?: { sent?: string }; errors: { _errors?: string[] } } };
	/** A row's invitation form as the browser posts it, through the import page's action (as the manager): its form. */
	async function postInvite(key: string) {
		const data = new FormData();
		for (const [name, value] of Object.entries({ workshop: member, email: address, submission_key: key })) data.append(name, value);
		const url = new URL(`http://localhost/manage/keys-${cluster.slice(0, 8)}/import?/invite`);
		const event = {
			request: new Request(url, { method: 'POST', body: data }),
			params: { slug: `keys-${cluster.slice(0, 8)}` },
			locals: { user: { id: w.staff, role: 'manager' }, claims: claims(w.staff) },
			url
		};
		const answer = (await importActions.invite(event as unknown as Parameters<typeof importActions.invite>[0])) as
			Answer | { data: Answer };
		return 'data' in answer ? answer.data.form : answer.form;
	}
	const mails = async () => (await testSql()`select 1 from public.dev_mailbox where to_email = ${address}`).length;
	const audited = async () =>
		(await testSql()`select 1 from public.audit_entries where cluster_id = ${cluster} and action = 'member.claim_invited'`).length;

	it('is mailed and recorded once, and both posts answer sent; another key (a new page) invites again', async () => {
		await Promise.all([0, 1, 2].map(() => as(w.staff, (tx) => tx`select pg_sleep(0.05)`)));
		const key = randomUUID();
		const answers = await Promise.all([postInvite(key), postInvite(key)]);
		expect(answers.map((a) => a.message)).toEqual([{ sent: address }, { sent: address }]);
		expect(await mails()).toBe(1);
		expect(await audited()).toBe(1);
		// Later, the same post again (a retried request): sent, nothing more.
		expect((await postInvite(key)).message).toEqual({ sent: address });
		expect(await mails()).toBe(1);
		expect(await audited()).toBe(1);
		// The page after the invitation renders a new key: inviting again is another mail.
		expect((await postInvite(randomUUID())).message).toEqual({ sent: address });
		expect(await mails()).toBe(2);
		expect(await audited()).toBe(2);
	});

	it('records nothing when the mail fails, says so, and the same post again mails and answers sent', async () => {
		const key = randomUUID();
		const before = { mails: await mails(), audited: await audited() };
		const invitedAt = async () =>
			(await testSql()<{ invited_at: Date | null }[]>`select invited_at from public.roster_members where workshop_id = ${member}`)[0]
				.invited_at;
		const was = await invitedAt();
		const send = vi.spyOn(mail(), 'send').mockRejectedValueOnce(new Error('SMTP 421 try again later'));
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const failed = await postInvite(key);
			expect(failed.errors._errors).toEqual(['roster_err_invite_mail_failed']);
			expect(failed.message).toBeUndefined();
			expect({ mails: await mails(), audited: await audited() }).toEqual(before);
			expect(await invitedAt()).toEqual(was);
			// The manager sends again (the same form, the same key): this time it is mailed.
			expect((await postInvite(key)).message).toEqual({ sent: address });
			expect(send).toHaveBeenCalledTimes(2);
			expect({ mails: await mails(), audited: await audited() }).toEqual({ mails: before.mails + 1, audited: before.audited + 1 });
		} finally {
			send.mockRestore();
			logged.mockRestore();
		}
	});

	it('a request forwarded to a member twice is forwarded once, and the second post is done too', async () => {
		// startup1's MetalWear Lab (the seed) asks; the request is routed to this cluster.
		[{ id: request }] = await testSql()<{ id: string }[]>`
			insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility)
			values (${STARTUP}, '00000000-0000-4000-8000-00000000d001', 'jewelry', '3311', ${`두번 전달 ${w.tag}`}, '은반지 50개', 50, 'open', 'invited')
			returning id`;
		await testSql()`insert into public.request_clusters (request_id, cluster_id) values (${request}, ${cluster})`;
		await Promise.all([0, 1, 2].map(() => as(w.staff, (tx) => tx`select pg_sleep(0.05)`)));
		const post = () => as(w.staff, (tx) => requests.forward(tx, request, member, w.staff, '은 세공이 좋습니다'));
		await Promise.all([post(), post()]);
		await post();
		const rows = await testSql()<{ source: string; note: string }[]>`
			select source, note from public.request_participants where request_id = ${request}`;
		expect(rows).toEqual([{ source: 'forwarded', note: '은 세공이 좋습니다' }]);
		// A workshop taking part otherwise (joined, invited) is refused, not forwarded over.
		await testSql()`update public.request_participants set source = 'invited', invited_by = ${STARTUP} where request_id = ${request}`;
		await expect(post()).rejects.toMatchObject({ code: '23514' });
	});

	it('a public request joined twice at once is joined once, and neither post fails', async () => {
		joined = await publicRequest(`두번 참여 ${w.tag}`);
		await Promise.all([0, 1, 2].map(() => as(CRAFTSMAN, (tx) => tx`select pg_sleep(0.05)`)));
		const post = () => as(CRAFTSMAN, (tx) => requests.join(tx, joined, SEEDED_WORKSHOP));
		await Promise.all([post(), post()]);
		expect(await testSql()`select 1 from public.request_participants where request_id = ${joined}`).toHaveLength(1);
	});

	it('a public request declined twice at once (not joined before) is declined once; the second post says so', async () => {
		declined = await publicRequest(`두번 거절 ${w.tag}`);
		await Promise.all([0, 1, 2].map(() => as(CRAFTSMAN, (tx) => tx`select pg_sleep(0.05)`)));
		const post = () => as(CRAFTSMAN, (tx) => requests.decline(tx, declined, SEEDED_WORKSHOP, '일정이 맞지 않습니다.'));
		const answers = await Promise.all([post(), post()]);
		expect(answers).toEqual(expect.arrayContaining([{ ok: true }, { ok: false, error: 'request_err_already_declined' }]));
		const rows = await testSql()<{ declined: boolean }[]>`
			select declined_at is not null as declined from public.request_participants where request_id = ${declined}`;
		expect(rows).toEqual([{ declined: true }]);
	});
});

describe("a cluster manager's roster import posted twice (its upload is its key)", () => {
	const cluster = randomUUID();
	const slug = `keys-import-${cluster.slice(0, 8)}`;
	beforeAll(async () => {
		const sql = testSql();
		await sql`insert into public.clusters (id, slug, kind, name_ko, name_en, trade_code, region_ko, region_en, district_ko, district_en, district_kind, lat, lng)
			values (${cluster}, ${slug}, 'craft', '두번 가져오기 집적지', 'Import twice cluster', '3311',
			        '서울', 'Seoul', '종로구', 'Jongno-gu', 'district', 37.57, 126.99)`;
		await sql`insert into public.cluster_managers (cluster_id, user_id) values (${cluster}, ${w.staff})`;
	});
	afterAll(async () => {
		const sql = testSql();
		await sql`delete from public.workshops where id in (select workshop_id from public.roster_members where cluster_id = ${cluster})`;
		await sql`delete from public.clusters where id = ${cluster}`;
	});

	/** The roster file (two members, no problems) uploaded as the upload form does: the upload's id. */
	async function upload(): Promise<string> {
		const parsed = await roster.parseFile(new Uint8Array(readFileSync(new URL('../fixtures/roster/utf8-bom.csv', import.meta.url))));
		if (!parsed.ok) throw new Error(parsed.error);
		return as(w.staff, (tx) => roster.saveUpload(tx, cluster, '명부.csv', parsed.file));
	}
	/** The report's import form as the browser posts it, through the page's action (as the manager): where it leads. */
	async function postImport(uploadId: string): Promise<string> {
		const data = new FormData();
		data.append('upload', uploadId);
		const url = new URL(`http://localhost/manage/${slug}/import?/import`);
		const event = {
			request: new Request(url, { method: 'POST', body: data }),
			params: { slug },
			locals: { user: { id: w.staff, role: 'manager' }, claims: claims(w.staff) },
			url
		};
		try {
			const answer = await importActions.import(event as unknown as Parameters<typeof importActions.import>[0]);
			return JSON.stringify(answer);
		} catch (e) {
			if (isRedirect(e)) return e.location;
			throw e;
		}
	}
	const imports = () =>
		testSql()<{ id: string; created_count: number; unchanged_count: number }[]>`
			select id, created_count, unchanged_count from public.roster_imports where cluster_id = ${cluster} order by at`;
	const members = async () => (await testSql()`select 1 from public.roster_members where cluster_id = ${cluster}`).length;

	it('imports once, and both posts lead to its report; a new upload of the file is another import', async () => {
		await Promise.all([0, 1, 2].map(() => as(w.staff, (tx) => tx`select pg_sleep(0.05)`)));
		const first = await upload();
		const answers = await Promise.all([postImport(first), postImport(first)]);
		let made = await imports();
		expect(made).toHaveLength(1);
		expect(made[0]).toMatchObject({ created_count: 2, unchanged_count: 0 });
		expect(answers).toEqual([`/manage/${slug}/import?imported=${made[0].id}`, `/manage/${slug}/import?imported=${made[0].id}`]);
		expect(await members()).toBe(2);
		// Later, the same post again (a retried request): the same report, nothing more.
		expect(await postImport(first)).toBe(answers[0]);
		expect(await imports()).toHaveLength(1);

		// The file uploaded again is another import, which finds every member unchanged.
		const again = await postImport(await upload());
		made = await imports();
		expect(made).toHaveLength(2);
		expect(made[1]).toMatchObject({ created_count: 0, unchanged_count: 2 });
		expect(again).toBe(`/manage/${slug}/import?imported=${made[1].id}`);
		expect(await members()).toBe(2);
	});
});
