// Inquiries: a question to a workshop before any request ("문의하기 / Ask a question" on its page).
// One conversation per asker and workshop, with the request threads' messages, read markers and
// notifications; RLS lets the asker and whoever acts for the workshop read and write it.
import { randomUUID } from 'node:crypto';
import type { Tx } from './db';
import { markRead } from './conversations';
import { isUuid } from './quotes';

export interface InquiryWorkshop {
	id: string;
	slug: string;
	name_ko: string;
	name_en: string | null;
}

/** Who asked, as both sides see it: their company (if any) and display name. */
export interface Asker {
	name: string;
	company_ko: string | null;
	company_en: string | null;
	company_slug: string | null;
}

export interface Inquiry {
	id: string;
	workshop: InquiryWorkshop;
	asker: Asker;
	/** Which side the caller is on. */
	side: 'asker' | 'workshop';
}

export interface InquiryMessage {
	id: string;
	side: 'asker' | 'workshop';
	mine: boolean;
	body: string;
	created_at: Date;
}

export interface InquirySummary {
	id: string;
	workshop: InquiryWorkshop;
	asker: Asker;
	side: 'asker' | 'workshop';
	last_message_at: Date | null;
	excerpt: string;
	unread: number;
}

/** The caller's inquiry with a workshop, if they asked before. */
export async function existing(tx: Tx, workshopId: string, userId: string): Promise<string | null> {
	const [row] = await tx<{ id: string }[]>`
		select id from public.conversations where request_id is null and workshop_id = ${workshopId} and asker_id = ${userId}`;
	return row?.id ?? null;
}

/** The inquiry as the caller sees it; null when it is not theirs (or not an inquiry). */
export async function byId(tx: Tx, id: string, userId: string): Promise<Inquiry | null> {
	if (!isUuid(id)) return null;
	const [row] = await tx<(Pick<Inquiry, 'id' | 'asker'> & InquiryWorkshopRow & { asker_id: string })[]>`
		select c.id, c.asker_id, w.id as w_id, w.slug as w_slug, w.name_ko as w_name_ko, w.name_en as w_name_en,
		       private.inquiry_asker(c.id) as asker
		from public.conversations c
		join public.workshops w on w.id = c.workshop_id
		where c.id = ${id} and c.request_id is null`;
	if (!row) return null;
	return { id: row.id, workshop: workshopOf(row), asker: row.asker, side: row.asker_id === userId ? 'asker' : 'workshop' };
}

interface InquiryWorkshopRow {
	w_id: string;
	w_slug: string;
	w_name_ko: string;
	w_name_en: string | null;
}

const workshopOf = (r: InquiryWorkshopRow): InquiryWorkshop => ({ id: r.w_id, slug: r.w_slug, name_ko: r.w_name_ko, name_en: r.w_name_en });

/** Messages of an inquiry, oldest first (the latest 200). */
export async function messages(tx: Tx, inquiry: Pick<Inquiry, 'id'>, userId: string): Promise<InquiryMessage[]> {
	return tx<InquiryMessage[]>`
		select * from (
			select m.id, case when m.sender_id = c.asker_id then 'asker' else 'workshop' end as side,
			       m.sender_id = ${userId} as mine, m.body, m.created_at
			from public.messages m join public.conversations c on c.id = m.conversation_id
			where m.conversation_id = ${inquiry.id}
			order by m.created_at desc, m.id desc limit 200
		) latest order by created_at, id`;
}

/**
 * Asks a workshop a question: the inquiry is created with its first message, or the message is added
 * to the caller's earlier inquiry with that workshop. RLS refuses the workshop's own people and
 * workshops that are not active.
 */
export async function ask(tx: Tx, workshopId: string, userId: string, body: string, submissionKey: string | null = null): Promise<string> {
	await tx`insert into public.conversations (id, workshop_id, asker_id) values (${randomUUID()}, ${workshopId}, ${userId})
		on conflict (workshop_id, asker_id) where request_id is null do nothing`;
	const id = await existing(tx, workshopId, userId);
	if (!id) throw new Error('inquiry not created');
	await send(tx, id, userId, body, submissionKey);
	return id;
}

/**
 * Adds a message as the caller; the database notifies the other side. A second post with the same
 * submission key (made by the form for this message) adds nothing.
 */
export async function send(tx: Tx, inquiryId: string, userId: string, body: string, submissionKey: string | null = null): Promise<void> {
	await tx`insert into public.messages (conversation_id, sender_id, body, submission_key)
		values (${inquiryId}, ${userId}, ${body}, ${submissionKey})
		on conflict (sender_id, submission_key) where submission_key is not null do nothing`;
	await markRead(tx, inquiryId, userId);
}

/** Inquiries the caller asked, and those to the workshops the caller acts for; latest first. */
export function list(tx: Tx, userId: string, limit = 50): Promise<InquirySummary[]> {
	return tx<(Omit<InquirySummary, 'workshop'> & InquiryWorkshopRow)[]>`
		select c.id, w.id as w_id, w.slug as w_slug, w.name_ko as w_name_ko, w.name_en as w_name_en,
		       private.inquiry_asker(c.id) as asker,
		       case when c.asker_id = ${userId} then 'asker' else 'workshop' end as side,
		       c.last_message_at,
		       coalesce((select left(m.body, 140) from public.messages m where m.conversation_id = c.id
		                 order by m.created_at desc limit 1), '') as excerpt,
		       (select count(*)::int from public.messages m
		        where m.conversation_id = c.id and m.sender_id is distinct from ${userId}
		          and m.created_at > coalesce((select r.last_read_at from public.conversation_reads r
		                                       where r.conversation_id = c.id and r.user_id = ${userId}), '-infinity')) as unread
		from public.conversations c
		join public.workshops w on w.id = c.workshop_id
		where c.request_id is null
		order by c.last_message_at desc nulls last, c.created_at desc
		limit ${limit}`.then((rows) =>
		rows.map(({ w_id, w_slug, w_name_ko, w_name_en, ...r }) => ({ ...r, workshop: workshopOf({ w_id, w_slug, w_name_ko, w_name_en }) }))
	);
}
