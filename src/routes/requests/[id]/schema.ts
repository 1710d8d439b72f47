import { z } from 'zod';
import { msg } from '$lib/msg';

/** Moves that cannot be undone: the page asks first (a dialog with JavaScript, a checkbox without). */
export const CONFIRMED_MOVES: readonly string[] = ['close', 'cancel'];

export const moveSchema = z
	.object({
		name: z.enum(['publish', 'close', 'reopen', 'cancel'], msg('request_err_transition')),
		confirmed: z.boolean().default(false)
	})
	.refine((m) => m.confirmed || !CONFIRMED_MOVES.includes(m.name), { message: msg('request_err_confirm'), path: ['confirmed'] });

export const inviteSchema = z.object({ workshopId: z.uuid(msg('err_not_found')) });

/** Joining and accepting the NDA post nothing but the button. */
export const workshopSchema = z.object({});

export const forwardSchema = z.object({
	workshopId: z.uuid('request_forward_choose'),
	note: z.string().trim().max(2000, msg('err_too_long')).default('')
});
