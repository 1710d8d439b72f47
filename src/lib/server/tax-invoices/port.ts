// Tax-invoice port: records that the workshop issued a tax invoice (세금계산서) for a paid milestone,
// with the data as issued. The embedded adapter keeps the record in public.tax_invoices and the app
// prints the standard form; an e-tax-invoice provider (Popbill, Barobill) would also send it to the
// National Tax Service and return its id as providerRef. Each call runs in the caller's RLS
// transaction: the database decides who may record (the workshop's actors) and who may read.
import type { MilestoneShare, TaxParty } from '$lib/domain/paperwork';
import type { Tx } from '../db';

/** What a tax invoice says, frozen when it is recorded. */
export interface TaxInvoiceData {
	order_number: string;
	milestone_kind: 'deposit' | 'sample' | 'balance';
	/** 작성일자: the day the milestone was paid, in Korea (YYYY-MM-DD). */
	supply_date: string;
	/** 품목: what was made. */
	item: string;
	supplier: TaxParty;
	buyer: TaxParty;
	amounts: MilestoneShare;
}

export interface IssuedTaxInvoice {
	id: string;
	order_id: string;
	milestone_id: string;
	issued_at: Date;
	issued_by: string | null;
	provider: string;
	provider_ref: string | null;
	data: TaxInvoiceData;
}

export interface IssueInput {
	orderId: string;
	milestoneId: string;
	userId: string;
	data: TaxInvoiceData;
}

export type IssueError =
	/** This milestone already has its tax invoice. */
	| 'err_tax_invoice_exists'
	/** Not the workshop of this order, or the milestone is not paid (or not this order's). */
	| 'err_tax_invoice_not_allowed';

export type IssueResult = { ok: true; invoice: IssuedTaxInvoice } | { ok: false; error: IssueError };

export interface TaxInvoicePort {
	readonly provider: 'embedded';
	issue(tx: Tx, input: IssueInput): Promise<IssueResult>;
	/** The invoices of an order the caller may see, oldest first. */
	forOrder(tx: Tx, orderId: string): Promise<IssuedTaxInvoice[]>;
}
