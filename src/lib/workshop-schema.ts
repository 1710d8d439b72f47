import { z } from 'zod';
import { latField, lngField } from '$lib/domain/point-fields';
import { brnField, businessDetailsShape } from '$lib/business-schema';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

/** Lists are typed one per line or comma-separated. */
export function splitList(text: string): string[] {
	return [
		...new Set(
			text
				.split(/[\n,]/)
				.map((s) => s.trim())
				.filter(Boolean)
		)
	];
}

const list = z
	.string()
	.max(2000, msg('err_too_long'))
	.refine((v) => splitList(v).length <= 30, msg('err_list_too_many'))
	.refine((v) => splitList(v).every((s) => s.length <= 60), msg('err_list_item_too_long'));

const count = (max: number) =>
	z
		.number({ message: msg('err_number') })
		.int(msg('err_integer'))
		.min(1, msg('err_min_1'))
		.max(max, msg('err_too_large'))
		.nullable();

export const workshopSchema = z.object({
	name_ko: z.string().trim().min(1, msg('err_required')).max(80, msg('err_too_long')),
	name_en: z.string().trim().max(120, msg('err_too_long')),
	trade_code: z.string().min(1, msg('err_trade_required')),
	employees: z
		.number({ message: msg('err_number') })
		.int(msg('err_integer'))
		.min(1, msg('err_min_1'))
		.max(9999, msg('err_too_large')),
	business_registration_number: brnField,
	address_ko: z.string().trim().max(200, msg('err_too_long')),
	/** Derived on the server from the point or the address (places.locate); shown, never typed. */
	district_ko: z.string().trim().max(40, msg('err_too_long')),
	lat: latField,
	lng: lngField,
	description_ko: z.string().trim().max(4000, msg('err_too_long')),
	description_en: z.string().trim().max(4000, msg('err_too_long')),
	processes: list,
	equipment: list,
	materials: list,
	certifications: list,
	min_order_units: count(1_000_000),
	lead_time_days: count(365),
	monthly_capacity_units: count(10_000_000),
	accepting_orders: z.boolean(),
	...businessDetailsShape,
	photos: z.array(z.instanceof(File)).max(8, msg('err_photo_too_many')),
	/** Made with the form: a second post of the same save adds its photos once. */
	submission_key: submissionKeyField
});

export type WorkshopForm = z.infer<typeof workshopSchema>;
