// Files stored for a transaction that then rolls back must not stay behind in storage, and files
// removed in a transaction that rolls back must still be there: request drawings, quote and message
// files, and portfolio photos, each stored through withUserFiles as the routes do, on the real
// database with RLS, with a failure forced after the file was stored.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestSchemaFor } from '../../src/lib/domain/request-templates';
import * as conversations from '../../src/lib/server/conversations';
import { withUser, type Claims } from '../../src/lib/server/db';
import { processPhoto } from '../../src/lib/server/images';
import * as photos from '../../src/lib/server/photos';
import * as quotes from '../../src/lib/server/quotes';
import * as files from '../../src/lib/server/request-files';
import * as requests from '../../src/lib/server/requests';
import { diskStorage } from '../../src/lib/server/storage/disk';
import type { StoragePort } from '../../src/lib/server/storage/port';
import { staged, withUserFiles } from '../../src/lib/server/storage/staged';
import { testSql } from './db';

// Seed accounts and rows (supabase/seed.sql).
const claims = (sub: string): Claims => ({ sub, role: 'authenticated' });
const STARTUP1 = claims('00000000-0000-4000-8000-000000000e01');
const METALWEAR = '00000000-0000-4000-8000-00000000d001';
const CRAFTSMAN3 = claims('00000000-0000-4000-8000-000000000b03'); // owns 대성정밀
const DAESUNG = '00000000-0000-4000-8000-00000000f301';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let dir: string;
let store: StoragePort;
const created: string[] = [];

