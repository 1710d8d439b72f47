import { z } from 'zod';
import { normalizeClaimCode } from '$lib/domain/roster';
import { msg } from '$lib/msg';

export const claimSchema = z.object({
	code: z
		.string()
		.transform(normalizeClaimCode)
		.pipe(z.string().regex(/^[A-HJKMNP-Z2-9]{8}$/, 'roster_claim_code_invalid')),
	brn: z.string().trim().min(1, msg('err_required')).max(20, msg('err_too_long'))
});
