// What a center's staff (and managers of the clusters it serves) edit on their pages: machines,
// events and programs. RLS decides who may (private.acts_for_center); a machine someone booked, an
// event someone registered for or a program someone applied to is not deleted but archived, cancelled
// or closed (the delete policies only reach unused rows).
import { randomUUID } from 'node:crypto';
import type { Tx } from './db';
import type { Tables } from './db/database.types';
import { processPhoto, type PhotoError } from './images';
import type { RequiredDocument } from './programs';
import type { StoragePort } from './storage/port';
import { isUuid } from './support';

export interface MachineInput {
	/** One of the table's kinds (3d_printer, laser_cutter, cnc, 3d_scanner, polisher, other). */
	kind: string;
	name_ko: string;
	name_en: string;
	specs_ko: string;
	specs_en: string;
	prerequisite_course_id: string | null;
	hourly_fee_krw: number;
	slot_minutes: number;
	open_hour: number;
	close_hour: number;
}

export interface StaffMachine extends Omit<MachineInput, 'kind'> {
	kind: Tables<'support_machines'>['kind'];
	id: string;
	/** The stored photo's path ('' for none). */
	photo: string;
	center_id: string;
	active: boolean;
	bookings: number;
}

export interface Course {
	id: string;
	title_ko: string;
	title_en: string;
}

export async function coursesOf(tx: Tx, centerId: string): Promise<Course[]> {
	return tx<Course[]>`select id, title_ko, title_en from public.support_courses where center_id = ${centerId} order by title_ko`;
}

/** All machines of the center, archived ones too, with how many bookings each has had. */
export async function machinesOf(tx: Tx, centerId: string): Promise<StaffMachine[]> {
	return tx<StaffMachine[]>`select m.id, m.center_id, m.kind, m.name_ko, m.name_en, m.specs_ko, m.specs_en,
		coalesce(m.photos[1], '') as photo, m.prerequisite_course_id, m.hourly_fee_krw, m.slot_minutes, m.open_hour, m.close_hour,
		m.active, (select count(*)::int from public.support_bookings b where b.machine_id = m.id) as bookings
		from public.support_machines m where m.center_id = ${centerId} order by m.active desc, m.kind, m.name_ko`;
}

export async function machine(tx: Tx, centerId: string, id: string): Promise<StaffMachine | null> {
	if (!isUuid(id)) return null;
	const [m] = (await machinesOf(tx, centerId)).filter((x) => x.id === id);
	return m ?? null;
}

const machineRow = (input: MachineInput) => ({
	kind: input.kind,
	name_ko: input.name_ko,
	name_en: input.name_en,
	specs_ko: input.specs_ko,
	specs_en: input.specs_en,
	prerequisite_course_id: input.prerequisite_course_id,
	hourly_fee_krw: input.hourly_fee_krw,
	slot_minutes: input.slot_minutes,
	open_hour: input.open_hour,
	close_hour: input.close_hour
});

export type SaveResult = { ok: true; id: string } | { ok: false; error: 'not_allowed' | 'not_found' | 'invalid' };

async function guarded(fn: () => Promise<string | null>): Promise<SaveResult> {
	try {
		const id = await fn();
		return id ? { ok: true, id } : { ok: false, error: 'not_found' };
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (code === '42501') return { ok: false, error: 'not_allowed' };
		if (code === '23514' || code === '23503' || code === '22P02') return { ok: false, error: 'invalid' };
		throw e;
	}
}

/** The course must be one of this center's (a select on the page, but the request may say anything). */
async function courseOfCenter(tx: Tx, centerId: string, courseId: string | null): Promise<boolean> {
	if (!courseId) return true;
	if (!isUuid(courseId)) return false;
	const [r] = await tx`select 1 from public.support_courses where id = ${courseId} and center_id = ${centerId}`;
	return !!r;
}

/**
 * A new machine of the center. With a submission key (made with the empty form), a second post of the
 * same form makes nothing: it waits for the first and answers its machine.
 */
export async function createMachine(
	tx: Tx,
	centerId: string,
	input: MachineInput,
	submissionKey: string | null = null
): Promise<SaveResult> {
	if (!(await courseOfCenter(tx, centerId, input.prerequisite_course_id))) return { ok: false, error: 'invalid' };
	const row = { center_id: centerId, ...machineRow(input), submission_key: submissionKey };
	return guarded(async () => {
		const [r] = await tx.savepoint(
			(sp) => sp<{ id: string }[]>`insert into public.support_machines ${sp(row)}
				on conflict (center_id, submission_key) where submission_key is not null do nothing returning id`
		);
		return r?.id ?? (await madeWithKey(tx, 'support_machines', centerId, submissionKey));
	});
}

