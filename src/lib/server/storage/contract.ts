// The one behaviour every storage adapter must show. storage.test.ts runs it against each adapter.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoragePort } from './port';

export interface ContractSubject {
	storage: StoragePort;
	/** Called once after the suite: remove temp folders, stop doubles. */
	dispose?: () => Promise<void>;
}

export function storageContract(title: string, open: () => Promise<ContractSubject>): void {
	describe(title, () => {
		let subject: ContractSubject;
		// A fresh folder per run, so a real bucket shared with other runs is never confused.
		const base = `contract-tests/${randomUUID()}`;
		const written = new Set<string>();
		const store = () => subject.storage;
		const put = async (path: string, data: Uint8Array, type: string) => {
			written.add(path);
			await store().put(path, data, type);
		};

		beforeAll(async () => {
			subject = await open();
		});
		afterAll(async () => {
			if (!subject) return;
			await subject.storage.remove([...written]);
			await subject.dispose?.();
		});

		it('gives back the exact bytes and content type it stored', async () => {
			const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
			await put(`${base}/photo.webp`, bytes, 'image/webp');
			const file = await store().get(`${base}/photo.webp`);
			expect(file?.contentType).toBe('image/webp');
			expect(Buffer.from(file!.data).equals(Buffer.from(bytes))).toBe(true);
		});

		it('overwrites a file stored at the same path', async () => {
			await put(`${base}/same.bin`, new Uint8Array([1, 2, 3]), 'application/octet-stream');
			await put(`${base}/same.bin`, new TextEncoder().encode('second'), 'text/plain');
			const file = await store().get(`${base}/same.bin`);
			expect(new TextDecoder().decode(file!.data)).toBe('second');
			expect(file!.contentType).toMatch(/^text\/plain/);
		});

		it('answers null for a path where nothing is stored', async () => {
			expect(await store().get(`${base}/never-stored.webp`)).toBeNull();
		});

		it('removes files and ignores ones that are not there', async () => {
			await put(`${base}/a.webp`, new Uint8Array([1]), 'image/webp');
			await put(`${base}/b.webp`, new Uint8Array([2]), 'image/webp');
			await store().remove([`${base}/a.webp`, `${base}/b.webp`, `${base}/missing.webp`]);
			expect(await store().get(`${base}/a.webp`)).toBeNull();
			expect(await store().get(`${base}/b.webp`)).toBeNull();
			await expect(store().remove([])).resolves.toBeUndefined();
			await expect(store().remove([`${base}/missing.webp`])).resolves.toBeUndefined();
		});

		it('refuses unsafe paths before touching anything', async () => {
			for (const path of ['../escape.webp', `${base}/../../escape`, '/etc/passwd', `${base}//double`, '', '.hidden']) {
				await expect(store().put(path, new Uint8Array([1]), 'image/webp')).rejects.toThrow(/unsafe/);
				await expect(store().get(path)).rejects.toThrow(/unsafe/);
				await expect(store().remove([path])).rejects.toThrow(/unsafe/);
			}
		});
	});
}
