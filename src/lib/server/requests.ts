// Data module: requests for manufacturing, their participants and their routing to craft clusters.
// Every function runs in the caller's RLS transaction (withUser): PostgreSQL decides who sees and
// changes what; these functions only say what to do, and explain refusals with message keys.
import { specialtyClusters } from '$lib/domain/matching';
import { availableTransitions, transition, type RequestState, type RequestTransition } from '$lib/domain/request-states';
import { TEMPLATES, type RequestInput } from '$lib/domain/request-templates';
import { craftClusters } from './clusters';
import type { Tx } from './db';
import type { Tables } from './db/database.types';
import type { StoragePort } from './storage/port';
import { msg } from '$lib/msg';

/** A request as COLUMNS reads it: the row without its award, its deadline an ISO date, its details typed by its template. */
export type Request = Omit<Tables<'requests'>, 'awarded_quote_id' | 'deadline' | 'details'> & {
	/** ISO date, the last day the goods may arrive. */
	deadline: string | null;
	details: Record<string, unknown>;
};

export type RequestListItem = Pick<
	Request,
	'id' | 'title' | 'template' | 'status' | 'visibility' | 'nda_required' | 'quantity' | 'deadline' | 'published_at' | 'updated_at'
> & {
	attachment_count: number;
	participant_count: number;
};

const COLUMNS = (tx: Tx) => tx`
	r.id, r.owner_id, r.company_id, r.template, r.trade_code, r.title, r.description, r.details, r.quantity,
	r.budget_min_krw, r.budget_max_krw, r.deadline::text as deadline, r.delivery_place, r.visibility, r.nda_required,
	r.nda_text, r.required_processes, r.lat, r.lng, r.status, r.published_at, r.created_at, r.updated_at`;

/** The request's own trades: its KSIC code when set, else its template's. */
export function tradeCodes(request: Pick<Request, 'trade_code' | 'template'>): readonly string[] {
	return request.trade_code ? [request.trade_code] : TEMPLATES[request.template].tradeCodes;
}

function values(input: RequestInput) {
	return {
		template: input.template,
		title: input.title,
		description: input.description,
		details: input.details,
		quantity: input.quantity,
		budget_min_krw: input.budget_min_krw,
		budget_max_krw: input.budget_max_krw,
		deadline: input.deadline,
		delivery_place: input.delivery_place,
		lat: input.lat,
		lng: input.lng,
		visibility: input.visibility,
		nda_required: input.nda_required,
		// Kept while unticked, so ticking the box again brings the owner's text back.
		nda_text: input.nda_text || null,
		required_processes: input.required_processes
	};
}

export async function byId(tx: Tx, id: string): Promise<Request | null> {
	const [row] = await tx<Request[]>`select ${COLUMNS(tx)} from public.requests r where r.id = ${id}`;
	return row ?? null;
}

/** Requests by id, in one query (those the caller may not see are left out). */
export function byIds(tx: Tx, ids: readonly string[]): Promise<Request[]> {
	if (ids.length === 0) return Promise.resolve([]);
	return tx<Request[]>`select ${COLUMNS(tx)} from public.requests r where r.id = any(${ids as string[]}::uuid[])`;
}

/** A new draft of the owner (a startup), at its delivery place, else at its company (the database copies that). */
/**
 * Creates a draft. With a submission key (made once with the empty form), a second post of the same
 * form creates nothing: it waits for the first and answers its request, `created: false`.
 */
export async function create(
	tx: Tx,
	ownerId: string,
	companyId: string | null,
	input: RequestInput,
	submissionKey: string | null = null
): Promise<{ id: string; created: boolean }> {
	const v = values(input);
	const [row] = await tx<{ id: string }[]>`
		insert into public.requests (owner_id, company_id, template, title, description, details, quantity, budget_min_krw,
			budget_max_krw, deadline, delivery_place, lat, lng, visibility, nda_required, nda_text, required_processes, status, submission_key)
		values (${ownerId}, ${companyId}, ${v.template}, ${v.title}, ${v.description}, ${tx.json(v.details)}, ${v.quantity},
			${v.budget_min_krw}, ${v.budget_max_krw}, ${v.deadline}, ${v.delivery_place}, ${v.lat}, ${v.lng}, ${v.visibility}, ${v.nda_required},
			${v.nda_text}, ${v.required_processes}, 'draft', ${submissionKey})
		on conflict (owner_id, submission_key) where submission_key is not null do nothing
		returning id`;
	if (!row) {
		const [first] = await tx<{ id: string }[]>`
			select id from public.requests where owner_id = ${ownerId} and submission_key = ${submissionKey}`;
		return { id: first.id, created: false };
	}
	return { id: row.id, created: true };
}

