import { msg } from '$lib/msg';
// Money of a deal, in integer won (KRW has no minor unit): VAT beside the supply amount, and the
// payment plan of an order (deposit 계약금, optional sample milestone 중도금, balance 잔금).
// No floating point touches an amount: `div` is exact integer division for amounts below 2^53.

/** VAT in Korea is 10% of the supply amount. */
export const VAT_PERCENT = 10;
/** The first payment is at least a tenth of the order (as CAPA asks) … */
export const MIN_DEPOSIT_PERCENT = 10;
/** … and every payment at least 2,200 won (CAPA's floor; above Stripe's 100 won for KRW). */
export const MIN_PAYMENT_KRW = 2_200;
/** The largest amount a quote may state (int column). */
export const MAX_AMOUNT_KRW = 2_147_483_647;

/**
 * floor(a / b) for non-negative integers. Exact: for a < 2^53 the quotient rounded to a double never
 * reaches the next integer (it is at least 1/b below it), so the floor is the integer quotient.
 */
export function div(a: number, b: number): number {
	return Math.floor(a / b);
}

/** ceil(a / b) for non-negative integers. */
export function divUp(a: number, b: number): number {
	return div(a + b - 1, b);
}

export interface VatSplit {
	supply_krw: number;
	vat_krw: number;
	total_krw: number;
}

/**
 * An amount as the workshop typed it, "부가세 별도" (VAT on top) or "부가세 포함" (VAT included).
 * On top: VAT is 10% of the supply amount, fractions of a won dropped. Included: the supply amount is
 * the total divided by 1.1, rounded to the won, and VAT the rest, so the total is exactly as typed.
 */
export function splitVat(amountKrw: number, vatIncluded: boolean): VatSplit {
	if (!vatIncluded) {
		const vat = div(amountKrw * VAT_PERCENT, 100);
		return { supply_krw: amountKrw, vat_krw: vat, total_krw: amountKrw + vat };
	}
	// round(total * 10 / 11) in integers
	const supply = div(amountKrw * 10 * 2 + 11, 22);
	return { supply_krw: supply, vat_krw: amountKrw - supply, total_krw: amountKrw };
}

/** The smallest deposit for an order of this total: a tenth, at least 2,200 won, never above the total. */
export function minDeposit(totalKrw: number): number {
	return Math.min(totalKrw, Math.max(divUp(totalKrw * MIN_DEPOSIT_PERCENT, 100), MIN_PAYMENT_KRW));
}

/** A usual deposit to offer: 30% of the total, rounded up to a thousand won, not below the minimum. */
export function suggestedDeposit(totalKrw: number): number {
	const thirty = divUp(totalKrw * 30, 100);
	return Math.min(totalKrw, Math.max(minDeposit(totalKrw), divUp(thirty, 1000) * 1000));
}

export const milestoneKinds = ['deposit', 'sample', 'balance'] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

export interface PlannedMilestone {
	kind: MilestoneKind;
	amount_krw: number;
}

export type PlanError =
	'err_deposit_min_percent' | 'err_deposit_min_amount' | 'err_split_exceeds_total' | 'err_sample_min_amount' | 'err_balance_min_amount';

/**
 * The milestones of an order: the deposit, the sample milestone when it is more than zero, and the
 * balance (the rest) when it is more than zero. Each payment is at least 2,200 won, so a card or a
 * transfer is worth its fee; the amounts always add up to the total.
 */
export function planMilestones(
	totalKrw: number,
	depositKrw: number,
	sampleKrw: number
): { ok: true; milestones: PlannedMilestone[] } | { ok: false; error: PlanError } {
	if (depositKrw < MIN_PAYMENT_KRW && depositKrw < totalKrw) return { ok: false, error: msg('err_deposit_min_amount') };
	if (depositKrw * 100 < totalKrw * MIN_DEPOSIT_PERCENT) return { ok: false, error: msg('err_deposit_min_percent') };
	if (depositKrw + sampleKrw > totalKrw) return { ok: false, error: msg('err_split_exceeds_total') };
	if (sampleKrw !== 0 && sampleKrw < MIN_PAYMENT_KRW) return { ok: false, error: msg('err_sample_min_amount') };
	const balance = totalKrw - depositKrw - sampleKrw;
	if (balance !== 0 && balance < MIN_PAYMENT_KRW) return { ok: false, error: msg('err_balance_min_amount') };
	const milestones: PlannedMilestone[] = [{ kind: 'deposit', amount_krw: depositKrw }];
	if (sampleKrw > 0) milestones.push({ kind: 'sample', amount_krw: sampleKrw });
	if (balance > 0) milestones.push({ kind: 'balance', amount_krw: balance });
	return { ok: true, milestones };
}

/**
 * Splits an amount into n parts that differ by at most one won and add up exactly; the first parts
 * take the extra won (3 parts of 1,000,001 → 333,334 + 333,334 + 333,333).
 */
export function splitEvenly(amountKrw: number, parts: number): number[] {
	const base = div(amountKrw, parts);
	const extra = amountKrw - base * parts;
	return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

export interface LineItem {
	label: string;
	unit_price_krw: number;
	quantity: number;
}

/** What the line items come to (unit price × quantity, summed). */
export function lineItemsTotal(items: readonly LineItem[]): number {
	return items.reduce((sum, item) => sum + item.unit_price_krw * item.quantity, 0);
}
