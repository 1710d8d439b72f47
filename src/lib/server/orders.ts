// Orders: the deal after a quote is accepted. Every function takes the caller's RLS transaction:
// PostgreSQL decides who sees an order (its two parties, the managers of the clusters its request was
// routed to, the operator) and its trigger enforces the state machine; this module checks a move with
// the domain's `transition` first so that the answer names what is wrong, then writes exactly the
// columns the move changes. Money moves in the database as a consequence of the move (order_changed).
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import type { MilestoneKind, LineItem } from '$lib/domain/money';
import {
	transition,
	type MoveInput,
	type OrderActor,
	type OrderError,
	type OrderFacts,
	type OrderState,
	type OrderTransition
} from '$lib/domain/order-states';
import type { Tx } from './db';
import type { Tables } from './db/database.types';
import { isUuid, storageName } from './quotes';
import type { StoragePort } from './storage/port';
import type { ProviderKind } from './payments/port';
import { msg } from '$lib/msg';

export type Milestone = Pick<
	Tables<'order_milestones'>,
	'id' | 'seq' | 'amount_krw' | 'reference' | 'paid_at' | 'released_at' | 'paid_out_at'
> & {
	kind: MilestoneKind;
	paid_via: ProviderKind | null;
	status: 'pending' | 'held' | 'released' | 'refunded';
};

export interface OrderEvent {
	id: number;
	kind: string;
	actor_name: string | null;
	payload: Record<string, unknown>;
	created_at: Date;
	files: OrderFile[];
}

export interface OrderFile {
	id: string;
	filename: string;
	content_type: string;
	size_bytes: number;
}

export type Order = Pick<
	Tables<'orders'>,
	| 'id'
	| 'number'
	| 'request_id'
	| 'quote_id'
	| 'workshop_id'
	| 'buyer_id'
	| 'company_id'
	| 'title'
	| 'supply_krw'
	| 'vat_krw'
	| 'total_krw'
	| 'vat_included'
	| 'lead_time_days'
	| 'has_sample'
	| 'courier'
	| 'tracking_number'
	| 'reason'
	| 'refund_krw'
	| 'resolution_note'
	| 'shipped_at'
	| 'delivered_at'
	| 'auto_confirm_at'
	| 'completed_at'
	| 'created_at'
> & {
	status: OrderState;
	due_date: string;
	line_items: LineItem[];
	workshop_name_ko: string;
	workshop_name_en: string | null;
	workshop_slug: string;
	company_name_ko: string | null;
	company_name_en: string | null;
	buyer_name: string | null;
	milestones: Milestone[];
};

export type OrderSummary = Pick<Order, 'id' | 'number' | 'title' | 'status' | 'total_krw' | 'due_date' | 'created_at'> & {
	workshop_name_ko: string;
	workshop_name_en: string | null;
	company_name_ko: string | null;
	company_name_en: string | null;
	/** Which side the caller is on. */
	side: 'buyer' | 'workshop' | 'observer';
	/** What the caller should do next (pay, ship, confirm …), or null. */
	next_milestone_krw: number | null;
};

export async function byId(tx: Tx, id: string): Promise<Order | null> {
	if (!isUuid(id)) return null;
	const [order] = await tx<Omit<Order, 'milestones'>[]>`
		select o.id, o.number, o.request_id, o.quote_id, o.workshop_id, o.buyer_id, o.company_id, o.title, o.status,
		       o.supply_krw, o.vat_krw, o.total_krw, o.vat_included, o.line_items, o.lead_time_days, o.due_date::text as due_date,
		       o.has_sample, o.courier, o.tracking_number, o.reason, o.refund_krw, o.resolution_note, o.shipped_at,
		       o.delivered_at, o.auto_confirm_at, o.completed_at, o.created_at,
		       w.name_ko as workshop_name_ko, w.name_en as workshop_name_en, w.slug as workshop_slug,
		       c.name_ko as company_name_ko, c.name_en as company_name_en, p.display_name as buyer_name
		from public.orders o
		join public.workshops w on w.id = o.workshop_id
		left join public.companies c on c.id = o.company_id
		left join public.profiles p on p.id = o.buyer_id
		where o.id = ${id}`;
	if (!order) return null;
	const milestones = await tx<Milestone[]>`
		select id, seq, kind, amount_krw, status, reference, paid_at, paid_via, released_at, paid_out_at
		from public.order_milestones where order_id = ${id} order by seq`;
	return { ...order, milestones };
}

/** The order made from a quote, if the caller may see it. */
export async function idForQuote(tx: Tx, quoteId: string): Promise<string | null> {
	if (!isUuid(quoteId)) return null;
	const [row] = await tx<{ id: string }[]>`select id from public.orders where quote_id = ${quoteId}`;
	return row?.id ?? null;
}

