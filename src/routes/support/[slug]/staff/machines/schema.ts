import { z } from 'zod';
import { msg } from '$lib/msg';
import { submissionKeyField } from '$lib/submission-key';

export const machineKinds = ['3d_printer', 'laser_cutter', 'cnc', '3d_scanner', 'polisher', 'other'] as const;
export const slotLengths = [30, 60, 90, 120, 180, 240] as const;

const hour = (min: number, max: number) =>
	z.coerce
		.number()
		.int(msg('counseling_staff_err_hour'))
		.min(min, msg('counseling_staff_err_hour'))
		.max(max, msg('counseling_staff_err_hour'));

export const machineSchema = z
	.object({
		kind: z.enum(machineKinds, { error: msg('counseling_staff_err_kind') }),
		/** Made with the empty new form: posting it twice makes one. (Editing sends none.) */
		submission_key: submissionKeyField,
		name_ko: z.string().trim().min(1, msg('err_required')).max(120, msg('err_too_long')),
		name_en: z.string().trim().max(160, msg('err_too_long')).default(''),
		specs_ko: z.string().trim().max(2000, msg('err_too_long')).default(''),
		specs_en: z.string().trim().max(2000, msg('err_too_long')).default(''),
		prerequisite_course_id: z.string().max(40).default(''),
		hourly_fee_krw: z.coerce
			.number()
			.int(msg('counseling_staff_err_fee'))
			.min(0, msg('counseling_staff_err_fee'))
			.max(10_000_000, msg('counseling_staff_err_fee'))
			.default(0),
		slot_minutes: z.coerce
			.number()
			.refine((n) => (slotLengths as readonly number[]).includes(n), msg('counseling_staff_err_slot'))
			.default(60),
		open_hour: hour(0, 23).default(9),
		close_hour: hour(1, 24).default(18)
	})
	.refine((v) => v.open_hour < v.close_hour, { message: msg('counseling_staff_err_hours_order'), path: ['close_hour'] });

export type MachineForm = z.infer<typeof machineSchema>;

export const archiveSchema = z.object({ intent: z.enum(['archive', 'restore', 'delete'], { error: msg('counseling_err_move') }) });
