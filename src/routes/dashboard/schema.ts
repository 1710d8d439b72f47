import { z } from 'zod';
import { msg } from '$lib/msg';

/** A craftsman asks to join a cluster, with a note to its manager. */
export const applySchema = z.object({
	clusterId: z.uuid(msg('err_cluster_required')),
	message: z.string().trim().max(1000, msg('err_too_long')).default('')
});
