import { z } from 'zod';
import { msg } from '$lib/msg';
import { noNul } from '$lib/form-messages';
import { submissionKeyField } from '$lib/submission-key';

/** A message of an inquiry: the first question on the workshop's page, and every answer after it. */
export const inquirySchema = z.object({
	body: z.string().trim().min(1, msg('err_message_empty')).max(4000, msg('err_message_too_long')).refine(noNul, msg('forms_err_invalid')),
	/** Made for each message: posting it twice sends it once. */
	submission_key: submissionKeyField
});
