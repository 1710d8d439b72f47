// Events of a support center on the real database, as real users with RLS on: registration past
// capacity goes to the waiting list, a cancellation moves the first waiting person up in the same
// transaction (also when many cancel and register at once), reminders go out once the day before on
// a controlled clock, and attendance of a course session unlocks the machine that requires it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asService } from '../../src/lib/server/db';
import * as support from '../../src/lib/server/support';
import * as staff from '../../src/lib/server/support-staff';
import { testSql } from './db';
import { as, makeSupportWorld, seoulAt, type SupportWorld } from './support-fixtures';

let w: SupportWorld;
beforeAll(async () => {
	w = await makeSupportWorld(testSql(), 12);
}, 60_000);
afterAll(async () => {
	await w?.cleanup();
});

async function course(capacity: number, daysAhead = 3) {
	const [e] = await testSql()<
		{ id: string }[]
	>`insert into public.support_events (center_id, kind, course_id, title_ko, title_en, starts_at, ends_at, place_ko, capacity)
		values (${w.center}, 'course', ${w.course}, '3D 프린터 안전교육', '3D printer safety course', ${seoulAt(daysAhead, 14)}, ${seoulAt(daysAhead, 16)}, '센터 2층 교육장', ${capacity}) returning id`;
	return e.id;
}

describe('registration and the waiting list', () => {
	it('fills the seats, waitlists the rest in order, and moves the first up when someone cancels', async () => {
		const event = await course(2);
		const [a, b, c, d] = w.craftsmen;
		expect(await as(a, (tx) => support.register(tx, a, event))).toBe('registered');
		expect(await as(b, (tx) => support.register(tx, b, event))).toBe('registered');
		expect(await as(c, (tx) => support.register(tx, c, event))).toBe('waitlisted');
		expect(await as(d, (tx) => support.register(tx, d, event))).toBe('waitlisted');
		expect((await as(d, (tx) => support.registrationOf(tx, d, event)))?.position).toBe(2);
		expect(await as(d, (tx) => support.eventById(tx, event))).toMatchObject({ registered: 2, waitlisted: 2 });

		expect(await as(a, (tx) => support.cancelRegistration(tx, a, event))).toBe(true);
		expect((await as(c, (tx) => support.registrationOf(tx, c, event)))?.status).toBe('registered');
		expect((await as(d, (tx) => support.registrationOf(tx, d, event)))?.position).toBe(1);
		const [note] = await testSql()`select payload from public.notifications where user_id = ${c} and kind = 'support'`;
		expect(note.payload).toMatchObject({ support: 'moved_up', event_id: event });

		// Registering again after cancelling goes to the back of the line.
		expect(await as(a, (tx) => support.register(tx, a, event))).toBe('waitlisted');
		expect((await as(a, (tx) => support.registrationOf(tx, a, event)))?.position).toBe(2);
		// Nobody reads another person's registration.
		expect(
			await as(b, (tx) => tx`select id from public.support_event_registrations where event_id = ${event} and user_id <> ${b}`)
		).toHaveLength(0);
	});

	it('never seats more than the capacity when people cancel and register at once', async () => {
		const event = await course(3);
		const people = w.craftsmen.slice(0, 10);
		for (const p of people.slice(0, 6)) await as(p, (tx) => support.register(tx, p, event));
		await Promise.all([
			...people.slice(0, 3).map((p) => as(p, (tx) => support.cancelRegistration(tx, p, event))),
			...people.slice(6).map((p) => as(p, (tx) => support.register(tx, p, event)))
		]);
		const [counts] = await testSql()<{ registered: number; waitlisted: number }[]>`select * from public.support_event_counts(${event})`;
		expect(counts).toEqual({ registered: 3, waitlisted: 4 });
		// The three who waited longest got the seats.
		const seated = await testSql()<
			{ user_id: string }[]
		>`select user_id from public.support_event_registrations where event_id = ${event} and status = 'registered'`;
		expect(seated.map((s) => s.user_id).sort()).toEqual(people.slice(3, 6).sort());
	});
});

