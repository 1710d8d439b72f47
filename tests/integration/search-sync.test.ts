// Search follows the marketplace through the outbox: changes made under RLS are recorded in the same
// transaction, the worker brings every engine up to date, and an unreachable engine loses nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withUser, type Claims } from '../../src/lib/server/db';
import { decide } from '../../src/lib/server/memberships';
import { search, useSearchEngines } from '../../src/lib/server/search';
import { drainOnce } from '../../src/lib/server/search/outbox';
import type { SearchEngine, SearchQuery, WorkshopDoc } from '../../src/lib/server/search/port';
import { postgresEngine } from '../../src/lib/server/search/postgres';
import { testSql } from './db';

const MYUNGGA = '00000000-0000-4000-8000-00000000f101'; // owned by craftsman1
const GEUMSEONG = '00000000-0000-4000-8000-00000000f102';
const EUNHA = '00000000-0000-4000-8000-00000000f103';
const JONGNO = '00000000-0000-4000-8000-00000000c001';
const craftsman1: Claims = { sub: '00000000-0000-4000-8000-000000000b01', role: 'authenticated' };
const jongnoManager: Claims = { sub: '00000000-0000-4000-8000-000000000a01', role: 'authenticated' };

const query = (q: string): SearchQuery => ({ q, filters: {}, sort: 'relevance', page: 1, per_page: 20, facets: [] });
const ids = async (engine: SearchEngine, q: string) => (await engine.search(query(q))).hits.map((h) => h.doc.id);

/** An engine standing in for an unreachable Meilisearch. */
const unreachable: SearchEngine = {
	kind: 'meilisearch',
	prepare: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:7700')),
	upsert: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:7700')),
	remove: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:7700')),
	clear: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:7700')),
	search: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:7700'))
};

async function pending(key: string) {
	return testSql()<{ id: string; attempts: number; last_error: string | null; due: boolean }[]>`
		select id, attempts, last_error, available_at <= now() as due from public.outbox
		where key = ${key} and processed_at is null order by id`;
}

async function drainAll(engines: SearchEngine[]): Promise<void> {
	for (;;) {
		const result = await drainOnce(engines);
		if (result.error) throw result.error;
		if (result.claimed === 0) return;
	}
}

