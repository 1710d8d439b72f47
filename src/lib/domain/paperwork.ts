// Paperwork of an order: which document exists in which state, what a tax invoice (세금계산서) needs
// of each party, and each paid milestone's share of the order's VAT, in integer won.
import type { OrderState } from './order-states';

export const documentKinds = ['purchase_order', 'statement', 'tax_invoice'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface DocumentFacts {
	status: OrderState;
	/** Set once the order was delivered; stays set through confirmation or a later dispute. */
	delivered_at: Date | string | null;
}

/**
 * A purchase order (발주서) exists as soon as the order does; the statement of transaction
 * (거래명세서) once the goods were delivered; a tax invoice once its milestone is paid (see
 * `milestoneInvoiceable`).
 */
export function documentAvailable(kind: Exclude<DocumentKind, 'tax_invoice'>, order: DocumentFacts): boolean {
	if (kind === 'purchase_order') return true;
	return order.delivered_at !== null;
}

export function milestoneInvoiceable(milestone: { status: string }): boolean {
	return milestone.status !== 'pending';
}

export interface MilestoneShare {
	supply_krw: number;
	vat_krw: number;
	total_krw: number;
}

/**
 * Splits the order's VAT over its milestones in proportion to their amounts (each milestone's amount
 * includes its VAT), in integer won: each share is rounded down and the last milestone takes the
 * remainder, so the shares add up exactly to the order's VAT and each supply amount is the rest of
 * its milestone. BigInt, since VAT × amount may pass 2^53.
 */
export function splitVatOverMilestones(order: { vat_krw: number; total_krw: number }, amounts: readonly number[]): MilestoneShare[] {
	if (amounts.length === 0) return [];
	const total = BigInt(order.total_krw);
	const vat = BigInt(order.vat_krw);
	let given = 0n;
	return amounts.map((amount, i) => {
		const share = i === amounts.length - 1 ? vat - given : total === 0n ? 0n : (vat * BigInt(amount)) / total;
		given += share;
		const vatKrw = Number(share);
		return { supply_krw: amount - vatKrw, vat_krw: vatKrw, total_krw: amount };
	});
}

/** The fields of a tax invoice's party (공급자 or 공급받는자). */
export interface TaxParty {
	business_registration_number: string | null;
	name: string;
	representative_name: string;
	address: string;
	business_type: string;
	business_item: string;
	tax_email: string;
}

export const taxPartyFields = [
	'business_registration_number',
	'name',
	'representative_name',
	'address',
	'business_type',
	'business_item',
	'tax_email'
] as const satisfies readonly (keyof TaxParty)[];
export type TaxPartyField = (typeof taxPartyFields)[number];

/** A party nobody filled in (a buyer without a company profile starts from its name). */
export function emptyTaxParty(name = ''): TaxParty {
	return {
		business_registration_number: null,
		name,
		representative_name: '',
		address: '',
		business_type: '',
		business_item: '',
		tax_email: ''
	};
}

/** The fields still empty, in the order the form shows them. */
export function missingTaxFields(party: TaxParty): TaxPartyField[] {
	return taxPartyFields.filter((field) => !party[field]?.trim());
}
