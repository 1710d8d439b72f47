// The workshop profile form's server side, shared by the owner's editor (/dashboard/workshop) and a
// cluster manager editing on behalf of a member who is not online (/manage/[slug]/workshops/[id]).
// Which rows may be written is still decided by RLS in the caller's transaction.
import { error, fail } from '@sveltejs/kit';
import { message, setError, superValidate, withFiles } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import { formatBrn } from '$lib/domain/brn';
import { newSlug } from '$lib/domain/slug';
import { splitList, workshopSchema, type WorkshopForm } from '$lib/workshop-schema';
import * as businessDetails from './business-details';
import { withUser, type Claims, type Tx } from './db';
import { processPhoto, type ProcessedPhoto } from './images';
import * as photos from './photos';
import * as places from './places';
import { storage } from './ports';
import { withUserFiles } from './storage/staged';
import * as trades from './trades';
import * as workshops from './workshops';
import { msg } from '$lib/msg';
import { newSubmissionKey, submissionKey } from '$lib/submission-key';

const MAX_PHOTOS = 12;
const PHOTO_ERRORS = {
	too_large: msg('err_photo_too_large'),
	not_an_image: msg('err_photo_not_image'),
	unsupported: msg('err_photo_unsupported')
} as const;

/** Whose workshop the form edits: the signed-in craftsman's own (created on first save), or a given one. */
export type Target = { kind: 'own'; userId: string } | { kind: 'member'; workshopId: string };

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

function detailsOf(f: WorkshopForm): businessDetails.BusinessDetailsInput {
	return {
		representative_name: f.representative_name,
		business_type: f.business_type,
		business_item: f.business_item,
		tax_email: f.tax_email
	};
}

function toForm(
	w: workshops.Workshop,
	details: businessDetails.BusinessDetailsInput | null
): Omit<WorkshopForm, 'photos' | 'submission_key'> {
	return {
		...w,
		...(details ?? businessDetails.emptyDetails),
		name_en: w.name_en ?? '',
		business_registration_number: w.business_registration_number ?? '',
		processes: w.processes.join('\n'),
		equipment: w.equipment.join('\n'),
		materials: w.materials.join('\n'),
		certifications: w.certifications.join('\n')
	};
}

/** How many photos the workshop shows, and whether this form's key already saved some (a second post). */
async function shownPhotos(tx: Tx, target: Target, key: string | null): Promise<{ count: number; saved: boolean }> {
	const workshop = await find(tx, target);
	if (!workshop) return { count: 0, saved: false };
	return { count: (await photos.listPhotos(tx, workshop.id)).length, saved: await photos.savedWith(tx, workshop.id, key) };
}

function find(tx: Tx, target: Target) {
	return target.kind === 'own' ? workshops.ownedBy(tx, target.userId) : workshops.byId(tx, target.workshopId);
}

/** Form, photos and trades for the editor page; 404 when a member's workshop is not visible. */
export async function loadEditor(claims: Claims, target: Target) {
	return withUser(claims, async (tx) => {
		const workshop = await find(tx, target);
		if (!workshop && target.kind === 'member') error(404);
		const details = workshop && (await businessDetails.of(tx, { workshop_id: workshop.id }));
		const fresh = { photos: [], submission_key: newSubmissionKey() };
		const defaults = workshop ? { ...toForm(workshop, details), ...fresh } : { accepting_orders: true, ...fresh };
		return {
			form: await superValidate(defaults, zod4(workshopSchema), { errors: false }),
			workshop: workshop && {
				id: workshop.id,
				slug: workshop.slug,
				name_ko: workshop.name_ko,
				name_en: workshop.name_en,
				verified: workshop.verified
			},
			photos: workshop ? await photos.listPhotos(tx, workshop.id) : [],
			trades: await trades.designated(tx)
		};
	});
}

/**
 * Validates everything (fields, then every photo by content) before anything is written. A second post
 * of the same form (its submission key) saves the fields again but adds no photos: it answers "saved"
 * as the first did.
 */
export async function save(request: Request, claims: Claims, target: Target) {
	const form = await superValidate(request, zod4(workshopSchema));
	if (!form.valid) return fail(400, withFiles({ form }));
	// The district is derived from the point picked or the address typed, never taken as posted.
	const located = await places.locate(form.data.address_ko, form.data);
	if (!located.ok) return setError(withFiles(form), 'address_ko', located.error);
	form.data.lat = located.place?.lat ?? null;
	form.data.lng = located.place?.lng ?? null;
	form.data.district_ko = located.place?.district_ko ?? '';

	// Counted before any decoding: a save that could not keep its photos costs no image work, nor does
	// a second post of a save whose photos are already in.
	const key = submissionKey(form.data.submission_key);
	let files = form.data.photos.filter((f) => f.size > 0);
	if (files.length) {
		const shown = await withUser(claims, (tx) => shownPhotos(tx, target, key));
		if (shown.saved) files = [];
		else if (shown.count + files.length > MAX_PHOTOS) return setError(withFiles(form), 'photos._errors', msg('err_photo_too_many'));
	}

	const processed: Extract<ProcessedPhoto, { ok: true }>[] = [];
	for (const file of files) {
		const result = await processPhoto(new Uint8Array(await file.arrayBuffer()));
		if (!result.ok) return setError(withFiles(form), 'photos._errors', PHOTO_ERRORS[result.error]);
		processed.push(result);
	}

	const saved = await withUserFiles(claims, storage(), async (tx, store) => {
		const existing = await find(tx, target);
		if (
			existing &&
			processed.length &&
			!(await photos.savedWith(tx, existing.id, key)) &&
			(await photos.listPhotos(tx, existing.id)).length + processed.length > MAX_PHOTOS
		)
			return null;
		const workshop = existing
			? await workshops.update(tx, existing.id, toInput(form.data))
			: target.kind === 'own'
				? await workshops.create(tx, target.userId, newSlug(form.data.name_en, form.data.name_ko, 'workshop'), toInput(form.data))
				: null;
		if (!workshop) error(403);
		await businessDetails.save(tx, { workshop_id: workshop.id }, detailsOf(form.data));
		// The update (or the insert) above holds the workshop row: a concurrent post of this form waits
		// here for the first to commit, then finds its photos.
		if (!(await photos.savedWith(tx, workshop.id, key)))
			for (const photo of processed) await photos.savePhoto(tx, store, workshop.id, photo, key);
		return workshop;
	}).catch((e: unknown) => {
		// Another save of the same workshop took the last places first (the database counts under a lock).
		if (photos.isPhotoLimit(e)) return null;
		throw e;
	});
	if (!saved) return setError(withFiles(form), 'photos._errors', msg('err_photo_too_many'));
	form.data.photos = [];
	// The form shown again is a new form: its next save is another.
	form.data.submission_key = newSubmissionKey();
	return message(withFiles(form), 'saved');
}

export async function deletePhoto(request: Request, claims: Claims) {
	const id = z.uuid().safeParse((await request.formData()).get('photoId'));
	if (!id.success) return fail(400, { photoError: msg('err_not_found') });
	const removed = await withUserFiles(claims, storage(), (tx, store) => photos.removePhoto(tx, store, id.data));
	if (!removed) return fail(404, { photoError: msg('err_not_found') });
	return { photoRemoved: true };
}
