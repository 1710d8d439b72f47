// Disk adapter: files under one folder (`.data/storage` by default), for a single machine.
// Each file's content type sits in a sidecar `.<name>.type` beside it. A leading dot can never
// start a safe path segment, so sidecars and temp files never collide with stored files.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isSafePath, type StoragePort, type StoredFile } from './port';

export function diskStorage(dir: string): StoragePort {
	const root = path.resolve(dir);

	function locate(p: string): { file: string; sidecar: string } {
		if (!isSafePath(p)) throw new Error(`unsafe storage path: ${JSON.stringify(p)}`);
		const file = path.join(root, ...p.split('/'));
		return { file, sidecar: path.join(path.dirname(file), `.${path.basename(file)}.type`) };
	}

	// Write to a temp file in the same folder, then rename: readers see the old file or the new one,
	// never half of one.
	async function writeAtomic(target: string, data: Uint8Array | string): Promise<void> {
		const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
		try {
			await fs.writeFile(tmp, data);
			await fs.rename(tmp, target);
		} catch (e) {
			await fs.rm(tmp, { force: true });
			throw e;
		}
	}

	return {
		kind: 'disk',

		async put(p, data, contentType) {
			const { file, sidecar } = locate(p);
			await fs.mkdir(path.dirname(file), { recursive: true });
			await writeAtomic(sidecar, contentType);
			await writeAtomic(file, data);
		},

		async get(p): Promise<StoredFile | null> {
			const { file, sidecar } = locate(p);
			const data = await fs.readFile(file).catch(ifMissing(null));
			if (!data) return null;
			const contentType = await fs.readFile(sidecar, 'utf8').catch(ifMissing('application/octet-stream'));
			return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), contentType };
		},

		async remove(paths) {
			const located = paths.map(locate);
			await Promise.all(located.flatMap(({ file, sidecar }) => [fs.rm(file, { force: true }), fs.rm(sidecar, { force: true })]));
		}
	};
}

function ifMissing<T>(fallback: T): (e: unknown) => T {
	return (e) => {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
		throw e;
	};
}
