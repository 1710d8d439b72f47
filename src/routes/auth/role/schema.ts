import { z } from 'zod';

/** The role and name a person chooses after a first sign-in with Kakao (sign-up's rules). */
export const roleSchema = z.object({
	role: z.enum(['craftsman', 'startup'], { message: 'err_role' }),
	display_name: z.string().trim().min(1, 'err_required').max(80, 'err_too_long')
});
