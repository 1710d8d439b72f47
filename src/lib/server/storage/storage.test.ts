import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStorageDouble } from '../../../../tests/doubles/supabase-storage';
import { storageContract } from './contract';
import { diskStorage } from './disk';
import { supabaseStorage } from './supabase';

async function tempDir(): Promise<string> {
	return fs.mkdtemp(path.join(os.tmpdir(), 'sogong-storage-'));
}

storageContract('disk storage', async () => {
	const dir = await tempDir();
	return { storage: diskStorage(dir), dispose: () => fs.rm(dir, { recursive: true, force: true }) };
});

storageContract('supabase storage against the local Storage double', async () => {
	const double = await startStorageDouble();
	return { storage: supabaseStorage(double), dispose: () => double.close() };
});

// The real service, only when a project is configured (the bucket must exist and be private).
const realUrl = process.env.PUBLIC_SUPABASE_URL;
const realKey = process.env.SUPABASE_SERVICE_ROLE_KEY;
if (realUrl && realKey) {
	storageContract('supabase storage against the configured project', () =>
		Promise.resolve({
			storage: supabaseStorage({
				url: realUrl,
				serviceKey: realKey,
				bucket: process.env.SUPABASE_STORAGE_BUCKET || 'portfolio'
			})
		})
	);
} else {
	describe.skip('supabase storage against a real project: skipped, PUBLIC_SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are not set', () => {
		it('runs the storage contract against a real bucket', () => {});
	});
}

describe('disk storage on disk', () => {
	it('keeps plain files an operator can inspect, and leaves no temp files behind', async () => {
		const dir = await tempDir();
		const storage = diskStorage(dir);
		await storage.put('workshops/w1/p.webp', new Uint8Array([7, 8]), 'image/webp');
		await storage.put('workshops/w1/p.webp', new Uint8Array([9]), 'image/webp');
		expect([...(await fs.readFile(path.join(dir, 'workshops/w1/p.webp')))]).toEqual([9]);
		const names = await fs.readdir(path.join(dir, 'workshops/w1'));
		expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
		await fs.rm(dir, { recursive: true, force: true });
	});
});

describe('supabase storage errors', () => {
	it('reports a wrong service key instead of pretending the file is missing', async () => {
		const double = await startStorageDouble();
		try {
			const storage = supabaseStorage({ ...double, serviceKey: 'not-the-key' });
			await expect(storage.get('workshops/w1/p.webp')).rejects.toThrow(/Invalid API key/);
			await expect(storage.put('workshops/w1/p.webp', new Uint8Array([1]), 'image/webp')).rejects.toThrow();
		} finally {
			await double.close();
		}
	});

	it('reports a bucket that does not exist', async () => {
		const double = await startStorageDouble();
		try {
			const storage = supabaseStorage({ ...double, bucket: 'nope' });
			await expect(storage.put('a.webp', new Uint8Array([1]), 'image/webp')).rejects.toThrow(/Bucket not found/);
		} finally {
			await double.close();
		}
	});
});
