// Support programs and applications. Every function takes the caller's RLS transaction: an
// application is seen by its applicant (the workshop's owner) and the staff of the program's center;
// the guard trigger enforces draft → submitted → under_review → approved | rejected and refuses a
// submission missing a required document. Documents live in the storage port under
// programs/<application id>/…, private: served only through a row the caller can see.
import { randomUUID } from 'node:crypto';
import { exclusions, parseRules, type Exclusion, type WorkshopFacts } from '$lib/domain/eligibility';
import type { Tx } from './db';
import type { Tables } from './db/database.types';
import { checkFile, safeFilename } from './request-files';
import type { StoragePort } from './storage/port';
import { msg } from '$lib/msg';

export interface RequiredDocument {
	key: string;
	label_ko: string;
	label_en: string;
}

export type Program = Pick<
	Tables<'support_programs'>,
	| 'id'
	| 'center_id'
	| 'slug'
	| 'kind'
	| 'title_ko'
	| 'title_en'
	| 'summary_ko'
	| 'summary_en'
	| 'self_pay_percent'
	| 'opens_at'
	| 'deadline'
	| 'eligibility'
> & { amount_max_krw: number; required_documents: RequiredDocument[]; center_slug: string; center_name_ko: string; center_name_en: string };

export type ApplicationStatus = 'draft' | 'submitted' | 'under_review' | 'approved' | 'rejected';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const programColumns = (tx: Tx) =>
	tx`p.id, p.center_id, p.slug, p.kind, p.title_ko, p.title_en, p.summary_ko, p.summary_en, p.amount_max_krw::float8 as amount_max_krw,
	   p.self_pay_percent, p.opens_at, p.deadline, p.required_documents, p.eligibility,
	   c.slug as center_slug, c.name_ko as center_name_ko, c.name_en as center_name_en`;

export async function list(tx: Tx, { centerId, openAt }: { centerId?: string; openAt?: Date } = {}): Promise<Program[]> {
	return tx<Program[]>`select ${programColumns(tx)} from public.support_programs p join public.support_centers c on c.id = p.center_id
		where true ${centerId ? tx`and p.center_id = ${centerId}` : tx``} ${openAt ? tx`and p.deadline > ${openAt}` : tx``}
		order by p.deadline, p.title_ko`;
}

export async function bySlug(tx: Tx, slug: string): Promise<Program | null> {
	const [p] = await tx<Program[]>`select ${programColumns(tx)} from public.support_programs p
		join public.support_centers c on c.id = p.center_id where p.slug = ${slug}`;
	return p ?? null;
}

/** The workshops the user owns, with the facts eligibility rules read. */
export async function workshopsOf(tx: Tx, userId: string): Promise<({ id: string; name_ko: string } & WorkshopFacts)[]> {
	return tx`
		select w.id, w.name_ko, w.employees, coalesce(t.designated, false) as "tradeDesignated",
		       coalesce((select array_agg(k.slug) from public.cluster_memberships m join public.clusters k on k.id = m.cluster_id
		                 where m.workshop_id = w.id and m.status = 'approved'), '{}') as clusters,
		       w.founded_year as "foundedYear", w.address_ko as "addressKo"
		from public.workshops w left join public.trades t on t.ksic_code = w.trade_code
		where w.owner_id = ${userId} order by w.created_at`;
}

async function clusterNames(tx: Tx): Promise<Record<string, string>> {
	const rows = await tx<{ slug: string; name_ko: string }[]>`select slug, name_ko from public.clusters where kind = 'craft'`;
	return Object.fromEntries(rows.map((r) => [r.slug, r.name_ko]));
}

/** Each open program with the rules that exclude the workshop (empty: eligible). */
export async function eligibility(
	tx: Tx,
	workshop: WorkshopFacts,
	now: Date = new Date()
): Promise<{ program: Program; excluded: Exclusion[] }[]> {
	const names = await clusterNames(tx);
	return (await list(tx, { openAt: now })).map((program) => ({
		program,
		excluded: exclusions(parseRules(program.eligibility), workshop, now, names)
	}));
}

