// Support centers: the places, their machines and bookings, their events and registrations. Every
// function takes the caller's RLS transaction: PostgreSQL decides who sees whose bookings and who acts
// for a center, its exclusion constraint refuses overlapping bookings and its triggers enforce the
// center's booking rules; this module checks the same rules with the domain first, so that a refusal
// names what is wrong, and turns the database's refusals into the same codes.
import {
	addDays,
	checkBooking,
	hoursBetween,
	seoulDay,
	seoulMidnight,
	suspendedUntil,
	weekSlots,
	type BookingRules,
	type Penalty,
	type Refusal
} from '$lib/domain/booking-rules';
import type { Tx } from './db';
import type { Tables } from './db/database.types';

export type Center = Pick<
	Tables<'support_centers'>,
	| 'id'
	| 'slug'
	| 'name_ko'
	| 'name_en'
	| 'operator_ko'
	| 'region_ko'
	| 'address_ko'
	| 'lat'
	| 'lng'
	| 'opening_hours_ko'
	| 'phone'
	| 'email'
	| 'website'
	| 'description_ko'
	| 'description_en'
	| 'services_ko'
	| 'services_en'
> & { clusters: { slug: string; name_ko: string; name_en: string }[] };

export type Machine = Pick<
	Tables<'support_machines'>,
	| 'id'
	| 'center_id'
	| 'kind'
	| 'name_ko'
	| 'name_en'
	| 'specs_ko'
	| 'specs_en'
	| 'photos'
	| 'prerequisite_course_id'
	| 'hourly_fee_krw'
	| 'slot_minutes'
	| 'open_hour'
	| 'close_hour'
	| 'active'
> & { course_title_ko: string | null; course_title_en: string | null };

export type SupportEvent = Pick<
	Tables<'support_events'>,
	| 'id'
	| 'center_id'
	| 'kind'
	| 'course_id'
	| 'title_ko'
	| 'title_en'
	| 'description_ko'
	| 'description_en'
	| 'starts_at'
	| 'ends_at'
	| 'place_ko'
	| 'online_url'
	| 'capacity'
	| 'cancelled'
