// The PostgreSQL search engine: plans a query (query.ts), reads a page of hits (pages.ts) and its counts
// (counts.ts) with the settings below, corrects a query that found nothing (corrections.ts), and keeps
// what it learns in its caches (caches.ts). See ../postgres.ts for how it ranks and counts.
import type { Sql } from 'postgres';
import { distanceKm } from '../../../domain/geo';
import { isInitialsQuery, normalize, tokenize } from '../../../domain/korean';
import type { GlossaryEntry } from '../../../domain/glossary';
import type { Hit, SearchEngine, SearchQuery, SearchResult, WorkshopDoc } from '../port';
import {
	ESTIMATES_FRESH_MS,
	ESTIMATES_STALE_MS,
	Estimates,
	ExactCounts,
	FacetDictionary,
	GlossaryCache,
	Hints,
	LevelHints
} from './caches';
import { boostIsMaster, boostIsVerified } from '../boost';
import { correct } from './corrections';
import { type Counts, countsSql, facetCounts, SAMPLE_TARGET } from './counts';
import { both, cellsQuery, filterQuery, rangeSql } from './filters';
import { highlight, highlightTerms } from './highlight';
import { BOOSTS, cellKm, FORMAT_LEXEME, GEO_CELL_DEGREES, SAMPLE_BUCKETS, squash, tallyCodes } from './lexemes';
import { distancePageSql, DOCS, fewSql, relevanceStages, type RelevanceLookup, SMALL_RESULT } from './pages';
import { partialLevels, plan, type PlannedQuery, segment } from './query';
import { lexeme, Params, setLocal } from './sql';
import { writeDocuments } from './writes';

export interface PostgresEngineOptions {
	/** A fixed glossary (tests); by default the engine reads public.search_synonyms, cached for 30 s. */
	glossary?: readonly GlossaryEntry[];
	/** Matches up to which counts are exact, and the size of the sample beyond (tests lower it). */
	sampleTarget?: number;
	/** Matches up to which a relevance page is ranked from one lookup (tests set 0: always the slices). */
	smallResult?: number;
	/**
	 * A pool whose connections already carry SEARCH_SETTINGS (as startup parameters, see poolWith() in
	 * the db module): searches then send each statement alone. Without it, each group of statements
	 * sets them in a transaction of its own: three more round trips (begin, set, commit), which cost a
	 * search of one or two statements about as much as the statements themselves.
	 */
	reader?: Sql;
	/**
	 * How long estimated counts are fresh, and how long past that a stale one is still answered while
	 * one search recounts it in the background (tests shorten both).
	 */
	estimates?: { freshMs: number; staleMs: number };
}

/**
 * Settings every search statement runs with. Every condition a search has is indexed: a
 * sequential scan only ever wins in the planner's estimate, where under a LIMIT a misjudged selectivity
 * makes it read (and decompress the vectors of) the whole table, seconds at 300,000 documents; with no
 * plan left but that, the disabled scan's cost must not set off JIT compilation either. Nor parallel
 * workers: starting them costs more than these statements, even for a branch a one-time condition
 * then skips.
 */
export const SEARCH_SETTINGS = {
	enable_seqscan: 'off',
	jit: 'off',
	max_parallel_workers_per_gather: '0',
	// Typo correction (pg_trgm's % on jamo): recall here, precision in correctionsFor(). One jamo wrong
	// in a 3-syllable word keeps 0.6 of the trigrams; 0.4 lets a wrong first syllable through
	// (조얼리 → 주얼리) and few unrelated words.
	'pg_trgm.similarity_threshold': '0.4'
} as const;

const MAX_PER_PAGE = 100;
const MAX_QUERY_LENGTH = 200;

const countsKey = (query: SearchQuery, planned: PlannedQuery | null) =>
	JSON.stringify([planned?.full ?? null, query.filters, [...query.facets].sort(), query.scope ?? 'all']);

/** With a radius, the words and filters with the radius's coarse cells (null without one). */
const coarseMatch = (query: SearchQuery, planned: PlannedQuery | null) =>
	query.filters.within ? both(planned?.full ?? null, filterQuery(query.filters, 1)) : null;

/** With scope 'key', the words (with synonyms and corrections) that the key fields must hold. */
const keyWords = (query: SearchQuery, planned: PlannedQuery | null) => (query.scope === 'key' && planned ? planned.full : null);

