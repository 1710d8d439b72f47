import { z } from 'zod';
import { REPLY_TEXT_MAX } from '$lib/domain/review-states';

export const replySchema = z.object({
	reply: z.string().trim().min(1, 'err_review_reply_required').max(REPLY_TEXT_MAX, 'err_review_too_long')
});
export const reportSchema = z.object({
	reason: z.string().trim().min(1, 'err_review_report_reason').max(1000, 'err_too_long')
});
export const hideSchema = z.object({
	reason: z.string().trim().min(1, 'err_review_hide_reason').max(500, 'err_too_long')
});