/** What an earlier post of the same new form made (null without a key). */
async function madeWithKey(
	tx: Tx,
	table: 'support_machines' | 'support_events' | 'support_programs',
	centerId: string,
	submissionKey: string | null
): Promise<string | null> {
	if (!submissionKey) return null;
	const [first] = await tx<{ id: string }[]>`
		select id from ${tx('public.' + table)} where center_id = ${centerId} and submission_key = ${submissionKey}`;
	return first?.id ?? null;
}

export async function updateMachine(tx: Tx, centerId: string, id: string, input: MachineInput): Promise<SaveResult> {
	if (!isUuid(id)) return { ok: false, error: 'not_found' };
	if (!(await courseOfCenter(tx, centerId, input.prerequisite_course_id))) return { ok: false, error: 'invalid' };
	const row = machineRow(input);
	return guarded(async () => {
		const [r] = await tx.savepoint(
			(sp) => sp<{ id: string }[]>`update public.support_machines set ${sp(row)} where id = ${id} and center_id = ${centerId} returning id`
		);
		return r?.id ?? null;
	});
}

/** Takes a machine out of booking (its bookings stay), or back in. */
export async function setMachineActive(tx: Tx, centerId: string, id: string, active: boolean): Promise<boolean> {
	if (!isUuid(id)) return false;
	const rows = await tx`update public.support_machines set active = ${active} where id = ${id} and center_id = ${centerId} returning id`;
	return rows.length > 0;
}

/** Deletes a machine nobody ever booked ('in_use' otherwise: archive it instead). */
export async function deleteMachine(tx: Tx, centerId: string, id: string): Promise<'ok' | 'in_use' | 'not_found'> {
	if (!isUuid(id)) return 'not_found';
	const rows = await tx`delete from public.support_machines where id = ${id} and center_id = ${centerId} returning id`;
	if (rows.length) return 'ok';
	const [exists] = await tx`select 1 from public.support_machines where id = ${id} and center_id = ${centerId}`;
	return exists ? 'in_use' : 'not_found';
}

/** Where machine photos live in the storage port; /support/photos/… serves them to everyone. */
export const MACHINE_PHOTOS = 'support/machines/';

/**
 * Replaces the machine's photo with an upload (checked and re-encoded as photos of workshops are),
 * or removes it (bytes null). Pass the staged store of withUserFiles: the new file goes away if the
 * transaction fails, the old one only after it commits. RLS lets only the center's people update.
 */
export async function setMachinePhoto(
	tx: Tx,
	store: StoragePort,
	centerId: string,
	id: string,
	bytes: Uint8Array | null
): Promise<'ok' | 'not_found' | PhotoError> {
	if (!isUuid(id)) return 'not_found';
	const image = bytes ? await processPhoto(bytes) : null;
	if (image && !image.ok) return image.error;
	const path = image ? `${MACHINE_PHOTOS}${id}/${randomUUID()}.webp` : null;
	const [row] = await tx<{ old: string[] }[]>`
		with old as (select photos from public.support_machines where id = ${id} and center_id = ${centerId})
		update public.support_machines set photos = ${path ? [path] : []}::text[] where id = ${id} and center_id = ${centerId}
		returning (select photos from old) as old`;
	if (!row) return 'not_found';
	if (image && path) await store.put(path, image.full.data, 'image/webp');
	const old = row.old.filter((p) => p.startsWith(MACHINE_PHOTOS));
	if (old.length) await store.remove(old);
	return 'ok';
}

/** Whether `path` is a machine's photo (machines are public, so their photos are too). */
export async function isMachinePhoto(tx: Tx, path: string): Promise<boolean> {
	if (!path.startsWith(MACHINE_PHOTOS)) return false;
	const rows = await tx`select 1 from public.support_machines where ${path} = any(photos) limit 1`;
	return rows.length > 0;
}

// ---------------------------------------------------------------- events
export type EventKind = 'course' | 'seminar' | 'exhibition';

export interface EventInput {
	kind: EventKind;
	title_ko: string;
	title_en: string;
	description_ko: string;
	description_en: string;
	starts_at: Date;
	ends_at: Date;
	place_ko: string;
	online_url: string | null;
	capacity: number;
	/** The machine this course unlocks: attending it completes the machine's prerequisite course. */
	machine_id: string | null;
}

export interface StaffEvent extends Omit<EventInput, 'machine_id'> {
	id: string;
	course_id: string | null;
	cancelled: boolean;
	registrations: number;
	/** A machine whose prerequisite is this event's course. */
	machine_id: string | null;
}

const eventSelect = (tx: Tx) =>
	tx`e.id, e.kind, e.course_id, e.title_ko, e.title_en, e.description_ko, e.description_en, e.starts_at, e.ends_at,
	   e.place_ko, e.online_url, e.capacity, e.cancelled,
	   (select count(*)::int from public.support_event_registrations g where g.event_id = e.id and g.status <> 'cancelled') as registrations,
	   (select m.id from public.support_machines m where e.course_id is not null and m.prerequisite_course_id = e.course_id
	    order by m.active desc, m.name_ko limit 1) as machine_id`;

