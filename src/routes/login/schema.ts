import { z } from 'zod';

export const signInSchema = z.object({
	email: z.string().trim().toLowerCase().email('err_email'),
	password: z.string().min(1, 'err_required')
});

/** Only same-site paths may be returned to after signing in. */
export const redirectTarget = z
	.string()
	.regex(/^\/(?!\/)[^\s\\]*$/)
	.catch('/dashboard');
