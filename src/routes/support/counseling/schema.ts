import { z } from 'zod';
import { counselingDurations, counselingTopics } from '$lib/domain/counseling';
import { noNul } from '$lib/form-messages';
import { submissionKeyField } from '$lib/submission-key';

export const askSchema = z.object({
	center: z.string().min(1, 'counseling_err_center').max(80, 'counseling_err_center'),
	topic: z.enum(counselingTopics, { error: 'counseling_err_topic' }),
	question: z.string().trim().min(1, 'err_required').max(2000, 'err_too_long').refine(noNul, 'forms_err_invalid'),
	preferred_times: z.string().trim().min(1, 'err_required').max(500, 'err_too_long').refine(noNul, 'forms_err_invalid'),
	/** Made with the empty form: posting it twice asks once. */
	submission_key: submissionKeyField
});

export const proposeSchema = z
	.object({
		starts_at: z.string().min(1, 'err_required').max(20, 'counseling_err_past'),
		minutes: z.coerce
			.number()
			.int()
			.refine((n) => (counselingDurations as readonly number[]).includes(n), 'counseling_err_duration')
			.default(60),
		place_ko: z.string().trim().max(300, 'err_too_long').default(''),
		online_url: z
			.string()
			.trim()
			.max(500, 'err_too_long')
			.refine((u) => u === '' || /^https:\/\/\S+$/.test(u), 'counseling_err_url')
			.default('')
	})
	.refine((v) => v.place_ko !== '' || v.online_url !== '', { message: 'counseling_err_place', path: ['place_ko'] });

export const moveSchema = z.object({
	move: z.enum(['confirm', 'decline', 'cancel'], { error: 'counseling_err_move' }),
	reason: z.string().trim().max(1000, 'err_too_long').default('')
});

export const messageSchema = z.object({
	body: z.string().trim().min(1, 'err_required').max(2000, 'err_too_long').refine(noNul, 'forms_err_invalid'),
	/** Made for each message: posting it twice writes it once. */
	submission_key: submissionKeyField
});