/**
 * Saves the owner's edits. Once published, the confidentiality terms stay what workshops accepted:
 * they are not written (the database would refuse a change).
 */
export async function update(tx: Tx, request: Request, input: RequestInput): Promise<void> {
	const v = values(input);
	const locked = request.published_at !== null;
	await tx`
		update public.requests set
			template = ${v.template}, title = ${v.title}, description = ${v.description}, details = ${tx.json(v.details)},
			quantity = ${v.quantity}, budget_min_krw = ${v.budget_min_krw}, budget_max_krw = ${v.budget_max_krw},
			deadline = ${v.deadline}, delivery_place = ${v.delivery_place}, lat = ${v.lat}, lng = ${v.lng}, visibility = ${v.visibility},
			nda_required = ${locked ? request.nda_required : v.nda_required},
			nda_text = ${locked ? request.nda_text : v.nda_text},
			required_processes = ${v.required_processes}
		where id = ${request.id}`;
}

/** The owner's requests, drafts included, most recently changed first. */
export function listOwned(tx: Tx, ownerId: string): Promise<RequestListItem[]> {
	return tx<RequestListItem[]>`
		select r.id, r.title, r.template, r.status, r.visibility, r.nda_required, r.quantity, r.deadline::text as deadline,
		       r.published_at, r.updated_at,
		       (select count(*)::int from public.attachments a where a.request_id = r.id and a.quote_id is null and a.message_id is null) as attachment_count,
		       (select count(*)::int from public.request_participants p where p.request_id = r.id and p.declined_at is null) as participant_count
		from public.requests r where r.owner_id = ${ownerId}
		order by r.updated_at desc`;
}

/**
 * Open requests the user sees but does not own: public ones and those their workshop takes part in,
 * except those the user's workshop declined.
 */
export function listOpenForWorkshops(tx: Tx, userId: string, limit = 50): Promise<RequestListItem[]> {
	return tx<RequestListItem[]>`
		select r.id, r.title, r.template, r.status, r.visibility, r.nda_required, r.quantity, r.deadline::text as deadline,
		       r.published_at, r.updated_at, 0 as attachment_count, 0 as participant_count
		from public.requests r
		where r.status = 'open' and r.owner_id <> ${userId}
		  and not exists (select 1 from public.request_participants p join public.workshops w on w.id = p.workshop_id
		                  where p.request_id = r.id and w.owner_id = ${userId} and p.declined_at is not null)
		order by r.published_at desc limit ${limit}`;
}

/**
 * Deletes a draft of the owner with everything hanging off it, and then its files in storage (pass a
 * staged store, so the files go only once the deletion is committed). Only drafts: once published,
 * someone may have opened its files. False when there was no such draft of the caller's (RLS).
 */
export async function removeDraft(tx: Tx, store: StoragePort, request: Pick<Request, 'id' | 'status'>): Promise<boolean> {
	if (request.status !== 'draft') return false;
	const files = await tx<{ path: string }[]>`select path from public.attachments where request_id = ${request.id}`;
	const deleted = await tx`delete from public.requests where id = ${request.id} and status = 'draft' returning id`;
	if (deleted.length === 0) return false;
	if (files.length) await store.remove(files.map((f) => f.path));
	return true;
}

// ---------------------------------------------------------------- state and routing

export type MoveResult = { ok: true; to: RequestState } | { ok: false; error: string };

/** The moves the owner is offered: awarding happens by accepting a quote, never from a button. */
export function ownerMoves(state: RequestState): RequestTransition[] {
	return availableTransitions(state).filter((t) => t !== 'award');
}

/**
 * Moves the request through the state machine (checked here first to explain, and again by the
 * database's trigger). Publishing also routes the request to the craft clusters whose specialty fits.
 */
