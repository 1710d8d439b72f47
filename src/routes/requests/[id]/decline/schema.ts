import { z } from 'zod';
import { MAX_DECLINE_REASON } from '$lib/server/requests';
import { msg } from '$lib/msg';

// Where the workshop came from decides where it returns: the request page or its dashboard.
export const declineSchema = z.object({
	reason: z.string().trim().max(MAX_DECLINE_REASON, msg('err_too_long')).default(''),
	from: z.enum(['request', 'dashboard']).default('request')
});