export interface Application {
	id: string;
	program_id: string;
	program_slug: string;
	program_title_ko: string;
	program_title_en: string;
	center_id: string;
	workshop_id: string;
	workshop_name: string;
	applicant_id: string | null;
	status: ApplicationStatus;
	amount_krw: number | null;
	note: string;
	decision_reason: string | null;
	submitted_at: Date | null;
	decided_at: Date | null;
	created_at: Date;
	required_documents: RequiredDocument[];
	documents: { id: string; doc_key: string; filename: string; size_bytes: number; created_at: string }[];
}

const applicationQuery = (tx: Tx) => tx`
	select a.id, a.program_id, p.slug as program_slug, p.title_ko as program_title_ko, p.title_en as program_title_en, p.center_id,
	       a.workshop_id, w.name_ko as workshop_name, a.applicant_id, a.status, a.amount_krw::float8 as amount_krw, a.note,
	       a.decision_reason, a.submitted_at, a.decided_at, a.created_at, p.required_documents,
	       coalesce((select jsonb_agg(jsonb_build_object('id', d.id, 'doc_key', d.doc_key, 'filename', d.filename,
	                  'size_bytes', d.size_bytes, 'created_at', d.created_at) order by d.created_at)
	                 from public.support_application_documents d where d.application_id = a.id), '[]') as documents
	from public.support_applications a join public.support_programs p on p.id = a.program_id
	join public.workshops w on w.id = a.workshop_id`;

export async function byId(tx: Tx, id: string): Promise<Application | null> {
	if (!UUID.test(id)) return null;
	const [a] = await tx<Application[]>`${applicationQuery(tx)} where a.id = ${id}`;
	return a ?? null;
}

export async function applicationsOf(tx: Tx, userId: string): Promise<Application[]> {
	return tx<Application[]>`${applicationQuery(tx)} where a.applicant_id = ${userId} order by a.created_at desc`;
}

/** Applications a center's staff handle: everything submitted or later, oldest first. */
export async function queue(tx: Tx, centerId: string): Promise<Application[]> {
	return tx<Application[]>`${applicationQuery(tx)} where p.center_id = ${centerId} and a.status <> 'draft'
		order by case a.status when 'submitted' then 0 when 'under_review' then 1 else 2 end, a.submitted_at`;
}

export type StartResult =
	{ ok: true; id: string } | { ok: false; error: 'program_err_closed' | 'program_err_not_eligible' | 'program_err_not_owner' };

/** Starts (or finds) the workshop's draft application to the program, if the workshop is eligible. */
export async function start(tx: Tx, userId: string, program: Program, workshopId: string, now: Date = new Date()): Promise<StartResult> {
	const workshop = (await workshopsOf(tx, userId)).find((w) => w.id === workshopId);
	if (!workshop) return { ok: false, error: msg('program_err_not_owner') };
	const [existing] = await tx<
		{ id: string }[]
	>`select id from public.support_applications where program_id = ${program.id} and workshop_id = ${workshopId}`;
	if (existing) return { ok: true, id: existing.id };
	if (now > program.deadline || now < program.opens_at) return { ok: false, error: msg('program_err_closed') };
	if (exclusions(parseRules(program.eligibility), workshop, now, await clusterNames(tx)).length)
		return { ok: false, error: msg('program_err_not_eligible') };
	// One application per program and workshop (unique in the database): a second post at the same time
	// (a double click) waits for the first and opens its application.
	const [row] = await tx<{ id: string }[]>`insert into public.support_applications (program_id, workshop_id, applicant_id)
		values (${program.id}, ${workshopId}, ${userId})
		on conflict (program_id, workshop_id) do nothing
		returning id`;
	if (!row) {
		const [first] = await tx<{ id: string }[]>`
			select id from public.support_applications where program_id = ${program.id} and workshop_id = ${workshopId}`;
		return { ok: true, id: first.id };
	}
	return { ok: true, id: row.id };
}

/** Saves the caller's draft (only their own: the center's staff read it but do not write it). */
export async function saveDraft(tx: Tx, id: string, fields: { note: string; amount_krw: number | null }): Promise<boolean> {
	const rows = await tx`update public.support_applications set note = ${fields.note}, amount_krw = ${fields.amount_krw}
		where id = ${id} and status = 'draft' and applicant_id = (select auth.uid()) returning id`;
	return rows.length > 0;
}

