// Forms of the operator's console.
import { z } from 'zod';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

const text = (max: number) => z.string().trim().max(max, msg('err_too_long'));
const required = (max: number) => text(max).min(1, msg('err_required'));

export const clusterSchema = z
	.object({
		slug: z
			.string()
			.trim()
			.min(1, msg('err_required'))
			.max(60, msg('err_too_long'))
			.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, msg('console_err_slug')),
		kind: z.enum(['craft', 'startup'], msg('err_required')).default('craft'),
		name_ko: required(80),
		name_en: required(120),
		specialty_ko: text(120).default(''),
		specialty_en: text(120).default(''),
		trade_code: text(5).default(''),
		region_ko: required(40),
		region_en: required(60),
		district_ko: required(40),
		district_en: required(60),
		district_kind: z.enum(['district', 'county'], msg('err_required')).default('district'),
		areas: text(500).default(''),
		lat: z.number(msg('console_err_coordinate')).min(33, msg('console_err_coordinate')).max(39, msg('console_err_coordinate')),
		lng: z.number(msg('console_err_coordinate')).min(124, msg('console_err_coordinate')).max(132, msg('console_err_coordinate')),
		description_ko: text(2000).default(''),
		description_en: text(2000).default(''),
		// The new-cluster form's key (src/lib/submission-key.ts); the edit form has none.
		submission_key: submissionKeyField
	})
	.refine((c) => c.kind === 'startup' || c.trade_code.length > 0, { message: msg('console_err_trade_required'), path: ['trade_code'] });

export const archiveSchema = z.object({ archived: z.boolean() });
export const appointSchema = z.object({ email: z.email(msg('err_email')).trim().max(255, msg('err_too_long')) });
export const removeManagerSchema = z.object({ userId: z.uuid(msg('err_not_found')) });

export const suspendSchema = z.object({
	userId: z.uuid(msg('err_not_found')),
	reason: z.string().trim().min(1, msg('console_err_reason_required')).max(1000, msg('err_too_long'))
});
export const liftSchema = z.object({ userId: z.uuid(msg('err_not_found')) });

/** "종로3가, 봉익동, 묘동" → the list of areas. */
export const areaList = (areas: string) =>
	areas
		.split(/[,，\n]/)
		.map((a) => a.trim())
		.filter(Boolean)
		.slice(0, 30);
