import { z } from 'zod';

export const resetSchema = z.object({
	token: z.string().min(20, 'err_reset_token').max(200, 'err_reset_token'),
	password: z.string().min(8, 'err_password_weak').max(200, 'err_password_weak')
});