> & { registered: number; waitlisted: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

const centerColumns = (tx: Tx) =>
	tx`c.id, c.slug, c.name_ko, c.name_en, c.operator_ko, c.region_ko, c.address_ko, c.lat, c.lng, c.opening_hours_ko,
	   c.phone, c.email, c.website, c.description_ko, c.description_en, c.services_ko, c.services_en,
	   coalesce((select jsonb_agg(jsonb_build_object('slug', k.slug, 'name_ko', k.name_ko, 'name_en', k.name_en) order by k.name_ko)
	             from public.support_center_clusters sc join public.clusters k on k.id = sc.cluster_id
	             where sc.center_id = c.id), '[]') as clusters`;

export async function listCenters(tx: Tx): Promise<Center[]> {
	return tx<Center[]>`select ${centerColumns(tx)} from public.support_centers c order by c.region_ko, c.name_ko`;
}

export async function centerBySlug(tx: Tx, slug: string): Promise<Center | null> {
	const [c] = await tx<Center[]>`select ${centerColumns(tx)} from public.support_centers c where c.slug = ${slug}`;
	return c ?? null;
}

export async function centerById(tx: Tx, id: string): Promise<Center | null> {
	if (!isUuid(id)) return null;
	const [c] = await tx<Center[]>`select ${centerColumns(tx)} from public.support_centers c where c.id = ${id}`;
	return c ?? null;
}

/** The centers serving a cluster (the cluster page links them). */
export async function centersOfCluster(tx: Tx, clusterId: string): Promise<{ slug: string; name_ko: string; name_en: string }[]> {
	return tx`select c.slug, c.name_ko, c.name_en from public.support_centers c
		join public.support_center_clusters sc on sc.center_id = c.id where sc.cluster_id = ${clusterId} order by c.name_ko`;
}

/** Whether the caller acts for the center (its staff, a manager of a served cluster) or is the operator. */
export async function actsFor(tx: Tx, centerId: string): Promise<boolean> {
	const [r] = await tx<{ ok: boolean }[]>`select private.acts_for_center(${centerId}) or private.is_operator() as ok`;
	return r.ok;
}

/** The centers the caller acts for. */
export async function centersActedFor(tx: Tx): Promise<{ id: string; slug: string; name_ko: string; name_en: string }[]> {
	return tx`select id, slug, name_ko, name_en from public.support_centers c where private.acts_for_center(c.id) order by name_ko`;
}

export async function rulesOf(tx: Tx, centerId: string): Promise<BookingRules> {
	const [r] = await tx<BookingRules[]>`select rule_safety_course as "safetyCourse", rule_max_hours_per_day as "maxHoursPerDay",
		rule_cancel_days as "cancelDays", rule_penalties_to_suspend as "penaltiesToSuspend",
		rule_suspension_days as "suspensionDays", rule_penalty_months as "penaltyMonths"
		from public.support_centers where id = ${centerId}`;
	return r;
}

// ---------------------------------------------------------------- machines
const machineColumns = (tx: Tx) =>
	tx`m.id, m.center_id, m.kind, m.name_ko, m.name_en, m.specs_ko, m.specs_en, m.photos, m.prerequisite_course_id,
	   m.hourly_fee_krw, m.slot_minutes, m.open_hour, m.close_hour, m.active, co.title_ko as course_title_ko, co.title_en as course_title_en`;

export async function machinesOf(tx: Tx, centerId: string): Promise<Machine[]> {
	return tx<Machine[]>`select ${machineColumns(tx)} from public.support_machines m
		left join public.support_courses co on co.id = m.prerequisite_course_id
		where m.center_id = ${centerId} and m.active order by m.kind, m.name_ko`;
}

export async function machineById(tx: Tx, id: string): Promise<Machine | null> {
	if (!isUuid(id)) return null;
	const [m] = await tx<Machine[]>`select ${machineColumns(tx)} from public.support_machines m
		left join public.support_courses co on co.id = m.prerequisite_course_id where m.id = ${id}`;
	return m ?? null;
}

const machineHours = (m: Machine) => ({
	slotMinutes: m.slot_minutes,
	openHour: m.open_hour,
	closeHour: m.close_hour,
	prerequisiteCourseId: m.prerequisite_course_id
});

/** The week from Monday (a Seoul day): free, taken, the caller's own and past slots. */
export async function week(tx: Tx, machine: Machine, monday: string, userId: string | null, now: Date) {
	const from = seoulMidnight(monday);
	const to = seoulMidnight(addDays(monday, 7));
	const taken = await tx<{ starts_at: Date; ends_at: Date }[]>`
		select starts_at, ends_at from public.support_machine_taken(${machine.id}, ${from}, ${to})`;
	const mine = userId
		? await tx<{ starts_at: Date }[]>`select starts_at from public.support_bookings
			where machine_id = ${machine.id} and user_id = ${userId} and status in ('booked', 'no_show', 'completed')
			  and starts_at >= ${from} and starts_at < ${to}`
		: [];
	const mineAt = new Set(mine.map((b) => b.starts_at.getTime()));
	return weekSlots(
		machineHours(machine),
		monday,
		taken.map((b) => ({ start: b.starts_at, end: b.ends_at, mine: mineAt.has(b.starts_at.getTime()) })),
		now
	);
}

export async function penaltiesOf(tx: Tx, userId: string, centerId?: string) {
	return tx<
		{
			id: string;
			center_id: string;
			center_name_ko: string;
			kind: 'late_cancel' | 'no_show';
			hours: string;
			created_at: Date;
			expires_at: Date;
		}[]
	>`
		select p.id, p.center_id, c.name_ko as center_name_ko, p.kind, p.hours, p.created_at, p.expires_at
		from public.support_penalties p join public.support_centers c on c.id = p.center_id
		where p.user_id = ${userId} ${centerId ? tx`and p.center_id = ${centerId}` : tx``} order by p.created_at desc`;
}

const asPenalties = (rows: { created_at: Date; expires_at: Date }[]): Penalty[] =>
	rows.map((p) => ({ createdAt: p.created_at, expiresAt: p.expires_at }));

/** When the caller's booking at the center is suspended until (null if it is not). */
export async function suspension(tx: Tx, userId: string, centerId: string, now: Date): Promise<Date | null> {
	return suspendedUntil(await rulesOf(tx, centerId), asPenalties(await penaltiesOf(tx, userId, centerId)), now);
}

export type BookingRefusal = Refusal | { code: 'overlap' } | { code: 'not_found' } | { code: 'not_craftsman' };
export type BookResult = { ok: true; id: string } | { ok: false; refusal: BookingRefusal };

/** The database's refusal as a booking refusal (its triggers prefix the code: "booking_daily_limit: …"). */
function refusalOf(e: unknown, machine: Machine): BookingRefusal | null {
	const err = e as { code?: string; message?: string };
	if (err.code === '23P01') return { code: 'overlap' };
	if (err.code === '42501') return { code: 'not_craftsman' };
	const code = err.code === '23514' ? /^booking_([a-z_]+):/.exec(err.message ?? '')?.[1] : undefined;
	switch (code) {
		case 'past':
			return { code: 'past' };
		case 'slot':
			return { code: 'slot', slotMinutes: machine.slot_minutes };
		case 'hours':
			return { code: 'hours' };
		case 'prerequisite':
			return { code: 'prerequisite' };
		case 'suspended':
			return { code: 'suspended', until: new Date(/until (.+)$/.exec(err.message ?? '')?.[1] ?? Date.now()) };
		case 'daily_limit':
			return { code: 'daily_limit', maxHours: 0, bookedHours: 0 };
	}
	return null;
}

/**
 * Books the machine for the caller from start for `slots` slots. Checked with the center's rules
 * first; the database checks again and refuses an overlap (under concurrency only one of two
 * attempts at the same slot gets it). Runs in a savepoint so a refusal leaves the transaction usable.
 * A second post of the same form (its submission key: a double click, a retried request) is answered
 * with the booking the first made, before or instead of the refusal its own attempt met.
 */
export async function book(
	tx: Tx,
	userId: string,
	machine: Machine,
	start: Date,
	slots = 1,
	now: Date = new Date(),
	purpose = '',
	submissionKey: string | null = null
): Promise<BookResult> {
	const made = async () => {
		if (!submissionKey) return null;
		const [row] = await tx<{ id: string }[]>`
			select id from public.support_bookings where user_id = ${userId} and submission_key = ${submissionKey}`;
		return row ? ({ ok: true, id: row.id } as const) : null;
	};
	const earlier = await made();
	if (earlier) return earlier;
	const result = await bookOnce(tx, userId, machine, start, slots, now, purpose, submissionKey);
	return result.ok ? result : ((await made()) ?? result);
}

async function bookOnce(
	tx: Tx,
	userId: string,
	machine: Machine,
	start: Date,
	slots: number,
	now: Date,
	purpose: string,
	submissionKey: string | null
): Promise<BookResult> {
	const end = new Date(start.getTime() + slots * machine.slot_minutes * 60_000);
	const day = seoulDay(start);
	// One round trip for everything the rules need: the center's rules, the courses done, the hours
	// already booked that Seoul day, the penalties at this center.
	// The person's bookings of the day first (few, by support_bookings_user_idx), then those at this
	// center: joining from the center's machines walks each machine's whole history.
	const [ctx] = await tx<
		{ rules: BookingRules; courses: string[]; hours: number; penalties: { created_at: string; expires_at: string }[] }[]
	>`
		with mine as materialized (
		  select b.machine_id, b.starts_at, b.ends_at from public.support_bookings b
		  where b.user_id = ${userId} and b.status = 'booked'
		    and b.starts_at >= ${seoulMidnight(day)} and b.starts_at < ${seoulMidnight(addDays(day, 1))})
		select (select jsonb_build_object('safetyCourse', rule_safety_course, 'maxHoursPerDay', rule_max_hours_per_day,
		          'cancelDays', rule_cancel_days, 'penaltiesToSuspend', rule_penalties_to_suspend,
		          'suspensionDays', rule_suspension_days, 'penaltyMonths', rule_penalty_months)
		        from public.support_centers where id = ${machine.center_id}) as rules,
		       coalesce((select array_agg(course_id::text) from public.support_course_completions where user_id = ${userId}), '{}') as courses,
		       coalesce((select sum(extract(epoch from mine.ends_at - mine.starts_at) / 3600)::float8
		                 from mine join public.support_machines bm on bm.id = mine.machine_id
		                 where bm.center_id = ${machine.center_id}), 0) as hours,
		       coalesce((select jsonb_agg(jsonb_build_object('created_at', created_at, 'expires_at', expires_at))
		                 from public.support_penalties where user_id = ${userId} and center_id = ${machine.center_id}), '[]') as penalties`;
	const rules = ctx.rules;
	const refusal = checkBooking(rules, {
		now,
		start,
		end,
		machine: machineHours(machine),
		completedCourseIds: ctx.courses,
		hoursBookedThatDay: ctx.hours,
		penalties: ctx.penalties.map((p) => ({ createdAt: new Date(p.created_at), expiresAt: new Date(p.expires_at) }))
	});
	if (refusal) return { ok: false, refusal };
	try {
		const [row] = await tx.savepoint(
			(sp) => sp<{ id: string }[]>`
				insert into public.support_bookings (machine_id, user_id, starts_at, ends_at, purpose, submission_key)
				values (${machine.id}, ${userId}, ${start}, ${end}, ${purpose}, ${submissionKey})
				on conflict (user_id, submission_key) where submission_key is not null do nothing returning id`
		);
		// None: another post with this key booked first (book answers with that booking).
		if (!row) return { ok: false, refusal: { code: 'overlap' } };
		return { ok: true, id: row.id };
	} catch (e) {
		const r = refusalOf(e, machine);
		if (!r) throw e;
		if (r.code === 'daily_limit')
			return { ok: false, refusal: { code: 'daily_limit', maxHours: rules.maxHoursPerDay, bookedHours: ctx.hours } };
		return { ok: false, refusal: r };
	}
}

export interface MyBooking {
	id: string;
	machine_id: string;
	machine_name_ko: string;
	machine_name_en: string;
	center_slug: string;
	center_name_ko: string;
	starts_at: Date;
	ends_at: Date;
	status: 'booked' | 'cancelled' | 'late_cancelled' | 'no_show' | 'completed';
	fee_krw: number;
	cancel_days: number;
}

export async function bookingsOf(tx: Tx, userId: string): Promise<MyBooking[]> {
	return tx<MyBooking[]>`
		select b.id, b.machine_id, m.name_ko as machine_name_ko, m.name_en as machine_name_en, c.slug as center_slug,
		       c.name_ko as center_name_ko, b.starts_at, b.ends_at, b.status, b.fee_krw, c.rule_cancel_days as cancel_days
		from public.support_bookings b join public.support_machines m on m.id = b.machine_id
		join public.support_centers c on c.id = m.center_id
		where b.user_id = ${userId} order by b.starts_at desc limit 100`;
}

/** Cancels the caller's booking: 'cancelled' in time, 'late_cancelled' (a penalty) too close to it. */
export async function cancel(tx: Tx, userId: string, bookingId: string): Promise<'cancelled' | 'late_cancelled' | 'not_found' | 'closed'> {
	if (!isUuid(bookingId)) return 'not_found';
	try {
		const [row] = await tx.savepoint(
			(sp) => sp<{ status: 'cancelled' | 'late_cancelled' }[]>`update public.support_bookings set status = 'cancelled'
				where id = ${bookingId} and user_id = ${userId} returning status`
		);
		return row?.status ?? 'not_found';
	} catch (e) {
		if ((e as { code?: string }).code === '23514') return 'closed';
		throw e;
	}
}

export interface DayBooking {
	booking_id: string;
	machine_id: string;
	machine_name: string;
	user_id: string;
	display_name: string;
	starts_at: Date;
	ends_at: Date;
	status: MyBooking['status'];
}

/** The day's bookings of a center with names (staff only; empty for anyone else). */
export async function dayBookings(tx: Tx, centerId: string, day: string): Promise<DayBooking[]> {
	return tx<DayBooking[]>`select * from public.support_day_bookings(${centerId}, ${day}::date)`;
}

/** Staff mark a booking a no-show (a penalty) or completed. */
export async function markBooking(tx: Tx, bookingId: string, status: 'no_show' | 'completed'): Promise<'ok' | 'not_found' | 'refused'> {
	if (!isUuid(bookingId)) return 'not_found';
	try {
		const rows = await tx.savepoint((sp) => sp`update public.support_bookings set status = ${status} where id = ${bookingId} returning id`);
		return rows.length ? 'ok' : 'not_found';
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (code === '23514' || code === '42501') return 'refused';
		throw e;
	}
}

// ---------------------------------------------------------------- events
const eventColumns = (tx: Tx) =>
	tx`e.id, e.center_id, e.kind, e.course_id, e.title_ko, e.title_en, e.description_ko, e.description_en, e.starts_at, e.ends_at,
	   e.place_ko, e.online_url, e.capacity, e.cancelled, n.registered, n.waitlisted`;

export async function upcomingEvents(tx: Tx, centerId: string, now: Date = new Date()): Promise<SupportEvent[]> {
	return tx<SupportEvent[]>`select ${eventColumns(tx)} from public.support_events e, public.support_event_counts(e.id) n
		where e.center_id = ${centerId} and e.ends_at > ${now} and not e.cancelled order by e.starts_at limit 50`;
}

export async function eventsOf(tx: Tx, centerId: string, from: Date): Promise<SupportEvent[]> {
	return tx<SupportEvent[]>`select ${eventColumns(tx)} from public.support_events e, public.support_event_counts(e.id) n
		where e.center_id = ${centerId} and e.ends_at > ${from} order by e.starts_at limit 500`;
}

export async function eventById(tx: Tx, id: string): Promise<SupportEvent | null> {
	if (!isUuid(id)) return null;
	const [e] = await tx<
		SupportEvent[]
	>`select ${eventColumns(tx)} from public.support_events e, public.support_event_counts(e.id) n where e.id = ${id}`;
	return e ?? null;
}

export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled' | 'attended' | 'absent';

/** The caller's registration of an event, with their place on the waiting list. */
export async function registrationOf(tx: Tx, userId: string, eventId: string) {
	const [r] = await tx<{ id: string; status: RegistrationStatus; position: number | null }[]>`
		select g.id, g.status, case when g.status = 'waitlisted' then public.support_waitlist_position(g.event_id) end as position
		from public.support_event_registrations g where g.event_id = ${eventId} and g.user_id = ${userId}`;
	return r ?? null;
}

/** Registers the caller: a seat while there is one, otherwise the waiting list ('not_allowed': RLS refuses, e.g. staff). */
export async function register(tx: Tx, userId: string, eventId: string): Promise<RegistrationStatus | 'closed' | 'not_allowed'> {
	try {
		const [row] = await tx.savepoint(
			(sp) => sp<{ status: RegistrationStatus }[]>`
				insert into public.support_event_registrations (event_id, user_id) values (${eventId}, ${userId})
				on conflict (event_id, user_id) do update set status = 'registered'
				  where public.support_event_registrations.status = 'cancelled'
				returning status`
		);
		if (row) return row.status;
		return (await registrationOf(tx, userId, eventId))?.status ?? 'closed';
	} catch (e) {
		const code = (e as { code?: string }).code;
		// 23503: the event is gone (deleted by its center meanwhile).
		if (code === '23514' || code === '23503') return 'closed';
		if (code === '42501') return 'not_allowed';
		throw e;
	}
}

/** Cancels the caller's registration; the first on the waiting list moves up in the same transaction. */
export async function cancelRegistration(tx: Tx, userId: string, eventId: string): Promise<boolean> {
	const rows = await tx`update public.support_event_registrations set status = 'cancelled'
		where event_id = ${eventId} and user_id = ${userId} and status in ('registered', 'waitlisted') returning id`;
	return rows.length > 0;
}

export async function attendees(tx: Tx, eventId: string) {
	return tx<{ registration_id: string; user_id: string; display_name: string; status: RegistrationStatus; queued_at: Date }[]>`
		select * from public.support_attendees(${eventId})`;
}

/** Staff take attendance; attending a course session records the course on the person. */
export async function markAttendance(tx: Tx, registrationId: string, status: 'attended' | 'absent'): Promise<boolean> {
	if (!isUuid(registrationId)) return false;
	try {
		const rows = await tx.savepoint(
			(sp) => sp`update public.support_event_registrations set status = ${status} where id = ${registrationId} returning id`
		);
		return rows.length > 0;
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (code === '23514' || code === '42501') return false;
		throw e;
	}
}

export async function registrationsOf(tx: Tx, userId: string) {
	return tx<
		{
			event_id: string;
			title_ko: string;
			title_en: string;
			starts_at: Date;
			ends_at: Date;
			status: RegistrationStatus;
			center_name_ko: string;
		}[]
	>`
		select e.id as event_id, e.title_ko, e.title_en, e.starts_at, e.ends_at, g.status, c.name_ko as center_name_ko
		from public.support_event_registrations g join public.support_events e on e.id = g.event_id
		join public.support_centers c on c.id = e.center_id
		where g.user_id = ${userId} order by e.starts_at desc limit 100`;
}

export async function completedCourses(tx: Tx, userId: string) {
	return tx<{ course_id: string; title_ko: string; title_en: string; completed_at: Date }[]>`
		select cc.course_id, co.title_ko, co.title_en, cc.completed_at from public.support_course_completions cc
		join public.support_courses co on co.id = cc.course_id where cc.user_id = ${userId} order by cc.completed_at desc`;
}

/** Day-before reminders, once each (service role: the scheduler calls it every few minutes). */
export async function runTimers(tx: Tx, at: Date = new Date(), onlyEvents: string[] | null = null): Promise<{ reminded: number }> {
	const [r] = await tx<{ result: { reminded: number } }[]>`select private.support_timers(${at}, ${onlyEvents}::uuid[]) as result`;
	return r.result;
}

export { hoursBetween };

/** The center's rules with only the cancellation notice known (enough to say what cancelling costs). */
export function defaultRulesFor(cancelDays: number): BookingRules {
	return { safetyCourse: true, maxHoursPerDay: 4, cancelDays, penaltiesToSuspend: 3, suspensionDays: 30, penaltyMonths: 3 };
}
