// Photos as the owner and as a stranger, with RLS enforced by the embedded PostgreSQL.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/lib/server/db';
import { addPhoto, listPhotos, removePhoto } from '../../src/lib/server/photos';
import { diskStorage } from '../../src/lib/server/storage/disk';
import type { StoragePort } from '../../src/lib/server/storage/port';
import { rollback } from './db';

let dir: string;
let storage: StoragePort;

beforeEach(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sogong-photos-'));
	storage = diskStorage(dir);
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const png = () =>
	sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6' } })
		.png()
		.toBuffer();

async function storedFiles(): Promise<string[]> {
	const names = await fs.readdir(dir, { recursive: true });
	return names.filter((n) => n.endsWith('.webp')).map((n) => n.split(path.sep).join('/'));
}

/** An owner (craftsman), a stranger and the owner's workshop, created as the superuser. */
async function fixtures(tx: Tx) {
	const [owner] = await tx<{ id: string }[]>`
		insert into auth.users (email, raw_user_meta_data) values ('photo-owner@example.test', '{"role":"craftsman"}')
		returning id`;
	const [stranger] = await tx<{ id: string }[]>`
		insert into auth.users (email, raw_user_meta_data) values ('photo-stranger@example.test', '{"role":"craftsman"}')
		returning id`;
	await tx`insert into public.trades (ksic_code, name_ko, name_en) values ('99991', '시험 업종', 'Test trade')`;
	const [workshop] = await tx<{ id: string }[]>`
		insert into public.workshops (owner_id, slug, name_ko, trade_code, employees)
		values (${owner.id}, 'photo-test-workshop', '사진 시험 공방', '99991', 3) returning id`;
	return { ownerId: owner.id, strangerId: stranger.id, workshopId: workshop.id };
}

async function actAs(tx: Tx, userId: string): Promise<void> {
	const claims = JSON.stringify({ sub: userId, role: 'authenticated' });
	await tx`select set_config('request.jwt.claims', ${claims}, true)`;
	await tx`set local role authenticated`;
}

describe('workshop photos', () => {
	it('lets the owner add a photo: the row and both files exist', async () => {
		await rollback(async (tx) => {
			const { ownerId, workshopId } = await fixtures(tx);
			await actAs(tx, ownerId);
			const result = await addPhoto(tx, storage, workshopId, await png());
			if (!result.ok) throw new Error(result.error);
			const { photo } = result;
			expect(photo).toMatchObject({ workshop_id: workshopId, width: 1200, height: 800, position: 0 });
			expect(photo.path).toBe(`workshops/${workshopId}/${photo.id}.webp`);
			expect(photo.thumb_path).toBe(`workshops/${workshopId}/${photo.id}-thumb.webp`);
			expect(await listPhotos(tx, workshopId)).toEqual([photo]);
			expect((await storage.get(photo.path))?.contentType).toBe('image/webp');
			const thumb = await storage.get(photo.thumb_path);
			expect((await sharp(thumb!.data).metadata()).width).toBe(480);

			const second = await addPhoto(tx, storage, workshopId, await png());
			expect(second.ok && second.photo.position).toBe(1);
		});
	});

	it('refuses a stranger through RLS and leaves no files behind', async () => {
		await rollback(async (tx) => {
			const { strangerId, workshopId } = await fixtures(tx);
			await actAs(tx, strangerId);
			const bytes = await png();
			await expect(tx.savepoint((sp) => addPhoto(sp, storage, workshopId, bytes))).rejects.toThrow(/row-level security/);
			expect(await storedFiles()).toEqual([]);
			expect(await listPhotos(tx, workshopId)).toEqual([]);
		});
	});

	it('removes the stored full size when storing the thumbnail fails', async () => {
		const failingThumbs: StoragePort = {
			...storage,
			put: (p, data, type) => (p.endsWith('-thumb.webp') ? Promise.reject(new Error('disk full')) : storage.put(p, data, type))
		};
		await rollback(async (tx) => {
			const { ownerId, workshopId } = await fixtures(tx);
			await actAs(tx, ownerId);
			const bytes = await png();
			await expect(tx.savepoint((sp) => addPhoto(sp, failingThumbs, workshopId, bytes))).rejects.toThrow('disk full');
			expect(await storedFiles()).toEqual([]);
			expect(await listPhotos(tx, workshopId)).toEqual([]);
		});
	});

	it('removes a photo only for the owner, files included', async () => {
		await rollback(async (tx) => {
			const { ownerId, strangerId, workshopId } = await fixtures(tx);
			await actAs(tx, ownerId);
			const added = await addPhoto(tx, storage, workshopId, await png());
			if (!added.ok) throw new Error(added.error);
			const files = [added.photo.path, added.photo.thumb_path].sort();
			expect((await storedFiles()).sort()).toEqual(files);

			await actAs(tx, strangerId);
			expect(await removePhoto(tx, storage, added.photo.id)).toBe(false);
			expect((await storedFiles()).sort()).toEqual(files);

			await actAs(tx, ownerId);
			expect(await removePhoto(tx, storage, added.photo.id)).toBe(true);
			expect(await storedFiles()).toEqual([]);
			expect(await listPhotos(tx, workshopId)).toEqual([]);
		});
	});

	it('reports a file that is not an image without touching the database or storage', async () => {
		await rollback(async (tx) => {
			const { ownerId, workshopId } = await fixtures(tx);
			await actAs(tx, ownerId);
			const text = new TextEncoder().encode('not a photo');
			expect(await addPhoto(tx, storage, workshopId, text)).toEqual({ ok: false, error: 'not_an_image' });
			expect(await listPhotos(tx, workshopId)).toEqual([]);
			expect(await storedFiles()).toEqual([]);
		});
	});
});
