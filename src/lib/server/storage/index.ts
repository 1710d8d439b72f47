// Picks the storage adapter the configuration asks for.
import type { AppConfig } from '../config';
import { diskStorage } from './disk';
import type { StoragePort } from './port';
import { supabaseStorage } from './supabase';

export type { StoragePort, StoredFile } from './port';

export function createStorage(cfg: AppConfig): StoragePort {
	const s = cfg.storage;
	return s.kind === 'supabase' ? supabaseStorage(s) : diskStorage(s.dir);
}