/** The order of an awarded request, if the caller may see it. */
export async function idForRequest(tx: Tx, requestId: string): Promise<string | null> {
	if (!isUuid(requestId)) return null;
	const [row] = await tx<{ id: string }[]>`select id from public.orders where request_id = ${requestId}`;
	return row?.id ?? null;
}

/** Orders the caller takes part in or looks after, newest first (RLS decides which). */
export async function list(tx: Tx, userId: string, opts: { limit?: number; offset?: number } = {}): Promise<OrderSummary[]> {
	return tx<OrderSummary[]>`
		select o.id, o.number, o.title, o.status, o.total_krw, o.due_date::text as due_date, o.created_at,
		       w.name_ko as workshop_name_ko, w.name_en as workshop_name_en,
		       c.name_ko as company_name_ko, c.name_en as company_name_en,
		       case when o.buyer_id = ${userId}::uuid then 'buyer'
		            when (select private.acts_for_workshop(o.workshop_id)) then 'workshop' else 'observer' end as side,
		       (select m.amount_krw from public.order_milestones m where m.order_id = o.id and m.status = 'pending'
		        order by m.seq limit 1) as next_milestone_krw
		from public.orders o
		join public.workshops w on w.id = o.workshop_id
		left join public.companies c on c.id = o.company_id
		order by (o.status in ('completed', 'cancelled', 'resolved')), o.created_at desc, o.id
		limit ${opts.limit ?? 50} offset ${opts.offset ?? 0}`;
}

export async function count(tx: Tx): Promise<number> {
	const [row] = await tx<{ n: number }[]>`select count(*)::int as n from public.orders`;
	return row.n;
}

export async function timeline(tx: Tx, orderId: string): Promise<OrderEvent[]> {
	const events = await tx<Omit<OrderEvent, 'files'>[]>`
		select e.id, e.kind, p.display_name as actor_name, e.payload, e.created_at
		from public.order_events e left join public.profiles p on p.id = e.actor_id
		where e.order_id = ${orderId} order by e.id`;
	const files = await tx<(OrderFile & { event_id: number | null })[]>`
		select id, event_id, filename, content_type, size_bytes from public.order_files where order_id = ${orderId} order by created_at`;
	return events.map((e) => ({ ...e, files: files.filter((f) => Number(f.event_id) === Number(e.id)) }));
}

/** Who the caller is on this order: the buyer, the workshop, the operator, or someone who only looks. */
export async function actorOf(tx: Tx, order: Pick<Order, 'buyer_id' | 'workshop_id'>, userId: string): Promise<OrderActor | null> {
	if (order.buyer_id === userId) return 'buyer';
	const [row] = await tx<{ workshop: boolean; operator: boolean }[]>`
		select (select private.acts_for_workshop(${order.workshop_id})) as workshop, (select private.is_operator()) as operator`;
	if (row.workshop) return 'workshop';
	if (row.operator) return 'operator';
	return null;
}

export function facts(order: Pick<Order, 'status' | 'has_sample' | 'milestones'>): OrderFacts {
	return {
		state: order.status,
		has_sample: order.has_sample,
		all_paid: order.milestones.every((m) => m.status !== 'pending'),
		held_krw: order.milestones.filter((m) => m.status === 'held').reduce((sum, m) => sum + m.amount_krw, 0)
	};
}

/** again: a second post of the same move form (its submission key), which the first already made. */
export type MoveResult = { ok: true; eventId: number | null; again?: boolean } | { ok: false; error: OrderError | 'err_not_found' };

function refusal(e: unknown): MoveResult | null {
	const code = (e as postgres.PostgresError)?.code;
	if (code === '42501') return { ok: false, error: msg('err_not_your_move') };
	if (code === '23514') return { ok: false, error: msg('err_illegal_transition') };
	return null;
}

/**
 * Applies one move of the order machine for the caller. The domain checks it first (clear message),
 * then the database's trigger, which has the last word. Returns the timeline event the move wrote
 * (for attaching sample photos to it). With a submission key (made with the move's form), a second
 * post of the same move answers as the first (again, no event of its own) instead of being refused by
 * the state it left: a concurrent one waits for the first's row lock and then finds its key.
 */
