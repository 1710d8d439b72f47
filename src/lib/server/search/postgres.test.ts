// The PostgreSQL engine: the shared contract on this run's database, plus what only it does.
// The contract replaces the seeded documents with its own corpus; afterwards the seeded workshops are
// indexed again, so later test files find search as the seed left it.
import { searchBoost } from './boost';
import type { Sql } from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { testSql } from '../../../../tests/integration/db';
import { asService, connect, poolWith } from '../db';
import { CONTRACT_GLOSSARY, CORPUS, RANKING_CASES, searchContract, TIE_CASES } from './contract';
import { allSearchableIds, loadDocs } from './documents';
import { drainOnce } from './outbox';
import { FACETS } from './port';
import { correctionsFor, highlight, packCodes, plan, postgresEngine, sampleBucket, SEARCH_SETTINGS, segment, tallyCodes } from './postgres';
import { tokenize } from '../../domain/korean';

const corpus = Object.values(CORPUS);

searchContract('postgres', async (glossary) => {
	const sql = testSql();
	// Documents belong to workshops (a foreign key): stand-ins for the corpus, never searchable themselves.
	for (const doc of [...corpus, ...Object.values(RANKING_CASES), ...Object.values(TIE_CASES)]) {
		await sql`insert into public.workshops (id, slug, name_ko, trade_code, employees)
			values (${doc.id}, ${`contract-${doc.slug}`}, ${doc.name_ko}, ${doc.trade_code}, 1)`;
	}
	return {
		engine: postgresEngine(sql, { glossary }),
		async cleanup() {
			const ids = [...corpus, ...Object.values(RANKING_CASES), ...Object.values(TIE_CASES)].map((d) => d.id);
			await sql`delete from public.workshops where id = any(${ids}::uuid[])`;
			await sql`delete from public.outbox where key = any(${ids}::text[])`;
			const restore = postgresEngine(sql, { glossary });
			await restore.upsert((await asService(async (tx) => loadDocs(tx, await allSearchableIds(tx)))).docs);
		}
	};
});

/**
 * The engine's rule for an estimated count of `ids` (all matching): k buckets, the largest power of
 * two for which bucket 0's matches times k stay within the target, then scaled up.
 */
function estimateOf(ids: string[], target: number): { k: number; total: number } {
	const inFirst = ids.filter((id) => sampleBucket(id) === 0).length;
	const k = Math.min(64, 2 ** Math.floor(Math.log2(Math.max(1, target / Math.max(1, inFirst)))));
	const sampled = ids.filter((id) => sampleBucket(id) < k).length;
	return { k, total: Math.round((sampled * 64) / k) };
}

/** The pool, recording the text of every statement the engine sends in its transactions. */
function recording(sql: Sql, statements: string[]): Sql {
	return new Proxy(sql, {
		get(target, prop, receiver) {
			if (prop !== 'begin') return Reflect.get(target, prop, receiver) as unknown;
			return (fn: (tx: Sql) => unknown) =>
				target.begin((tx) =>
					fn(
						new Proxy(tx, {
							get(t, p, r) {
								if (p !== 'unsafe') return Reflect.get(t, p, r) as unknown;
								return (text: string, ...rest: unknown[]) => (
									statements.push(text),
									(t.unsafe as (...a: unknown[]) => unknown)(text, ...rest)
								);
							}
						}) as never
					)
				);
		}
	});
}

