// Throttling in PostgreSQL (private.throttle), so several instances of the app count together. A
// limit is a number of hits per fixed window for a key (an account, an address); once it is reached,
// the answer says when the window ends, which is what the user is told ("try again in 12 minutes").
// Every function takes `at` so tests can move the clock.
import type { Sql } from 'postgres';

export interface Limit {
	/** Hits allowed in one window. */
	hits: number;
	windowSeconds: number;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The limits of the app, in one place. */
export const LIMITS = {
	/** Wrong passwords for one account (a success clears them). */
	signInAccount: { hits: 5, windowSeconds: 15 * 60 },
	/** Wrong passwords from one address, whatever the account (many accounts tried from one place). */
	signInAddress: { hits: 30, windowSeconds: 15 * 60 },
	/** New accounts from one address. */
	signUpAddress: { hits: 10, windowSeconds: 60 * 60 },
	/** Password reset mails to one account, and asked for from one address. */
	resetMailAccount: { hits: 3, windowSeconds: 60 * 60 },
	resetMailAddress: { hits: 10, windowSeconds: 60 * 60 },
	/** Email confirmation mails asked for again by one account. */
	confirmMailAccount: { hits: 3, windowSeconds: 60 * 60 },
	/** Address look-ups and map clicks of one account (the place picker; Kakao's quota is per key). */
	geocodeAccount: { hits: 120, windowSeconds: 10 * 60 },
	/** Page views and search appearances reported by browsers at one address (the cluster's numbers). */
	countsAddress: { hits: 300, windowSeconds: 10 * 60 },
	/** Posts carrying files (photos, drawings, documents) by one account. */
	uploadAccount: { hits: 300, windowSeconds: 60 * 60 }
} satisfies Record<string, Limit>;

function verdict(row: { hits: number; window_ends: Date } | undefined, limit: Limit, at: Date): Verdict {
	if (!row || row.hits < limit.hits || row.window_ends <= at) return { ok: true };
	return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((row.window_ends.getTime() - at.getTime()) / 1000)) };
}

/** Whether the key is still under its limit, without counting a hit. */
export async function check(sql: Sql, key: string, limit: Limit, at = new Date()): Promise<Verdict> {
	const [row] = await sql<{ hits: number; window_ends: Date }[]>`
		select hits, window_ends from private.throttle where key = ${key} and window_ends > ${at}`;
	return verdict(row, limit, at);
}

/** Counts a hit; the verdict says whether this hit was still within the limit. */
export async function hit(sql: Sql, key: string, limit: Limit, at = new Date()): Promise<Verdict> {
	const ends = new Date(at.getTime() + limit.windowSeconds * 1000);
	const [row] = await sql<{ hits: number; window_ends: Date }[]>`
		insert into private.throttle as t (key, hits, window_ends) values (${key}, 1, ${ends})
		on conflict (key) do update set
			hits = case when t.window_ends <= ${at} then 1 else t.hits + 1 end,
			window_ends = case when t.window_ends <= ${at} then ${ends} else t.window_ends end
		returning hits, window_ends`;
	return verdict({ ...row, hits: row.hits - 1 }, limit, at);
}

/** Forgets the key's hits (a correct password clears the wrong ones before it). */
export async function clear(sql: Sql, key: string): Promise<void> {
	await sql`delete from private.throttle where key = ${key}`;
}

/** Rows whose window has ended are of no use; removed now and then. */
export async function sweep(sql: Sql, at = new Date()): Promise<number> {
	return (await sql`delete from private.throttle where window_ends < ${at}`).count;
}

/**
 * A limit for endpoints that must not wait on the database for every request (the search API answers
 * from its engine alone): hits are counted in this process and added to private.throttle together,
 * one statement for every key, at most once per flushMs; the totals that statement returns are what
 * the next requests are judged by, plus this process's hits since. Several instances count together
 * to within about flushMs. A key over its limit is refused until its window ends.
 */
export interface SharedCounter {
	hit(key: string): Verdict;
	/** Adds the hits counted here to the shared totals now (also done on a timer). */
	flush(): Promise<void>;
	stop(): void;
}

export function sharedCounter(
	sql: () => Sql,
	limit: Limit,
	{ flushMs = 1000, now = () => new Date() }: { flushMs?: number; now?: () => Date } = {}
): SharedCounter {
	const pending = new Map<string, number>();
	const shared = new Map<string, { hits: number; windowEnds: Date }>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	let flushing: Promise<void> | undefined;

	async function flush(): Promise<void> {
		clearTimeout(timer);
		timer = undefined;
		await flushing;
		if (pending.size === 0) return;
		const keys = [...pending.keys()];
		const counts = keys.map((k) => pending.get(k)!);
		pending.clear();
		const at = now();
		const ends = new Date(at.getTime() + limit.windowSeconds * 1000);
		flushing = (async () => {
			try {
				const rows = await sql()<{ key: string; hits: number; window_ends: Date }[]>`
					insert into private.throttle as t (key, hits, window_ends)
					select k, n, ${ends} from unnest(${keys}::text[], ${counts}::int[]) as x(k, n)
					on conflict (key) do update set
						hits = case when t.window_ends <= ${at} then excluded.hits else t.hits + excluded.hits end,
						window_ends = case when t.window_ends <= ${at} then excluded.window_ends else t.window_ends end
					returning key, hits, window_ends`;
				for (const r of rows) shared.set(r.key, { hits: r.hits, windowEnds: r.window_ends });
				for (const [key, s] of shared) if (s.windowEnds <= at) shared.delete(key);
			} catch (e) {
				// Counting must never fail a search: the hits are put back and counted at the next flush.
				keys.forEach((k, i) => pending.set(k, (pending.get(k) ?? 0) + counts[i]));
				console.warn('[throttle] could not add hits to the shared count:', (e as Error).message);
			}
		})();
		await flushing;
		flushing = undefined;
	}

	return {
		hit(key) {
			const at = now();
			const local = (pending.get(key) ?? 0) + 1;
			pending.set(key, local);
			timer ??= setTimeout(() => void flush(), flushMs);
			const known = shared.get(key);
			const counted = known && known.windowEnds > at ? known.hits : 0;
			if (counted + local <= limit.hits) return { ok: true };
			const ends = known && known.windowEnds > at ? known.windowEnds.getTime() : at.getTime() + limit.windowSeconds * 1000;
			return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((ends - at.getTime()) / 1000)) };
		},
		flush,
		stop() {
			clearTimeout(timer);
			timer = undefined;
		}
	};
}
