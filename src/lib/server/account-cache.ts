// The signed-in user's account and unread count, kept in the process for a few seconds, because
// reading them in a transaction on every request cost a signed-in page most of its speed (measured:
// a signed-in /healthz served 1,926 requests/s against 10,253 anonymous). The count changes only with
// notifications, and each insert or read of one announces its user on channel `notifications`
// (the live bell listens there too): that user's entry is dropped when the announcement arrives. A
// non-GET request of the user drops it at once (the redirect after a form must show what it did),
// and nothing is kept longer than KEEP_MS (a profile changed by another instance of the app). Where
// LISTEN hears nothing (a transaction-mode pooler) nothing is kept.
import type { Sql } from 'postgres';
import { listenChecked } from './db/listen';

const KEEP_MS = 15_000;

interface Entry<T> {
	value: T;
	until: number;
}

export function accountCache<T>(keepMs = KEEP_MS) {
	const entries = new Map<string, Entry<T>>();
	let enabled = false;
	return {
		/** The user's entry, loaded when missing or old. */
		async get(userId: string, load: () => Promise<T>): Promise<T> {
			const kept = entries.get(userId);
			if (enabled && kept && kept.until > Date.now()) return kept.value;
			const value = await load();
			if (enabled) entries.set(userId, { value, until: Date.now() + keepMs });
			return value;
		},
		forget(userId: string): void {
			entries.delete(userId);
		},
		clear(): void {
			entries.clear();
		},
		/** Keeps entries from now on; the listener below calls it once it hears its own probe. */
		enable(on: boolean): void {
			enabled = on;
			if (!on) entries.clear();
		}
	};
}

/** The process's cache of the signed-in user's account and unread count. */
export const accounts = accountCache<[user: App.Locals['user'], unread: number]>();

/** Listens on channel notifications (a user id per message) and keeps entries only while it hears. */
export async function listenForAccountChanges(sql: Sql): Promise<boolean> {
	// A message names the user whose count changed; a (re)connection may have missed some: drop all.
	const hears = await listenChecked(sql, 'notifications', (userId) => (userId ? accounts.forget(userId) : accounts.clear()), 'accounts');
	accounts.enable(hears);
	return hears;
}
