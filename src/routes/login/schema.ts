import { z } from 'zod';
import { safePath } from '$lib/redirect';

export const signInSchema = z.object({
	email: z.string().trim().toLowerCase().email('err_email'),
	password: z.string().min(1, 'err_required')
});

/** Where to go after signing in: a path of this site (safePath), the dashboard otherwise. */
export const redirectTarget = { parse: (target: unknown) => safePath(target, '/dashboard') };
