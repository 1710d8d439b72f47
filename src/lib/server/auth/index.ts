// The auth port of this process: Supabase Auth when the project is configured, local accounts otherwise.
import type { AppConfig } from '../config';
import { createEmbeddedAuth } from './embedded';
import type { AuthPort } from './port';
import { createSupabaseAuth } from './supabase';

export type * from './port';

/** Call once per process (hooks.server.ts): the embedded adapter reads its session secret once. */
export function createAuth(cfg: AppConfig): AuthPort {
	return cfg.auth.kind === 'supabase' ? createSupabaseAuth(cfg.auth) : createEmbeddedAuth(cfg.auth, cfg.dataDir);
}
