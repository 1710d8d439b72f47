import { z } from 'zod';

export const bookSchema = z.object({
	start: z.string().min(1, 'support_err_pick_slot').max(40, 'support_err_pick_slot'),
	slots: z.coerce.number().int().min(1, 'support_err_slots').max(8, 'support_err_slots').default(1)
});
