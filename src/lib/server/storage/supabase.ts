// Supabase Storage adapter: a private bucket reached with the service-role key. The key stays in
// this server process; browsers get files only through /files/..., after an RLS check.
import { createClient } from '@supabase/supabase-js';
import { isSafePath, type StoragePort, type StoredFile } from './port';

export interface SupabaseStorageConfig {
	url: string;
	serviceKey: string;
	bucket: string;
}

export function supabaseStorage(cfg: SupabaseStorageConfig): StoragePort {
	const client = createClient(cfg.url, cfg.serviceKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
	const bucket = client.storage.from(cfg.bucket);

	return {
		kind: 'supabase',

		async put(path, data, contentType) {
			assertSafe(path);
			const { error } = await bucket.upload(path, data, { upsert: true, contentType });
			if (error) throw failure('put', path, error);
		},

		async get(path): Promise<StoredFile | null> {
			assertSafe(path);
			const { data, error } = await bucket.download(path);
			if (error) {
				if (isMissing(error)) return null;
				throw failure('get', path, error);
			}
			return {
				data: new Uint8Array(await data.arrayBuffer()),
				contentType: data.type || 'application/octet-stream'
			};
		},

		async remove(paths) {
			paths.forEach(assertSafe);
			// The API refuses an empty list; removing nothing needs no request.
			if (paths.length === 0) return;
			const { error } = await bucket.remove(paths);
			if (error) throw failure('remove', paths.join(', '), error);
		}
	};
}

/** The fields storage-js errors carry (StorageApiError has them all, network errors only message). */
interface StorageError {
	message: string;
	status?: number;
	statusCode?: string;
	code?: string;
}

function assertSafe(path: string): void {
	if (!isSafePath(path)) throw new Error(`unsafe storage path: ${JSON.stringify(path)}`);
}

// Storage answers a missing object with HTTP 400 and `statusCode: "404"` in the body
// (older versions) or code NoSuchKey; accept every shape.
function isMissing(error: StorageError): boolean {
	return error.code === 'NoSuchKey' || error.statusCode === '404' || error.status === 404;
}

function failure(op: string, path: string, error: StorageError): Error {
	return new Error(`supabase storage ${op} ${path}: ${error.message}`, { cause: error });
}
