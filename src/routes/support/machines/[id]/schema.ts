import { z } from 'zod';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

export const bookSchema = z.object({
	start: z.string().min(1, msg('support_err_pick_slot')).max(40, msg('support_err_pick_slot')),
	slots: z.coerce.number().int().min(1, msg('support_err_slots')).max(8, msg('support_err_slots')).default(1),
	submission_key: submissionKeyField
});