/** Every file in the storage folder (sidecars and temp files included): an orphan of any kind shows. */
async function storedFiles(): Promise<string[]> {
	const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
	return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

function input(title: string, visibility: 'public' | 'invited' = 'public') {
	return requestSchemaFor('machine_metal', new Date()).parse({
		template: 'machine_metal',
		title,
		details: { material: '알루미늄 6061', process: ['milling'] },
		quantity: '50',
		visibility,
		nda_required: false,
		required_processes: ['밀링']
	});
}

async function openRequest(title: string): Promise<string> {
	const id = await withUser(STARTUP1, async (tx) => {
		const id = (await requests.create(tx, STARTUP1.sub, METALWEAR, input(title))).id;
		await requests.move(tx, (await requests.byId(tx, id))!, 'publish');
		return id;
	});
	created.push(id);
	return id;
}

class Forced extends Error {}

beforeAll(() => {
	testSql();
});

beforeEach(async () => {
	if (dir) await fs.rm(dir, { recursive: true, force: true });
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sogong-orphans-'));
	store = diskStorage(dir);
});

afterAll(async () => {
	const sql = testSql();
	for (const id of created) {
		await sql`delete from public.notifications where payload ->> 'request_id' = ${id}`;
		await sql`delete from public.requests where id = ${id}`;
	}
	await fs.rm(dir, { recursive: true, force: true });
});

describe('a staged store follows its transaction', () => {
	it('removes what it stored when the transaction fails, and only then', async () => {
		const files = staged(store);
		await files.put('a/one.pdf', PDF, 'application/pdf');
		expect(await storedFiles()).not.toEqual([]);
		await files.rollback();
		expect(await storedFiles()).toEqual([]);
	});

	it('removes files only once the transaction has committed', async () => {
		await store.put('a/kept.pdf', PDF, 'application/pdf');
		const files = staged(store);
		await files.remove(['a/kept.pdf']);
		expect(await store.get('a/kept.pdf')).not.toBeNull();
		await files.commit();
		expect(await store.get('a/kept.pdf')).toBeNull();
	});
});

describe('request drawings', () => {
	it('a drawing stored for a publish the database refuses is removed with the rolled-back draft', async () => {
		let draftId: string | undefined;
		let storedPath: string | undefined;
		// A draft without a title may be saved, but not published (requests_published_title).
		const untitled = { ...input('임시 제목'), title: '' };
		const attempt = withUserFiles(STARTUP1, store, async (tx, staging) => {
			draftId = (await requests.create(tx, STARTUP1.sub, METALWEAR, untitled)).id;
			const [attachmentId] = await files.attach(tx, staging, draftId, STARTUP1.sub, [
				{ name: '도면.pdf', bytes: PDF, contentType: 'application/pdf' }
			]);
			[{ path: storedPath }] = await tx<{ path: string }[]>`select path from public.attachments where id = ${attachmentId}`;
			expect(await store.get(storedPath)).not.toBeNull(); // stored before the failure
			await tx`update public.requests set status = 'open' where id = ${draftId}`;
		});
		await expect(attempt).rejects.toMatchObject({ code: '23514' });
		expect(await store.get(storedPath!)).toBeNull();
		expect(await storedFiles()).toEqual([]);
		expect(await withUser(STARTUP1, (tx) => requests.byId(tx, draftId!))).toBeNull();
	});

	it('a drawing removed in a transaction that rolls back stays, and goes once a removal commits', async () => {
		const draftId = await withUser(
			STARTUP1,
			async (tx) => (await requests.create(tx, STARTUP1.sub, METALWEAR, input('도면 삭제 시험', 'invited'))).id
		);
		created.push(draftId);
		const [attachmentId] = await withUserFiles(STARTUP1, store, (tx, staging) =>
			files.attach(tx, staging, draftId, STARTUP1.sub, [{ name: 'part.pdf', bytes: PDF, contentType: 'application/pdf' }])
		);
		const before = await storedFiles();
		expect(before.length).toBeGreaterThan(0);

		const failed = withUserFiles(STARTUP1, store, async (tx, staging) => {
			expect(await files.remove(tx, staging, draftId, attachmentId)).toBe(true);
			throw new Forced('after the row was deleted');
		});
		await expect(failed).rejects.toBeInstanceOf(Forced);
		expect(await storedFiles()).toEqual(before);
		expect(await withUser(STARTUP1, (tx) => files.list(tx, draftId))).toHaveLength(1);

		await withUserFiles(STARTUP1, store, (tx, staging) => files.remove(tx, staging, draftId, attachmentId));
		expect(await storedFiles()).toEqual([]);
	});
});

describe('deleting a draft', () => {
	it('removes the draft and, once that is committed, its files; a published request stays', async () => {
		const draftId = await withUser(
			STARTUP1,
			async (tx) => (await requests.create(tx, STARTUP1.sub, METALWEAR, input('지울 초안', 'invited'))).id
		);
		created.push(draftId);
		await withUserFiles(STARTUP1, store, (tx, staging) =>
			files.attach(tx, staging, draftId, STARTUP1.sub, [
				{ name: 'a.pdf', bytes: PDF, contentType: 'application/pdf' },
				{ name: 'b.pdf', bytes: PDF, contentType: 'application/pdf' }
			])
		);
		expect((await storedFiles()).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);

		// A deletion whose transaction fails leaves the draft and its files.
		const failed = withUserFiles(STARTUP1, store, async (tx, staging) => {
			expect(await requests.removeDraft(tx, staging, (await requests.byId(tx, draftId))!)).toBe(true);
			throw new Forced('after the delete');
		});
		await expect(failed).rejects.toBeInstanceOf(Forced);
		expect((await storedFiles()).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);

		const deleted = await withUserFiles(STARTUP1, store, async (tx, staging) =>
			requests.removeDraft(tx, staging, (await requests.byId(tx, draftId))!)
		);
		expect(deleted).toBe(true);
		expect(await storedFiles()).toEqual([]);
		expect(await withUser(STARTUP1, (tx) => requests.byId(tx, draftId))).toBeNull();

		const openId = await openRequest('게시된 의뢰는 지우지 않음');
		const refused = await withUserFiles(STARTUP1, store, async (tx, staging) =>
			requests.removeDraft(tx, staging, (await requests.byId(tx, openId))!)
		);
		expect(refused).toBe(false);
		expect(await withUser(STARTUP1, (tx) => requests.byId(tx, openId))).not.toBeNull();
	});
});

describe('quote and message files', () => {
	it('a quote file stored before the transaction fails is removed, and so is the quote', async () => {
		const requestId = await openRequest('견적 첨부 롤백 시험');
		const attempt = withUserFiles(CRAFTSMAN3, store, async (tx, staging) => {
			const written = await quotes.submit(tx, {
				requestId,
				workshopId: DAESUNG,
				userId: CRAFTSMAN3.sub,
				price_krw: 900_000,
				vat_krw: 90_000,
				vat_included: false,
				deposit_krw: 99_000,
				sample_krw: 0,
				line_items: [],
				lead_time_days: 10,
				valid_until: '2099-12-31',
				notes: ''
			});
			if (!written.ok) throw new Error(written.error);
			await quotes.storeFiles(tx, staging, {
				requestId,
				quoteId: written.id,
				userId: CRAFTSMAN3.sub,
				folder: 'quotes',
				files: [new File([PDF], '견적서.pdf', { type: 'application/pdf' })]
			});
			expect((await storedFiles()).some((f) => f.endsWith('.pdf'))).toBe(true);
			await tx`select 1 / 0`; // anything failing later in the same transaction
		});
		await expect(attempt).rejects.toMatchObject({ code: '22012' });
		expect(await storedFiles()).toEqual([]);
		expect(await withUser(CRAFTSMAN3, (tx) => quotes.forWorkshop(tx, requestId, DAESUNG))).toEqual([]);
	});

	it('a message file stored before the transaction fails is removed, and so is the message', async () => {
		const requestId = await openRequest('메시지 첨부 롤백 시험');
		const attempt = withUserFiles(CRAFTSMAN3, store, async (tx, staging) => {
			const ctx = await conversations.context(tx, requestId, DAESUNG, CRAFTSMAN3.sub);
			if (!ctx) throw new Error('no thread');
			await conversations.send(tx, staging, ctx, {
				userId: CRAFTSMAN3.sub,
				body: '도면 보냅니다',
				files: [new File([PDF], 'sketch.pdf', { type: 'application/pdf' })]
			});
			expect((await storedFiles()).some((f) => f.endsWith('.pdf'))).toBe(true);
			throw new Forced('after the message was written');
		});
		await expect(attempt).rejects.toBeInstanceOf(Forced);
		expect(await storedFiles()).toEqual([]);
		const ctx = await withUser(CRAFTSMAN3, (tx) => conversations.context(tx, requestId, DAESUNG, CRAFTSMAN3.sub));
		expect(ctx?.conversationId).toBeNull();
	});

	it('a message file of a committed transaction stays', async () => {
		const requestId = await openRequest('메시지 첨부 커밋 시험');
		await withUserFiles(CRAFTSMAN3, store, async (tx, staging) => {
			const ctx = await conversations.context(tx, requestId, DAESUNG, CRAFTSMAN3.sub);
			await conversations.send(tx, staging, ctx!, {
				userId: CRAFTSMAN3.sub,
				body: '첨부합니다',
				files: [new File([PDF], 'ok.pdf', { type: 'application/pdf' })]
			});
		});
		expect((await storedFiles()).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
	});
});

describe('portfolio photos', () => {
	it('both files of a photo whose transaction fails are removed, and the row is not there', async () => {
		const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#58a' } })
			.png()
			.toBuffer();
		const image = await processPhoto(png);
		if (!image.ok) throw new Error(image.error);
		const before = await withUser(CRAFTSMAN3, (tx) => photos.listPhotos(tx, DAESUNG));
		const attempt = withUserFiles(CRAFTSMAN3, store, async (tx, staging) => {
			const photo = await photos.savePhoto(tx, staging, DAESUNG, image);
			expect(await store.get(photo.path)).not.toBeNull();
			expect(await store.get(photo.thumb_path)).not.toBeNull();
			throw new Forced('the workshop update after the photo failed');
		});
		await expect(attempt).rejects.toBeInstanceOf(Forced);
		expect(await storedFiles()).toEqual([]);
		expect(await withUser(CRAFTSMAN3, (tx) => photos.listPhotos(tx, DAESUNG))).toEqual(before);
	});
});