describe('cancelling an event', () => {
	it('tells the registered and the waiting list, not those who had withdrawn, and only the staff of its center may', async () => {
		const event = await course(1, 4);
		const [a, b, c] = w.craftsmen.slice(9, 12);
		await as(a, (tx) => support.register(tx, a, event));
		await as(b, (tx) => support.register(tx, b, event));
		await as(c, (tx) => support.register(tx, c, event));
		await as(c, (tx) => support.cancelRegistration(tx, c, event));
		const center = await testSql()<{ id: string }[]>`select center_id as id from public.support_events where id = ${event}`;
		expect(await as(w.otherStaff, (tx) => staff.cancelEvent(tx, center[0].id, event))).toBe('not_found');
		expect(await as(w.staff, (tx) => staff.cancelEvent(tx, center[0].id, event))).toBe('cancelled');
		const notes = await testSql()<{ user_id: string }[]>`
			select user_id from public.notifications where kind = 'support' and payload ->> 'support' = 'event_cancelled'
			  and payload ->> 'event_id' = ${event}`;
		expect(notes.map((n) => n.user_id).sort()).toEqual([a, b].sort());
		// Cancelling again tells nobody twice.
		await testSql()`update public.support_events set cancelled = true where id = ${event}`;
		const [{ n }] = await testSql()<{ n: number }[]>`
			select count(*)::int as n from public.notifications where payload ->> 'support' = 'event_cancelled' and payload ->> 'event_id' = ${event}`;
		expect(n).toBe(2);
	});
});

describe('reminders the day before', () => {
	it('go out once to the registered, not to the waiting list, on the controlled clock', async () => {
		const event = await course(1, 2);
		const [a, b] = w.craftsmen.slice(10);
		await as(a, (tx) => support.register(tx, a, event));
		await as(b, (tx) => support.register(tx, b, event));
		const dayBefore = new Date(seoulAt(2, 14).getTime() - 36 * 3600_000);
		expect(await asService((tx) => support.runTimers(tx, dayBefore, [event]))).toEqual({ reminded: 0 });
		const hoursBefore = new Date(seoulAt(2, 14).getTime() - 20 * 3600_000);
		expect(await asService((tx) => support.runTimers(tx, hoursBefore, [event]))).toEqual({ reminded: 1 });
		expect(await asService((tx) => support.runTimers(tx, hoursBefore, [event]))).toEqual({ reminded: 0 });
		const notes = await testSql()<
			{ user_id: string; payload: { support: string } }[]
		>`select user_id, payload from public.notifications where kind = 'support' and payload ->> 'event_id' = ${event}`;
		expect(notes.map((n) => [n.user_id, n.payload.support])).toEqual([[a, 'event_reminder']]);
	});
});

describe('attendance', () => {
	it('is taken by the center staff only, and attending the course unlocks the printer', async () => {
		const event = await course(5, 1);
		const [a] = w.craftsmen;
		await as(a, (tx) => support.register(tx, a, event));
		const [reg] = await as(w.staff, (tx) => support.attendees(tx, event));
		expect(reg.display_name).toContain('공인1');
		expect(await as(w.otherStaff, (tx) => support.attendees(tx, event))).toEqual([]);
		expect(await as(w.otherStaff, (tx) => support.markAttendance(tx, reg.registration_id, 'attended'))).toBe(false);
		expect(await as(a, (tx) => support.markAttendance(tx, reg.registration_id, 'attended'))).toBe(false);
		const m = await as(a, async (tx) => (await support.machineById(tx, w.printer))!);
		expect(await as(a, (tx) => support.book(tx, a, m, seoulAt(6, 9)))).toEqual({ ok: false, refusal: { code: 'prerequisite' } });
		expect(await as(w.staff, (tx) => support.markAttendance(tx, reg.registration_id, 'attended'))).toBe(true);
		expect((await as(a, (tx) => support.completedCourses(tx, a))).map((c) => c.course_id)).toEqual([w.course]);
		expect((await as(a, (tx) => support.book(tx, a, m, seoulAt(6, 9)))).ok).toBe(true);
	});
});
