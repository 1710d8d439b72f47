import { z } from 'zod';

export const signUpSchema = z.object({
	email: z.string().trim().toLowerCase().email('err_email'),
	password: z.string().min(8, 'err_password_short').max(72, 'err_password_long'),
	role: z.enum(['craftsman', 'startup'], { message: 'err_role' }),
	display_name: z.string().trim().min(1, 'err_required').max(80, 'err_too_long'),
	// The terms and the privacy policy are required; marketing mail is a choice.
	terms: z
		.boolean()
		.default(false)
		.refine((v) => v, 'err_consent_required'),
	privacy: z
		.boolean()
		.default(false)
		.refine((v) => v, 'err_consent_required'),
	marketing: z.boolean().default(false)
});
