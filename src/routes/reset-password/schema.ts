import { z } from 'zod';
import { msg } from '$lib/msg';

export const resetSchema = z.object({
	token: z.string().min(20, msg('err_reset_token')).max(200, msg('err_reset_token')),
	password: z.string().min(8, msg('err_password_weak')).max(200, msg('err_password_weak'))
});
