import { z } from 'zod';

export const confirmSchema = z.object({ token: z.string().trim().min(20, 'verify_invalid').max(200, 'verify_invalid') });
export const resendSchema = z.object({});
