// Storage port: private files (portfolio photos, later attachments). Adapters: disk under
// .data/storage (default) and Supabase Storage (private bucket, service key on the server only).
// Access is decided by the app (RLS on the rows that reference a path) before a file is served.

export interface StoredFile {
	data: Uint8Array;
	contentType: string;
}

export interface StoragePort {
	readonly kind: 'disk' | 'supabase';
	/** Stores bytes at a path like `workshops/<id>/<uuid>.webp`; overwrites. */
	put(path: string, data: Uint8Array, contentType: string): Promise<void>;
	/** The file, or null when nothing is stored there. */
	get(path: string): Promise<StoredFile | null>;
	/** Removes files; missing ones are ignored. */
	remove(paths: string[]): Promise<void>;
}

/** Paths are relative, slash-separated, without `..` or empty segments. */
export function isSafePath(path: string): boolean {
	return /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(path) && !path.split('/').includes('..');
}
