// The adapters of this process, chosen once from the configuration.
import { config } from './config';
import { createAuth } from './auth';
import { createStorage } from './storage';
import { createMail } from './mail';
import type { MailPort } from './mail/port';
import type { AuthPort } from './auth/port';
import type { StoragePort } from './storage/port';

let authPort: AuthPort | undefined;
let storagePort: StoragePort | undefined;
let mailPort: MailPort | undefined;

export function auth(): AuthPort {
	authPort ??= createAuth(config());
	return authPort;
}

export function storage(): StoragePort {
	storagePort ??= createStorage(config());
	return storagePort;
}

export function mail(): MailPort {
	mailPort ??= createMail(config());
	return mailPort;
}
