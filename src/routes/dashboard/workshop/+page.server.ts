import { error, fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { formatBrn } from '$lib/domain/brn';
import { newSlug } from '$lib/domain/slug';
import { withUser } from '$lib/server/db';
import { processPhoto, type ProcessedPhoto } from '$lib/server/images';
import * as photos from '$lib/server/photos';
import { storage } from '$lib/server/ports';
import * as trades from '$lib/server/trades';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { splitList, workshopSchema, type WorkshopForm } from './schema';

const MAX_PHOTOS = 12;

function toInput(f: WorkshopForm): workshops.WorkshopInput {
	return {
		name_ko: f.name_ko,
		name_en: f.name_en || null,
		trade_code: f.trade_code,
		employees: f.employees,
		business_registration_number: f.business_registration_number ? formatBrn(f.business_registration_number) : null,
		address_ko: f.address_ko,
		district_ko: f.district_ko,
		lat: f.lat,
		lng: f.lng,
		description_ko: f.description_ko,
		description_en: f.description_en,
		processes: splitList(f.processes),
		equipment: splitList(f.equipment),
		materials: splitList(f.materials),
		certifications: splitList(f.certifications),
		min_order_units: f.min_order_units,
		lead_time_days: f.lead_time_days,
		monthly_capacity_units: f.monthly_capacity_units,
		accepting_orders: f.accepting_orders
	};
}

function toForm(w: workshops.Workshop): Omit<WorkshopForm, 'photos'> {
	return {
		...w,
		name_en: w.name_en ?? '',
		business_registration_number: w.business_registration_number ?? '',
		processes: w.processes.join('\n'),
		equipment: w.equipment.join('\n'),
		materials: w.materials.join('\n'),
		certifications: w.certifications.join('\n')
	};
}

function craftsman(locals: App.Locals) {
	if (!locals.user || !locals.claims) redirect(303, '/login?redirectTo=/dashboard/workshop');
	if (locals.user.role !== 'craftsman') error(403, 'Only craftsmen have a workshop profile');
	return { user: locals.user, claims: locals.claims };
}

export const load = (async ({ locals }) => {
	const { user, claims } = craftsman(locals);
	return withUser(claims, async (tx) => {
		const workshop = await workshops.ownedBy(tx, user.id);
		const defaults = workshop ? { ...toForm(workshop), photos: [] } : { accepting_orders: true, photos: [] };
		const form = await superValidate(defaults, zod4(workshopSchema), { errors: false });
		return {
			form,
			workshop: workshop && { slug: workshop.slug, verified: workshop.verified },
			photos: workshop ? await photos.listPhotos(tx, workshop.id) : [],
			trades: await trades.designated(tx)
		};
	});
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals }: RequestEvent) => {
		const { user, claims } = craftsman(locals);
		const form = await superValidate(request, zod4(workshopSchema));
		if (!form.valid) return fail(400, withFiles({ form }));

		// Every photo is checked (by content) and re-encoded before anything is saved, so one bad
		// file never leaves a half-saved profile behind.
		const uploads = form.data.photos.filter((f) => f.size > 0);
		const processed: Extract<ProcessedPhoto, { ok: true }>[] = [];
		for (const file of uploads) {
			const result = await processPhoto(new Uint8Array(await file.arrayBuffer()));
			if (!result.ok) {
				const key = { too_large: 'err_photo_too_large', not_an_image: 'err_photo_not_image', unsupported: 'err_photo_unsupported' }[result.error];
				return setError(withFiles(form), 'photos._errors', key);
			}
			processed.push(result);
		}

		const saved = await withUser(claims, async (tx) => {
			const existing = await workshops.ownedBy(tx, user.id);
			if (existing && (await photos.listPhotos(tx, existing.id)).length + processed.length > MAX_PHOTOS) return null;
			const workshop = existing
				? await workshops.update(tx, existing.id, toInput(form.data))
				: await workshops.create(tx, user.id, newSlug(form.data.name_en, form.data.name_ko, 'workshop'), toInput(form.data));
			if (!workshop) error(403);
			for (const photo of processed) await photos.savePhoto(tx, storage(), workshop.id, photo);
			return workshop;
		});
		if (!saved) return setError(withFiles(form), 'photos._errors', 'err_photo_too_many');
		form.data.photos = [];
		return message(withFiles(form), 'saved');
	},

	deletePhoto: async ({ request, locals }: RequestEvent) => {
		const { claims } = craftsman(locals);
		const id = z.uuid().safeParse((await request.formData()).get('photoId'));
		if (!id.success) return fail(400, { photoError: 'err_not_found' });
		const removed = await withUser(claims, (tx) => photos.removePhoto(tx, storage(), id.data));
		if (!removed) return fail(404, { photoError: 'err_not_found' });
		return { photoRemoved: true };
	}
} satisfies Actions;
