import { z } from 'zod';

/** A craftsman asks to join a cluster, with a note to its manager. */
export const applySchema = z.object({
	clusterId: z.uuid('err_cluster_required'),
	message: z.string().trim().max(1000, 'err_too_long').default('')
});
