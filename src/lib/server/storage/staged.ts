// Files that follow a database transaction. Storage is not transactional: a file stored before its row
// is written stays behind when the transaction rolls back later (an orphan nobody can reach), and a file
// removed before the commit is gone even when its row comes back. A staged store keeps both in step
// with the transaction: what it stored is removed again when the transaction fails (a compensating
// delete), and what it was asked to remove is removed only once the transaction has committed.
// The app stores every file at a fresh path (a new uuid), so a compensating delete never takes an
// older file.
import { withUser, type Claims, type Tx } from '../db';
import type { StoragePort } from './port';

export interface StagedStorage extends StoragePort {
	/** The transaction committed: carry out the removals. */
	commit(): Promise<void>;
	/** The transaction failed: remove what was stored; the removals asked for never happen. */
	rollback(): Promise<void>;
}

export function staged(store: StoragePort): StagedStorage {
	const stored = new Set<string>();
	const removals = new Set<string>();
	return {
		kind: store.kind,
		async put(path, data, contentType) {
			// Recorded first: a put that fails half-way may still have left something to remove.
			stored.add(path);
			await store.put(path, data, contentType);
		},
		get: (path) => store.get(path),
		remove(paths) {
			for (const path of paths) removals.add(path);
			return Promise.resolve();
		},
		async commit() {
			if (removals.size) await store.remove([...removals]);
			stored.clear();
			removals.clear();
		},
		async rollback() {
			const orphans = [...stored];
			stored.clear();
			removals.clear();
			if (orphans.length) await store.remove(orphans);
		}
	};
}

/**
 * withUser for work that stores or removes files: fn gets the transaction and a staged store. When the
 * transaction rolls back (fn throws, or the commit fails) the files it stored are removed before the
 * error goes on; removals happen after the commit. A failed clean-up is logged, never hides the error.
 */
export async function withUserFiles<T>(
	claims: Claims | null,
	store: StoragePort,
	fn: (tx: Tx, files: StoragePort) => Promise<T>
): Promise<T> {
	const files = staged(store);
	let result: T;
	try {
		result = await withUser(claims, (tx) => fn(tx, files));
	} catch (e) {
		await files.rollback().catch((cleanup) => console.error('storage: could not remove the files of a rolled-back transaction', cleanup));
		throw e;
	}
	await files.commit().catch((cleanup) => console.error('storage: could not remove files after commit', cleanup));
	return result;
}
