// Shared equipment booking on the real database, as real users with RLS on: the rules of the center
// (safety course, 4 hours a Seoul day, cancel 2 days ahead, no-shows, suspension), and the exclusion
// constraint refusing a double booking even when many people try the same slot at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as support from '../../src/lib/server/support';
import { testSql } from './db';
import { as, completeCourse, makeSupportWorld, seoulAt, type SupportWorld } from './support-fixtures';

let w: SupportWorld;
beforeAll(async () => {
	w = await makeSupportWorld(testSql(), 24);
}, 60_000);
afterAll(async () => {
	await w?.cleanup();
});

const machine = (user: string, id: string) => as(user, async (tx) => (await support.machineById(tx, id))!);
const book = async (user: string, id: string, start: Date, slots = 1) => {
	const m = await machine(user, id);
	return as(user, (tx) => support.book(tx, user, m, start, slots));
};

describe('booking rules', () => {
	it('refuses the printer before the safety course, and books it after', async () => {
		const [a] = w.craftsmen;
		expect(await book(a, w.printer, seoulAt(5, 10))).toEqual({ ok: false, refusal: { code: 'prerequisite' } });
		await completeCourse(testSql(), w.course, [a]);
		const booked = await book(a, w.printer, seoulAt(5, 10));
		expect(booked.ok).toBe(true);
	});

	it('refuses the past, half slots and hours outside opening, without writing anything', async () => {
		const [, b] = w.craftsmen;
		expect(await book(b, w.polisher, seoulAt(-1, 10))).toEqual({ ok: false, refusal: { code: 'past' } });
		expect((await book(b, w.polisher, new Date(seoulAt(6, 10).getTime() + 30 * 60_000))).ok).toBe(false);
		expect(await book(b, w.polisher, seoulAt(6, 17), 2)).toEqual({ ok: false, refusal: { code: 'hours' } });
		expect(await as(b, (tx) => support.bookingsOf(tx, b))).toEqual([]);
	});

	it('allows 4 hours on a Seoul day and refuses the fifth, across machines of the center', async () => {
		const c = w.craftsmen[2];
		await completeCourse(testSql(), w.course, [c]);
		expect((await book(c, w.printer, seoulAt(7, 9), 2)).ok).toBe(true);
		expect((await book(c, w.polisher, seoulAt(7, 13), 2)).ok).toBe(true);
		expect(await book(c, w.polisher, seoulAt(7, 15))).toEqual({
			ok: false,
			refusal: { code: 'daily_limit', maxHours: 4, bookedHours: 4 }
		});
		// The next Seoul day is a new day.
		expect((await book(c, w.polisher, seoulAt(8, 9))).ok).toBe(true);
	});

	it('also refuses in the database when the app is bypassed (direct insert over the limit)', async () => {
		const c = w.craftsmen[2];
		const error = await as(
			c,
			(tx) =>
				tx`insert into public.support_bookings (machine_id, user_id, starts_at, ends_at) values (${w.polisher}, ${c}, ${seoulAt(7, 16)}, ${seoulAt(7, 17)})`
		).catch((e: Error) => e.message);
		expect(error).toMatch(/booking_daily_limit/);
	});

	it('shows the slot as taken to someone else, with no name, and as mine to the booker', async () => {
		const [a, b] = w.craftsmen;
		const monday = await import('../../src/lib/domain/booking-rules').then((r) => r.weekStart(r.seoulDay(seoulAt(5, 10))));
		const m = await machine(b, w.printer);
		const seenByB = await as(b, (tx) => support.week(tx, m, monday, b, new Date()));
		const seenByA = await as(a, (tx) => support.week(tx, m, monday, a, new Date()));
		const slotAt = (week: typeof seenByA) => week.flatMap((d) => d.slots).find((s) => s.start.getTime() === seoulAt(5, 10).getTime())!;
		expect(slotAt(seenByB).state).toBe('taken');
		expect(slotAt(seenByA).state).toBe('mine');
		// RLS: B cannot read A's booking row.
		expect(await as(b, (tx) => tx`select id from public.support_bookings where user_id = ${a}`)).toHaveLength(0);
	});
});