export async function eventsOf(tx: Tx, centerId: string, page = 1, perPage = 20): Promise<{ rows: StaffEvent[]; total: number }> {
	const rows = await tx<(StaffEvent & { total: number })[]>`
		select ${eventSelect(tx)}, count(*) over ()::int as total from public.support_events e where e.center_id = ${centerId}
		order by (e.ends_at < now()), case when e.ends_at < now() then null else e.starts_at end, e.starts_at desc
		limit ${perPage} offset ${(Math.max(1, page) - 1) * perPage}`;
	return { rows, total: rows[0]?.total ?? 0 };
}

export async function event(tx: Tx, centerId: string, id: string): Promise<StaffEvent | null> {
	if (!isUuid(id)) return null;
	const [e] = await tx<
		StaffEvent[]
	>`select ${eventSelect(tx)} from public.support_events e where e.id = ${id} and e.center_id = ${centerId}`;
	return e ?? null;
}

/**
 * The course an event unlocking this machine is a session of: the machine's prerequisite course, or
 * a new course (named after the event) that becomes the machine's prerequisite. Null: no machine.
 * Throws (as a foreign key would, 'invalid' to the caller) for a machine not of this center.
 */
async function courseFor(tx: Tx, centerId: string, input: EventInput): Promise<string | null> {
	if (!input.machine_id) return null;
	const invalid = () => Object.assign(new Error('not a machine of this center'), { code: '23503' });
	if (!isUuid(input.machine_id)) throw invalid();
	// The machine's row lock: a second post of the same new-event form waiting here finds the course the
	// first made (instead of making another and taking the machine's prerequisite from the first's event).
	const [m] = await tx<{ prerequisite_course_id: string | null }[]>`
		select prerequisite_course_id from public.support_machines where id = ${input.machine_id} and center_id = ${centerId}
		for update`;
	if (!m) throw invalid();
	if (m.prerequisite_course_id) return m.prerequisite_course_id;
	const [course] = await tx<{ id: string }[]>`insert into public.support_courses (center_id, title_ko, title_en)
		values (${centerId}, ${input.title_ko}, ${input.title_en}) returning id`;
	await tx`update public.support_machines set prerequisite_course_id = ${course.id} where id = ${input.machine_id}`;
	return course.id;
}

const eventRow = (input: EventInput, courseId: string | null) => ({
	kind: courseId ? 'course' : input.kind,
	course_id: courseId,
	title_ko: input.title_ko,
	title_en: input.title_en,
	description_ko: input.description_ko,
	description_en: input.description_en,
	starts_at: input.starts_at,
	ends_at: input.ends_at,
	place_ko: input.place_ko,
	online_url: input.online_url,
	capacity: input.capacity
});

/** A new event of the center; a second post with the same submission key answers the first's event. */
export async function createEvent(tx: Tx, centerId: string, input: EventInput, submissionKey: string | null = null): Promise<SaveResult> {
	return guarded(() =>
		tx.savepoint(async (sp) => {
			const course = await courseFor(sp, centerId, input);
			const [r] = await sp<{ id: string }[]>`
				insert into public.support_events ${sp({ center_id: centerId, ...eventRow(input, course), submission_key: submissionKey })}
				on conflict (center_id, submission_key) where submission_key is not null do nothing returning id`;
			return r?.id ?? (await madeWithKey(sp, 'support_events', centerId, submissionKey));
		})
	);
}

/** Edits an event; fewer seats than people registered is refused (nobody is pushed out silently). */
export async function updateEvent(
	tx: Tx,
	centerId: string,
	id: string,
	input: EventInput
): Promise<SaveResult | { ok: false; error: 'capacity' }> {
	const current = await event(tx, centerId, id);
	if (!current) return { ok: false, error: 'not_found' };
	if (input.capacity < current.registrations) return { ok: false, error: 'capacity' };
	return guarded(() =>
		tx.savepoint(async (sp) => {
			const course =
				input.machine_id === current.machine_id && current.course_id ? current.course_id : await courseFor(sp, centerId, input);
			const [r] = await sp<{ id: string }[]>`update public.support_events set ${sp(eventRow(input, course))}
				where id = ${id} and center_id = ${centerId} returning id`;
			return r?.id ?? null;
		})
	);
}

