import { z } from 'zod';
import { msg } from '$lib/msg';

export const forgotSchema = z.object({
	email: z.string().trim().toLowerCase().email(msg('err_email'))
});