export async function move(
	tx: Tx,
	order: Order,
	name: OrderTransition,
	actor: OrderActor,
	input: MoveInput = {},
	submissionKey: string | null = null
): Promise<MoveResult> {
	const madeWith = async (q: Tx) =>
		submissionKey !== null && (await q`select 1 from public.orders where id = ${order.id} and move_key = ${submissionKey}`).length > 0;
	if (await madeWith(tx)) return { ok: true, eventId: null, again: true };
	const checked = transition(facts(order), name, actor, input);
	if (!checked.ok) return checked;
	const reason = input.reason?.trim() || null;
	const key = submissionKey;
	// Not this key's move already (a null key never matches: every move without a key is its own).
	const fresh = tx`(${key}::uuid is null or move_key is distinct from ${key})`;
	try {
		return await tx.savepoint(async (sp) => {
			let rows: readonly unknown[];
			switch (name) {
				case 'cancel':
				case 'request_changes':
				case 'dispute':
					rows = await sp`update public.orders set status = ${checked.to}, reason = ${reason}, move_key = ${key}
						where id = ${order.id} and ${fresh} returning id`;
					break;
				case 'ship':
				case 'ship_direct':
					rows = await sp`update public.orders set status = 'shipped', courier = ${input.courier ?? null},
						tracking_number = ${input.courier === 'direct' ? null : (input.tracking_number ?? null)}, move_key = ${key}
						where id = ${order.id} and ${fresh} returning id`;
					break;
				case 'resolve':
					rows = await sp`update public.orders set status = 'resolved', refund_krw = ${input.refund_krw ?? 0},
						resolution_note = ${reason}, move_key = ${key} where id = ${order.id} and ${fresh} returning id`;
					break;
				default:
					rows = await sp`update public.orders set status = ${checked.to}, move_key = ${key}
						where id = ${order.id} and ${fresh} returning id`;
			}
			if (!rows.length && (await madeWith(sp))) return { ok: true, eventId: null, again: true } as const;
			if (!rows.length) return { ok: false, error: msg('err_not_found') } as const;
			const [event] = await sp<{ id: number }[]>`select max(id)::int as id from public.order_events where order_id = ${order.id}`;
			return { ok: true, eventId: event?.id ?? null } as const;
		});
	} catch (e) {
		const mapped = refusal(e);
		if (mapped) return mapped;
		throw e;
	}
}

/**
 * Stores files on an order (sample photos, shipping papers) under `orders/<order>/<uuid>-<name>`,
 * attached to a timeline event. Rows first, so RLS refuses a stranger before anything is written.
 */
export async function storeFiles(
	tx: Tx,
	store: StoragePort,
	opts: { orderId: string; eventId: number | null; userId: string; files: File[] }
): Promise<OrderFile[]> {
	const written: string[] = [];
	const saved: OrderFile[] = [];
	try {
		for (const file of opts.files) {
			const id = randomUUID();
			const path = `orders/${opts.orderId}/${id}-${storageName(file.name)}`;
			const contentType = /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : 'application/octet-stream';
			await tx`insert into public.order_files (id, order_id, event_id, path, filename, content_type, size_bytes, uploaded_by)
				values (${id}, ${opts.orderId}, ${opts.eventId}, ${path}, ${file.name.slice(0, 255) || 'file'}, ${contentType},
				        ${file.size}, ${opts.userId})`;
			await store.put(path, new Uint8Array(await file.arrayBuffer()), contentType);
			written.push(path);
			saved.push({ id, filename: file.name, content_type: contentType, size_bytes: file.size });
		}
	} catch (e) {
		await store.remove(written).catch(() => {});
		throw e;
	}
	return saved;
}

/** A file of the order for download, if the caller may see the order (RLS); null otherwise. */
export async function file(tx: Tx, orderId: string, fileId: string): Promise<(OrderFile & { path: string }) | null> {
	if (!isUuid(orderId) || !isUuid(fileId)) return null;
	const [row] = await tx<(OrderFile & { path: string })[]>`
		select id, path, filename, content_type, size_bytes from public.order_files where id = ${fileId} and order_id = ${orderId}`;
	return row ?? null;
}

/** Orders in a dispute, oldest first: the operator's queue. */
export async function disputed(tx: Tx): Promise<Pick<Order, 'id' | 'number' | 'title' | 'reason' | 'total_krw'>[]> {
	return tx<Pick<Order, 'id' | 'number' | 'title' | 'reason' | 'total_krw'>[]>`
		select id, number, title, reason, total_krw from public.orders where status = 'disputed' order by updated_at, id limit 100`;
}

/** Orders the user is a party to that are not finished (an account with these cannot be deleted). */
export async function runningFor(tx: Tx, userId: string): Promise<number> {
	const [row] = await tx<{ n: number }[]>`
		select count(*)::int as n from public.orders o
		where o.status not in ('completed', 'cancelled', 'resolved')
		  and (o.buyer_id = ${userId}::uuid or (select private.acts_for_workshop(o.workshop_id)))`;
	return row.n;
}
