import { z } from 'zod';
import { msg } from '$lib/msg';

/** A message of an inquiry: the first question on the workshop's page, and every answer after it. */
export const inquirySchema = z.object({
	body: z.string().trim().min(1, msg('err_message_empty')).max(4000, msg('err_message_too_long'))
});
