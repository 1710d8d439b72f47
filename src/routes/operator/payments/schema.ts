import { z } from 'zod';
import { msg } from '$lib/msg';

export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

export const statementSchema = z.object({
	statement: z
		.instanceof(File, { message: msg('err_statement_missing') })
		.refine((f) => f.size > 0, msg('err_statement_missing'))
		.refine((f) => f.size <= MAX_STATEMENT_BYTES, msg('err_statement_too_large'))
});

export const milestoneSchema = z.object({
	milestone: z.uuid(msg('err_not_found')),
	note: z.string().trim().max(500, msg('err_too_long')).default('')
});

/** Giving back what a payment still owes: `seen` is the amount already returned, as the operator saw it. */
export const returnSchema = z.object({
	payment: z.uuid(msg('err_not_found')),
	seen: z.coerce.number().int().min(0)
});

/** What reconciling a statement answers (the statement action's message). */
export interface StatementLineView {
	line: number;
	date: string;
	depositor: string;
	amount_krw: number;
}
export interface StatementReportView {
	applied: StatementLineView[];
	duplicate: number;
	alreadyPaid: StatementLineView[];
	amountMismatch: StatementLineView[];
	unmatched: StatementLineView[];
	problems: { line: number; error: string }[];
	withdrawals: number;
}
