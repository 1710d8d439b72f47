import { z } from 'zod';
import { REVIEW_TEXT_MAX } from '$lib/domain/review-states';
import { msg } from '$lib/msg';

/** A rating as the radio group sends it: nothing chosen is '' (fine for a draft, not for sending). */
const rating = z.enum(['', '1', '2', '3', '4', '5'], { error: msg('err_review_rating') }).default('');

export const reviewSchema = z.object({
	intent: z.enum(['draft', 'submit'], { error: msg('err_illegal_transition') }).default('submit'),
	quality: rating,
	on_time: rating,
	clarity: rating,
	payment: rating,
	communication: rating,
	body: z.string().trim().max(REVIEW_TEXT_MAX, msg('err_review_too_long')).default('')
});
