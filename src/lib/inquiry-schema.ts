import { z } from 'zod';

/** A message of an inquiry: the first question on the workshop's page, and every answer after it. */
export const inquirySchema = z.object({
	body: z.string().trim().min(1, 'err_message_empty').max(4000, 'err_message_too_long')
});
