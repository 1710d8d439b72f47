// Form fields a tax invoice needs of a business (the workshop editor and the company form share them).
import { z } from 'zod';
import { isValidBrn } from '$lib/domain/brn';
import { msg } from '$lib/msg';

/** 사업자등록번호: empty, or ten digits with a valid check digit (dashes optional). */
export const brnField = z
	.string()
	.trim()
	.max(14, msg('err_brn_invalid'))
	.refine((v) => v === '' || isValidBrn(v), msg('err_brn_invalid'));

export const businessDetailsShape = {
	representative_name: z.string().trim().max(40, msg('err_too_long')),
	business_type: z.string().trim().max(40, msg('err_too_long')),
	business_item: z.string().trim().max(80, msg('err_too_long')),
	tax_email: z
		.string()
		.trim()
		.max(254, msg('err_too_long'))
		.refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), msg('err_email'))
};
