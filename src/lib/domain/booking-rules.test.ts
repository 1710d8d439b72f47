import { describe, expect, it } from 'vitest';
import {
	activePenalties,
	addMonths,
	cancelOutcome,
	checkBooking,
	defaultRules,
	penaltyHours,
	seoulDay,
	seoulMidnight,
	suspendedUntil,
	weekSlots,
	weekStart,
	type BookingAttempt
} from './booking-rules';

const printer = { slotMinutes: 60, openHour: 9, closeHour: 18, prerequisiteCourseId: 'safety' };
// The machine's clock is UTC: 2026-12-07 10:00 in Seoul is 01:00 UTC.
const now = new Date('2026-12-07T01:00:00Z');
const attempt = (more: Partial<BookingAttempt> = {}): BookingAttempt => ({
	now,
	start: seoulMidnight('2026-12-10', 10),
	end: seoulMidnight('2026-12-10', 12),
	machine: printer,
	completedCourseIds: ['safety'],
	hoursBookedThatDay: 0,
	penalties: [],
	...more
});

describe('Seoul days on a UTC clock', () => {
	it('puts 23:30 UTC on the next Seoul day and 14:59 UTC on the same one', () => {
		expect(seoulDay(new Date('2026-12-07T14:59:00Z'))).toBe('2026-12-07');
		expect(seoulDay(new Date('2026-12-07T15:00:00Z'))).toBe('2026-12-08');
		expect(seoulDay(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
	});
	it('starts a Seoul day at 15:00 UTC the day before, and weeks on Monday', () => {
		expect(seoulMidnight('2026-12-08').toISOString()).toBe('2026-12-07T15:00:00.000Z');
		expect(weekStart('2026-12-13')).toBe('2026-12-07'); // a Sunday belongs to the week of Monday the 7th
		expect(weekStart('2026-12-07')).toBe('2026-12-07');
	});
});

describe('booking a machine', () => {
	it('allows two hours in the future within the hours, after the safety course', () => {
		expect(checkBooking(defaultRules, attempt())).toBeNull();
	});
	it('refuses a slot in the past', () => {
		expect(checkBooking(defaultRules, attempt({ start: seoulMidnight('2026-12-07', 9), end: seoulMidnight('2026-12-07', 10) }))).toEqual({
			code: 'past'
		});
	});
	it('refuses half slots and times outside the opening hours', () => {
		expect(
			checkBooking(defaultRules, attempt({ start: seoulMidnight('2026-12-10', 10.5), end: seoulMidnight('2026-12-10', 11.5) }))?.code
		).toBe('slot');
		expect(
			checkBooking(defaultRules, attempt({ start: seoulMidnight('2026-12-10', 17), end: seoulMidnight('2026-12-10', 19) }))?.code
		).toBe('hours');
	});
	it('refuses the first booking before the prerequisite course, unless the center does not ask for it', () => {
		expect(checkBooking(defaultRules, attempt({ completedCourseIds: [] }))).toEqual({ code: 'prerequisite' });
		expect(checkBooking({ ...defaultRules, safetyCourse: false }, attempt({ completedCourseIds: [] }))).toBeNull();
	});
	it('counts hours per Seoul day: 4 hours allowed, the fifth refused', () => {
		expect(checkBooking(defaultRules, attempt({ hoursBookedThatDay: 2 }))).toBeNull();
		expect(checkBooking(defaultRules, attempt({ hoursBookedThatDay: 3 }))).toEqual({ code: 'daily_limit', maxHours: 4, bookedHours: 3 });
		expect(checkBooking({ ...defaultRules, maxHoursPerDay: 6 }, attempt({ hoursBookedThatDay: 3 }))).toBeNull();
	});
});

describe('cancelling', () => {
	const start = seoulMidnight('2026-12-10', 10);
	it('is free at least two days ahead and costs a penalty later, refused once started', () => {
		expect(cancelOutcome(defaultRules, start, new Date(start.getTime() - 48 * 3600_000))).toBe('cancelled');
		expect(cancelOutcome(defaultRules, start, new Date(start.getTime() - 47 * 3600_000))).toBe('late_cancelled');
		expect(cancelOutcome(defaultRules, start, start)).toBe('started');
	});
	it('charges booked hours for a late cancellation and three times them for a no-show', () => {
		expect(penaltyHours('late_cancel', 2)).toBe(2);
		expect(penaltyHours('no_show', 2)).toBe(6);
	});
});

describe('penalties and suspension', () => {
	const day = (d: string) => new Date(`${d}T03:00:00Z`);
	const penalty = (d: string) => ({ createdAt: day(d), expiresAt: addMonths(day(d), 3) });
	it('expire after three months', () => {
		const ps = [penalty('2026-09-01'), penalty('2026-11-01')];
		expect(activePenalties(ps, day('2026-11-30'))).toHaveLength(2);
		expect(activePenalties(ps, day('2026-12-02'))).toHaveLength(1);
	});
	it('suspend booking for a month on the third active one, then end', () => {
		const ps = [penalty('2026-10-01'), penalty('2026-10-15'), penalty('2026-11-01')];
		expect(suspendedUntil(defaultRules, ps.slice(0, 2), day('2026-11-02'))).toBeNull();
		expect(suspendedUntil(defaultRules, ps, day('2026-11-02'))).toEqual(new Date(day('2026-11-01').getTime() + 30 * 86_400_000));
		expect(suspendedUntil(defaultRules, ps, day('2026-12-02'))).toBeNull();
		expect(checkBooking(defaultRules, attempt({ now: day('2026-11-02'), penalties: ps }))?.code).toBe('suspended');
	});
	it('do not suspend when an older penalty expired before the third', () => {
		const ps = [penalty('2026-06-01'), penalty('2026-09-15'), penalty('2026-10-01')];
		expect(suspendedUntil(defaultRules, ps, day('2026-10-02'))).toBeNull();
	});
});

describe('the week view', () => {
	it('shows others as taken, mine as mine, begun slots as past', () => {
		const week = weekSlots(
			printer,
			'2026-12-07',
			[
				{ start: seoulMidnight('2026-12-08', 10), end: seoulMidnight('2026-12-08', 12) },
				{ start: seoulMidnight('2026-12-09', 9), end: seoulMidnight('2026-12-09', 10), mine: true }
			],
			now
		);
		expect(week).toHaveLength(7);
		expect(week[0].slots).toHaveLength(9);
		expect(week[0].slots[0].state).toBe('past'); // Monday 09:00 Seoul is before 10:00 Seoul
		expect(week[0].slots[1].state).toBe('free');
		expect(week[1].slots.map((s) => s.state).slice(0, 4)).toEqual(['free', 'taken', 'taken', 'free']);
		expect(week[2].slots[0].state).toBe('mine');
	});
});
