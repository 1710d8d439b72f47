// `npm run bench:match -- [--docs N] [--duration S] …`: the matching benchmark of issue 4.
// Loads (or, with --reuse, reuses) the search benchmark's corpus in the same scratch PostgreSQL, then
// times the app's own matching, one request at a time (concurrency 1):
//   match            matches.forRequest() as the request page calls it, in a user's RLS transaction:
//                    the clusters and trades it reads, its candidate searches through the search
//                    port, rank() and the result's shape;
//   candidate_query  the same candidate searches alone (candidateQueries() of the same request, run
//                    through the port's search() in parallel, as forRequest runs them).
// The two alternate on the same requests (machine-metal, jewelry, printing, shoes in turn), so that
// other work on the machine lands on both. Prints
//   match docs=… p50_ms=… p95_ms=…
//   candidate_query docs=… p50_ms=… p95_ms=…
//   ratio=…                       p95 of match / p95 of candidate_query
//   target_p95_100ms=met|missed
// A measurement: a missed target is printed, not failed; an error or an insane result exits non-zero.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Sql } from 'postgres';
import { rank } from '../../src/lib/domain/matching';
import * as db from '../../src/lib/server/db';
import { stopEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import * as matches from '../../src/lib/server/matches';
import { search, searchEngines } from '../../src/lib/server/search';
import type { SearchQuery, WorkshopDoc } from '../../src/lib/server/search/port';
import { DEFAULT_SEED, NATIONAL_SCALE } from './corpus';
import { indexSize, insertCraftClusters, loadCorpus } from './database';
import { indexIsCurrent } from './index-check';
import { percentile } from './load';
import { benchRequests, describeTop, problemsOf, type BenchRequest } from './match-requests';
import { freePort } from './servers';
import { fixed, loadavg, log, note, positive, seconds } from './cli';

const TARGET_P95_MS = 100;
/** What the request page asks forRequest for (its default). */
const LIMIT = 20;
const ROOT = process.cwd();
const BENCH_DIR = path.join(ROOT, '.data', 'bench');
const PG_DIR = path.join(BENCH_DIR, 'pg');
/** A signed-in startup founder: forRequest runs in the request page's RLS transaction. */
const FOUNDER: db.Claims = { sub: '00000000-0000-4000-8000-00000000be01', role: 'authenticated' };

const { values: args } = parseArgs({
	options: {
		docs: { type: 'string', default: String(NATIONAL_SCALE) },
		duration: { type: 'string', default: '30' },
		warmup: { type: 'string', default: '5' },
		seed: { type: 'string', default: String(DEFAULT_SEED) },
		batch: { type: 'string', default: '2000' },
		keep: { type: 'boolean', default: false },
		reuse: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	console.log(`npm run bench:match -- [options]
  --docs N          corpus size (default ${NATIONAL_SCALE}, as bench:search)
  --duration S      measured seconds (default 30), match and candidate_query alternating, one at a time
  --warmup S        warm-up seconds before measuring (default 5)
  --seed N          corpus seed (default ${DEFAULT_SEED})
  --batch N         documents per upsert() while loading (default 2000)
  --keep            keep .data/bench (the loaded database) afterwards; bench:search -- --reuse can use it
  --reuse           use the database a --keep run of either benchmark left (same --docs and --seed),
                    skip loading; implies --keep`);
	process.exit(0);
}

const DOCS = Math.floor(positive('docs', args.docs));
const DURATION_MS = positive('duration', args.duration) * 1000;
const WARMUP_MS = Number(args.warmup) * 1000;
const SEED = Math.floor(Number(args.seed));
const BATCH = Math.floor(positive('batch', args.batch));

// ─── The two measured paths ──────────────────────────────────────────────────────────────────────

interface Prepared extends BenchRequest {
	/** forRequest's candidate searches for this request, made by its own functions. */
	queries: SearchQuery[];
	matchRequest: ReturnType<typeof matches.toMatchRequest>;
}

interface Sample {
	request: number;
	ms: number;
}

interface Run {
	match: Sample[];
	candidate: Sample[];
	/** rank() alone over the candidates the searches found, and how many they were. */
	rank: Sample[];
	candidates: number[];
	problems: string[];
}

const emptyRun = (): Run => ({ match: [], candidate: [], rank: [], candidates: [], problems: [] });

/** matches.forRequest() inside the founder's transaction; the transaction's set-up is not timed (the page opens it anyway). */
async function timeMatch(today: Date, r: Prepared, i: number, run: Run): Promise<matches.WorkshopMatch[]> {
	return db.withUser(FOUNDER, async (tx) => {
		const t0 = performance.now();
		const ranked = await matches.forRequest(tx, r.request, { limit: LIMIT, today });
		run.match.push({ request: i, ms: performance.now() - t0 });
		for (const p of problemsOf(r.label, ranked, LIMIT)) if (run.problems.length < 20) run.problems.push(p);
		return ranked;
	});
}

/**
 * The candidate searches alone, in the same kind of transaction (so the pool has as many free
 * connections as forRequest's searches have). Then, untimed for candidate_query, rank() over the
 * distinct candidates, for the detail line that says where the rest of match's time goes.
 */
async function timeCandidates(r: Prepared, i: number, run: Run): Promise<void> {
	const results = await db.withUser(FOUNDER, async () => {
		const t0 = performance.now();
		const found = await Promise.all(r.queries.map((q) => search(q)));
		run.candidate.push({ request: i, ms: performance.now() - t0 });
		return found;
	});
	const byId = new Map<string, WorkshopDoc>();
	for (const result of results) for (const hit of result.hits) byId.set(hit.doc.id, hit.doc);
	if (byId.size === 0 && run.problems.length < 20) run.problems.push(`${r.label}: the candidate searches found nothing`);
	const t0 = performance.now();
	rank(r.matchRequest, [...byId.values()], { limit: LIMIT });
	run.rank.push({ request: i, ms: performance.now() - t0 });
	run.candidates.push(byId.size);
}

/**
 * Whole passes over the requests until the time is up; within a pass each request runs both paths,
 * match first on even passes and candidate_query first on odd ones (the second profits from the
 * caches the first warmed, so each path is second half of the time).
 */
async function measure(
	today: Date,
	requests: Prepared[],
	durationMs: number,
	run: Run,
	passes = Number.POSITIVE_INFINITY
): Promise<number> {
	const started = performance.now();
	let pass = 0;
	while (pass < passes && (pass === 0 || performance.now() - started < durationMs)) {
		for (const [i, r] of requests.entries()) {
			if (pass % 2 === 0) {
				await timeMatch(today, r, i, run);
				await timeCandidates(r, i, run);
			} else {
				await timeCandidates(r, i, run);
				await timeMatch(today, r, i, run);
			}
		}
		pass++;
	}
	return performance.now() - started;
}

// ─── Database ────────────────────────────────────────────────────────────────────────────────────

/** Starts the scratch database and loads (or reuses) the corpus, as bench:search does; the same folder and format. */
async function prepareDatabase(reuse: boolean): Promise<Sql> {
	const pgPort = await freePort();
	let t = performance.now();
	const sql = await db.connect({ kind: 'embedded', dir: PG_DIR, port: pgPort });
	await migrate(sql);
	note(
		`embedded PostgreSQL on port ${pgPort}, migrated in ${seconds(performance.now() - t)} s; ${reuse ? 'reusing' : 'loading'} ${DOCS} documents…`
	);
	if (reuse && !(await indexIsCurrent(sql, SEED, Math.min(50, DOCS)))) {
		throw new Error('the kept index was written by another version of the engine (or corpus): run without --reuse to load again');
	}
	t = performance.now();
	const loaded = reuse
		? undefined
		: await loadCorpus(sql, {
				docs: DOCS,
				batch: BATCH,
				seed: SEED,
				progress: (done, ms) => note(`loaded ${done}/${DOCS} (upsert ${seconds(ms)} s so far)`)
			});
	await insertCraftClusters(sql);
	const size = await indexSize(sql);
	if (size.n !== DOCS) throw new Error(`expected ${DOCS} search documents, found ${size.n}`);
	if (!loaded) log(`load engine=postgres docs=${DOCS} reused=1`);
	else
		log(
			`load engine=postgres docs=${DOCS} load_s=${seconds(loaded.upsertMs)} docs_per_s=${Math.round(DOCS / (loaded.upsertMs / 1000))} total_s=${seconds(performance.now() - t)}`
		);
	log(`memory engine=postgres index_size=${size.docs} terms_size=${size.terms} database_size=${size.total}`);
	return sql;
}

/** The app's engine selection, as in production without MEILI_URL: the PostgreSQL engine on the pool. */
async function useAppSearch(sql: Sql): Promise<void> {
	delete process.env.MEILI_URL;
	db.use(sql);
	const { primary } = searchEngines();
	if (primary.kind !== 'postgres') throw new Error(`the app chose ${primary.kind}; unset MEILI_URL`);
	await primary.prepare();
}

/** Each request's candidate searches, made the way forRequest makes them (its own functions, the same tables). */
async function prepareRequests(today: Date): Promise<Prepared[]> {
	return db.withUser(FOUNDER, async (tx) => {
		const clusters = await matches.craftClusters(tx);
		const designated = await matches.designatedTrades(tx);
		return benchRequests(today).map((b) => {
			const matchRequest = matches.toMatchRequest(b.request, clusters, today);
			return { ...b, matchRequest, queries: matches.candidateQueries(matchRequest, designated) };
		});
	});
}

// ─── Report ──────────────────────────────────────────────────────────────────────────────────────

const ms = (samples: Sample[]) => samples.map((s) => s.ms);
const figures = (samples: Sample[]) => ({
	p50: percentile(ms(samples), 50),
	p95: percentile(ms(samples), 95),
	p99: percentile(ms(samples), 99),
	max: Math.max(...ms(samples))
});

function report(requests: Prepared[], run: Run, first: Run, elapsedMs: number): void {
	const match = figures(run.match);
	const candidate = figures(run.candidate);
	const rankFigures = figures(run.rank);
	log(`match docs=${DOCS} p50_ms=${fixed(match.p50)} p95_ms=${fixed(match.p95)}`);
	log(`candidate_query docs=${DOCS} p50_ms=${fixed(candidate.p50)} p95_ms=${fixed(candidate.p95)}`);
	log(`ratio=${(match.p95 / candidate.p95).toFixed(2)}`);
	log(
		`detail ratio_p50=${(match.p50 / candidate.p50).toFixed(2)} concurrency=1 measured_s=${seconds(elapsedMs)} requests=${run.match.length}+${run.candidate.length}`
	);
	for (const [name, f, samples, firstSamples] of [
		['match', match, run.match, first.match],
		['candidate_query', candidate, run.candidate, first.candidate]
	] as const) {
		log(
			`detail ${name} p99_ms=${fixed(f.p99)} max_ms=${fixed(f.max)} n=${samples.length} first_pass_p50_ms=${fixed(percentile(ms(firstSamples), 50))} first_pass_max_ms=${fixed(Math.max(...ms(firstSamples)))}`
		);
	}
	const counts = run.candidates;
	log(
		`detail rank p50_ms=${fixed(rankFigures.p50, 2)} p95_ms=${fixed(rankFigures.p95, 2)} candidates_p50=${percentile(counts, 50)} candidates_max=${Math.max(...counts)} limit=${LIMIT}`
	);
	for (const [i, r] of requests.entries()) {
		const m = figures(run.match.filter((s) => s.request === i));
		const c = figures(run.candidate.filter((s) => s.request === i));
		const n = run.candidates.filter((_, k) => run.rank[k].request === i);
		log(
			`request ${r.label} match_p50_ms=${fixed(m.p50)} match_p95_ms=${fixed(m.p95)} candidate_p50_ms=${fixed(c.p50)} candidate_p95_ms=${fixed(c.p95)} searches=${r.queries.length} candidates=${n[0] ?? 0} processes=${r.request.required_processes.length}`
		);
	}
	log(`target_p95_100ms=${match.p95 <= TARGET_P95_MS ? 'met' : 'missed'}`);
}

// ─── Main ────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<number> {
	const reuse =
		args.reuse &&
		(await fs.stat(path.join(PG_DIR, 'PG_VERSION')).then(
			() => true,
			() => false
		));
	if (args.reuse && !reuse) note('nothing to reuse in .data/bench: loading');
	if (!reuse) await fs.rm(BENCH_DIR, { recursive: true, force: true });
	await fs.mkdir(BENCH_DIR, { recursive: true });
	const today = new Date();
	let sql: Sql | undefined;
	log(
		`bench docs=${DOCS} requests=${benchRequests(today).length} concurrency=1 duration_s=${DURATION_MS / 1000} cpus=${os.cpus().length} loadavg=${loadavg()}`
	);
	try {
		sql = await prepareDatabase(reuse);
		await useAppSearch(sql);
		const requests = await prepareRequests(today);

		// Each request once, right after loading: caches cold, as for the first visitor of a request page.
		const first = emptyRun();
		await measure(today, requests, 0, first, 1);
		for (const r of requests)
			log(`top ${r.label} ${describeTop(await db.withUser(FOUNDER, (tx) => matches.forRequest(tx, r.request, { limit: LIMIT, today })))}`);
		note(`warming up ${WARMUP_MS / 1000} s…`);
		if (WARMUP_MS > 0) await measure(today, requests, WARMUP_MS, emptyRun());
		note(`measuring ${DURATION_MS / 1000} s…`);
		const run = emptyRun();
		const elapsed = await measure(today, requests, DURATION_MS, run);
		report(requests, run, first, elapsed);
		log(`loadavg_end=${loadavg()}`);

		const problems = [...first.problems, ...run.problems];
		for (const p of problems) console.error(`insane ${p}`);
		return problems.length ? 1 : 0;
	} finally {
		await sql?.end({ timeout: 5 });
		await stopEmbedded(PG_DIR);
		if (!args.keep && !args.reuse) await fs.rm(BENCH_DIR, { recursive: true, force: true });
	}
}

main().then(
	(code) => process.exit(code),
	(e) => {
		console.error(e);
		process.exit(1);
	}
);