describe('search sync through the outbox', () => {
	let engine: SearchEngine;
	let original: { description_ko: string };

	beforeAll(async () => {
		const sql = testSql();
		engine = postgresEngine(sql); // the live glossary, from public.search_synonyms
		[original] = await sql<{ description_ko: string }[]>`select description_ko from public.workshops where id = ${MYUNGGA}`;
		await drainAll([engine]); // whatever the seed and earlier test files left
	});

	afterAll(async () => {
		const sql = testSql();
		await sql`update public.workshops set description_ko = ${original.description_ko}, status = 'active' where id in (${MYUNGGA}, ${GEUMSEONG}, ${EUNHA})`;
		await sql`update public.cluster_memberships set status = 'approved', decision_reason = null where workshop_id = ${EUNHA}`;
		await sql`delete from public.search_synonyms where term = 'cloud ring'`;
		await drainAll([engine]);
		useSearchEngines(undefined);
	});

	it('records an owner’s change in the same transaction, and nothing for a change rolled back', async () => {
		await expect(
			withUser(craftsman1, async (tx) => {
				await tx`update public.workshops set description_ko = '뭉게구름 무늬 전문 공방' where id = ${MYUNGGA}`;
				throw new Error('the owner cancels');
			})
		).rejects.toThrow('the owner cancels');
		expect(await pending(MYUNGGA)).toEqual([]);

		await withUser(craftsman1, async (tx) => {
			const updated = await tx`update public.workshops set description_ko = '뭉게구름 무늬 전문 공방' where id = ${MYUNGGA}`;
			expect(updated.count).toBe(1);
		});
		expect(await pending(MYUNGGA)).toHaveLength(1);
		expect(await ids(engine, '뭉게구름')).not.toContain(MYUNGGA);

		const result = await drainOnce([engine]);
		expect(result).toMatchObject({ processed: result.claimed });
		expect(await pending(MYUNGGA)).toEqual([]);
		expect(await ids(engine, '뭉게구름')).toContain(MYUNGGA);
	});

	it('queues one row for several changes that wait for the same workshop', async () => {
		const sql = testSql();
		await sql`update public.workshops set description_ko = '뭉게구름 공방' where id = ${MYUNGGA}`;
		await sql`insert into public.workshop_photos (workshop_id, path, thumb_path, width, height)
			values (${MYUNGGA}, 'sync/one.webp', 'sync/one-t.webp', 640, 480)`;
		expect(await pending(MYUNGGA)).toHaveLength(1);
		await drainOnce([engine]);
		const [hit] = (await engine.search(query('뭉게구름'))).hits;
		expect(hit.doc.thumb_path).toBe('sync/one-t.webp');
		await sql`delete from public.workshop_photos where path = 'sync/one.webp'`;
		await drainOnce([engine]);
	});

	it('removes a rejected member and a suspended workshop from search', async () => {
		const [membership] = await testSql()<{ id: string }[]>`
			select id from public.cluster_memberships where workshop_id = ${EUNHA} and cluster_id = ${JONGNO}`;
		expect(await ids(engine, '은하세공')).toContain(EUNHA);
		expect(await ids(engine, '금성주물')).toContain(GEUMSEONG);

		await withUser(jongnoManager, (tx) => decide(tx, membership.id, jongnoManager.sub, { status: 'rejected', reason: '폐업 확인' }));
		await withUser(jongnoManager, (tx) => tx`update public.workshops set status = 'suspended' where id = ${GEUMSEONG}`);
		await drainOnce([engine]);
		expect(await ids(engine, '은하세공')).not.toContain(EUNHA);
		expect(await ids(engine, '금성주물')).not.toContain(GEUMSEONG);
	});

	it('loses nothing while an engine is unreachable, and delivers the change once it answers', async () => {
		const sql = testSql();
		await sql`update public.workshops set description_ko = '뭉게구름과 별 무늬' where id = ${MYUNGGA}`;
		const failed = await drainOnce([engine, unreachable]);
		expect(failed.error?.message).toContain('ECONNREFUSED');
		expect(failed.processed).toBe(0);
		const [row] = await pending(MYUNGGA);
		expect(row).toMatchObject({ attempts: 1, due: false });
		expect(row.last_error).toContain('ECONNREFUSED');

		// Not due yet: a drain right away leaves it alone.
		expect((await drainOnce([engine])).claimed).toBe(0);
		await sql`update public.outbox set available_at = now() where id = ${row.id}`; // the backoff has passed
		const delivered: WorkshopDoc[] = [];
		const recovered: SearchEngine = { ...unreachable, upsert: async (docs) => void delivered.push(...docs), remove: async () => {} };
		const result = await drainOnce([engine, recovered]);
		expect(result.error).toBeUndefined();
		expect(await pending(MYUNGGA)).toEqual([]);
		expect(delivered.find((d) => d.id === MYUNGGA)?.description_ko).toBe('뭉게구름과 별 무늬');
	});

	it('applies a glossary change a manager makes', async () => {
		expect(await ids(engine, 'cloud ring')).not.toContain(MYUNGGA);
		await withUser(
			jongnoManager,
			(tx) => tx`insert into public.search_synonyms (term, synonyms, created_by)
			values ('cloud ring', ${['뭉게구름']}, ${jongnoManager.sub})`
		);
		expect(await pending('all')).toHaveLength(1);
		await drainOnce([engine]);
		expect(await ids(engine, 'cloud ring')).toContain(MYUNGGA);
	});

	it('answers from PostgreSQL when the primary engine fails, and says so once', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		useSearchEngines({ primary: unreachable, fallback: engine });
		const first = await search(query('명가주얼리'));
		const second = await search(query('명가주얼리'));
		expect(first.engine).toBe('postgres');
		expect(first.hits[0].doc.id).toBe(MYUNGGA);
		expect(second.engine).toBe('postgres');
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
	});

	it('reindexes a workshop whose recomputed scorecard changes its search tie-breaker, and only then', async () => {
		const sql = testSql();
		const saved = await sql`select * from public.workshop_scorecards where workshop_id = ${MYUNGGA}`;
		await drainAll([engine]);
		const write = (completed: number, onTime: number, responseMinutes: number | null) => sql`
			insert into public.workshop_scorecards (workshop_id, period_days, completed, on_time, sample_first_try, sample_orders,
				median_response_minutes, responses, quotes_accepted, quotes_decided, disputes, reviews, computed_at)
			values (${MYUNGGA}, 365, ${completed}, ${onTime}, 0, 0, ${responseMinutes}, 0, 0, 0, 0, 0, now())
			on conflict (workshop_id) do update set completed = excluded.completed, on_time = excluded.on_time,
				median_response_minutes = excluded.median_response_minutes, computed_at = excluded.computed_at`;
		const indexed = async () => {
			const [row] = await sql<{ scorecard: number | null }[]>`
				select (doc->>'scorecard')::int as scorecard from public.search_documents where workshop_id = ${MYUNGGA}`;
			return row.scorecard;
		};
		try {
			// Every order on time, answers within the hour: the highest boost.
			await write(10, 10, 60);
			expect(await pending(MYUNGGA)).toHaveLength(1);
			await drainAll([engine]);
			expect(await indexed()).toBe(3);
			// Recomputed with the same result: nothing to reindex.
			await write(10, 10, 90);
			expect(await pending(MYUNGGA)).toEqual([]);
			// Half late now: the on-time part goes, the answers keep theirs.
			await write(10, 5, 90);
			expect(await pending(MYUNGGA)).toHaveLength(1);
			await drainAll([engine]);
			expect(await indexed()).toBe(1);
			// Fewer than 3 completed orders is not judged at all.
			await write(2, 2, 10);
			await drainAll([engine]);
			expect(await indexed()).toBe(0);
		} finally {
			await sql`delete from public.workshop_scorecards where workshop_id = ${MYUNGGA}`;
			if (saved.length) await sql`insert into public.workshop_scorecards ${sql(saved[0])}`;
			await drainAll([engine]);
		}
	});
});
