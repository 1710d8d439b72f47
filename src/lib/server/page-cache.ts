// Anonymous pages, rendered once and kept in this process until what they show changes. A visitor
// who is not signed in sees the same home, cluster, workshop, company and search pages as every other
// (per language), and rendering one costs ~10× the framework's own work per request; kept, it costs a
// lookup. Every change to the tables those pages read is announced on channel public_pages (migration
// 20261206000200) and drops everything kept; so does any (re)connection of the listener. Where
// notifications cannot be heard (a transaction-mode pooler), nothing is kept.
// The signed-in dashboard is kept the same way in a second cache, one entry per user (the hook puts the
// user, the account as read for this request and the bell's count into the key): dropped by those
// announcements and by the ones on channel private_pages (migration 20261212000400), which cover the
// tables only dashboards show. A user reloading their dashboard costs a lookup instead of a render.
import type { Sql } from 'postgres';
import { listenChecked } from './db/listen';

/** Pages that look the same to every anonymous visitor (and their client-side navigation data). */
const CACHEABLE = /^\/(?:|search|clusters|clusters\/[^/]+|workshops\/[^/]+|companies\/[^/]+)(?:\/__data\.json)?$/;
/** Signed-in pages kept per user: the dashboard (and its client-side navigation data). */
const PRIVATE = /^\/dashboard(?:\/__data\.json)?$/;
/** At most this many pages (the search page has one per query) and this many bytes in all. */
const MAX_ENTRIES = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;
/** In case a notification is ever lost: nothing is kept longer than this. */
const MAX_AGE_MS = 5 * 60_000;
/** Headers a kept response is served with again (not set-cookie: a response that sets one is not kept). */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary', 'etag', 'x-sveltekit-page', 'link'];

interface Entry {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	at: number;
}

export interface PageCache {
	cacheable(pathname: string): boolean;
	/** A new response for the kept page, or null. */
	get(key: string): Response | null;
	/** A mark taken before rendering: keep() refuses a page rendered across a change. */
	mark(): number;
	/** Keeps the response if it may be kept, and returns one to send (the body read once). */
	keep(key: string, response: Response, mark: number): Promise<Response>;
	clear(): void;
	readonly size: number;
}

export function createPageCache(options: { maxAgeMs?: number; enabled?: () => boolean; pages?: RegExp } = {}): PageCache {
	const maxAge = options.maxAgeMs ?? MAX_AGE_MS;
	const pages = options.pages ?? CACHEABLE;
	const enabled = options.enabled ?? (() => true);
	const entries = new Map<string, Entry>();
	let bytes = 0;
	// Bumped by clear(): a page rendered before a change must not be kept after it.
	let generation = 0;

	function drop(key: string): void {
		const entry = entries.get(key);
		if (!entry) return;
		bytes -= entry.body.byteLength;
		entries.delete(key);
	}

	return {
		cacheable: (pathname) => pages.test(pathname),
		get(key) {
			const entry = entries.get(key);
			if (!entry) return null;
			if (!enabled() || Date.now() - entry.at > maxAge) {
				drop(key);
				return null;
			}
			// Least recently used goes first: a hit moves to the end.
			entries.delete(key);
			entries.set(key, entry);
			return new Response(entry.body as BodyInit, { status: entry.status, headers: entry.headers });
		},
		mark: () => generation,
		async keep(key, response, mark) {
			const type = response.headers.get('content-type') ?? '';
			if (!enabled() || response.status !== 200 || response.headers.has('set-cookie') || !/text\/html|application\/json/.test(type))
				return response;
			const body = new Uint8Array(await response.arrayBuffer());
			const headers = KEPT_HEADERS.flatMap((name): [string, string][] => {
				const value = response.headers.get(name);
				return value === null ? [] : [[name, value]];
			});
			if (mark === generation && body.byteLength <= MAX_BYTES / 16) {
				drop(key);
				entries.set(key, { status: 200, headers, body, at: Date.now() });
				bytes += body.byteLength;
				for (const [oldest] of entries) {
					if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
					drop(oldest);
				}
			}
			return new Response(body as BodyInit, { status: 200, headers: response.headers });
		},
		clear() {
			generation++;
			entries.clear();
			bytes = 0;
		},
		get size() {
			return entries.size;
		}
	};
}

let shared: PageCache | undefined;
let personal: PageCache | undefined;
let hears = false;
let hearsPrivate = false;

/** The process's page cache; keeps nothing until listen() has heard its own notification. */
export function pageCache(): PageCache {
	shared ??= createPageCache({ enabled: () => hears });
	return shared;
}

/** The process's cache of signed-in dashboards; keeps nothing until both channels are heard. */
export function privatePageCache(): PageCache {
	personal ??= createPageCache({ enabled: () => hears && hearsPrivate, pages: PRIVATE });
	return personal;
}

/** Starts listening for changes to what the kept pages show (once per process, at start). */
export async function listen(sql: Sql): Promise<boolean> {
	const cache = pageCache();
	const dashboards = privatePageCache();
	hears = await listenChecked(
		sql,
		'public_pages',
		() => {
			cache.clear();
			dashboards.clear();
		},
		'pages'
	);
	hearsPrivate = await listenChecked(sql, 'private_pages', () => dashboards.clear(), 'dashboards');
	return hears;
}
