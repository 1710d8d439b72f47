import { z } from 'zod';
import { msg } from '$lib/msg';

/** Agreeing again to a new version of the terms: the two required documents, marketing a choice. */
export const consentSchema = z.object({
	terms: z
		.boolean()
		.default(false)
		.refine((v) => v, msg('consent_again_err_required')),
	privacy: z
		.boolean()
		.default(false)
		.refine((v) => v, msg('consent_again_err_required')),
	marketing: z.boolean().default(false)
});
