// Quotes: a workshop's price, lead time and validity on a request, their revisions and files.
// Every function takes the caller's RLS transaction: PostgreSQL decides who sees a quote (the quoting
// workshop's actors and the request's owner) and its trigger enforces the state machine. This module
// checks moves first with the domain's `transition` so that the user gets a clear message, then
// writes exactly the columns the move changes; accepting is only `status = 'accepted'` (the database
// awards the request, closes the other quotes and notifies everyone).
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { LineItem } from '$lib/domain/money';
import { effectiveState, transition, type Actor, type QuoteError, type QuoteState, type QuoteTransition } from '$lib/domain/quote-states';
import type { Tx } from './db';
import type { Tables } from './db/database.types';
import type { Request } from './requests';
import type { StoragePort } from './storage/port';
import { msg } from '$lib/msg';

export type RequestSummary = Pick<
	Request,
	'id' | 'title' | 'status' | 'owner_id' | 'visibility' | 'deadline' | 'quantity' | 'budget_min_krw' | 'budget_max_krw'
> & {
	company_name_ko: string | null;
	company_name_en: string | null;
};

export interface ActingWorkshop {
	id: string;
	name_ko: string;
	name_en: string | null;
	slug: string;
	/** Owned by the user, or kept for a member without an account. */
	own: boolean;
}

export interface QuoteFile {
	id: string;
	filename: string;
	content_type: string;
	size_bytes: number;
}

/** A quote's terms at one revision; valid_until is read as an ISO date. */
export type QuoteRevision = Pick<
	Tables<'quote_revisions'>,
	'revision' | 'price_krw' | 'lead_time_days' | 'notes' | 'answered_note' | 'created_at' | 'vat_krw' | 'deposit_krw' | 'sample_krw'
> & {
	valid_until: string;
};

export interface Quote {
	id: string;
	request_id: string;
	workshop_id: string;
	workshop_name_ko: string;
	workshop_name_en: string | null;
	workshop_slug: string | null;
	/** Stored state. */
	status: QuoteState;
	/** What to show and check moves against (expired when past valid_until in Korea). */
	state: QuoteState;
	price_krw: number;
	vat_krw: number;
	vat_included: boolean;
	deposit_krw: number;
	sample_krw: number;
	line_items: LineItem[];
	lead_time_days: number;
	valid_until: string;
	notes: string;
	revision: number;
	revision_note: string | null;
	reason: string | null;
	created_at: Date;
	updated_at: Date;
	revisions: QuoteRevision[];
	files: QuoteFile[];
}

export interface QuoteTerms {
	/** The supply amount (공급가액); VAT beside it. */
	price_krw: number;
	vat_krw: number;
	vat_included: boolean;
	/** The payment plan: deposit, optional sample milestone (0: none); the balance is the rest. */
	deposit_krw: number;
	sample_krw: number;
	line_items: LineItem[];
	lead_time_days: number;
	/** ISO date, the last valid day. */
	valid_until: string;
	notes: string;
}