/** The row conditions of a search, and for a partial level, leaving out the levels above it (`exclude`). */
const rowConditions = (query: SearchQuery, planned: PlannedQuery | null, exclude: string | null) => (p: Params) => {
	const where = rangeSql(query.filters, p, keyWords(query, planned));
	return exclude ? `${where} and not (tsv @@ ${p.add(exclude, 'tsquery')})` : where;
};

export function postgresEngine(sql: Sql, opts: PostgresEngineOptions = {}): SearchEngine {
	const sampleTarget = opts.sampleTarget ?? SAMPLE_TARGET;
	const smallResult = opts.smallResult ?? SMALL_RESULT;
	const { freshMs, staleMs } = opts.estimates ?? { freshMs: ESTIMATES_FRESH_MS, staleMs: ESTIMATES_STALE_MS };
	// Estimated counts (only ever of large result sets, ±2% anyway) for a short while: the page of
	// hits is always read fresh. Exact counts, kept while this engine hears of every change.
	const estimates = new Estimates(freshMs, staleMs);
	const exactCounts = new ExactCounts();
	// Queries whose exact count lately came out above `smallResult`: their pages skip the few-matches
	// lookup (whose probe would only say "too many" again). A hint for the plan, never a result: both
	// ways give the same page (tested), so a stale hint costs time, not correctness.
	const manyMatches = new Hints();
	// Queries whose matches were lately few enough to count them all (at most `sampleTarget`): their
	// counts skip the sample probe that decides between counting and estimating. A plan hint too: a
	// stale one makes an exact count of what would have been estimated, and is dropped after it.
	const fewToCount = new Hints();
	// Queries whose own words (without their alternatives) lately matched more than `smallResult`: their
	// pages go straight to the tiers. A plan hint like the one above: either way gives the same page.
	const strictMany = new Hints();
	// Nearest-first pages: the first level of cells around the point that held the whole page lately
	// (a plan hint: a higher level that holds the page gives the same page, only reads more).
	const fullLevel = new LevelHints();
	const facetValues = new FacetDictionary();
	const glossary = new GlossaryCache(sql, opts.glossary);
	// Dropped by prepare() when its connections turn out not to carry SEARCH_SETTINGS.
	let reader = opts.reader;

	/** Statements with SEARCH_SETTINGS: on the reader's connections as they are, else in a transaction that sets them. */
	function session<T>(fn: (query: <R>(text: string) => Promise<R[]>) => Promise<T>): Promise<T> {
		// Unnamed statements: planned with the actual tsquery and filters every time. A cached generic
		// plan cannot know whether a word matches 5 or 50,000 workshops, which decides the plan.
		const pool = reader;
		if (pool) return fn(<R>(text: string) => pool.unsafe<R[]>(text, [], { prepare: false }));
		return sql.begin(async (tx) => {
			await tx.unsafe(
				Object.entries(SEARCH_SETTINGS)
					.map(([name, value]) => setLocal(name, value))
					.join('; ')
			);
			return fn(<R>(text: string) => tx.unsafe<R[]>(text, [], { prepare: false }));
		}) as Promise<T>;
	}

	function run<T>(text: string): Promise<T[]> {
		return session((query) => query<T>(text));
	}

	async function fetchDocs(pageSql: string): Promise<WorkshopDoc[]> {
		const [row] = await run<{ docs: WorkshopDoc[] }>(
			`with page as (${pageSql})
			select coalesce(json_agg(d.doc order by page.ord), '[]'::json) as docs from page join ${DOCS} d using (workshop_id)`
		);
		return row.docs;
	}

	async function fetchPage(
		query: SearchQuery,
		planned: PlannedQuery | null,
		offset: number,
		limit: number,
		exclude: string | null = null
	): Promise<WorkshopDoc[]> {
		const filters = filterQuery(query.filters);
		const conditions = rowConditions(query, planned, exclude);
		const from = query.from ?? query.filters.within;
		if (query.sort !== 'distance' || !from) {
			// A query whose counts were estimated lately matches too many for the one-lookup path.
			const key = countsKey(query, planned);
			const large = estimates.large(key) || manyMatches.has(key);
			const small = large || query.scope === 'key' ? 0 : smallResult;
			const look: RelevanceLookup = {
				planned,
				filters,
				where: conditions,
				keyScope: query.scope === 'key',
				probe: coarseMatch(query, planned),
				// A slice of a boost the filter rules out finds nothing, but still walks the index.
				boosts: BOOSTS.filter(
					(b) =>
						(query.filters.verified === undefined || boostIsVerified(b) === query.filters.verified) &&
						(query.filters.master === undefined || boostIsMaster(b) === query.filters.master)
				)
			};
			const match = both(planned?.full ?? null, filters);
			return session(async (run) => {
				if (small > 0 && match) {
					const p = new Params();
					const [few] = await run<{ few: boolean; docs: WorkshopDoc[] }>(fewSql(look, match, p, offset, limit, small));
					if (few.few) return few.docs;
					// Too many: the next page of this query goes straight to the tiers (a query whose counts
					// are not made, a full level of several words, learns it here).
					manyMatches.remember(key);
				}
				const wanted = offset + limit;
				const docs: WorkshopDoc[] = [];
				let found = 0;
				let stages = relevanceStages(look);
				// Many matches with the alternatives, but maybe few (or none: an English word in a Korean
				// index, a variant spelling) with the query's own words: those are ranked from one lookup,
				// which stands for every tier but the alternatives (each empty tier costs a statement).
				const alternativesOnly = planned && !look.keyScope && !planned.strictEmpty && planned.full !== planned.strict;
				if (alternativesOnly && smallResult > 0 && !strictMany.has(key)) {
					const p = new Params();
					const [few] = await run<{ few: boolean; n: number; docs: WorkshopDoc[] }>(
						fewSql(look, both(planned.strict, filters)!, p, offset, limit, smallResult)
					);
					if (few.few) {
						docs.push(...few.docs);
						found = few.n;
						stages = stages.slice(-1);
					} else strictMany.remember(key);
				}
				for (const stage of stages) {
					if (found >= wanted) break;
					const p = new Params();
					const rows = await run<{ workshop_id: string; doc: WorkshopDoc | null }>(stage(p, wanted - found, Math.max(0, offset - found)));
					found += rows.length;
					for (const row of rows) if (row.doc) docs.push(row.doc);
				}
				return docs;
			});
		}
		// With words or list filters, the text index finds the matches: grow the area around the point
		// until the page is full (below a radius filter's own size). With a radius alone, the geo index
		// walks outwards and the radius is a check on each row.
		const within = query.filters.within;
		const match = both(planned?.full ?? null, filterQuery({ ...query.filters, within: undefined }));
		const levels: (number | null)[] = match
			? [...[...GEO_CELL_DEGREES.keys()].filter((l) => !within || cellKm(l) < within.radius_km), null]
			: [null];
		// Any level whose area holds the whole page gives the same page (what lies outside it is farther),
		// so a query starts at the level that was full last time: the levels below held too few.
		const key = JSON.stringify([countsKey(query, planned), from.lat, from.lng, offset + limit]);
		const start = fullLevel.start(key);
		for (const [i, level] of levels.entries()) {
			if (i < start && level !== null) continue;
			const p = new Params();
			const bounded = level === null && match && within ? both(match, cellsQuery(within.lat, within.lng, within.radius_km)) : match;
			const docs = await fetchDocs(distancePageSql(from, bounded, within ?? null, conditions(p), level, p, offset + limit));
			if (level === null || docs.length === offset + limit) {
				if (i > 0) fullLevel.remember(key, i);
				return docs.slice(offset);
			}
		}
		return [];
	}

	async function counts(query: SearchQuery, planned: PlannedQuery | null): Promise<Counts> {
		const key = countsKey(query, planned);
		const now = Date.now();
		return (
			estimates.fresh(key, now) ??
			exactCounts.get(key, now) ??
			estimates.stale(key, now, () => count(query, planned, key)) ??
			count(query, planned, key)
		);
	}

	async function count(query: SearchQuery, planned: PlannedQuery | null, key: string): Promise<Counts> {
		const started = estimates.mark();
		const seen = exactCounts.mark();
		const p = new Params();
		const match = both(planned?.full ?? null, filterQuery(query.filters));
		const fewLately = fewToCount.has(key);
		const [row] = await run<{ k: number; n: number; codes: string | null }>(
			countsSql(match, rangeSql(query.filters, p, keyWords(query, planned)), sampleTarget, p, coarseMatch(query, planned), fewLately)
		);
		const tally = tallyCodes(row.codes);
		const names = await facetValues.names(sql, tally.keys());
		if (row.k >= SAMPLE_BUCKETS || row.n === 0) {
			const exact = facetCounts(row.n, tally, names, query.facets, (n) => n);
			if (exact.total > smallResult) {
				manyMatches.remember(key);
			} else manyMatches.forget(key);
			if (exact.total <= sampleTarget) fewToCount.remember(key);
			else fewToCount.forget(key);
			estimates.delete(key); // fewer now than an estimate is for
			exactCounts.keep(key, exact, seen);
			return exact;
		}
		const estimate = facetCounts(row.n, tally, names, query.facets, (n) => Math.round((n * SAMPLE_BUCKETS) / row.k));
		estimates.keep(key, estimate, started);
		return estimate;
	}

	async function searchPlanned(query: SearchQuery, planned: PlannedQuery | null): Promise<{ docs: WorkshopDoc[]; counts: Counts }> {
		const page = Math.max(1, Math.floor(query.page) || 1);
		const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.per_page) || 1));
		if (query.documentsOnly && query.facets.length === 0) {
			const docs = await fetchPage(query, planned, (page - 1) * perPage, perPage);
			return { docs, counts: { total: docs.length, facets: {} } };
		}
		// Two statements on two connections at once: the page and the counts do not depend on each other.
		const [docs, found] = await Promise.all([fetchPage(query, planned, (page - 1) * perPage, perPage), counts(query, planned)]);
		return { docs, counts: found };
	}

	/** The exact number of matches (of a partial level, without the levels above it). */
	async function exactCount(query: SearchQuery, planned: PlannedQuery, exclude: string | null): Promise<number> {
		const p = new Params();
		const match = both(planned.full, filterQuery(query.filters))!;
		const [row] = await run<{ n: number }>(
			`select count(*)::int as n from ${DOCS} where tsv @@ ${p.add(match, 'tsquery')} and ${rowConditions(query, planned, exclude)(p)}`
		);
		return row.n;
	}

	/**
	 * A query of several segments (scope 'all'): the workshops with all of them, then the partial levels
	 * (partialLevels(): the first n-1 segments, …, the first alone), each ranked by its own tiers and
	 * boosts and read only while the page is not full. Total and facets count every level, which is
	 * every workshop with the first segment (the levels nest). `fullEmpty`: no workshop has every word.
	 */
	async function searchWithPartials(
		query: SearchQuery,
		planned: PlannedQuery
	): Promise<{ docs: WorkshopDoc[]; counts: Counts; fullEmpty: boolean }> {
		const page = Math.max(1, Math.floor(query.page) || 1);
		const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.per_page) || 1));
		const offset = (page - 1) * perPage;
		const levels = partialLevels(planned);
		const counting = query.documentsOnly && query.facets.length === 0 ? null : counts(query, levels.at(-1)!.planned);
		counting?.catch(() => {}); // awaited below; not left unhandled while the pages are read
		const docs = await fetchPage(query, planned, offset, perPage);
		// How many workshops the levels read so far hold: exact whenever a level ended inside the page.
		let passed = docs.length === 0 && offset > 0 ? await exactCount(query, planned, null) : offset + docs.length;
		const fullEmpty = passed === 0;
		for (const level of levels) {
			if (docs.length >= perPage) break;
			const start = Math.max(0, offset - passed);
			const rows = await fetchPage(query, level.planned, start, perPage - docs.length, level.exclude);
			docs.push(...rows);
			passed += rows.length > 0 || start === 0 ? start + rows.length : await exactCount(query, level.planned, level.exclude);
		}
		const found = counting ? await counting : { total: docs.length, facets: {} };
		return { docs, counts: { ...found, total: Math.max(found.total, offset + docs.length) }, fullEmpty };
	}

	return {
		kind: 'postgres',

		async prepare() {
			// The index is the migration's; settings here are the glossary, read again on every prepare
			// (the outbox worker calls it when managers change the glossary).
			glossary.reload();
			await glossary.current();
			await exactCounts.listen(sql);
			// A connection pooler may drop startup parameters, or refuse them: then each search sets them.
			if (reader) {
				const why = await reader
					.unsafe<{ seqscan: string }[]>(`select current_setting('enable_seqscan') as seqscan`)
					.then(([row]) => (row.seqscan === 'off' ? null : `enable_seqscan is ${row.seqscan}`))
					.catch((e: Error) => e.message);
				if (why) {
					console.warn('[search] the search pool does not keep its settings (%s): setting them per search', why);
					reader = undefined;
				}
			}
			// Documents an older version of this engine wrote are queued for the outbox worker, which
			// rewrites them from the tables while search keeps answering (two counts when all is current).
			const format = lexeme(FORMAT_LEXEME);
			const [{ stale }] = await sql<{ stale: boolean }[]>`
				select (select count(*) from public.search_documents)
				     > (select count(*) from public.search_documents where name_tsv @@ ${format}::tsquery) as stale`;
			if (!stale) return;
			const queued = await sql`
				insert into public.outbox (topic, key)
				select 'workshop.changed', d.workshop_id::text from public.search_documents d
				where not (d.name_tsv @@ ${format}::tsquery)
				  and not exists (select 1 from public.outbox o
				                  where o.topic = 'workshop.changed' and o.key = d.workshop_id::text and o.processed_at is null)`;
			console.info('[search] %d documents from an older index format queued for rewriting', queued.count);
		},

		async upsert(docs) {
			if (docs.length === 0) return;
			await writeDocuments(sql, docs, facetValues);
			exactCounts.changed(); // its own writes: known before their notification comes
		},

		async remove(ids) {
			if (ids.length === 0) return;
			await sql`delete from public.search_documents where workshop_id = any(${[...ids]}::uuid[])`;
			exactCounts.changed();
		},

		async clear() {
			// Not the facet codes: an engine elsewhere may hold them, and they never change meaning.
			await sql`truncate public.search_documents, public.search_terms`;
			estimates.clear();
			exactCounts.changed();
			manyMatches.clear();
			strictMany.clear();
			fewToCount.clear();
			fullLevel.clear();
		},

		async search(query): Promise<SearchResult> {
			const terms = await glossary.current();
			const q = query.q.slice(0, MAX_QUERY_LENGTH);
			const words = tokenize(q);
			let segments = words.length ? segment(words, terms) : [];
			// Scope 'key' (matching) asks with whole process names, never half-typed words.
			const complete = query.scope === 'key';
			let planned = segments.length ? plan(segments, squash(normalize(q)), complete) : null;
			let docs: WorkshopDoc[];
			let found: Counts;
			const partials = planned !== null && query.scope !== 'key' && segments.length > 1;
			if (partials && planned) {
				// All words before some (the partial levels); a query no workshop holds whole is corrected
				// first, and the correction kept when it finds workshops with every word or the query found none.
				let result = await searchWithPartials(query, planned);
				if (result.fullEmpty && !isInitialsQuery(q)) {
					const corrected = await correct(run, segments, terms);
					if (corrected) {
						const fixed = { ...plan(corrected, planned.name, complete), strictEmpty: true };
						const again = await searchWithPartials(query, fixed);
						if (!again.fullEmpty || result.counts.total === 0) {
							result = again;
							segments = corrected;
							planned = fixed;
						}
					}
				}
				({ docs, counts: found } = result);
			} else ({ docs, counts: found } = await searchPlanned(query, planned));
			if (!partials && found.total === 0 && segments.length && !isInitialsQuery(q)) {
				const corrected = await correct(run, segments, terms);
				if (corrected) {
					segments = corrected;
					planned = { ...plan(corrected, planned!.name, complete), strictEmpty: true };
					({ docs, counts: found } = await searchPlanned(query, planned));
				}
			}
			const marks = highlightTerms(segments);
			const from = query.from ?? query.filters.within;
			const hits: Hit[] = docs.map((doc) => ({
				doc,
				highlight: query.documentsOnly
					? { name: '', description: '' }
					: { name: highlight(doc.name_ko, marks), description: highlight(doc.description_ko, marks) },
				distance_km: from && doc.lat !== null && doc.lng !== null ? distanceKm(from, { lat: doc.lat, lng: doc.lng }) : null
			}));
			const facets: SearchResult['facets'] = {};
			for (const facet of query.facets) facets[facet] = found.facets[facet] ?? [];
			return { hits, total: found.total, facets, engine: 'postgres' };
		}
	};
}
