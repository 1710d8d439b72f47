// The adapters of this process, chosen once from the configuration.
import { config } from './config';
import { createAuth } from './auth';
import { createStorage } from './storage';
import type { AuthPort } from './auth/port';
import type { StoragePort } from './storage/port';

let authPort: AuthPort | undefined;
let storagePort: StoragePort | undefined;

export function auth(): AuthPort {
	authPort ??= createAuth(config());
	return authPort;
}

export function storage(): StoragePort {
	storagePort ??= createStorage(config());
	return storagePort;
}