/** Line items as stored: exactly these fields (JSON). */
function lineItems(items: readonly LineItem[]) {
	return items.map((i) => ({ label: i.label, unit_price_krw: i.unit_price_krw, quantity: i.quantity }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** The request as the caller may see it (RLS), with what the quotes page shows; null when hidden. */
export async function requestSummary(tx: Tx, requestId: string): Promise<RequestSummary | null> {
	if (!isUuid(requestId)) return null;
	const [r] = await tx<RequestSummary[]>`
		select r.id, r.title, r.status, r.owner_id, r.visibility, r.deadline::text as deadline, r.quantity,
		       r.budget_min_krw, r.budget_max_krw, c.name_ko as company_name_ko, c.name_en as company_name_en
		from public.requests r left join public.companies c on c.id = r.company_id
		where r.id = ${requestId}`;
	return r ?? null;
}

/** Workshops the caller speaks for: its own, and as a manager the members without an account. */
export async function actingWorkshops(tx: Tx, userId: string): Promise<ActingWorkshop[]> {
	return tx<ActingWorkshop[]>`
		select w.id, w.name_ko, w.name_en, w.slug, w.owner_id is not distinct from ${userId}::uuid as own
		from public.workshops w
		where (select private.acts_for_workshop(w.id))
		order by (w.owner_id is not distinct from ${userId}::uuid) desc, w.name_ko, w.id`;
}

async function attach(tx: Tx, quotes: Omit<Quote, 'revisions' | 'files' | 'state'>[], today: Date): Promise<Quote[]> {
	if (quotes.length === 0) return [];
	const ids = quotes.map((q) => q.id);
	const revisions = await tx<(QuoteRevision & { quote_id: string })[]>`
		select quote_id, revision, price_krw, vat_krw, deposit_krw, sample_krw, lead_time_days, valid_until::text as valid_until,
		       notes, answered_note, created_at
		from public.quote_revisions where quote_id = any(${ids}::uuid[]) order by revision desc`;
	const files = await tx<(QuoteFile & { quote_id: string })[]>`
		select id, quote_id, filename, content_type, size_bytes
		from public.attachments where quote_id = any(${ids}::uuid[]) order by created_at, filename`;
	return quotes.map((q) => ({
		...q,
		state: effectiveState(q.status, q.valid_until, today),
		revisions: revisions.filter((r) => r.quote_id === q.id).map(({ quote_id: _, ...r }) => r),
		files: files.filter((f) => f.quote_id === q.id).map(({ quote_id: _, ...f }) => f)
	}));
}

function select(tx: Tx, requestId: string, workshopId: string | null, quoteId: string | null) {
	return tx<Omit<Quote, 'revisions' | 'files' | 'state'>[]>`
		select q.id, q.request_id, q.workshop_id, w.name_ko as workshop_name_ko, w.name_en as workshop_name_en,
		       w.slug as workshop_slug, q.status, q.price_krw, q.vat_krw, q.vat_included, q.deposit_krw, q.sample_krw, q.line_items,
		       q.lead_time_days, q.valid_until::text as valid_until,
		       q.notes, q.revision, q.revision_note, q.reason, q.created_at, q.updated_at
		from public.quotes q
		left join public.workshops w on w.id = q.workshop_id
		where q.request_id = ${requestId}
		  and (${workshopId}::uuid is null or q.workshop_id = ${workshopId}::uuid)
		  and (${quoteId}::uuid is null or q.id = ${quoteId}::uuid)
		order by (q.status in ('submitted', 'revision_requested', 'accepted')) desc, q.price_krw, q.created_at`;
}

/** Every quote on the request the caller may see: all of them for its owner, RLS decides. */
export async function forRequest(tx: Tx, requestId: string, today = new Date()): Promise<Quote[]> {
	if (!isUuid(requestId)) return [];
	return attach(tx, await select(tx, requestId, null, null), today);
}

/** One workshop's quotes on the request, newest live one first; never another workshop's. */
export async function forWorkshop(tx: Tx, requestId: string, workshopId: string, today = new Date()): Promise<Quote[]> {
	if (!isUuid(requestId) || !isUuid(workshopId)) return [];
	const quotes = await attach(tx, await select(tx, requestId, workshopId, null), today);
	return quotes.sort((a, b) => Number(isLiveRow(b)) - Number(isLiveRow(a)) || +b.created_at - +a.created_at);
}

const isLiveRow = (q: Pick<Quote, 'status'>) => ['submitted', 'revision_requested', 'accepted'].includes(q.status);

export async function byId(tx: Tx, quoteId: string, today = new Date()): Promise<Quote | null> {
	if (!isUuid(quoteId)) return null;
	const [row] = await tx<{ request_id: string }[]>`select request_id from public.quotes where id = ${quoteId}`;
	if (!row) return null;
	const [q] = await attach(tx, await select(tx, row.request_id, null, quoteId), today);
	return q ?? null;
}

/** The workshop's live quote on the request (at most one, by a unique index). */
export function liveQuote(quotes: readonly Quote[]): Quote | undefined {
	return quotes.find(isLiveRow);
}

export type WriteResult =
	| { ok: true; id: string }
	| { ok: false; error: QuoteError | 'err_not_found' | 'err_quote_not_allowed' | 'err_quote_request_closed' | 'err_quote_exists' };

/** Maps the database's refusals to the messages a user understands. */
function refusal(e: unknown): WriteResult | null {
	const code = (e as postgres.PostgresError)?.code;
	if (code === '42501') return { ok: false, error: msg('err_not_your_move') };
	if (code === '23514') return { ok: false, error: msg('err_illegal_transition') };
	if (code === '23505') return { ok: false, error: msg('err_quote_exists') };
	return null;
}

async function guarded(tx: Tx, fn: (sp: Tx) => Promise<WriteResult>): Promise<WriteResult> {
	try {
		return await tx.savepoint<WriteResult>((sp) => fn(sp));
	} catch (e) {
		const mapped = refusal(e);
		if (mapped) return mapped;
		if ((e as postgres.PostgresError)?.code === '42501' || /row-level security/.test(String(e)))
			return { ok: false, error: msg('err_quote_not_allowed') };
		throw e;
	}
}

/**
 * A workshop's first (or, after a decline or withdrawal, new) quote. On a public request the workshop
 * joins as a participant first ('self'); on an invited-only one it must already take part.
 */
export async function submit(
	tx: Tx,
	input: { requestId: string; workshopId: string; userId: string; submissionKey?: string | null } & QuoteTerms
): Promise<WriteResult> {
	const request = await requestSummary(tx, input.requestId);
	if (!request) return { ok: false, error: msg('err_not_found') };
	if (request.status !== 'open') return { ok: false, error: msg('err_quote_request_closed') };
	return guarded(tx, async (sp) => {
		if (request.visibility === 'public') {
			await sp`insert into public.request_participants (request_id, workshop_id, source)
				select ${input.requestId}, ${input.workshopId}, 'self'
				where not exists (select 1 from public.request_participants
				                  where request_id = ${input.requestId} and workshop_id = ${input.workshopId})
				on conflict do nothing`;
		}
		const id = randomUUID();
		await sp`insert into public.quotes (id, request_id, workshop_id, price_krw, vat_krw, vat_included, deposit_krw, sample_krw,
		                                    line_items, lead_time_days, valid_until, notes, submitted_by, submission_key)
			values (${id}, ${input.requestId}, ${input.workshopId}, ${input.price_krw}, ${input.vat_krw}, ${input.vat_included},
			        ${input.deposit_krw}, ${input.sample_krw}, ${sp.json(lineItems(input.line_items))}, ${input.lead_time_days},
			        ${input.valid_until}, ${input.notes}, ${input.userId}, ${input.submissionKey ?? null})`;
		return { ok: true, id };
	}).then((r) => (!r.ok && r.error === 'err_not_your_move' ? { ok: false, error: msg('err_quote_not_allowed') } : r));
}

export interface MoveInput {
	quote: Pick<Quote, 'id' | 'status' | 'valid_until'>;
	move: QuoteTransition;
	actor: Actor;
	/** The counter-offer note (request_revision) or the reason (decline, withdraw). */
	note?: string | null;
	/** New terms, for revise. */
	terms?: QuoteTerms;
	/** revise: the form's key, written on the quote (see madeWith). */
	submissionKey?: string | null;
	today?: Date;
}

/**
 * Applies one move of the quote state machine. Checked first by `transition` (so the answer names
 * what is wrong), then by the database's trigger, which has the last word.
 */
export async function move(tx: Tx, input: MoveInput): Promise<WriteResult> {
	const { quote, move: name, actor } = input;
	const checked = transition(effectiveState(quote.status, quote.valid_until, input.today ?? new Date()), name, actor, input.note);
	if (!checked.ok) return checked;
	const note = input.note?.trim() ?? null;
	return guarded(tx, async (sp) => {
		let rows: readonly unknown[];
		switch (name) {
			case 'request_revision':
				rows = await sp`update public.quotes set status = 'revision_requested', revision_note = ${note}
					where id = ${quote.id} returning id`;
				break;
			case 'accept':
				rows = await sp`update public.quotes set status = 'accepted' where id = ${quote.id} returning id`;
				break;
			case 'decline':
				rows = await sp`update public.quotes set status = 'declined', reason = ${note} where id = ${quote.id} returning id`;
				break;
			case 'withdraw':
				rows = await sp`update public.quotes set status = 'withdrawn', reason = ${note} where id = ${quote.id} returning id`;
				break;
			case 'revise': {
				const t = input.terms;
				if (!t) return { ok: false, error: msg('err_illegal_transition') };
				const key = input.submissionKey ?? null;
				// Not this form's revision already: a second post waiting on the first's row lock skips it.
				rows = await sp`update public.quotes
					set status = 'submitted', price_krw = ${t.price_krw}, vat_krw = ${t.vat_krw}, vat_included = ${t.vat_included},
					    deposit_krw = ${t.deposit_krw}, sample_krw = ${t.sample_krw}, line_items = ${sp.json(lineItems(t.line_items))},
					    lead_time_days = ${t.lead_time_days}, valid_until = ${t.valid_until}, notes = ${t.notes}, submission_key = ${key}
					where id = ${quote.id} and (${key}::uuid is null or submission_key is distinct from ${key}) returning id`;
				break;
			}
			default:
				return { ok: false, error: msg('err_illegal_transition') };
		}
		return rows.length ? { ok: true, id: quote.id } : { ok: false, error: msg('err_not_found') };
	});
}

/**
 * The quote a form's earlier post made with this key (a second post of the same quote form): its id,
 * and whether that post was a revision (the quote counts more than one version) or the first quote.
 */
export async function madeWith(tx: Tx, workshopId: string, submissionKey: string | null): Promise<{ id: string; revised: boolean } | null> {
	if (!submissionKey || !isUuid(workshopId)) return null;
	const [row] = await tx<{ id: string; revision: number }[]>`
		select id, revision from public.quotes where workshop_id = ${workshopId} and submission_key = ${submissionKey}`;
	return row ? { id: row.id, revised: row.revision > 1 } : null;
}

// ---------------------------------------------------------------- files of quotes and messages

export const MAX_FILES = 3;
export { MAX_QUOTE_FILE_BYTES } from '$lib/domain/uploads';

/** A storage-safe version of a file name (the original is kept in attachments.filename). */
export function storageName(filename: string): string {
	const dot = filename.lastIndexOf('.');
	const ext =
		dot > 0
			? filename
					.slice(dot + 1)
					.replace(/[^A-Za-z0-9]/g, '')
					.slice(0, 10)
			: '';
	const base = (dot > 0 ? filename.slice(0, dot) : filename)
		.normalize('NFKD')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/^[-._]+|[-._]+$/g, '')
		.slice(0, 60);
	return `${base || 'file'}${ext ? `.${ext}` : ''}`;
}

/**
 * Stores files under `requests/<request>/<folder>/<uuid>-<name>` and records them in attachments
 * (belonging to a quote or a message). The rows go in first so RLS refuses a stranger before anything
 * is written; a storage failure removes what was written and throws (the transaction rolls back).
 * Pass a staged store (withUserFiles), so that a later failure of the transaction removes them too.
 */
export async function storeFiles(
	tx: Tx,
	store: StoragePort,
	opts: { requestId: string; quoteId?: string; messageId?: string; userId: string; folder: 'quotes' | 'messages'; files: File[] }
): Promise<QuoteFile[]> {
	const written: string[] = [];
	const saved: QuoteFile[] = [];
	try {
		for (const file of opts.files) {
			const id = randomUUID();
			const path = `requests/${opts.requestId}/${opts.folder}/${id}-${storageName(file.name)}`;
			const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
			const filename = file.name.slice(0, 255) || 'file';
			await tx`insert into public.attachments (id, request_id, quote_id, message_id, path, filename, content_type, size_bytes, uploaded_by)
				values (${id}, ${opts.requestId}, ${opts.quoteId ?? null}, ${opts.messageId ?? null}, ${path}, ${filename},
				        ${contentType}, ${file.size}, ${opts.userId})`;
			await store.put(path, new Uint8Array(await file.arrayBuffer()), contentType);
			written.push(path);
			saved.push({ id, filename, content_type: contentType, size_bytes: file.size });
		}
	} catch (e) {
		await store.remove(written).catch(() => {});
		throw e;
	}
	return saved;
}

export interface OpenedFile {
	path: string;
	filename: string;
	content_type: string;
	size_bytes: number;
}

/**
 * Opens a file of a quote or a message for download: the database checks the caller may, logs the
 * opening (the owner sees it) and gives back its place; null when not allowed or not found.
 */
export async function openFile(
	tx: Tx,
	attachmentId: string,
	belongsTo: { requestId: string; quoteOrMessage: 'quote' | 'message' }
): Promise<OpenedFile | null> {
	if (!isUuid(attachmentId) || !isUuid(belongsTo.requestId)) return null;
	const [meta] = await tx<{ quote_id: string | null; message_id: string | null }[]>`
		select quote_id, message_id from public.attachments where id = ${attachmentId} and request_id = ${belongsTo.requestId}`;
	if (!meta) return null;
	if (belongsTo.quoteOrMessage === 'quote' ? !meta.quote_id : !meta.message_id) return null;
	try {
		const [file] = await tx.savepoint((sp) => sp<OpenedFile[]>`select * from private.open_attachment(${attachmentId})`);
		return file ?? null;
	} catch (e) {
		if ((e as postgres.PostgresError)?.code === '42501') return null;
		throw e;
	}
}

/** Workshops taking part in a request or quoting on it (as the caller may see them). */
export async function takingPart(tx: Tx, requestId: string): Promise<string[]> {
	const rows = await tx<{ workshop_id: string }[]>`
		select workshop_id from public.request_participants where request_id = ${requestId}
		union select workshop_id from public.quotes where request_id = ${requestId}`;
	return rows.map((r) => r.workshop_id);
}
