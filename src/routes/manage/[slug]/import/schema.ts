import { z } from 'zod';
import { MAX_BYTES, ROSTER_FIELDS, type Mapping } from '$lib/domain/roster';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

export const uploadSchema = z.object({
	file: z
		.instanceof(File, { message: 'roster_file_missing' })
		.refine((f) => f.size > 0, 'roster_file_missing')
		.refine((f) => f.size <= MAX_BYTES, 'roster_file_too_large')
});

export const inviteSchema = z.object({
	workshop: z.uuid(msg('err_not_found')),
	email: z.string().trim().toLowerCase().email(msg('err_email')).max(254, msg('err_too_long')),
	submission_key: submissionKeyField
});

/** The column mapping as the preview's form sends it: map_name=0, map_brn=2 …; '' leaves a field out. */
export function mappingFrom(params: URLSearchParams | FormData): Mapping | null {
	if (!ROSTER_FIELDS.some((f) => params.has(`map_${f}`))) return null;
	const mapping: Mapping = {};
	for (const f of ROSTER_FIELDS) {
		const v = params.get(`map_${f}`);
		if (typeof v === 'string' && /^\d{1,3}$/.test(v)) mapping[f] = Number(v);
	}
	return mapping;
}
