import { z } from 'zod';
import { latField, lngField } from '$lib/domain/point-fields';
import { brnField, businessDetailsShape } from '$lib/business-schema';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

export const companySchema = z.object({
	/** Made while there is no company: saving the form twice makes one. */
	submission_key: submissionKeyField,
	name_ko: z.string().trim().min(1, msg('err_required')).max(80, msg('err_too_long')),
	name_en: z.string().trim().max(120, msg('err_too_long')),
	builds_ko: z.string().trim().min(1, msg('err_required')).max(2000, msg('err_too_long')),
	builds_en: z.string().trim().max(2000, msg('err_too_long')),
	startup_cluster_id: z.string().refine((v) => v === '' || z.uuid().safeParse(v).success, msg('err_cluster_required')),
	lat: latField,
	lng: lngField,
	website: z
		.string()
		.trim()
		.max(200, msg('err_too_long'))
		.refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), msg('err_url')),
	business_registration_number: brnField,
	address_ko: z.string().trim().max(200, msg('err_too_long')),
	...businessDetailsShape
});
