// Data module: the paperwork of an order (purchase order, statement of transaction, tax-invoice data).
// Everything is read in the caller's RLS transaction: whoever cannot see the order gets null, and the
// parties' tax-invoice details come through business_details' policy (the other party of an order
// and its routed managers may read them).
import { emptyTaxParty, milestoneInvoiceable, splitVatOverMilestones, taxPartyFields, type TaxParty } from '$lib/domain/paperwork';
import type { OrderActor } from '$lib/domain/order-states';
import type { Tx } from './db';
import * as orders from './orders';
import { pick } from './pick';
import type { TaxInvoiceData } from './tax-invoices/port';

export interface Parties {
	/** editable: the caller owns the workshop (or company) and may fill what is missing. */
	supplier: TaxParty & { workshop_id: string; editable: boolean };
	buyer: (TaxParty & { company_id: string; editable: boolean }) | null;
	buyer_name: string | null;
}

export interface Paperwork {
	order: orders.Order;
	/** Who the caller is on this order (the workshop records tax invoices); null: a manager looking on. */
	actor: OrderActor | null;
	parties: Parties;
	/** Tax invoices recorded so far, by milestone. */
	issued: IssuedSummary[];
}

export interface IssuedSummary {
	milestone_id: string;
	issued_at: Date;
	issued_by_name: string | null;
}

export async function parties(tx: Tx, order: Pick<orders.Order, 'workshop_id' | 'company_id' | 'buyer_name'>): Promise<Parties> {
	const [supplier] = await tx<Parties['supplier'][]>`
		select w.id as workshop_id, coalesce(w.owner_id = (select auth.uid()), false) as editable, w.business_registration_number, w.name_ko as name, w.address_ko as address,
		       coalesce(d.representative_name, '') as representative_name, coalesce(d.business_type, '') as business_type,
		       coalesce(d.business_item, '') as business_item, coalesce(d.tax_email, '') as tax_email
		from public.workshops w left join public.business_details d on d.workshop_id = w.id
		where w.id = ${order.workshop_id}`;
	const [buyer] = order.company_id
		? await tx<NonNullable<Parties['buyer']>[]>`
			select c.id as company_id, coalesce(c.owner_id = (select auth.uid()), false) as editable, c.business_registration_number, c.name_ko as name, c.address_ko as address,
			       coalesce(d.representative_name, '') as representative_name, coalesce(d.business_type, '') as business_type,
			       coalesce(d.business_item, '') as business_item, coalesce(d.tax_email, '') as tax_email
			from public.companies c left join public.business_details d on d.company_id = c.id
			where c.id = ${order.company_id}`
		: [];
	return { supplier, buyer: buyer ?? null, buyer_name: order.buyer_name };
}

/** The order with both parties' details and the invoices recorded; null when the caller cannot see it. */
export async function forOrder(tx: Tx, orderId: string, userId: string): Promise<Paperwork | null> {
	const order = await orders.byId(tx, orderId);
	if (!order) return null;
	const actor = await orders.actorOf(tx, order, userId);
	const issued = await tx<IssuedSummary[]>`
		select t.milestone_id, t.issued_at, p.display_name as issued_by_name
		from public.tax_invoices t left join public.profiles p on p.id = t.issued_by
		where t.order_id = ${orderId} order by t.issued_at`;
	return { order, actor, parties: await parties(tx, order), issued };
}

/** A day in Korea as YYYY-MM-DD (작성일자 is the Korean calendar day). */
export function seoulDay(at: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(at);
}

/**
 * The tax-invoice data of one paid milestone, computed on the server from the order: its supply amount
 * and its share of the order's VAT (splitVatOverMilestones), both parties, the supply date. Null when
 * the milestone is not this order's or not paid.
 */
export function taxInvoiceData(paperwork: Paperwork, milestoneId: string): TaxInvoiceData | null {
	const { order, parties: p } = paperwork;
	const index = order.milestones.findIndex((m) => m.id === milestoneId);
	const milestone = order.milestones[index];
	if (!milestone || !milestoneInvoiceable(milestone) || !milestone.paid_at) return null;
	const shares = splitVatOverMilestones(
		order,
		order.milestones.map((m) => m.amount_krw)
	);
	const supplier = partyOf(p.supplier);
	const buyer = p.buyer ? partyOf(p.buyer) : emptyTaxParty(p.buyer_name ?? '');
	return {
		order_number: order.number,
		milestone_kind: milestone.kind,
		supply_date: seoulDay(new Date(milestone.paid_at)),
		item: order.title,
		supplier,
		buyer,
		amounts: shares[index]
	};
}

function partyOf(x: TaxParty): TaxParty {
	return pick(x, taxPartyFields);
}
