import { z } from 'zod';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

export const programKinds = ['loan', 'grant', 'infrastructure', 'consulting'] as const;

const when = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg('counseling_staff_err_when'));

/** Required documents, one a line: "key | 한국어 | English" (the key in lower case: a-z, 0-9, _). */
export function parseDocuments(text: string): { key: string; label_ko: string; label_en: string }[] | null {
	const docs = [];
	for (const line of text
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)) {
		const [key, ko, en = ''] = line.split('|').map((p) => p.trim());
		if (!/^[a-z][a-z0-9_]{0,39}$/.test(key ?? '') || !ko || ko.length > 120 || en.length > 160) return null;
		docs.push({ key, label_ko: ko, label_en: en });
	}
	return new Set(docs.map((d) => d.key)).size === docs.length ? docs : null;
}

export const documentsText = (docs: { key: string; label_ko: string; label_en: string }[]) =>
	docs.map((d) => [d.key, d.label_ko, d.label_en].join(' | ')).join('\n');

export const programSchema = z
	.object({
		slug: z
			.string()
			.trim()
			.min(1, msg('err_required'))
			.max(80, msg('err_too_long'))
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, msg('counseling_staff_err_slug')),
		kind: z.enum(programKinds, { error: msg('counseling_staff_err_kind') }),
		title_ko: z.string().trim().min(1, msg('err_required')).max(160, msg('err_too_long')),
		title_en: z.string().trim().max(200, msg('err_too_long')).default(''),
		summary_ko: z.string().trim().max(4000, msg('err_too_long')).default(''),
		summary_en: z.string().trim().max(4000, msg('err_too_long')).default(''),
		amount_max_krw: z.coerce
			.number()
			.int(msg('counseling_staff_err_amount'))
			.min(0, msg('counseling_staff_err_amount'))
			.max(100_000_000_000, msg('counseling_staff_err_amount')),
		self_pay_percent: z.coerce
			.number()
			.int(msg('counseling_staff_err_percent'))
			.min(0, msg('counseling_staff_err_percent'))
			.max(100, msg('counseling_staff_err_percent'))
			.default(0),
		opens_at: when,
		deadline: when,
		documents: z
			.string()
			.max(4000, msg('err_too_long'))
			.refine((t) => parseDocuments(t) !== null, msg('counseling_staff_err_documents'))
			.default(''),
		// The new-program form's key (src/lib/submission-key.ts); the edit form has none.
		submission_key: submissionKeyField
	})
	.refine((v) => v.deadline > v.opens_at, { message: msg('counseling_staff_err_deadline'), path: ['deadline'] });

export type ProgramForm = z.infer<typeof programSchema>;

export const closeSchema = z.object({ intent: z.literal('close', { error: msg('counseling_err_move') }) });
