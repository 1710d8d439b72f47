// Counseling appointments at a support center: asking, proposing a slot, confirming, declining and
// cancelling, and the appointment's thread. Every function takes the caller's RLS transaction; the
// database's trigger checks each move (see the migration), so a move the caller may not make comes
// back as 'refused' rather than an error.
import type { CounselingStatus, CounselingTopic } from '$lib/domain/counseling';
import type { Tx } from './db';
import { isUuid } from './support';

export interface Counseling {
	id: string;
	center_id: string;
	center_slug: string;
	center_name_ko: string;
	center_name_en: string;
	requester_id: string;
	requester_name: string;
	topic: CounselingTopic;
	question: string;
	preferred_times: string;
	status: CounselingStatus;
	starts_at: Date | null;
	ends_at: Date | null;
	place_ko: string;
	online_url: string | null;
	reason: string;
	created_at: Date;
	updated_at: Date;
}

export interface CounselingMessage {
	id: string;
	author_id: string | null;
	author_name: string | null;
	body: string;
	created_at: Date;
}

const columns = (tx: Tx) =>
	tx`k.id, k.center_id, c.slug as center_slug, c.name_ko as center_name_ko, c.name_en as center_name_en, k.requester_id,
	   coalesce((select n.display_name from public.support_counseling_names(k.id) n where n.user_id = k.requester_id), '') as requester_name, k.topic, k.question, k.preferred_times, k.status, k.starts_at, k.ends_at,
	   k.place_ko, k.online_url, k.reason, k.created_at, k.updated_at`;
const from = (tx: Tx) => tx`public.support_counseling k join public.support_centers c on c.id = k.center_id`;

/**
 * A craftsman asks the center for counseling; the center's people are notified. With a submission key
 * (made by the form), a second post of the same form asks nothing: it waits for the first and answers it.
 */
export async function ask(
	tx: Tx,
	userId: string,
	centerId: string,
	input: { topic: CounselingTopic; question: string; preferred_times: string; submissionKey?: string | null }
): Promise<{ ok: true; id: string } | { ok: false; reason: 'not_craftsman' }> {
	const key = input.submissionKey ?? null;
	try {
		const [row] = await tx.savepoint(
			(sp) => sp<
				{ id: string }[]
			>`insert into public.support_counseling (center_id, requester_id, topic, question, preferred_times, submission_key)
				values (${centerId}, ${userId}, ${input.topic}, ${input.question}, ${input.preferred_times}, ${key})
				on conflict (requester_id, submission_key) where submission_key is not null do nothing
				returning id`
		);
		if (!row) {
			const [first] = await tx<{ id: string }[]>`
				select id from public.support_counseling where requester_id = ${userId} and submission_key = ${key}`;
			return { ok: true, id: first.id };
		}
		return { ok: true, id: row.id };
	} catch (e) {
		if ((e as { code?: string }).code === '42501') return { ok: false, reason: 'not_craftsman' };
		throw e;
	}
}

export async function byId(tx: Tx, id: string): Promise<Counseling | null> {
	if (!isUuid(id)) return null;
	const [k] = await tx<Counseling[]>`select ${columns(tx)} from ${from(tx)} where k.id = ${id}`;
	return k ?? null;
}

/** The caller's own appointments, newest first. */
export async function mine(tx: Tx, userId: string, limit = 50): Promise<Counseling[]> {
	return tx<Counseling[]>`select ${columns(tx)} from ${from(tx)} where k.requester_id = ${userId}
		order by coalesce(k.starts_at, k.created_at) desc limit ${limit}`;
}

/** A center's appointments for its staff: open ones first, then upcoming, a page at a time. */
export async function ofCenter(tx: Tx, centerId: string, page = 1, perPage = 20): Promise<{ rows: Counseling[]; total: number }> {
	const rows = await tx<(Counseling & { total: number })[]>`
		select ${columns(tx)}, count(*) over ()::int as total from ${from(tx)} where k.center_id = ${centerId}
		order by case k.status when 'requested' then 0 when 'proposed' then 1 when 'confirmed' then 2 else 3 end,
		         coalesce(k.starts_at, k.created_at) desc
		limit ${perPage} offset ${(Math.max(1, page) - 1) * perPage}`;
	return { rows, total: rows[0]?.total ?? 0 };
}

export type MoveResult = 'ok' | 'refused' | 'not_found';

type Change = {
	status: CounselingStatus;
	starts_at?: Date;
	ends_at?: Date;
	place_ko?: string;
	online_url?: string | null;
	reason?: string;
};

async function move(tx: Tx, id: string, change: Change): Promise<MoveResult> {
	if (!isUuid(id)) return 'not_found';
	try {
		const rows = await tx.savepoint((sp) => sp`update public.support_counseling set ${sp(change)} where id = ${id} returning id`);
		return rows.length ? 'ok' : 'not_found';
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (code === '23514' || code === '42501') return 'refused';
		throw e;
	}
}

/** Staff propose a slot (again, if one was proposed): where, or an online link. */
export function propose(
	tx: Tx,
	id: string,
	slot: { starts_at: Date; ends_at: Date; place_ko: string; online_url: string | null }
): Promise<MoveResult> {
	return move(tx, id, { status: 'proposed', ...slot });
}

export const confirm = (tx: Tx, id: string) => move(tx, id, { status: 'confirmed' });
export const decline = (tx: Tx, id: string, reason: string) => move(tx, id, { status: 'declined', reason });
export const cancel = (tx: Tx, id: string, reason: string) => move(tx, id, { status: 'cancelled', reason });

export async function messages(tx: Tx, id: string): Promise<CounselingMessage[]> {
	return tx<CounselingMessage[]>`select m.id, m.author_id, n.display_name as author_name, m.body, m.created_at
		from public.support_counseling_messages m left join public.support_counseling_names(${id}) n on n.user_id = m.author_id
		where m.counseling_id = ${id} order by m.created_at, m.id limit 500`;
}

/** Writes in the appointment's thread; a second post with the same submission key writes nothing more. */
export async function write(tx: Tx, userId: string, id: string, body: string, submissionKey: string | null = null): Promise<boolean> {
	if (!isUuid(id)) return false;
	try {
		await tx.savepoint(
			(sp) => sp`insert into public.support_counseling_messages (counseling_id, author_id, body, submission_key)
				values (${id}, ${userId}, ${body}, ${submissionKey})
				on conflict (author_id, submission_key) where submission_key is not null do nothing`
		);
		return true;
	} catch (e) {
		if ((e as { code?: string }).code === '42501') return false;
		throw e;
	}
}
