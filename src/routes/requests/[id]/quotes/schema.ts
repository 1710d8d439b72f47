import { z } from 'zod';
import { seoulDate } from '$lib/domain/request-templates';
import { lineItemsTotal, planMilestones, splitVat, type LineItem } from '$lib/domain/money';
import type { QuoteTerms } from '$lib/server/quotes';
import { parseWon } from '$lib/domain/won';
import { MAX_QUOTE_FILE_BYTES } from '$lib/domain/uploads';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

export const MAX_FILES = 3;
export const MAX_LINE_ITEMS = 8;
export { MAX_QUOTE_FILE_BYTES };

/** '2,400,000원', '₩2400000', ' 2 400 000 ' → 2400000; anything else → null. */
export function parseWhole(value: string): number | null {
	const s = value.replace(/[\s,원₩]/g, '').replace(/^krw/i, '');
	return /^\d{1,10}$/.test(s) ? Number(s) : null;
}

const MAX_INT = 2_147_483_647;

// Amounts stay strings in the form, so a typo comes back exactly as typed; the action converts them.
export const quoteSchema = z.object({
	workshop_id: z.uuid(msg('err_quote_not_allowed')),
	price_krw: z
		.string()
		.trim()
		// Typed the Korean way too: '240만원', '2백4십만' (see parseWon).
		.refine((v) => (parseWon(v) ?? 0) >= 1, msg('err_quote_price'))
		.refine((v) => (parseWon(v) ?? 0) <= MAX_INT, msg('err_quote_price_max')),
	// 별도: the price is the supply amount and VAT comes on top; 포함: the price already includes VAT.
	vat_mode: z.enum(['excluded', 'included'], { error: msg('err_quote_vat_mode') }).default('excluded'),
	// The payment plan, in won as typed: deposit (계약금, required), sample milestone (중도금, optional).
	deposit_krw: z
		.string()
		.trim()
		.refine((v) => parseWon(v) !== null, msg('err_quote_deposit')),
	sample_krw: z
		.string()
		.trim()
		.refine((v) => v === '' || parseWon(v) !== null, msg('err_quote_sample'))
		.default(''),
	// Optional breakdown rows (item, unit price, quantity), sent as parallel lists so the form works without JavaScript.
	item_label: z
		.array(z.string().trim().max(80, msg('err_too_long')))
		.max(MAX_LINE_ITEMS)
		.default([]),
	item_unit_price: z.array(z.string().trim()).max(MAX_LINE_ITEMS).default([]),
	item_quantity: z.array(z.string().trim()).max(MAX_LINE_ITEMS).default([]),
	lead_time_days: z
		.string()
		.trim()
		.refine((v) => {
			const n = parseWhole(v);
			return n !== null && n >= 1 && n <= 730;
		}, msg('err_quote_lead_time')),
	valid_until: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, msg('err_quote_valid_until'))
		// Today in Korea, whatever the server's time zone: the quote is valid through that day.
		.refine((d) => d >= seoulDate(new Date()), msg('err_quote_valid_past')),
	notes: z.string().trim().max(4000, msg('err_too_long')),
	files: z
		.array(z.instanceof(File))
		// An empty file input sends one empty file; it is not an attachment.
		.refine((files) => files.filter((f) => f.size > 0).length <= MAX_FILES, msg('err_quote_files_too_many'))
		.refine((files) => files.every((f) => f.size <= MAX_QUOTE_FILE_BYTES), msg('err_quote_file_too_large')),
	/** Made with the form: a second post of the same quote or revision makes nothing more. */
	submission_key: submissionKeyField
});

export const moves = ['request_revision', 'accept', 'decline', 'withdraw'] as const;
export type Move = (typeof moves)[number];

export const moveSchema = z.object({
	quote: z.uuid(msg('err_not_found')),
	move: z.enum(moves, { error: msg('err_illegal_transition') }),
	note: z.string().trim().max(2000, msg('err_too_long')).default('')
});

export type LineItemsResult = { ok: true; items: LineItem[] } | { ok: false; row: number; error: 'err_quote_item_incomplete' };

/** The filled rows of the breakdown; a row with some but not all of its three cells is an error. */
export function lineItems(labels: string[], prices: string[], quantities: string[]): LineItemsResult {
	const items: LineItem[] = [];
	const rows = Math.max(labels.length, prices.length, quantities.length);
	for (let i = 0; i < rows; i++) {
		const label = labels[i] ?? '';
		const price = parseWon(prices[i] ?? '');
		const quantity = parseWhole(quantities[i] ?? '');
		if (label === '' && !prices[i] && !quantities[i]) continue;
		if (!label || price === null || price < 1 || quantity === null || quantity < 1)
			return { ok: false, row: i, error: msg('err_quote_item_incomplete') };
		items.push({ label, unit_price_krw: price, quantity });
	}
	return { ok: true, items };
}

type QuoteFields = z.infer<typeof quoteSchema>;

export type TermsResult =
	{ ok: true; terms: QuoteTerms } | { ok: false; field: 'deposit_krw' | 'sample_krw' | 'item_label._errors'; error: string };

/**
 * The quote's terms from a valid form: supply amount and VAT as the workshop typed the price, the
 * payment plan checked by the domain (planMilestones), the breakdown adding up to the supply amount.
 */
export function termsFrom(data: QuoteFields): TermsResult {
	const vat = splitVat(parseWon(data.price_krw)!, data.vat_mode === 'included');
	const deposit = parseWon(data.deposit_krw)!;
	const sample = data.sample_krw === '' ? 0 : parseWon(data.sample_krw)!;
	const plan = planMilestones(vat.total_krw, deposit, sample);
	if (!plan.ok) return { ok: false, field: plan.error === 'err_sample_min_amount' ? 'sample_krw' : 'deposit_krw', error: plan.error };
	const items = lineItems(data.item_label, data.item_unit_price, data.item_quantity);
	if (!items.ok) return { ok: false, field: 'item_label._errors', error: items.error };
	if (items.items.length && lineItemsTotal(items.items) !== vat.supply_krw)
		return { ok: false, field: 'item_label._errors', error: msg('err_quote_items_total') };
	return {
		ok: true,
		terms: {
			price_krw: vat.supply_krw,
			vat_krw: vat.vat_krw,
			vat_included: data.vat_mode === 'included',
			deposit_krw: deposit,
			sample_krw: sample,
			line_items: items.items,
			lead_time_days: parseWhole(data.lead_time_days)!,
			valid_until: data.valid_until,
			notes: data.notes
		}
	};
}
