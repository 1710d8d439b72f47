import { z } from 'zod';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

export const eventKinds = ['course', 'seminar', 'exhibition'] as const;

const when = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, msg('counseling_staff_err_when'));

export const eventSchema = z
	.object({
		kind: z.enum(eventKinds, { error: msg('counseling_staff_err_kind') }),
		/** Made with the empty new form: posting it twice makes one. (Editing sends none.) */
		submission_key: submissionKeyField,
		title_ko: z.string().trim().min(1, msg('err_required')).max(160, msg('err_too_long')),
		title_en: z.string().trim().max(200, msg('err_too_long')).default(''),
		description_ko: z.string().trim().max(4000, msg('err_too_long')).default(''),
		description_en: z.string().trim().max(4000, msg('err_too_long')).default(''),
		starts_at: when,
		ends_at: when,
		place_ko: z.string().trim().max(300, msg('err_too_long')).default(''),
		online_url: z
			.string()
			.trim()
			.max(500, msg('err_too_long'))
			.refine((u) => u === '' || /^https:\/\/\S+$/.test(u), msg('counseling_err_url'))
			.default(''),
		capacity: z.coerce
			.number()
			.int(msg('counseling_staff_err_capacity'))
			.min(1, msg('counseling_staff_err_capacity'))
			.max(10_000, msg('counseling_staff_err_capacity')),
		machine_id: z.string().max(40).default('')
	})
	.refine((v) => v.ends_at > v.starts_at, { message: msg('counseling_staff_err_ends'), path: ['ends_at'] })
	.refine((v) => v.place_ko !== '' || v.online_url !== '', { message: msg('counseling_err_place'), path: ['place_ko'] });

export type EventForm = z.infer<typeof eventSchema>;

export const cancelSchema = z.object({ intent: z.literal('cancel', { error: msg('counseling_err_move') }) });
