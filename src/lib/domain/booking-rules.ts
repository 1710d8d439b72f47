// Shared-equipment booking rules of a support center, as the center keeps them (data, not code):
// a safety course before the first booking, at most N hours a Seoul day, cancel at least D days
// ahead or take a penalty, a no-show costs three times the booked hours, K active penalties suspend
// booking for S days, penalties expire after M months. Pure: the clock is an argument. The
// database's guard_booking / booking_penalty / booking_suspended_until triggers enforce the same.

export interface BookingRules {
	safetyCourse: boolean;
	maxHoursPerDay: number;
	cancelDays: number;
	penaltiesToSuspend: number;
	suspensionDays: number;
	penaltyMonths: number;
}

export const defaultRules: BookingRules = {
	safetyCourse: true,
	maxHoursPerDay: 4,
	cancelDays: 2,
	penaltiesToSuspend: 3,
	suspensionDays: 30,
	penaltyMonths: 3
};

export interface MachineHours {
	slotMinutes: number;
	/** Bookable hours, Seoul time: [openHour, closeHour). */
	openHour: number;
	closeHour: number;
	prerequisiteCourseId: string | null;
}

export interface Penalty {
	createdAt: Date;
	expiresAt: Date;
}

export type Refusal =
	| { code: 'past' }
	| { code: 'slot'; slotMinutes: number }
	| { code: 'hours' }
	| { code: 'prerequisite' }
	| { code: 'suspended'; until: Date }
	| { code: 'daily_limit'; maxHours: number; bookedHours: number };

/** Korea has no daylight saving time: Seoul is UTC+9 all year. */
const SEOUL_OFFSET_MS = 9 * 3600_000;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The Seoul calendar day of an instant, as YYYY-MM-DD. */
export function seoulDay(at: Date): string {
	return new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Seoul day (YYYY-MM-DD) starts, plus hours. */
export function seoulMidnight(day: string, hours = 0): Date {
	return new Date(Date.parse(`${day}T00:00:00Z`) - SEOUL_OFFSET_MS + hours * HOUR);
}

/** The Seoul day n days after the given one. */
export function addDays(day: string, n: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Monday of the Seoul week containing the day. */
export function weekStart(day: string): string {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
	return addDays(day, -((weekday + 6) % 7));
}

export const hoursBetween = (start: Date, end: Date) => (end.getTime() - start.getTime()) / HOUR;

/** Adds calendar months the way PostgreSQL's interval does (clamped to the month's last day). */
export function addMonths(at: Date, months: number): Date {
	const d = new Date(at.getTime());
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() + months);
	const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, last));
	return d;
}

/**
 * When booking is suspended until, at `at` (null if it is not): each time a penalty lands while
 * enough others are still active, booking stops for the suspension days from then; the penalties
 * that triggered a suspension do not count again.
 */
export function suspendedUntil(rules: BookingRules, penalties: readonly Penalty[], at: Date): Date | null {
	let active: Date[] = [];
	let until: Date | null = null;
	for (const p of [...penalties].filter((p) => p.createdAt <= at).sort((a, b) => +a.createdAt - +b.createdAt)) {
		active = active.filter((expires) => expires > p.createdAt);
		active.push(p.expiresAt);
		if (active.length >= rules.penaltiesToSuspend) {
			const end = new Date(p.createdAt.getTime() + rules.suspensionDays * DAY);
			if (!until || end > until) until = end;
			active = [];
		}
	}
	return until && until > at ? until : null;
}

/** Penalties still counting at `at`. */
export const activePenalties = (penalties: readonly Penalty[], at: Date) => penalties.filter((p) => p.createdAt <= at && p.expiresAt > at);

export interface BookingAttempt {
	now: Date;
	start: Date;
	end: Date;
	machine: MachineHours;
	completedCourseIds: readonly string[];
	/** Hours the person already booked at this center on the Seoul day of `start` (active bookings). */
	hoursBookedThatDay: number;
	penalties: readonly Penalty[];
}

/** Why a booking is refused, or null when the rules allow it (overlaps are the database's to refuse). */
export function checkBooking(rules: BookingRules, a: BookingAttempt): Refusal | null {
	if (a.start < a.now) return { code: 'past' };
	const day = seoulDay(a.start);
	const open = seoulMidnight(day, a.machine.openHour);
	const slotMs = a.machine.slotMinutes * 60_000;
	const length = a.end.getTime() - a.start.getTime();
	if (length <= 0 || length % slotMs !== 0 || (a.start.getTime() - open.getTime()) % slotMs !== 0) {
		return { code: 'slot', slotMinutes: a.machine.slotMinutes };
	}
	if (a.start < open || a.end > seoulMidnight(day, a.machine.closeHour)) return { code: 'hours' };
	if (rules.safetyCourse && a.machine.prerequisiteCourseId && !a.completedCourseIds.includes(a.machine.prerequisiteCourseId)) {
		return { code: 'prerequisite' };
	}
	const until = suspendedUntil(rules, a.penalties, a.now);
	if (until) return { code: 'suspended', until };
	if (a.hoursBookedThatDay + hoursBetween(a.start, a.end) > rules.maxHoursPerDay) {
		return { code: 'daily_limit', maxHours: rules.maxHoursPerDay, bookedHours: a.hoursBookedThatDay };
	}
	return null;
}

export type CancelOutcome = 'cancelled' | 'late_cancelled' | 'started';

/** What cancelling at `now` does: free, with a penalty (less than the notice ahead), or refused. */
export function cancelOutcome(rules: BookingRules, start: Date, now: Date): CancelOutcome {
	if (start <= now) return 'started';
	return start.getTime() - now.getTime() < rules.cancelDays * DAY ? 'late_cancelled' : 'cancelled';
}

/** Penalty hours: the booked hours for a late cancellation, three times them for a no-show. */
export function penaltyHours(kind: 'late_cancel' | 'no_show', bookedHours: number): number {
	return kind === 'no_show' ? bookedHours * 3 : bookedHours;
}

export interface Slot {
	start: Date;
	end: Date;
	state: 'free' | 'taken' | 'mine' | 'past';
}

/**
 * The week view: for each Seoul day from Monday, the machine's slots, free or taken (others'
 * bookings are only "taken"), the person's own marked "mine", and slots already begun "past".
 */
export function weekSlots(
	machine: Pick<MachineHours, 'slotMinutes' | 'openHour' | 'closeHour'>,
	monday: string,
	taken: readonly { start: Date; end: Date; mine?: boolean }[],
	now: Date
): { day: string; slots: Slot[] }[] {
	const slotMs = machine.slotMinutes * 60_000;
	return Array.from({ length: 7 }, (_, i) => {
		const day = addDays(monday, i);
		const slots: Slot[] = [];
		const close = seoulMidnight(day, machine.closeHour).getTime();
		for (let t = seoulMidnight(day, machine.openHour).getTime(); t + slotMs <= close; t += slotMs) {
			const start = new Date(t);
			const end = new Date(t + slotMs);
			const hit = taken.find((b) => b.start < end && b.end > start);
			const state = hit ? (hit.mine ? 'mine' : 'taken') : start < now ? 'past' : 'free';
			slots.push({ start, end, state });
		}
		return { day, slots };
	});
}