describe('cancelling and penalties', () => {
	it('cancels two days ahead for free, and costs a penalty later', async () => {
		const d = w.craftsmen[3];
		const far = await book(d, w.polisher, seoulAt(5, 14));
		const near = await book(d, w.polisher, seoulAt(1, 14));
		expect(far.ok && near.ok).toBe(true);
		if (!far.ok || !near.ok) return;
		expect(await as(d, (tx) => support.cancel(tx, d, far.id))).toBe('cancelled');
		expect(await as(d, (tx) => support.cancel(tx, d, near.id))).toBe('late_cancelled');
		const penalties = await as(d, (tx) => support.penaltiesOf(tx, d));
		expect(penalties.map((p) => [p.kind, Number(p.hours)])).toEqual([['late_cancel', 1]]);
		// The slot is free again for someone else.
		expect((await book(w.craftsmen[4], w.polisher, seoulAt(1, 14))).ok).toBe(true);
		// Someone else cannot cancel it.
		expect(await as(d, (tx) => support.cancel(tx, d, near.id))).toBe('closed');
	});

	it('lets staff mark a no-show (three times the hours), not staff of another center, and suspends on the third penalty', async () => {
		const e = w.craftsmen[5];
		const sql = testSql();
		// Bookings that already began, written as the superuser without the guard (time cannot be moved back).
		const past: string[] = [];
		for (const h of [9, 10, 11]) {
			await sql.begin(async (tx) => {
				await tx`set local session_replication_role = replica`;
				const [r] = await tx<{ id: string }[]>`insert into public.support_bookings (machine_id, user_id, starts_at, ends_at)
					values (${w.polisher}, ${e}, ${seoulAt(-2, h)}, ${seoulAt(-2, h + 1)}) returning id`;
				past.push(r.id);
			});
		}
		expect(await as(w.otherStaff, (tx) => support.markBooking(tx, past[0], 'no_show'))).toBe('not_found');
		expect(await as(e, (tx) => support.markBooking(tx, past[0], 'no_show'))).toBe('refused');
		expect(await as(w.staff, (tx) => support.markBooking(tx, past[0], 'no_show'))).toBe('ok');
		expect(await as(w.staff, (tx) => support.markBooking(tx, past[1], 'no_show'))).toBe('ok');
		expect(await as(e, (tx) => support.suspension(tx, e, w.center, new Date()))).toBeNull();
		expect(await as(w.staff, (tx) => support.markBooking(tx, past[2], 'no_show'))).toBe('ok');
		const penalties = await as(e, (tx) => support.penaltiesOf(tx, e));
		expect(penalties.map((p) => Number(p.hours))).toEqual([3, 3, 3]);
		const until = await as(e, (tx) => support.suspension(tx, e, w.center, new Date()));
		expect(until).not.toBeNull();
		expect(until!.getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
		const refused = await book(e, w.polisher, seoulAt(10, 9));
		expect(refused.ok ? null : refused.refusal.code).toBe('suspended');
		// The staff's day view names the booker; another center's staff sees nothing.
		const day = (await import('../../src/lib/domain/booking-rules')).seoulDay(seoulAt(-2, 9));
		expect((await as(w.staff, (tx) => support.dayBookings(tx, w.center, day))).map((b) => b.status)).toEqual([
			'no_show',
			'no_show',
			'no_show'
		]);
		expect(await as(w.otherStaff, (tx) => support.dayBookings(tx, w.center, day))).toEqual([]);
	});
});

describe('double booking under concurrency', () => {
	it('gives one slot to exactly one of 16 people trying at once', async () => {
		const people = w.craftsmen.slice(8, 24);
		await completeCourse(testSql(), w.course, people);
		const start = seoulAt(9, 15);
		const results = await Promise.all(people.map((p) => book(p, w.printer, start)));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.refusal.code)))).toEqual(new Set(['overlap']));
		const [{ n }] = await testSql()<{ n: number }[]>`select count(*)::int as n from public.support_bookings
			where machine_id = ${w.printer} and status = 'booked' and starts_at = ${start}`;
		expect(n).toBe(1);
	});

	it('refuses an overlapping range in the database even without the app (exclusion constraint)', async () => {
		const [a] = w.craftsmen;
		// A's printer booking is 10:00-11:00 on day 5; a two-hour booking from 09:00 overlaps it.
		const other = w.craftsmen[8];
		const error = await as(
			other,
			(tx) =>
				tx`insert into public.support_bookings (machine_id, user_id, starts_at, ends_at) values (${w.printer}, ${other}, ${seoulAt(5, 9)}, ${seoulAt(5, 11)})`
		).catch((e: { code: string }) => e.code);
		expect(error).toBe('23P01');
		expect(a).toBeTruthy();
	});
});
