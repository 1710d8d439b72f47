// Workshop portfolio photos: rows in public.workshop_photos, files in the storage port.
// Every function takes the caller's RLS transaction, so PostgreSQL decides who may add, see and
// remove a photo; this module only keeps the files in step with the rows.
import { randomUUID } from 'node:crypto';
import type { Tx } from './db';
import type { Tables } from './db/database.types';
import { processPhoto, type EncodedImage, type PhotoError } from './images';
import type { StoragePort } from './storage/port';

export type Photo = Pick<Tables<'workshop_photos'>, 'id' | 'workshop_id' | 'path' | 'thumb_path' | 'width' | 'height' | 'position'>;

/** What processPhoto makes of an upload: the photo at display size and its thumbnail. */
export interface ProcessedImages {
	full: EncodedImage;
	thumb: EncodedImage;
}

export type AddPhotoResult = { ok: true; photo: Photo } | { ok: false; error: PhotoError };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks and re-encodes an upload, then saves it with savePhoto. */
export async function addPhoto(tx: Tx, storage: StoragePort, workshopId: string, bytes: Uint8Array): Promise<AddPhotoResult> {
	const image = await processPhoto(bytes);
	if (!image.ok) return image;
	return { ok: true, photo: await savePhoto(tx, storage, workshopId, image) };
}

/**
 * Inserts the row of an already processed photo, then stores full size and thumbnail.
 * The insert comes first so that RLS refuses a stranger before anything is written to storage.
 * Throws (and leaves no files) when RLS refuses the insert or storage fails; the caller's
 * transaction then rolls back. Pass a staged store (withUserFiles), so that a later failure of the
 * transaction removes the stored files too.
 */
export async function savePhoto(
	tx: Tx,
	storage: StoragePort,
	workshopId: string,
	image: ProcessedImages,
	submissionKey: string | null = null
): Promise<Photo> {
	if (!uuid.test(workshopId)) throw new Error(`not a workshop id: ${JSON.stringify(workshopId)}`);
	const id = randomUUID();
	const path = `workshops/${workshopId}/${id}.webp`;
	const thumbPath = `workshops/${workshopId}/${id}-thumb.webp`;
	const [photo] = await tx<Photo[]>`
		insert into public.workshop_photos (id, workshop_id, path, thumb_path, width, height, position, submission_key)
		values (${id}, ${workshopId}, ${path}, ${thumbPath}, ${image.full.width}, ${image.full.height},
			(select coalesce(max(position) + 1, 0) from public.workshop_photos where workshop_id = ${workshopId}), ${submissionKey})
		returning id, workshop_id, path, thumb_path, width, height, position`;
	try {
		await storage.put(path, image.full.data, 'image/webp');
		await storage.put(thumbPath, image.thumb.data, 'image/webp');
	} catch (e) {
		await storage.remove([path, thumbPath]).catch(() => {});
		throw e;
	}
	return photo;
}

/**
 * Whether photos were saved with this submission key (a form's earlier post). Race-free only when the
 * caller holds the workshop row's lock (the save's update of the workshop takes it): a concurrent save
 * with the same key then waits for the first to commit and sees its photos.
 */
export async function savedWith(tx: Tx, workshopId: string, submissionKey: string | null): Promise<boolean> {
	if (!submissionKey || !uuid.test(workshopId)) return false;
	const rows =
		await tx`select 1 from public.workshop_photos where workshop_id = ${workshopId} and submission_key = ${submissionKey} limit 1`;
	return rows.length > 0;
}

/** The database's refusal of a 13th photo (a trigger counts a workshop's photos under a row lock). */
export function isPhotoLimit(e: unknown): boolean {
	return (e as { constraint_name?: string } | null)?.constraint_name === 'workshop_photos_limit';
}

/** The photos of a workshop the user may see, in display order. */
export async function listPhotos(tx: Tx, workshopId: string): Promise<Photo[]> {
	if (!uuid.test(workshopId)) return [];
	return tx<Photo[]>`
		select id, workshop_id, path, thumb_path, width, height, position
		from public.workshop_photos where workshop_id = ${workshopId}
		order by position, created_at`;
}

/** Deletes the row (if RLS lets the user) and then its files; false when nothing was removed. */
export async function removePhoto(tx: Tx, storage: StoragePort, photoId: string): Promise<boolean> {
	if (!uuid.test(photoId)) return false;
	const [row] = await tx<Pick<Photo, 'path' | 'thumb_path'>[]>`
		delete from public.workshop_photos where id = ${photoId} returning path, thumb_path`;
	if (!row) return false;
	await storage.remove([row.path, row.thumb_path]);
	return true;
}

/** Whether the caller may see the photo (or thumbnail) stored at `path`: RLS on workshop_photos decides. */
export async function isVisible(tx: Tx, path: string): Promise<boolean> {
	const rows = await tx`select 1 from public.workshop_photos where path = ${path} or thumb_path = ${path} limit 1`;
	return rows.length > 0;
}