export async function move(tx: Tx, request: Request, name: string): Promise<MoveResult> {
	if (!(ownerMoves(request.status) as string[]).includes(name)) return { ok: false, error: msg('request_err_transition') };
	const next = transition(request.status, name);
	if (!next.ok) return { ok: false, error: msg('request_err_transition') };
	// A request reaches workshops only from a confirmed address (an unconfirmed account may draft).
	if (name === 'publish' && !(await emailConfirmed(tx))) return { ok: false, error: msg('err_email_unconfirmed') };
	const updated = await tx`update public.requests set status = ${next.to} where id = ${request.id} returning id`;
	if (updated.length === 0) return { ok: false, error: msg('request_err_not_allowed') };
	if (name === 'publish') await route(tx, request);
	return { ok: true, to: next.to };
}

/** The caller has confirmed their email address (auth.users is not readable by the API roles). */
export async function emailConfirmed(tx: Tx): Promise<boolean> {
	const [row] = await tx<{ confirmed: boolean }[]>`select private.email_confirmed() as confirmed`;
	return row.confirmed;
}

/** Routes the request to every craft cluster whose specialty trade is one of the request's trades. */
export async function route(tx: Tx, request: Pick<Request, 'id' | 'trade_code' | 'template'>): Promise<string[]> {
	const clusters = await craftClusters(tx);
	const slugs = new Set(specialtyClusters(clusters, tradeCodes(request)));
	const ids = clusters.filter((c) => slugs.has(c.slug)).map((c) => c.id);
	for (const id of ids) {
		await tx`insert into public.request_clusters (request_id, cluster_id) values (${request.id}, ${id}) on conflict do nothing`;
	}
	return ids;
}

export interface RoutedCluster {
	id: string;
	slug: string;
	name_ko: string;
	name_en: string | null;
}

export function routedClusters(tx: Tx, requestId: string): Promise<RoutedCluster[]> {
	return tx<RoutedCluster[]>`
		select c.id, c.slug, c.name_ko, c.name_en from public.request_clusters rc join public.clusters c on c.id = rc.cluster_id
		where rc.request_id = ${requestId} order by c.name_ko`;
}

// ---------------------------------------------------------------- participants

export type ParticipantSource = 'invited' | 'recommended' | 'forwarded' | 'self';

export interface Participant {
	workshop_id: string;
	source: ParticipantSource;
	note: string | null;
	nda_accepted_at: Date | null;
	declined_at: Date | null;
	/** Why the workshop declined, when it said. */
	decline_reason: string | null;
	created_at: Date;
	name_ko: string;
	name_en: string | null;
	slug: string;
	/** A member without an account: its cluster's managers act for it. */
	offline: boolean;
}

export function participants(tx: Tx, requestId: string): Promise<Participant[]> {
	return tx<Participant[]>`
		select p.workshop_id, p.source, p.note, p.nda_accepted_at, p.declined_at, p.decline_reason, p.created_at,
		       w.name_ko, w.name_en, w.slug, w.owner_id is null as offline
		from public.request_participants p join public.workshops w on w.id = p.workshop_id
		where p.request_id = ${requestId}
		order by p.created_at`;
}

export async function participant(tx: Tx, requestId: string, workshopId: string): Promise<Participant | null> {
	const [row] = await tx<Participant[]>`
		select p.workshop_id, p.source, p.note, p.nda_accepted_at, p.declined_at, p.decline_reason, p.created_at,
		       w.name_ko, w.name_en, w.slug, w.owner_id is null as offline
		from public.request_participants p join public.workshops w on w.id = p.workshop_id
		where p.request_id = ${requestId} and p.workshop_id = ${workshopId}`;
	return row ?? null;
}

/** The owner invites a workshop (open requests only; RLS checks ownership). Inviting twice changes nothing. */
export async function invite(tx: Tx, requestId: string, workshopId: string, ownerId: string): Promise<void> {
	await tx`
		insert into public.request_participants (request_id, workshop_id, source, invited_by)
		values (${requestId}, ${workshopId}, 'invited', ${ownerId})
		on conflict (request_id, workshop_id) do nothing`;
}

