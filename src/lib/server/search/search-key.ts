// The only Meilisearch key a browser may ever hold: one that can search this index and do nothing
// else. The app itself searches on the server; this is for a UI that wants to talk to Meilisearch
// directly (instant search). The master key stays on the server.
import { createHash } from 'node:crypto';
import { Meilisearch, MeilisearchApiError, type Key } from 'meilisearch';
import type { MeilisearchConfig } from './meilisearch';

export interface BrowserSearchKey {
	/** Meilisearch's public address. */
	url: string;
	index: string;
	/** A key with actions ['search'] on `index` only. */
	key: string;
}

/**
 * The same uid on every app instance for the same index, so instances that start together reuse
 * one key instead of each creating its own (Meilisearch answers 409 to the second creation).
 */
export function searchKeyUid(index: string): string {
	const h = createHash('sha256').update(`sogong-link search-only key for ${index}`).digest('hex');
	// Shaped as a UUID v4 (version and variant bits set), which Meilisearch requires of a key uid.
	const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const code = (e: unknown) => (e instanceof MeilisearchApiError ? (e.cause as { code?: string } | undefined)?.code : undefined);

function checked(key: Key, cfg: MeilisearchConfig): Key {
	const searchOnly = key.actions.length === 1 && key.actions[0] === 'search';
	const thisIndexOnly = key.indexes.length === 1 && key.indexes[0] === cfg.index;
	const expired = key.expiresAt !== null && new Date(key.expiresAt).getTime() <= Date.now();
	if (!searchOnly || !thisIndexOnly || expired || key.key === cfg.apiKey)
		throw new Error(
			`Meilisearch key ${key.uid} is not a live search-only key for index ${cfg.index} ` +
				`(actions ${key.actions.join(',')}, indexes ${key.indexes.join(',')}); delete it and it will be recreated.`
		);
	return key;
}

/** Creates, or finds again, the search-only key for the configured index. Needs the master (or an admin) key. */
export async function searchOnlyKey(cfg: MeilisearchConfig): Promise<BrowserSearchKey> {
	const client = new Meilisearch({ host: cfg.url, apiKey: cfg.apiKey, timeout: 10_000 });
	const uid = searchKeyUid(cfg.index);
	let key: Key;
	try {
		key = await client.getKey(uid);
	} catch (e) {
		if (code(e) !== 'api_key_not_found') throw e;
		try {
			key = await client.createKey({
				uid,
				name: `sogong-link search (${cfg.index})`,
				description: 'Search-only key for browsers: it can search this index and nothing else.',
				actions: ['search'],
				indexes: [cfg.index],
				expiresAt: null
			});
		} catch (e) {
			// Another instance created it between our two requests.
			if (code(e) !== 'api_key_already_exists') throw e;
			key = await client.getKey(uid);
		}
	}
	return { url: cfg.url, index: cfg.index, key: checked(key, cfg).key };
}
