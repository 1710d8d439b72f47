import { z } from 'zod';
import { REPLY_TEXT_MAX } from '$lib/domain/review-states';
import { msg } from '$lib/msg';

export const replySchema = z.object({
	reply: z.string().trim().min(1, msg('err_review_reply_required')).max(REPLY_TEXT_MAX, msg('err_review_too_long'))
});
export const reportSchema = z.object({
	reason: z.string().trim().min(1, msg('err_review_report_reason')).max(1000, msg('err_too_long'))
});
export const hideSchema = z.object({
	reason: z.string().trim().min(1, msg('err_review_hide_reason')).max(500, msg('err_too_long'))
});
