// The account page's forms. Field names differ between forms (one page, one id per input).
import { z } from 'zod';

const password = z.string().min(1, 'err_required').max(200, 'err_password_long');

export const nameSchema = z.object({
	display_name: z.string().trim().min(1, 'err_required').max(80, 'err_too_long')
});

export const passwordSchema = z.object({
	current_password: password,
	new_password: z.string().min(8, 'err_password_short').max(72, 'err_password_long')
});

export const emailSchema = z.object({
	email: z.string().trim().toLowerCase().email('err_email').max(255, 'err_too_long'),
	email_password: password
});

export const othersSchema = z.object({});

/** Deleting asks for the account's email, typed out, and the password. */
export const deleteSchema = z.object({
	confirm_email: z.string().trim().toLowerCase().min(1, 'err_required').max(255, 'err_too_long'),
	delete_password: password
});

/** Leaving a cluster (or withdrawing an application): which membership. */
export const leaveSchema = z.object({
	membership: z.uuid('err_not_found')
});

/** Closing the workshop asks for its name, typed out. */
export const closeSchema = z.object({
	confirm_name: z.string().trim().min(1, 'err_required').max(200, 'err_too_long')
});