export type DocumentError =
	| 'request_err_file_type'
	| 'request_err_file_too_large'
	| 'request_err_file_empty'
	| 'request_err_file_content'
	| 'program_err_document_kind';

/**
 * Records a checked document on a draft and stores it (RLS: the applicant, while a draft): the row
 * first, so RLS refuses a stranger before anything is stored. With a submission key (made with the
 * upload form), a second post of the same form stores nothing more: it waits for the first and answers
 * as it did.
 */
export async function addDocument(
	tx: Tx,
	store: StoragePort,
	application: Application,
	userId: string,
	docKey: string,
	upload: { name: string; bytes: Uint8Array },
	submissionKey: string | null = null
): Promise<{ ok: true } | { ok: false; error: DocumentError }> {
	if (!application.required_documents.some((d) => d.key === docKey)) return { ok: false, error: msg('program_err_document_kind') };
	const checked = checkFile(upload.name, upload.bytes);
	if (!checked.ok) return checked;
	const path = `programs/${application.id}/${randomUUID()}-${safeFilename(upload.name)}`;
	const rows = await tx`insert into public.support_application_documents
			(application_id, doc_key, path, filename, content_type, size_bytes, uploaded_by, submission_key)
		values (${application.id}, ${docKey}, ${path}, ${upload.name.slice(0, 255)}, ${checked.contentType}, ${upload.bytes.byteLength},
			${userId}, ${submissionKey})
		on conflict (application_id, submission_key) where submission_key is not null do nothing
		returning id`;
	if (rows.length) await store.put(path, upload.bytes, checked.contentType);
	return { ok: true };
}

export async function removeDocument(tx: Tx, store: StoragePort, applicationId: string, documentId: string): Promise<boolean> {
	if (!UUID.test(documentId)) return false;
	const rows = await tx<{ path: string }[]>`delete from public.support_application_documents
		where id = ${documentId} and application_id = ${applicationId} returning path`;
	if (rows.length) await store.remove(rows.map((r) => r.path));
	return rows.length > 0;
}

/** A document the caller may see: its stored path, name and type (null otherwise). */
export async function document(tx: Tx, applicationId: string, documentId: string) {
	if (!UUID.test(documentId) || !UUID.test(applicationId)) return null;
	const [d] = await tx<{ path: string; filename: string; content_type: string }[]>`
		select path, filename, content_type from public.support_application_documents where id = ${documentId} and application_id = ${applicationId}`;
	return d ?? null;
}

export type MoveError =
	| 'program_err_missing_documents'
	| 'program_err_closed'
	| 'program_err_reason_required'
	| 'program_err_not_allowed'
	| 'program_err_transition';

/** Moves an application; the database decides who may (applicant submits, the center's staff decide). */
export async function move(
	tx: Tx,
	application: Application,
	to: 'submitted' | 'under_review' | 'approved' | 'rejected',
	reason = ''
): Promise<{ ok: true } | { ok: false; error: MoveError; missing?: RequiredDocument[] }> {
	if (to === 'submitted') {
		const missing = application.required_documents.filter((d) => !application.documents.some((x) => x.doc_key === d.key));
		if (missing.length) return { ok: false, error: msg('program_err_missing_documents'), missing };
	}
	if (to === 'rejected' && !reason.trim()) return { ok: false, error: msg('program_err_reason_required') };
	try {
		const rows = await tx.savepoint(
			(sp) => sp`update public.support_applications set status = ${to},
				decision_reason = ${to === 'approved' || to === 'rejected' ? reason.trim() || null : null}
				where id = ${application.id} returning id`
		);
		return rows.length ? { ok: true } : { ok: false, error: msg('program_err_not_allowed') };
	} catch (e) {
		const err = e as { code?: string; message?: string };
		if (err.code === '42501') return { ok: false, error: msg('program_err_not_allowed') };
		if (err.code === '23514') {
			if (err.message?.startsWith('program_missing_document')) return { ok: false, error: msg('program_err_missing_documents') };
			if (err.message?.startsWith('program_closed')) return { ok: false, error: msg('program_err_closed') };
			return { ok: false, error: msg('program_err_transition') };
		}
		throw e;
	}
}
