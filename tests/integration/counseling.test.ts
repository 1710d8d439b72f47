// Counseling appointments on the real database, as real users with RLS on: a craftsman asks, the
// center's staff are told and propose a slot, the craftsman confirms, both are notified and see it;
// moves out of turn are refused by the database, other centers' staff see nothing, and the thread
// belongs to the two sides only. The center's staff add and edit machines, events and support
// programs, archive, cancel or close those that have bookings, registrations or applications, and
// delete those that have none; a machine's photo is stored through the storage port.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as counseling from '../../src/lib/server/counseling';
import { renderNotificationMail, type NotificationPayload } from '../../src/lib/server/mail/templates';
import * as programs from '../../src/lib/server/programs';
import * as support from '../../src/lib/server/support';
import { diskStorage } from '../../src/lib/server/storage/disk';
import * as staff from '../../src/lib/server/support-staff';
import { testSql } from './db';
import { as, makeSupportWorld, seoulAt, type SupportWorld } from './support-fixtures';

let w: SupportWorld;
beforeAll(async () => {
	w = await makeSupportWorld(testSql(), 3);
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
		// The email of it names the topic and leads to the appointment, in either language.
		const [row] = await testSql()<{ id: string; payload: NotificationPayload }[]>`select id, payload from public.notifications
			where user_id = ${w.staff} and kind = 'support' and payload ->> 'counseling_id' = ${id}`;
		const ko = renderNotificationMail(
			{ id: row.id, kind: 'support', payload: row.payload },
			{ origin: 'https://sogong.test', locale: 'ko' }
		);
		const en = renderNotificationMail(
			{ id: row.id, kind: 'support', payload: row.payload },
			{ origin: 'https://sogong.test', locale: 'en' }
		);
		expect(ko.subject).toContain('수출 상담 신청');
		expect(en.subject).toContain('export counseling');
		expect(ko.text).toContain(`https://sogong.test/support/counseling/${id}?n=${row.id}`);
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

describe('staff manage their machines and events', () => {
	const machineInput = (name: string) => ({
		kind: 'laser_cutter',
		name_ko: name,
		name_en: 'Laser cutter',
		specs_ko: '작업 영역 600×400mm',
		specs_en: '',
		prerequisite_course_id: null,
		hourly_fee_krw: 3000,
		slot_minutes: 60,
		open_hour: 10,
		close_hour: 17
	});
	const eventInput = (machine: string | null, capacity = 10) => ({
		kind: 'seminar' as const,
		title_ko: `레이저 안전교육 ${w.tag}`,
		title_en: 'Laser safety',
		description_ko: '',
		description_en: '',
		starts_at: seoulAt(7, 10),
		ends_at: seoulAt(7, 12),
		place_ko: '교육장',
		online_url: null,
		capacity,
		machine_id: machine
	});

	it('adds a machine that then shows on the center, and edits it; other centers cannot', async () => {
		const made = await as(w.staff, (tx) => staff.createMachine(tx, w.center, machineInput(`레이저 커터 ${w.tag}`)));
		expect(made.ok).toBe(true);
		const id = (made as { id: string }).id;
		expect((await as(w.craftsmen[0], (tx) => support.machinesOf(tx, w.center))).map((m) => m.name_ko)).toContain(`레이저 커터 ${w.tag}`);
		expect(
			await as(w.staff, (tx) =>
				staff.updateMachine(tx, w.center, id, { ...machineInput('레이저 커터 2'), prerequisite_course_id: w.course })
			)
		).toEqual({
			ok: true,
			id
		});
		expect((await as(w.staff, (tx) => support.machineById(tx, id)))?.prerequisite_course_id).toBe(w.course);
		expect(await as(w.otherStaff, (tx) => staff.createMachine(tx, w.center, machineInput('남의 장비')))).toEqual({
			ok: false,
			error: 'not_allowed'
		});
		// A course of another center is not this machine's prerequisite.
		const [foreign] = await testSql()<
			{ id: string }[]
		>`insert into public.support_courses (center_id, title_ko) values (${w.otherCenter}, '남의 교육') returning id`;
		expect(
			await as(w.staff, (tx) => staff.updateMachine(tx, w.center, id, { ...machineInput('x'), prerequisite_course_id: foreign.id }))
		).toEqual({
			ok: false,
			error: 'invalid'
		});
		// Never booked: deleted.
		expect(await as(w.staff, (tx) => staff.deleteMachine(tx, w.center, id))).toBe('ok');
	});

	it('archives a machine that has bookings instead of deleting it', async () => {
		const [a] = w.craftsmen;
		const polisher = (await as(a, (tx) => support.machineById(tx, w.polisher)))!;
		expect((await as(a, (tx) => support.book(tx, a, polisher, seoulAt(6, 10)))).ok).toBe(true);
		expect(await as(w.staff, (tx) => staff.deleteMachine(tx, w.center, w.polisher))).toBe('in_use');
		expect(await as(w.otherStaff, (tx) => staff.setMachineActive(tx, w.center, w.polisher, false))).toBe(false);
		expect(await as(w.staff, (tx) => staff.setMachineActive(tx, w.center, w.polisher, false))).toBe(true);
		expect((await as(a, (tx) => support.machinesOf(tx, w.center))).map((m) => m.id)).not.toContain(w.polisher);
		expect((await as(w.staff, (tx) => staff.machinesOf(tx, w.center))).find((m) => m.id === w.polisher)).toMatchObject({
			active: false,
			bookings: 1
		});
		await as(w.staff, (tx) => staff.setMachineActive(tx, w.center, w.polisher, true));
	});

	it('adds an event that unlocks a machine: the machine’s course, or a new one it then requires', async () => {
		const onPrinter = await as(w.staff, (tx) => staff.createEvent(tx, w.center, eventInput(w.printer)));
		const printerEvent = await as(w.staff, (tx) => staff.event(tx, w.center, (onPrinter as { id: string }).id));
		expect(printerEvent).toMatchObject({ kind: 'course', course_id: w.course, machine_id: w.printer });
		expect((await as(w.craftsmen[0], (tx) => support.upcomingEvents(tx, w.center))).map((e) => e.id)).toContain(printerEvent!.id);

		const laser = (await as(w.staff, (tx) => staff.createMachine(tx, w.center, machineInput(`새 레이저 ${w.tag}`)))) as { id: string };
		const onLaser = (await as(w.staff, (tx) => staff.createEvent(tx, w.center, eventInput(laser.id)))) as { id: string };
		const laserCourse = (await as(w.staff, (tx) => staff.event(tx, w.center, onLaser.id)))!.course_id;
		expect(laserCourse).not.toBeNull();
		expect((await as(w.staff, (tx) => support.machineById(tx, laser.id)))?.prerequisite_course_id).toBe(laserCourse);
		// A machine of another center is refused.
		const [foreign] = await testSql()<
			{ id: string }[]
		>`insert into public.support_machines (center_id, kind, name_ko) values (${w.otherCenter}, 'cnc', '남의 CNC') returning id`;
		expect(await as(w.staff, (tx) => staff.createEvent(tx, w.center, eventInput(foreign.id)))).toEqual({ ok: false, error: 'invalid' });
	});

	it('keeps seats for those registered, cancels an event with registrations and deletes one without', async () => {
		const [a, b] = w.craftsmen;
		const { id } = (await as(w.staff, (tx) => staff.createEvent(tx, w.center, eventInput(null, 5)))) as { id: string };
		await as(a, (tx) => support.register(tx, a, id));
		await as(b, (tx) => support.register(tx, b, id));
		expect(await as(w.staff, (tx) => staff.updateEvent(tx, w.center, id, eventInput(null, 1)))).toEqual({ ok: false, error: 'capacity' });
		expect(await as(w.staff, (tx) => staff.updateEvent(tx, w.center, id, { ...eventInput(null, 2), title_ko: '바뀐 제목' }))).toEqual({
			ok: true,
			id
		});
		expect(await as(w.otherStaff, (tx) => staff.cancelEvent(tx, w.center, id))).toBe('not_found');
		expect(await as(w.staff, (tx) => staff.cancelEvent(tx, w.center, id))).toBe('cancelled');
		expect(await as(a, (tx) => support.eventById(tx, id))).toMatchObject({ cancelled: true, title_ko: '바뀐 제목' });
		// Registering closes; those registered stay on record.
		const c = w.craftsmen[2];
		expect(await as(c, (tx) => support.register(tx, c, id))).toBe('closed');
		expect((await as(a, (tx) => support.registrationOf(tx, a, id)))?.status).toBe('registered');
		const empty = (await as(w.staff, (tx) => staff.createEvent(tx, w.center, eventInput(null)))) as { id: string };
		expect(await as(w.staff, (tx) => staff.cancelEvent(tx, w.center, empty.id))).toBe('deleted');
		expect(await as(a, (tx) => support.eventById(tx, empty.id))).toBeNull();
	});

	it('adds a program, keeps slugs unique, closes one with applications and deletes one without', async () => {
		const input = (slug: string) => ({
			slug,
			kind: 'grant' as const,
			title_ko: `스마트공방 ${w.tag}`,
			title_en: 'Smart workshop',
			summary_ko: '',
			summary_en: '',
			amount_max_krw: 49_000_000,
			self_pay_percent: 30,
			opens_at: seoulAt(-1, 9),
			deadline: seoulAt(30, 18),
			required_documents: [{ key: 'business_registration', label_ko: '사업자등록증', label_en: 'Business registration' }]
		});
		const made = (await as(w.staff, (tx) => staff.createProgram(tx, w.center, input(`smart-${w.tag}`)))) as { id: string };
		expect((await as(w.craftsmen[0], (tx) => programs.list(tx, { centerId: w.center, openAt: new Date() }))).map((p) => p.id)).toContain(
			made.id
		);
		expect(await as(w.staff, (tx) => staff.createProgram(tx, w.center, input(`smart-${w.tag}`)))).toEqual({
			ok: false,
			error: 'slug_taken'
		});
		expect(await as(w.otherStaff, (tx) => staff.createProgram(tx, w.center, input(`other-${w.tag}`)))).toEqual({
			ok: false,
			error: 'not_allowed'
		});
		// Someone applied: closing moves the deadline to now and keeps the application.
		const [workshop] = await testSql()<{ id: string }[]>`insert into public.workshops (owner_id, slug, name_ko, trade_code, employees)
			values (${w.craftsmen[0]}, ${`ws-${w.tag}`}, '시험 공방', (select ksic_code from public.trades limit 1), 3) returning id`;
		await testSql()`insert into public.support_applications (program_id, workshop_id, applicant_id) values (${made.id}, ${workshop.id}, ${w.craftsmen[0]})`;
		expect(await as(w.staff, (tx) => staff.closeProgram(tx, w.center, made.id))).toBe('closed');
		const closed = await as(w.staff, (tx) => staff.program(tx, w.center, made.id));
		expect(closed!.deadline.getTime()).toBeLessThanOrEqual(Date.now());
		expect(closed!.applications).toBe(1);
		const empty = (await as(w.staff, (tx) => staff.createProgram(tx, w.center, input(`empty-${w.tag}`)))) as { id: string };
		expect(await as(w.staff, (tx) => staff.closeProgram(tx, w.center, empty.id))).toBe('deleted');
		await testSql()`delete from public.support_applications where program_id = ${made.id}`;
		await testSql()`delete from public.workshops where id = ${workshop.id}`;
	});

	it('gives a machine a photo anyone may see, replaces it, and refuses what is not an image or not theirs', async () => {
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'machine-photos-'));
		const store = diskStorage(dir);
		const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#c84' } })
			.png()
			.toBuffer();
		const stored = async () => (await fs.readdir(dir, { recursive: true })).filter((n) => n.endsWith('.webp'));
		try {
			expect(await as(w.otherStaff, (tx) => staff.setMachinePhoto(tx, store, w.center, w.printer, png))).toBe('not_found');
			expect(await as(w.staff, (tx) => staff.setMachinePhoto(tx, store, w.center, w.printer, new TextEncoder().encode('hello')))).toBe(
				'not_an_image'
			);
			expect(await stored()).toEqual([]);
			expect(await as(w.staff, (tx) => staff.setMachinePhoto(tx, store, w.center, w.printer, png))).toBe('ok');
			const first = (await as(w.staff, (tx) => staff.machine(tx, w.center, w.printer)))!.photo;
			expect(first).toMatch(/^support\/machines\/.+\.webp$/);
			expect(await as(w.craftsmen[0], (tx) => staff.isMachinePhoto(tx, first))).toBe(true);
			expect(await as(w.craftsmen[0], (tx) => staff.isMachinePhoto(tx, 'support/machines/other.webp'))).toBe(false);
			expect((await store.get(first))?.contentType).toBe('image/webp');
			// A new photo replaces the old file; removing leaves none.
			await as(w.staff, (tx) => staff.setMachinePhoto(tx, store, w.center, w.printer, png));
			expect(await store.get(first)).toBeNull();
			expect(await stored()).toHaveLength(1);
			await as(w.staff, (tx) => staff.setMachinePhoto(tx, store, w.center, w.printer, null));
			expect(await stored()).toEqual([]);
			expect((await as(w.staff, (tx) => staff.machine(tx, w.center, w.printer)))!.photo).toBe('');
		} finally {
			await fs.rm(dir, { recursive: true, force: true });
		}
	});
});