/** A workshop joins a public open request by itself, unless it already takes part (a second post of the join too). */
export async function join(tx: Tx, requestId: string, workshopId: string): Promise<void> {
	if (await participant(tx, requestId, workshopId)) return;
	await tx`insert into public.request_participants (request_id, workshop_id, source) values (${requestId}, ${workshopId}, 'self')
		on conflict (request_id, workshop_id) do nothing`;
}

/**
 * The workshop accepts the request's NDA (the database stamps when and who). On a public request a
 * workshop that was not invited joins first.
 */
export async function acceptNda(tx: Tx, requestId: string, workshopId: string): Promise<void> {
	await join(tx, requestId, workshopId);
	await tx`
		update public.request_participants set nda_accepted_at = now()
		where request_id = ${requestId} and workshop_id = ${workshopId} and nda_accepted_at is null`;
}

export const MAX_DECLINE_REASON = 1000;

export type DeclineResult =
	{ ok: true } | { ok: false; error: 'request_err_decline_quote' | 'request_err_already_declined' | 'request_err_not_allowed' };

/** A live quote of the workshop on the request: it withdraws that rather than declining. */
export async function hasLiveQuote(tx: Tx, requestId: string, workshopId: string): Promise<boolean> {
	const rows = await tx`
		select 1 from public.quotes where request_id = ${requestId} and workshop_id = ${workshopId}
		  and status in ('submitted', 'revision_requested', 'accepted')`;
	return rows.length > 0;
}

/**
 * The workshop declines the request, with an optional reason (the database stamps when, refuses a
 * second decline and a decline while a live quote stands, and tells the owner). A workshop not yet
 * taking part in a public request joins and declines at once, so it is no longer recommended it.
 */
export async function decline(tx: Tx, requestId: string, workshopId: string, reason: string): Promise<DeclineResult> {
	const before = await participant(tx, requestId, workshopId);
	if (before?.declined_at) return { ok: false, error: msg('request_err_already_declined') };
	if (await hasLiveQuote(tx, requestId, workshopId)) return { ok: false, error: msg('request_err_decline_quote') };
	try {
		return await tx.savepoint(async (sp): Promise<DeclineResult> => {
			// Two declines posted at once (a double click): the second waits for the first's row here.
			if (!before)
				await sp`insert into public.request_participants (request_id, workshop_id, source) values (${requestId}, ${workshopId}, 'self')
					on conflict (request_id, workshop_id) do nothing`;
			const rows = await sp`
				update public.request_participants set declined_at = now(), decline_reason = ${reason.trim() || null}
				where request_id = ${requestId} and workshop_id = ${workshopId} and declined_at is null
				returning workshop_id`;
			if (rows.length) return { ok: true };
			const now = await participant(sp, requestId, workshopId);
			return { ok: false, error: now?.declined_at ? msg('request_err_already_declined') : msg('request_err_not_allowed') };
		});
	} catch (e) {
		// RLS (not allowed to join or to act for the workshop) or the trigger (a quote arrived meanwhile).
		const code = (e as { code?: string }).code;
		if (code === '42501') return { ok: false, error: msg('request_err_not_allowed') };
		if (code === '23514') return { ok: false, error: msg('request_err_decline_quote') };
		throw e;
	}
}

// ---------------------------------------------------------------- cluster managers

/** Whether the user manages a cluster the request is routed to. */
export async function managesRouted(tx: Tx, requestId: string, userId: string): Promise<boolean> {
	const [row] = await tx<{ yes: boolean }[]>`
		select exists (
			select 1 from public.request_clusters rc join public.cluster_managers cm on cm.cluster_id = rc.cluster_id
			where rc.request_id = ${requestId} and cm.user_id = ${userId}) as yes`;
	return row.yes;
}

export interface ForwardCandidate {
	workshop_id: string;
	name_ko: string;
	name_en: string | null;
	offline: boolean;
	cluster_name_ko: string;
	cluster_name_en: string | null;
}

/** Approved members of the manager's routed clusters not yet taking part; members not online first. */
export async function forwardCandidates(tx: Tx, requestId: string, userId: string): Promise<ForwardCandidate[]> {
	return (await forwardCandidatesOf(tx, [requestId], userId)).get(requestId) ?? [];
}

