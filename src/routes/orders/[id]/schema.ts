import { z } from 'zod';
import { couriers } from '$lib/domain/order-states';
import { parseWon } from '$lib/domain/won';
import { MAX_ORDER_FILE_BYTES } from '$lib/domain/uploads';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

export const MAX_ORDER_FILES = 6;
export { MAX_ORDER_FILE_BYTES };

/** The moves a person makes from the order page (start and auto_confirm are the platform's). */
export const pageMoves = [
	'cancel',
	'submit_sample',
	'request_changes',
	'approve_sample',
	'ship',
	'ship_direct',
	'deliver',
	'confirm',
	'dispute',
	'resolve'
] as const;
export type PageMove = (typeof pageMoves)[number];

export const moveSchema = z.object({
	move: z.enum(pageMoves, { error: msg('err_illegal_transition') }),
	reason: z.string().trim().max(2000, msg('err_too_long')).default(''),
	courier: z.union([z.enum(couriers), z.literal('')], { error: msg('err_tracking_invalid') }).default(''),
	// Kept as typed, so a number with spaces comes back to be fixed; the domain says what is wrong.
	tracking_number: z.string().trim().max(40, msg('err_tracking_invalid')).default(''),
	refund_krw: z
		.string()
		.trim()
		.refine((v) => v === '' || parseWon(v) !== null, msg('err_resolution_invalid'))
		.default(''),
	files: z
		.array(z.instanceof(File))
		.refine((files) => files.filter((f) => f.size > 0).length <= MAX_ORDER_FILES, msg('err_order_files_too_many'))
		.refine((files) => files.every((f) => f.size <= MAX_ORDER_FILE_BYTES), msg('err_quote_file_too_large'))
		.default([]),
	/** Made with the move's form: a second post of the same move answers as the first. */
	submission_key: submissionKeyField
});

export const paySchema = z.object({
	milestone: z.uuid(msg('err_payment_not_payable')),
	provider: z.enum(['stripe', 'portone'], { error: msg('err_payment_provider') }),
	// Made when the page is rendered: the same pay button posted twice (a double click, a retried
	// request) is one attempt at the provider (its idempotency key), not two sessions.
	attempt: submissionKeyField
});

/** Back from PortOne's payment window: which attempt to ask PortOne about (its own id, as start() made it). */
export const settleSchema = z.object({
	payment: z.string().regex(/^sl-[0-9a-f]{32}$/, msg('err_payment_unknown_attempt'))
});