describe('postgres engine', () => {
	it('takes any text as a query without breaking the SQL', async () => {
		const sql = testSql();
		const engine = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		for (const q of ["'", "\\'", 'a & b | !c', '주얼리:* <-> (', "o'clock", '\u0000', 'ㅈ', '金', '   ']) {
			const result = await engine.search({ q, filters: {}, sort: 'relevance', page: 1, per_page: 5, facets: FACETS });
			expect(result.engine, q).toBe('postgres');
			expect(Array.isArray(result.hits), q).toBe(true);
		}
	});

	it('indexes seeded workshops and finds one by its exact name first', async () => {
		const engine = postgresEngine(testSql(), { glossary: CONTRACT_GLOSSARY });
		await engine.upsert((await asService(async (tx) => loadDocs(tx, await allSearchableIds(tx)))).docs);
		const result = await engine.search({ q: '명가주얼리', filters: {}, sort: 'relevance', page: 1, per_page: 5, facets: [] });
		expect(result.hits[0]?.doc.slug).toBe('myungga-jewelry');
	});

	it('leaves nothing in the text indexes’ pending lists after writing', async () => {
		const sql = testSql();
		const engine = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		const docs = (await asService(async (tx) => loadDocs(tx, await allSearchableIds(tx)))).docs;
		expect(docs.length).toBeGreaterThan(10);
		// Written as the outbox worker writes (an upsert of changed documents): a plain insert of new
		// index entries would leave them pending, for every search to read.
		await sql`update public.search_documents set tsv = tsv || 'pending:1'::tsvector`;
		const [{ pending }] = await sql<{ pending: string }[]>`select private.settle_search_index() as pending`;
		expect(Number(pending)).toBeGreaterThan(0);
		await engine.upsert(docs);
		const [{ after }] = await sql<{ after: string }[]>`select private.settle_search_index() as after`;
		expect(Number(after)).toBe(0);
	});

	it('has the outbox worker rewrite documents an older version of the engine wrote', async () => {
		const sql = testSql();
		const engine = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		const myungga = '00000000-0000-4000-8000-00000000f101';
		// An older format: the document lacks the version lexeme (and whatever else the new code writes).
		await sql`update public.search_documents
			set name_tsv = ts_delete(name_tsv, array(select lexeme from unnest(name_tsv) where lexeme like '#f:%'))
			where workshop_id = ${myungga}`;
		await engine.prepare();
		const queued = await sql`select 1 from public.outbox where key = ${myungga} and processed_at is null`;
		expect(queued).toHaveLength(1);
		await engine.prepare(); // already queued: not twice
		expect(await sql`select 1 from public.outbox where key = ${myungga} and processed_at is null`).toHaveLength(1);
		for (let result = await drainOnce([engine]); result.claimed > 0; result = await drainOnce([engine]))
			expect(result.error).toBeUndefined();
		const [{ current }] = await sql`select exists (select 1 from unnest(name_tsv) where lexeme like '#f:%') as current
			from public.search_documents where workshop_id = ${myungga}`;
		expect(current).toBe(true);
	});

	it('finds a grade code by its letters: a stainless search finds SUS304 through the glossary', async () => {
		const sql = testSql();
		const glossary = [...CONTRACT_GLOSSARY, { term: 'stainless', synonyms: ['스테인리스', 'sus'] }];
		const engine = postgresEngine(sql, { glossary });
		const [doc] = (await asService(async (tx) => loadDocs(tx, await allSearchableIds(tx)))).docs.filter(
			(d) => d.slug === 'myungga-jewelry'
		);
		const only = { ...doc, materials: ['SUS304'], processes: [], equipment: [], description_ko: '', description_en: '' };
		const query = (q: string) => engine.search({ q, filters: {}, sort: 'relevance', page: 1, per_page: 50, facets: [] });
		try {
			await engine.upsert([only]);
			for (const q of ['스텐레스', '스테인리스', 'sus', 'sus304']) {
				expect(
					(await query(q)).hits.map((h) => h.doc.slug),
					q
				).toContain('myungga-jewelry');
			}
			expect((await query('skd')).hits.map((h) => h.doc.slug)).not.toContain('myungga-jewelry');
		} finally {
			await engine.upsert([doc]);
		}
	});

	it('finds the same workshops from one lookup of few matches as from the slices of many', async () => {
		const sql = testSql();
		const few = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		const sliced = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY, smallResult: 0 });
		const queries = [
			{ q: '주얼리' },
			{ q: 'ㅈㅇㄹ' },
			{ q: '명가주얼리' },
			{ q: 'jewelry' },
			{ q: '수제화' },
			{ q: '반지 세팅' },
			{ q: '인쇄' },
			{ q: '', filters: { verified: true } },
			{ q: '주얼리', filters: { verified: false } },
			{ q: '', filters: { accepting_orders: true, master: false } },
			{ q: '주얼리', filters: { district_ko: ['종로구'] } }
		];
		// Within one tier and boost the order is the index's (any is as good as another): compare the
		// workshops found, the best one, and that a better tier never follows a worse one.
		const slugs = (r: { hits: { doc: { slug: string } }[] }) => r.hits.map((h) => h.doc.slug);
		let compared = 0;
		for (const { q, filters = {} } of queries) {
			const query = { q, filters, sort: 'relevance' as const, page: 1, per_page: 100, facets: [] };
			const a = await few.search(query);
			const b = await sliced.search(query);
			expect(a.total, q).toBe(b.total);
			expect(a.hits.length, q).toBe(a.total);
			expect([...slugs(a)].sort(), q).toEqual([...slugs(b)].sort());
			// The best of equals may differ: the lookup breaks ties by where the row is (ctid), the slices
			// by where the index points, which differ for a row updated in place on its page (HOT).
			const boostOf = searchBoost;
			expect(boostOf(a.hits[0].doc), q).toBe(boostOf(b.hits[0].doc));
			const boosts = a.hits.map((h) => boostOf(h.doc));
			if (q === '') expect(boosts, q).toEqual([...boosts].sort((x, y) => y - x));
			// Matching asks for the documents only (no counting, no highlights): the same page.
			expect(slugs(await few.search({ ...query, documentsOnly: true })), q).toEqual(slugs(a));
			compared += a.hits.length;
		}
		expect(compared).toBeGreaterThan(30);
		const named = await few.search({ q: '명가주얼리', filters: {}, sort: 'relevance', page: 1, per_page: 5, facets: [] });
		expect(slugs(named)[0]).toBe('myungga-jewelry');
	});

	it('skips the few-matches lookup for a query it has just counted as too many, with the same page', async () => {
		const sql = testSql();
		const statements: string[] = [];
		const spy = recording(sql, statements);
		const probes = () => statements.filter((t) => t.includes('with probe as')).length;
		// Few means at most 2 here: 주얼리 matches more in the contract corpus.
		const engine = postgresEngine(spy, { glossary: CONTRACT_GLOSSARY, smallResult: 2 });
		const query = { q: '주얼리', filters: {}, sort: 'relevance' as const, page: 1, per_page: 50, facets: ['verified'] as const };
		const first = await engine.search(query);
		expect(first.total).toBeGreaterThan(2);
		// The lookup of all matches, and the one of the own words' (주얼리 has glossary alternatives).
		expect(probes()).toBe(2);
		const second = await engine.search(query);
		expect(probes()).toBe(2);
		expect(second.hits.map((h) => h.doc.slug).sort()).toEqual(first.hits.map((h) => h.doc.slug).sort());
		expect(second.total).toBe(first.total);
	});

	it('pages through the tiers without repeating or skipping a workshop', async () => {
		// Small pages end inside a tier, span two, or start in a later one: every tier is its own
		// statement, and each leaves out the workshops of the one before.
		const sliced = postgresEngine(testSql(), { glossary: CONTRACT_GLOSSARY, smallResult: 0 });
		const slugs = (r: { hits: { doc: { slug: string } }[] }) => r.hits.map((h) => h.doc.slug);
		let spanning = 0;
		for (const q of ['주얼리', 'jewelry', '반지 세팅', '명가주얼리', '주얼라', '']) {
			const query = { q, filters: {}, sort: 'relevance' as const, page: 1, per_page: 100, facets: [] };
			const all = slugs(await sliced.search(query));
			expect(new Set(all).size, q).toBe(all.length);
			const paged: string[] = [];
			for (let page = 1; page <= Math.ceil(all.length / 3) + 1; page++)
				paged.push(...slugs(await sliced.search({ ...query, page, per_page: 3 })));
			expect(paged, q).toEqual(all);
			if (all.length > 3) spanning++;
		}
		expect(spanning).toBeGreaterThanOrEqual(3);
	});

	it('ranks a query’s own words from one lookup when they match few, and pages on into the alternatives', async () => {
		const sql = testSql();
		const statements: string[] = [];
		const spy = recording(sql, statements);
		const sliced = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY, smallResult: 0 });
		const slugs = (r: { hits: { doc: { slug: string } }[] }) => r.hits.map((h) => h.doc.slug);
		let shortCut = 0;
		for (const q of ['주얼리', 'jewelry', 'shoes', 'handmade shoes', 'lathe', 'printing', '인쇄', '반지']) {
			const query = { q, filters: {}, sort: 'relevance' as const, page: 1, per_page: 100, facets: [] };
			const all = slugs(await sliced.search(query));
			const { strict } = plan(segment(tokenize(q), CONTRACT_GLOSSARY), q);
			const [{ own }] = await sql<
				{ own: number }[]
			>`select count(*)::int as own from public.search_documents where tsv @@ ${strict}::tsquery`;
			if (own >= all.length) continue; // the alternatives add nothing here
			// "Few" is one less than all the matches: the lookup of all of them finds too many, the own
			// words' (fewer) are ranked from one lookup, and only the alternatives tier runs after it.
			const engine = postgresEngine(spy, { glossary: CONTRACT_GLOSSARY, smallResult: all.length - 1 });
			const paged: string[] = [];
			for (let page = 1; page <= Math.ceil(all.length / 3); page++) {
				statements.length = 0;
				paged.push(...slugs(await engine.search({ ...query, page, per_page: 3 })));
				expect(statements.filter((t) => t.includes('case when f.i >')).length, `${q} page ${page}`).toBeLessThanOrEqual(1);
			}
			expect(paged, q).toEqual(all);
			shortCut++;
		}
		expect(shortCut).toBeGreaterThanOrEqual(2);
	});

	it('estimates counts of large result sets from a fixed sample of the index, never the page itself', async () => {
		const sql = testSql();
		const ids = (await sql<{ workshop_id: string }[]>`select workshop_id from public.search_documents`).map((r) => r.workshop_id);
		const exact = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		const estimating = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY, sampleTarget: 32 });
		const query = { q: '', filters: {}, sort: 'relevance' as const, page: 1, per_page: 5, facets: ['verified'] as const };
		const want = await exact.search(query);
		const got = await estimating.search(query);
		expect(want.total).toBe(ids.length);
		expect(estimateOf(ids, 32).k).toBeLessThan(64);
		expect(got.total).toBe(estimateOf(ids, 32).total);
		expect(got.hits).toEqual(want.hits);
		const verifiedCounts = got.facets.verified!.map((f) => f.count);
		expect(Math.abs(verifiedCounts.reduce((a, b) => a + b, 0) - got.total)).toBeLessThanOrEqual(1);
	});

	it('answers a stale estimate at once and counts it again in the background, but never one past its staleness', async () => {
		const sql = testSql();
		const writer = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		const exact = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		// Never fresh: every search past the first is answered from the last estimate and starts a recount.
		const lazy = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY, sampleTarget: 32, estimates: { freshMs: 0, staleMs: 60_000 } });
		const strict = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY, sampleTarget: 32, estimates: { freshMs: 0, staleMs: 0 } });
		const docs = (await asService(async (tx) => loadDocs(tx, await allSearchableIds(tx)))).docs;
		const ids = docs.map((d) => d.id);
		const query = { q: '', filters: {}, sort: 'relevance' as const, page: 1, per_page: 5, facets: ['verified'] as const };
		// Leaving out a document of sampling bucket 0 (always in the sample) changes the estimate.
		const gone = docs.find((d) => sampleBucket(d.id) === 0)!;
		const before = estimateOf(ids, 32).total;
		const after = estimateOf(
			ids.filter((id) => id !== gone.id),
			32
		).total;
		expect(after).not.toBe(before);
		try {
			expect((await lazy.search(query)).total).toBe(before);
			expect((await strict.search(query)).total).toBe(before);
			await writer.remove([gone.id]);
			// The hits are read fresh; the total is the last estimate, while it is counted again.
			const stale = await lazy.search(query);
			expect(stale.total).toBe(before);
			expect(stale.hits.map((h) => h.doc.slug)).toEqual((await exact.search(query)).hits.map((h) => h.doc.slug));
			let recounted = stale.total;
			for (let i = 0; i < 100 && recounted === before; i++) {
				await new Promise((r) => setTimeout(r, 20));
				recounted = (await lazy.search(query)).total;
			}
			expect(recounted).toBe(after);
			// Past its staleness an estimate is counted before the answer.
			expect((await strict.search(query)).total).toBe(after);
		} finally {
			await writer.upsert([gone]);
		}
	});

	it('searches on a pool whose connections carry the planner settings, with the results of one that sets them per transaction', async () => {
		const base = await connect({ kind: 'url', url: inject('databaseUrl') });
		try {
			const reader = poolWith(base, SEARCH_SETTINGS)!;
			expect(poolWith(base, { ...SEARCH_SETTINGS })).toBe(reader); // one pool per set of settings
			expect(poolWith(testSql(), SEARCH_SETTINGS)).toBeUndefined(); // a pool handed in from outside: no variant
			const [settings] = await reader`select current_setting('enable_seqscan') as seqscan, current_setting('jit') as jit,
				current_setting('max_parallel_workers_per_gather') as workers, current_setting('pg_trgm.similarity_threshold') as trgm`;
			expect(settings).toEqual({ seqscan: 'off', jit: 'off', workers: '0', trgm: '0.4' });
			const [plain] = await base`select current_setting('enable_seqscan') as seqscan`;
			expect(plain.seqscan).toBe('on'); // the app's own pool plans as usual
			let transactions = 0;
			const counting = new Proxy(base, {
				get: (target, prop, receiver) =>
					prop === 'begin'
						? (...a: never[]) => (transactions++, (target.begin as (...x: never[]) => unknown)(...a))
						: (Reflect.get(target, prop, receiver) as unknown)
			});
			const perTransaction = postgresEngine(base, { glossary: CONTRACT_GLOSSARY });
			const onReader = postgresEngine(counting, { glossary: CONTRACT_GLOSSARY, reader });
			for (const [q, filters] of [
				['주얼리', {}],
				['jewelry', {}],
				['주얼라', {}],
				['', { verified: true }],
				['수제화', { within: { lat: 37.5446, lng: 127.0557, radius_km: 5 } }]
			] as const) {
				const query = { q, filters, sort: 'relevance' as const, page: 1, per_page: 20, facets: ['clusters', 'district_ko'] as const };
				const a = await perTransaction.search(query);
				const b = await onReader.search(query);
				expect(
					b.hits.map((h) => h.doc.slug),
					q
				).toEqual(a.hits.map((h) => h.doc.slug));
				expect(b.total, q).toBe(a.total);
				expect(b.facets, q).toEqual(a.facets);
			}
			// Not even the typo correction (주얼라) opens a transaction: its threshold is a setting too.
			expect(transactions).toBe(0);
			// A pool that does not keep the settings (a pooler dropped them) is noticed, and each search
			// sets them itself again.
			const dropped = postgresEngine(counting, { glossary: CONTRACT_GLOSSARY, reader: base });
			await dropped.prepare();
			await dropped.search({ q: '주얼리', filters: {}, sort: 'relevance', page: 1, per_page: 5, facets: [] });
			expect(transactions).toBeGreaterThan(0);
		} finally {
			await poolWith(base, SEARCH_SETTINGS)!.end();
			await base.end();
		}
	});

	it('counts a facet value another engine added after this one last counted, and a value two write at once as one', async () => {
		const sql = testSql();
		const reader = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		const writers = [postgresEngine(sql, { glossary: CONTRACT_GLOSSARY }), postgresEngine(sql, { glossary: CONTRACT_GLOSSARY })];
		const docs = (await asService(async (tx) => loadDocs(tx, await allSearchableIds(tx)))).docs;
		const [a, b] = ['myungga-jewelry', 'hangyeol-jewelry'].map((slug) => docs.find((d) => d.slug === slug)!);
		const material = `시험소재 ${Date.now()}`;
		const query = { q: '', filters: {}, sort: 'relevance' as const, page: 1, per_page: 5, facets: ['materials'] as const };
		const countOf = async () => (await reader.search(query)).facets.materials!.find((f) => f.value === material)?.count;
		try {
			expect(await countOf()).toBeUndefined(); // the reader has now read the dictionary it needed
			// Two writers add the same new value at the same time: one code, both documents under it.
			await Promise.all([
				writers[0].upsert([{ ...a, materials: [...a.materials, material] }]),
				writers[1].upsert([{ ...b, materials: [...b.materials, material] }])
			]);
			const [{ codes }] = await sql<
				{ codes: number }[]
			>`select count(*)::int as codes from public.search_facet_codes where value = ${'m:' + material}`;
			expect(codes).toBe(1);
			expect(await countOf()).toBe(2);
			const filtered = await reader.search({ ...query, filters: { materials: [material] } });
			expect(filtered.hits.map((h) => h.doc.slug).sort()).toEqual([a.slug, b.slug].sort());
		} finally {
			await writers[0].upsert([a, b]);
		}
		expect(await countOf()).toBeUndefined();
	});

	it('counts a query lately known to be few without the sample probe, and probes again once it is not', async () => {
		const sql = testSql();
		const statements: string[] = [];
		const engine = postgresEngine(recording(sql, statements), { glossary: CONTRACT_GLOSSARY, sampleTarget: 8 });
		const writer = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		const docs = (await asService(async (tx) => loadDocs(tx, await allSearchableIds(tx)))).docs;
		expect(docs.length).toBeGreaterThan(16);
		const material = `표본소재 ${Date.now()}`;
		const query = {
			q: '',
			filters: { materials: [material] },
			sort: 'relevance' as const,
			page: 1,
			per_page: 5,
			facets: ['verified'] as const
		};
		const probes = () => statements.filter((t) => t.includes('first_bucket')).length;
		try {
			// First in the list: a document keeps at most 20 materials. Not in sampling bucket 0, so the
			// probe finds none there and the count is exact.
			const one = docs.find((d) => sampleBucket(d.id) !== 0)!;
			await writer.upsert([{ ...one, materials: [material, ...one.materials] }]);
			expect((await engine.search(query)).total).toBe(1);
			expect(probes()).toBe(1);
			// Known to be few: counted without the probe, exactly the same.
			const again = await engine.search(query);
			expect(probes()).toBe(1);
			expect(again.total).toBe(1);
			expect(again.facets.verified!.reduce((n, f) => n + f.count, 0)).toBe(1);
			// Now many more than the sample target: the stale hint counts them all once (exact), then
			// the probe decides again.
			await writer.upsert(docs.map((d) => ({ ...d, materials: [material, ...d.materials] })));
			expect((await engine.search(query)).total).toBe(docs.length);
			expect(probes()).toBe(1);
			await engine.search(query);
			expect(probes()).toBe(2);
		} finally {
			await writer.upsert(docs);
		}
	});

	it('keeps exact counts until the index changes, when it hears of every change; otherwise counts every time', async () => {
		const sql = testSql();
		const statements: string[] = [];
		const engine = postgresEngine(recording(sql, statements), { glossary: CONTRACT_GLOSSARY });
		// Another process's engine: its writes reach this one only as notifications.
		const other = postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		// LISTEN refused (a pooler), or accepted but deaf (a transaction-mode pooler): nothing is kept.
		const refusing = new Proxy(sql, {
			get: (t, p, r) => (p === 'listen' ? () => Promise.reject(new Error('LISTEN is not supported')) : (Reflect.get(t, p, r) as unknown))
		});
		const deaf = new Proxy(sql, {
			get: (t, p, r) =>
				p === 'listen' ? () => Promise.resolve({ state: {}, unlisten: () => Promise.resolve() }) : (Reflect.get(t, p, r) as unknown)
		});
		const uncached = [refusing, deaf].map((pool) => postgresEngine(recording(pool, statements), { glossary: CONTRACT_GLOSSARY }));
		await Promise.all([engine, ...uncached].map((e) => e.prepare()));
		const docs = (await asService(async (tx) => loadDocs(tx, await allSearchableIds(tx)))).docs;
		const [a, b] = ['myungga-jewelry', 'hangyeol-jewelry'].map((slug) => docs.find((d) => d.slug === slug)!);
		const material = `보관소재 ${Date.now()}`;
		const query = {
			q: '',
			filters: { materials: [material] },
			sort: 'relevance' as const,
			page: 1,
			per_page: 5,
			facets: ['verified'] as const
		};
		const counted = () => statements.filter((t) => t.includes('string_agg')).length;
		try {
			await other.upsert([{ ...a, materials: [material, ...a.materials] }]);
			await new Promise((r) => setTimeout(r, 100)); // its notification, before this engine counts
			expect((await engine.search(query)).total).toBe(1);
			let before = counted();
			expect((await engine.search(query)).total).toBe(1);
			expect(counted()).toBe(before); // kept
			for (const e of uncached) {
				expect((await e.search(query)).total).toBe(1);
				expect((await e.search(query)).total).toBe(1);
			}
			expect(counted()).toBe(before + 4); // counted each time
			// A change elsewhere: heard on its commit, and the count is made again.
			before = counted();
			await other.upsert([{ ...b, materials: [material, ...b.materials] }]);
			let total = 0;
			for (let i = 0; i < 100 && total !== 2; i++) {
				total = (await engine.search(query)).total;
				if (total !== 2) await new Promise((r) => setTimeout(r, 20));
			}
			expect(total).toBe(2);
			expect(counted()).toBeGreaterThan(before);
			// Its own writes: known at once.
			await engine.upsert([a]);
			expect((await engine.search(query)).total).toBe(1);
		} finally {
			await other.upsert([a, b]);
		}
	});

	it('starts a nearest-first page at the ring of cells that held it last time, with the same page', async () => {
		const sql = testSql();
		const statements: string[] = [];
		const engine = postgresEngine(recording(sql, statements), { glossary: CONTRACT_GLOSSARY });
		const fresh = () => postgresEngine(sql, { glossary: CONTRACT_GLOSSARY });
		const located = () => statements.filter((t) => t.includes('with located as')).length;
		let grown = 0;
		for (const [q, from] of [
			['주얼리', { lat: 37.5446, lng: 127.0557 }],
			['수제화', { lat: 37.5704, lng: 126.9921 }],
			['인쇄', { lat: 37.5665, lng: 126.978 }]
		] as const) {
			const query = { q, filters: {}, from, sort: 'distance' as const, page: 1, per_page: 5, facets: [] };
			const slugs = (r: { hits: { doc: { slug: string } }[] }) => r.hits.map((h) => h.doc.slug);
			statements.length = 0;
			const first = await engine.search(query);
			const levels = located();
			statements.length = 0;
			const second = await engine.search(query);
			expect(slugs(second), q).toEqual(slugs(first));
			expect(slugs(second), q).toEqual(slugs(await fresh().search(query)));
			if (levels > 1) {
				expect(located(), q).toBe(1);
				grown++;
			}
		}
		expect(grown).toBeGreaterThanOrEqual(2);
	});

	it('packs facet codes a character each, past the surrogates, and tallies them back', () => {
		const codes = [1, 127, 2047, 0xd7ff, 0xd800, 0xdfff, 65_535, 1_112_063, 127];
		const packed = packCodes(codes);
		// Short codes take a byte or two in UTF-8; none is a lone surrogate (which PostgreSQL text cannot hold).
		expect(Buffer.byteLength(packed.slice(0, 2))).toBe(2);
		expect(packed.isWellFormed()).toBe(true);
		expect([...packed].map((c) => c.codePointAt(0))).toEqual([1, 127, 2047, 0xd7ff, 0xe000, 0xe7ff, 0x107ff, 0x10ffff, 127]);
		expect([...tallyCodes(packed)].sort(([x], [y]) => x - y)).toEqual([
			[1, 1],
			[127, 2],
			[2047, 1],
			[0xd7ff, 1],
			[0xd800, 1],
			[0xdfff, 1],
			[65_535, 1],
			[1_112_063, 1]
		]);
		expect(tallyCodes(null).size).toBe(0);
	});

	it('corrects a word to the closest part of a vocabulary word, within the typo budget', () => {
		expect(correctionsFor('주얼라', ['명가주얼리', '주조'])).toEqual(['주얼리']);
		expect(correctionsFor('선밤', ['cnc', '선반', '선박']).sort()).toEqual(['선박', '선반']);
		expect(correctionsFor('냉장고', ['명가주얼리', '주조', '선반'])).toEqual([]);
		expect(correctionsFor('금', ['금속'])).toEqual([]); // one syllable: no typo allowed
	});

	it('highlights folded spellings in the original text, and initials syllable by syllable', () => {
		const terms = { words: ['주얼리', 'jewelry'], initials: ['ㅈㅇ'] };
		expect(highlight('쥬얼리 & Jewellery', terms)).toBe('<mark>쥬얼리</mark> &amp; <mark>Jewellery</mark>');
		expect(highlight('정우각인', { words: [], initials: ['ㅈㅇ'] })).toBe('<mark>정우</mark>각인');
		expect(highlight('<b>명가주얼리</b>', terms)).toBe('&lt;b&gt;명가<mark>주얼리</mark>&lt;/b&gt;');
	});
});
