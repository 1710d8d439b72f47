// The engine's caches, per engine (i.e. per process), of public data only, the same for every user:
// estimated counts, exact counts, plan hints, the glossary and the facet value dictionary. None of
// them ever changes a result: the page of hits is always read fresh, estimates are only ever of large
// result sets (±2% anyway), exact counts are dropped by the next change to the index, and a hint only
// chooses between ways to the same page (tested).
import type { Sql } from 'postgres';
import type { GlossaryEntry } from '../../../domain/glossary';
import { loadGlossary } from '../documents';
import type { Counts } from './counts';

const GLOSSARY_TTL_MS = 30_000;
/**
 * How long, and for how many searches, an engine keeps estimated counts: fresh for about 5 minutes
 * (each ±10%, so that estimates made together are not all counted again together); for an hour
 * after that, a search gets the last estimate while it is counted again in the background. A count
 * of a large result set takes ~7 ms alone and 20–60 ms among other searches (its sample is ~3,000 rows).
 */
export const ESTIMATES_FRESH_MS = 5 * 60_000;
export const ESTIMATES_STALE_MS = 60 * 60_000;
const ESTIMATES_CACHED = 500;
/** Estimates counted again in the background at once, at most: they take turns with searches, not cores. */
const RECOUNTS_AT_ONCE = 1;
/**
 * Exact counts are kept until the index changes (the search_index_changes migration notifies every
 * listening engine on commit), and at most this long, in case a notification is ever lost.
 */
const EXACT_COUNTS_MAX_MS = 5 * 60_000;
const INDEX_CHANNEL = 'search_index';
/** How long listen() waits for its own test notification before it keeps no exact counts. */
const LISTEN_CHECK_MS = 2_000;
/**
 * How long an engine keeps a plan hint. Each is checked or renewed by the searches that use it and
 * never changes a result (tested), so a stale one costs a little time at most; a short life would
 * make every query asked again after a pause pay for what the engine had learned about it.
 */
const HINTS_TTL_MS = 10 * 60_000;

/** Drops the oldest entry of a map when it holds ESTIMATES_CACHED. */
function makeRoom<K, V>(map: Map<K, V>): void {
	if (map.size >= ESTIMATES_CACHED) map.delete(map.keys().next().value!);
}

/** Sets `key` as the newest entry of a bounded map. */
function setNewest<K, V>(map: Map<K, V>, key: K, value: V): void {
	map.delete(key); // renewed entries move to the end: the oldest go first
	makeRoom(map);
	map.set(key, value);
}

/**
 * Estimated counts for a short while. Past `fresh`, the last estimate is answered while one search
 * counts it again in the background (stale-while-revalidate), so a query asked again after a pause
 * does not wait for the sample.
 */
export class Estimates {
	private readonly entries = new Map<string, { counts: Counts; fresh: number; stale: number }>();
	private readonly recounting = new Set<string>();
	// Bumped by clear(): a recount that started before must not bring back what it cleared.
	private generation = 0;

	constructor(
		private readonly freshMs: number,
		private readonly staleMs: number
	) {}

	/** The estimate, if it is still fresh. */
	fresh(key: string, now: number): Counts | undefined {
		const cached = this.entries.get(key);
		return cached && cached.fresh > now ? cached.counts : undefined;
	}

	/** The estimate, if it is past fresh but still answered; `recount` then runs in the background. */
	stale(key: string, now: number, recount: () => Promise<unknown>): Counts | undefined {
		const cached = this.entries.get(key);
		if (!cached || cached.stale <= now) return undefined;
		if (!this.recounting.has(key) && this.recounting.size < RECOUNTS_AT_ONCE) {
			this.recounting.add(key);
			// A failed recount leaves the estimate as it was: the next search past `fresh` tries again,
			// and past `stale` a search counts (and fails) in its own time.
			void recount().then(
				() => this.recounting.delete(key),
				() => this.recounting.delete(key)
			);
		}
		return cached.counts;
	}

	/** Whether the query's counts were estimated lately: it matches too many for the one-lookup path. */
	large(key: string): boolean {
		return (this.entries.get(key)?.stale ?? 0) > Date.now();
	}

	/** A mark to hand to keep(): a count that started before clear() is not kept. */
	mark(): number {
		return this.generation;
	}

	keep(key: string, counts: Counts, started: number): void {
		if (started !== this.generation) return;
		const fresh = Date.now() + Math.round(this.freshMs * (0.9 + Math.random() * 0.2));
		setNewest(this.entries, key, { counts, fresh, stale: fresh + this.staleMs });
	}

	delete(key: string): void {
		this.entries.delete(key);
	}

	clear(): void {
		this.generation++;
		this.entries.clear();
	}
}

/**
 * Exact counts, kept only while this engine hears of every change to the index (see listen()): a
 * count is dropped by the next change, so it is what counting again would give.
 */
