import { z } from 'zod';

export const forgotSchema = z.object({
	email: z.string().trim().toLowerCase().email('err_email')
});