/** forwardCandidates of several requests in one query (the inbox), by request id. */
export async function forwardCandidatesOf(tx: Tx, requestIds: readonly string[], userId: string): Promise<Map<string, ForwardCandidate[]>> {
	const byRequest = new Map<string, ForwardCandidate[]>();
	if (requestIds.length === 0) return byRequest;
	const rows = await tx<(ForwardCandidate & { request_id: string })[]>`
		select distinct on (rc.request_id, w.owner_id is not null, w.name_ko, w.id)
		       rc.request_id, w.id as workshop_id, w.name_ko, w.name_en, w.owner_id is null as offline,
		       c.name_ko as cluster_name_ko, c.name_en as cluster_name_en
		from public.request_clusters rc
		join public.cluster_managers cm on cm.cluster_id = rc.cluster_id and cm.user_id = ${userId}
		join public.clusters c on c.id = rc.cluster_id
		join public.cluster_memberships m on m.cluster_id = rc.cluster_id and m.status = 'approved'
		join public.workshops w on w.id = m.workshop_id
		where rc.request_id = any(${requestIds as string[]}::uuid[])
		  and not exists (select 1 from public.request_participants p where p.request_id = rc.request_id and p.workshop_id = w.id)
		order by rc.request_id, w.owner_id is not null, w.name_ko, w.id`;
	for (const { request_id, ...candidate } of rows) {
		const list = byRequest.get(request_id);
		if (list) list.push(candidate);
		else byRequest.set(request_id, [candidate]);
	}
	return byRequest;
}

/**
 * A manager forwards the request to a member of a routed cluster, with a recommendation note. The same
 * forward posted again (a double click, a retried request) is done already; a workshop taking part
 * otherwise is refused (as a state the forward cannot be made in).
 */
export async function forward(tx: Tx, requestId: string, workshopId: string, managerId: string, note: string): Promise<void> {
	const made = await tx`
		insert into public.request_participants (request_id, workshop_id, source, invited_by, note)
		values (${requestId}, ${workshopId}, 'forwarded', ${managerId}, ${note || null})
		on conflict (request_id, workshop_id) do nothing returning workshop_id`;
	if (made.length) return;
	const same = await tx`select 1 from public.request_participants
		where request_id = ${requestId} and workshop_id = ${workshopId} and source = 'forwarded' and invited_by = ${managerId}`;
	if (!same.length) throw Object.assign(new Error('the workshop takes part already'), { code: '23514' });
}

export type InboxItem = Pick<
	Request,
	'id' | 'title' | 'template' | 'status' | 'quantity' | 'deadline' | 'published_at' | 'nda_required'
> & {
	cluster_id: string;
	cluster_name_ko: string;
	cluster_name_en: string | null;
	forwarded: number;
};

/** Requests routed to the clusters the user manages, newest first. */
export function inbox(tx: Tx, userId: string, limit = 100): Promise<InboxItem[]> {
	return tx<InboxItem[]>`
		select r.id, r.title, r.template, r.status, r.quantity, r.deadline::text as deadline, r.published_at, r.nda_required,
		       c.id as cluster_id, c.name_ko as cluster_name_ko, c.name_en as cluster_name_en,
		       (select count(*)::int from public.request_participants p where p.request_id = r.id and p.source = 'forwarded') as forwarded
		from public.request_clusters rc
		join public.cluster_managers cm on cm.cluster_id = rc.cluster_id and cm.user_id = ${userId}
		join public.requests r on r.id = rc.request_id
		join public.clusters c on c.id = rc.cluster_id
		order by r.published_at desc nulls last, r.id, c.name_ko
		limit ${limit}`;
}

/** How many open requests wait in the manager's inbox (for the dashboard). */
export async function openInInbox(tx: Tx, userId: string): Promise<number> {
	const [row] = await tx<{ n: number }[]>`
		select count(distinct r.id)::int as n
		from public.request_clusters rc
		join public.cluster_managers cm on cm.cluster_id = rc.cluster_id and cm.user_id = ${userId}
		join public.requests r on r.id = rc.request_id
		where r.status = 'open'`;
	return row.n;
}