/** Cancels an event (registrations stay, registering closes), or deletes it if nobody registered. */
export async function cancelEvent(tx: Tx, centerId: string, id: string): Promise<'cancelled' | 'deleted' | 'not_found'> {
	if (!isUuid(id)) return 'not_found';
	const deleted = await tx`delete from public.support_events where id = ${id} and center_id = ${centerId} returning id`;
	if (deleted.length) return 'deleted';
	const rows = await tx`update public.support_events set cancelled = true where id = ${id} and center_id = ${centerId} returning id`;
	return rows.length ? 'cancelled' : 'not_found';
}

// ---------------------------------------------------------------- programs
export type ProgramKind = 'loan' | 'grant' | 'infrastructure' | 'consulting';

export interface ProgramInput {
	slug: string;
	kind: ProgramKind;
	title_ko: string;
	title_en: string;
	summary_ko: string;
	summary_en: string;
	amount_max_krw: number;
	self_pay_percent: number;
	opens_at: Date;
	deadline: Date;
	required_documents: RequiredDocument[];
}

export interface StaffProgram extends ProgramInput {
	id: string;
	applications: number;
}

const programSelect = (tx: Tx) =>
	tx`p.id, p.slug, p.kind, p.title_ko, p.title_en, p.summary_ko, p.summary_en, p.amount_max_krw::float8 as amount_max_krw,
	   p.self_pay_percent, p.opens_at, p.deadline, p.required_documents,
	   (select count(*)::int from public.support_applications a where a.program_id = p.id) as applications`;

export async function programsOf(tx: Tx, centerId: string): Promise<StaffProgram[]> {
	return tx<StaffProgram[]>`select ${programSelect(tx)} from public.support_programs p where p.center_id = ${centerId}
		order by (p.deadline < now()), p.deadline desc`;
}

export async function program(tx: Tx, centerId: string, id: string): Promise<StaffProgram | null> {
	if (!isUuid(id)) return null;
	const [p] = await tx<StaffProgram[]>`select ${programSelect(tx)} from public.support_programs p
		where p.id = ${id} and p.center_id = ${centerId}`;
	return p ?? null;
}

export type ProgramSaveResult = SaveResult | { ok: false; error: 'slug_taken' };

async function savingProgram(fn: () => Promise<string | null>): Promise<ProgramSaveResult> {
	try {
		return await guarded(fn);
	} catch (e) {
		if ((e as { code?: string }).code === '23505') return { ok: false, error: 'slug_taken' };
		throw e;
	}
}

const programRow = (tx: Tx, input: ProgramInput) => ({ ...input, required_documents: tx.json(input.required_documents as never) });

/**
 * A new program of the center; its eligibility rules start empty (anyone may apply). With a submission
 * key (made with the empty form), a second post of the same form makes nothing: it answers the first's
 * program (instead of its slug being taken by it).
 */
export function createProgram(
	tx: Tx,
	centerId: string,
	input: ProgramInput,
	submissionKey: string | null = null
): Promise<ProgramSaveResult> {
	const made = () => madeWithKey(tx, 'support_programs', centerId, submissionKey);
	return savingProgram(async () => {
		const earlier = await made();
		if (earlier) return earlier;
		const row = { center_id: centerId, ...programRow(tx, input), submission_key: submissionKey };
		try {
			const [r] = await tx.savepoint(
				(sp) => sp<{ id: string }[]>`insert into public.support_programs ${sp(row)}
					on conflict (center_id, submission_key) where submission_key is not null do nothing returning id`
			);
			return r?.id ?? (await made());
		} catch (e) {
			// The slug taken by a second post's first, which finished while this one was inserting.
			const first = (e as { code?: string }).code === '23505' ? await made() : null;
			if (first) return first;
			throw e;
		}
	});
}

/** Edits a program; its eligibility rules are kept as they are. */
export function updateProgram(tx: Tx, centerId: string, id: string, input: ProgramInput): Promise<ProgramSaveResult> {
	if (!isUuid(id)) return Promise.resolve({ ok: false, error: 'not_found' });
	return savingProgram(async () => {
		const row = programRow(tx, input);
		const [r] = await tx.savepoint(
			(sp) => sp<{ id: string }[]>`update public.support_programs set ${sp(row)} where id = ${id} and center_id = ${centerId} returning id`
		);
		return r?.id ?? null;
	});
}

/** Closes a program now (applications stay), or deletes it when nobody applied. */
export async function closeProgram(
	tx: Tx,
	centerId: string,
	id: string,
	now: Date = new Date()
): Promise<'closed' | 'deleted' | 'not_found'> {
	if (!isUuid(id)) return 'not_found';
	const deleted = await tx`delete from public.support_programs where id = ${id} and center_id = ${centerId} returning id`;
	if (deleted.length) return 'deleted';
	const rows = await tx`update public.support_programs
		set opens_at = least(opens_at, ${new Date(now.getTime() - 1000)}), deadline = ${now}
		where id = ${id} and center_id = ${centerId} returning id`;
	return rows.length ? 'closed' : 'not_found';
}