export class ExactCounts {
	private readonly entries = new Map<string, { counts: Counts; until: number }>();
	private listening: Promise<boolean> | undefined;
	private hearsChanges = false;
	// Bumped by every change heard (and by clear()): a count that started before must not be kept.
	private changes = 0;

	changed(): void {
		this.changes++;
		this.entries.clear();
	}

	get(key: string, now: number): Counts | undefined {
		const exact = this.hearsChanges ? this.entries.get(key) : undefined;
		return exact && exact.until > now ? exact.counts : undefined;
	}

	/** A mark to hand to keep(): a count that started before a change is not kept. */
	mark(): number {
		return this.changes;
	}

	keep(key: string, counts: Counts, seen: number): void {
		if (this.hearsChanges && seen === this.changes) setNewest(this.entries, key, { counts, until: Date.now() + EXACT_COUNTS_MAX_MS });
	}

	/** Starts listening for changes to the index, once; whether this engine hears them. */
	async listen(sql: Sql): Promise<void> {
		this.listening ??= this.listenForChanges(sql);
		this.hearsChanges = await this.listening;
	}

	/**
	 * Listens for changes to the index, and checks that a notification of its own comes back: through
	 * a transaction-mode pooler LISTEN seems to work but hears nothing, and counts kept then would
	 * never be dropped. On every (re)connection, all kept counts go (changes may have been missed).
	 */
	private async listenForChanges(sql: Sql): Promise<boolean> {
		const probe = `probe:${Math.random().toString(36).slice(2)}`;
		let heard: () => void = () => {};
		const back = new Promise<boolean>((resolve) => {
			heard = () => resolve(true);
			setTimeout(() => resolve(false), LISTEN_CHECK_MS).unref?.();
		});
		try {
			const listener = await sql.listen(
				INDEX_CHANNEL,
				(payload) => {
					this.changed();
					if (payload === probe) heard();
				},
				() => this.changed()
			);
			await sql`select pg_notify(${INDEX_CHANNEL}, ${probe})`;
			if (await back) return true;
			await listener.unlisten();
			console.warn('[search] no notification came back on %s: exact counts are counted every time', INDEX_CHANNEL);
		} catch (e) {
			console.warn('[search] cannot listen on %s (%s): exact counts are counted every time', INDEX_CHANNEL, (e as Error).message);
		}
		return false;
	}
}

/** Plan hints: keys remembered for a while (HINTS_TTL_MS). */
export class Hints {
	private readonly until = new Map<string, number>();

	remember(key: string): void {
		setNewest(this.until, key, Date.now() + HINTS_TTL_MS);
	}

	has(key: string): boolean {
		return (this.until.get(key) ?? 0) > Date.now();
	}

	forget(key: string): void {
		this.until.delete(key);
	}

	clear(): void {
		this.until.clear();
	}
}

/** Nearest-first pages: per query, the level of cells around the point that held the whole page lately. */
export class LevelHints {
	private readonly entries = new Map<string, { level: number; until: number }>();

	/** The level to start at: the one remembered, else 0. */
	start(key: string): number {
		const hint = this.entries.get(key);
		return hint && hint.until > Date.now() ? hint.level : 0;
	}

	remember(key: string, level: number): void {
		makeRoom(this.entries);
		this.entries.set(key, { level, until: Date.now() + HINTS_TTL_MS });
	}

	clear(): void {
		this.entries.clear();
	}
}

/** The glossary: a fixed one (tests), or public.search_synonyms read again after GLOSSARY_TTL_MS. */
export class GlossaryCache {
	private cached: { entries: readonly GlossaryEntry[]; expires: number } | undefined;

	constructor(
		private readonly sql: Sql,
		private readonly fixed?: readonly GlossaryEntry[]
	) {
		if (fixed) this.cached = { entries: fixed, expires: Infinity };
	}

	async current(): Promise<readonly GlossaryEntry[]> {
		if (!this.cached || this.cached.expires < Date.now()) {
			this.cached = { entries: await loadGlossary(this.sql), expires: Date.now() + GLOSSARY_TTL_MS };
		}
		return this.cached.entries;
	}

	/** Read again on next use (a fixed glossary stays). */
	reload(): void {
		if (!this.fixed) this.cached = undefined;
	}
}

/**
 * The facet values of the codes this engine has met (the dictionary only grows, and a code's value
 * never changes): one entry per distinct facet value in the index.
 */
export class FacetDictionary {
	private readonly valueOf = new Map<number, string>();

	learn(code: number, value: string): void {
		this.valueOf.set(code, value);
	}

	/** The values of facet codes, from the dictionary (read once per code: codes are never reused). */
	async names(sql: Sql, codes: Iterable<number>): Promise<ReadonlyMap<number, string>> {
		const missing = [...codes].filter((code) => !this.valueOf.has(code));
		if (missing.length) {
			const rows = await sql<{ code: number; value: string }[]>`
				select code, value from public.search_facet_codes where code = any(${missing}::int[])`;
			for (const { code, value } of rows) this.valueOf.set(code, value);
		}
		return this.valueOf;
	}
}
