import { z } from 'zod';
import { seoulDate } from '$lib/domain/request-templates';
import { parseWon } from '$lib/domain/won';

export const MAX_FILES = 3;
export const MAX_QUOTE_FILE_BYTES = 10 * 1024 * 1024;

/** '2,400,000원', '₩2400000', ' 2 400 000 ' → 2400000; anything else → null. */
export function parseWhole(value: string): number | null {
	const s = value.replace(/[\s,원₩]/g, '').replace(/^krw/i, '');
	return /^\d{1,10}$/.test(s) ? Number(s) : null;
}

const MAX_INT = 2_147_483_647;

// Amounts stay strings in the form, so a typo comes back exactly as typed; the action converts them.
export const quoteSchema = z.object({
	workshop_id: z.uuid('err_quote_not_allowed'),
	price_krw: z
		.string()
		.trim()
		// Typed the Korean way too: '240만원', '2백4십만' (see parseWon).
		.refine((v) => (parseWon(v) ?? 0) >= 1, 'err_quote_price')
		.refine((v) => (parseWon(v) ?? 0) <= MAX_INT, 'err_quote_price_max'),
	lead_time_days: z
		.string()
		.trim()
		.refine((v) => {
			const n = parseWhole(v);
			return n !== null && n >= 1 && n <= 730;
		}, 'err_quote_lead_time'),
	valid_until: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'err_quote_valid_until')
		// Today in Korea, whatever the server's time zone: the quote is valid through that day.
		.refine((d) => d >= seoulDate(new Date()), 'err_quote_valid_past'),
	notes: z.string().trim().max(4000, 'err_too_long'),
	files: z
		.array(z.instanceof(File))
		// An empty file input sends one empty file; it is not an attachment.
		.refine((files) => files.filter((f) => f.size > 0).length <= MAX_FILES, 'err_quote_files_too_many')
		.refine((files) => files.every((f) => f.size <= MAX_QUOTE_FILE_BYTES), 'err_quote_file_too_large')
});

export const moves = ['request_revision', 'accept', 'decline', 'withdraw'] as const;
export type Move = (typeof moves)[number];

export const moveSchema = z.object({
	quote: z.uuid('err_not_found'),
	move: z.enum(moves, { error: 'err_illegal_transition' }),
	note: z.string().trim().max(2000, 'err_too_long').default('')
});
