// `npm run bench:search -- [--docs N] [--duration S] …`: the search benchmark of issue 3.
// Generates the synthetic national corpus (tests/bench/corpus.ts), loads it into a scratch embedded
// PostgreSQL through the Postgres engine's upsert() (what the outbox worker does), starts one HTTP
// server per engine (tests/bench/server.ts: the /api/search code path, only the engine differs),
// drives both with the same queries at the same concurrency, and prints
//   engine=postgres docs=… p50_ms=… p95_ms=… qps=…
//   engine=minisearch docs=… p50_ms=… p95_ms=… qps=…
//   ratio_p95=…
// p50/p95 are server-side (the `x-server-ms` header); client-side figures follow on detail lines.
// A measurement, not a test: a missed target is printed, never failed; errors exit non-zero.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Sql } from 'postgres';
import { connect } from '../../src/lib/server/db';
import { stopEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import { DEFAULT_SEED, NATIONAL_SCALE } from './corpus';
import { indexSize, loadCorpus } from './database';
import { explainQuery } from './explain';
import { indexIsCurrent } from './index-check';
import { percentile, type Sample } from './load';
import { measureRounds, perQuery, summary, warmUp, type Measured, type RunOptions, type Summary } from './measure';
import { pathOf, QUERIES } from './queries';
import { freePort, serverStats, startServer, stopServer, type Server } from './servers';
import { fixed, loadavg, log, note, positive, seconds } from './cli';

const TARGET_P95_MS = 50;
const TARGET_RATIO = 1.0;
const ROOT = process.cwd();
const BENCH_DIR = path.join(ROOT, '.data', 'bench');
const PG_DIR = path.join(BENCH_DIR, 'pg');

const { values: args } = parseArgs({
	options: {
		docs: { type: 'string', default: String(NATIONAL_SCALE) },
		duration: { type: 'string', default: '20' },
		warmup: { type: 'string', default: '5' },
		concurrency: { type: 'string', default: '8' },
		rounds: { type: 'string', default: '2' },
		seed: { type: 'string', default: String(DEFAULT_SEED) },
		batch: { type: 'string', default: '2000' },
		engines: { type: 'string', default: 'postgres,minisearch' },
		explain: { type: 'string', default: '0' },
		churn: { type: 'string', default: '0' },
		verbose: { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false },
		reuse: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	console.log(`npm run bench:search -- [options]
  --docs N          corpus size (default ${NATIONAL_SCALE}, the number of craftsman businesses in Korea)
  --duration S      measured seconds per engine (default 20), split into --rounds alternating runs
  --rounds R        alternate the engines R times (default 2), so that noise from other processes hits both
  --warmup S        warm-up seconds per engine before measuring (default 5)
  --concurrency C   simultaneous keep-alive connections (default 8)
  --engines LIST    postgres,minisearch (default both; ratio_p95 needs both)
  --seed N          corpus seed (default ${DEFAULT_SEED})
  --batch N         documents per upsert() while loading (default 2000)
  --churn N         then measure again while N random workshops per second are re-indexed through
                    each engine's upsert() (the outbox worker at work while people search; default 0: no)
  --verbose         per-query p50/p95 for each engine
  --explain N       EXPLAIN ANALYZE the Postgres statements of the N slowest queries (default 0)
  --keep            keep .data/bench (the loaded database) afterwards
  --reuse           use the database a --keep run left (same --docs and --seed), skip loading; implies --keep`);
	process.exit(0);
}

const DOCS = Math.floor(positive('docs', args.docs));
const DURATION_MS = positive('duration', args.duration) * 1000;
const WARMUP_MS = Number(args.warmup) * 1000;
const CONCURRENCY = Math.floor(positive('concurrency', args.concurrency));
const ROUNDS = Math.floor(positive('rounds', args.rounds));
const SEED = Math.floor(Number(args.seed));
const BATCH = Math.floor(positive('batch', args.batch));
const CHURN = Number(args.churn);
if (!Number.isFinite(CHURN) || CHURN < 0) throw new Error(`--churn must be a number ≥ 0, got ${args.churn}`);
const ENGINES = args.engines.split(',').map((e) => e.trim()) as ('postgres' | 'minisearch')[];
for (const e of ENGINES as string[]) if (e !== 'postgres' && e !== 'minisearch') throw new Error(`unknown engine ${e}`);

// ─── Phases ──────────────────────────────────────────────────────────────────────────────────────

/** Starts the scratch database, loads (or reuses) the corpus, and starts the Postgres server. */
async function preparePostgres(reuse: boolean, servers: Map<string, Server>): Promise<Sql> {
	const pgPort = await freePort();
	let t = performance.now();
	const sql = await connect({ kind: 'embedded', dir: PG_DIR, port: pgPort });
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
	const size = await indexSize(sql);
	if (size.n !== DOCS) throw new Error(`expected ${DOCS} search documents, found ${size.n}`);
	if (!loaded) log(`load engine=postgres docs=${DOCS} reused=1`);
	else {
		log(
			`load engine=postgres docs=${DOCS} load_s=${seconds(loaded.upsertMs)} docs_per_s=${Math.round(DOCS / (loaded.upsertMs / 1000))} workshops_s=${seconds(loaded.workshopsMs)} generate_s=${seconds(loaded.generateMs)} analyze_s=${seconds(loaded.analyzeMs)} total_s=${seconds(performance.now() - t)}`
		);
	}
	log(`memory engine=postgres index_size=${size.docs} terms_size=${size.terms} database_size=${size.total}`);
	const server = await startServer(ROOT, { engine: 'postgres', pgDir: PG_DIR, pgPort, docs: DOCS, seed: SEED });
	servers.set('postgres', server);
	// Others may edit the engine while this runs: the server's copy must write what the loader wrote.
	if (server.info.index_current === false) log('warning engine=postgres index_current=false: the engine changed after loading; run again');
	return sql;
}

async function prepareBaseline(servers: Map<string, Server>): Promise<void> {
	note('building the MiniSearch baseline…');
	const server = await startServer(ROOT, { engine: 'minisearch', docs: DOCS, seed: SEED });
	servers.set('minisearch', server);
	const i = server.info;
	log(
		`load engine=minisearch docs=${DOCS} load_s=${seconds(Number(i.index_ms))} docs_per_s=${Math.round(DOCS / (Number(i.index_ms) / 1000))} generate_s=${seconds(Number(i.generate_ms))}`
	);
	log(
		`memory engine=minisearch rss_mb=${Number(i.rss_after_mb)} index_rss_mb=${Number(i.rss_after_mb) - Number(i.rss_before_mb)} heap_mb=${Number(i.heap_after_mb)} (rss/heap after indexing; index_rss_mb = growth while indexing)`
	);
}

async function report(servers: Map<string, Server>, measured: Map<string, Measured>, firstPass: Map<string, Sample[]>): Promise<void> {
	const results = new Map<string, Summary>([...measured].map(([engine, m]) => [engine, summary(m)]));
	for (const [engine, s] of results)
		log(`engine=${engine} docs=${DOCS} p50_ms=${fixed(s.p50)} p95_ms=${fixed(s.p95)} qps=${fixed(s.qps, 0)}`);
	for (const [engine, s] of results) {
		const m = measured.get(engine)!;
		const mem = await serverStats(servers.get(engine)!);
		const first = firstPass.get(engine)!.map((x) => x.serverMs);
		log(
			`detail engine=${engine} requests=${m.samples.length} errors=${m.errors.length} server_p99_ms=${fixed(s.p99)} server_max_ms=${fixed(s.max)} client_p50_ms=${fixed(s.clientP50)} client_p95_ms=${fixed(s.clientP95)} first_pass_c1_p50_ms=${fixed(percentile(first, 50))} first_pass_c1_p95_ms=${fixed(percentile(first, 95))} server_rss_mb=${mem.rss_mb}`
		);
	}
	const ours = results.get('postgres');
	const base = results.get('minisearch');
	if (ours && base) log(`ratio_p95=${(ours.p95 / base.p95).toFixed(2)}`);
	// Client-side includes queueing: a single-threaded in-process engine serves one request at a
	// time, so the wait of the others happens before its server-side clock starts.
	if (ours && base)
		log(`detail ratio_p95_client=${(ours.clientP95 / base.clientP95).toFixed(2)} ratio_qps=${(ours.qps / base.qps).toFixed(2)}`);
	if (ours) log(`target_p95_50ms=${ours.p95 <= TARGET_P95_MS ? 'met' : 'missed'}`);
	if (ours && base) log(`target_ratio=${ours.p95 / base.p95 <= TARGET_RATIO ? 'met' : 'missed'}`);
}

/** The same queries while workshops are re-indexed: printed as `churn …` lines. */
async function reportChurn(servers: Map<string, Server>, run: RunOptions): Promise<Map<string, Measured>> {
	note(`measuring again while ${CHURN} workshop(s) per second are re-indexed…`);
	const churned = await measureRounds(servers, run, CHURN);
	const figures = new Map([...churned].map(([engine, m]) => [engine, summary(m)]));
	for (const [engine, s] of figures) {
		const mem = await serverStats(servers.get(engine)!);
		log(
			`churn engine=${engine} docs=${DOCS} churn_per_s=${CHURN} p50_ms=${fixed(s.p50)} p95_ms=${fixed(s.p95)} qps=${fixed(s.qps, 0)} client_p95_ms=${fixed(s.clientP95)} reindexed=${mem.churned}`
		);
	}
	const a = figures.get('postgres');
	const b = figures.get('minisearch');
	if (a && b) log(`churn ratio_p95=${(a.p95 / b.p95).toFixed(2)} ratio_p95_client=${(a.clientP95 / b.clientP95).toFixed(2)}`);
	return churned;
}

/** Results side by side (total and first hit), then per-query server-side figures. */
async function reportVerbose(servers: Map<string, Server>, measured: Map<string, Measured>, paths: string[]): Promise<void> {
	log('compare (total hits and first hit of each engine, one request each)');
	for (const [i, query] of QUERIES.entries()) {
		const parts: string[] = [];
		for (const [engine, server] of servers) {
			const res = await fetch(`http://127.0.0.1:${server.port}${paths[i]}`);
			const body = (await res.json()) as { total: number; hits: { doc: { name_ko: string } }[] };
			parts.push(`${engine}=${body.total}(${body.hits[0]?.doc.name_ko ?? '-'})`);
		}
		log(`  ${query.label.padEnd(38)} ${parts.join(' ')}`);
	}
	for (const [engine, m] of measured) {
		log(`per-query engine=${engine} (server-side ms, slowest p95 first)`);
		for (const row of perQuery(m).sort((a, b) => b.p95 - a.p95)) {
			log(`  p95=${fixed(row.p95).padStart(7)} p50=${fixed(row.p50).padStart(7)} n=${String(row.n).padStart(5)}  ${row.label}`);
		}
	}
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
	const paths = QUERIES.map(pathOf);
	const run: RunOptions = { paths, concurrency: CONCURRENCY, durationMs: DURATION_MS, rounds: ROUNDS, docs: DOCS };
	const servers = new Map<string, Server>();
	let sql: Sql | undefined;
	log(
		`bench docs=${DOCS} queries=${QUERIES.length} concurrency=${CONCURRENCY} duration_s=${DURATION_MS / 1000} rounds=${ROUNDS} churn_per_s=${CHURN} cpus=${os.cpus().length} loadavg=${loadavg()}`
	);
	try {
		if (ENGINES.includes('postgres')) sql = await preparePostgres(reuse, servers);
		if (ENGINES.includes('minisearch')) await prepareBaseline(servers);

		const firstPass = new Map<string, Sample[]>();
		for (const [engine, server] of servers) {
			note(`warming up ${engine}…`);
			firstPass.set(engine, await warmUp(server, engine, { ...run, warmupMs: WARMUP_MS }));
		}
		const measured = await measureRounds(servers, run);
		await report(servers, measured, firstPass);
		const errors = [...measured].flatMap(([engine, m]) => m.errors.map((e) => ({ engine, ...e })));
		if (CHURN > 0) {
			for (const [engine, m] of await reportChurn(servers, run)) errors.push(...m.errors.map((e) => ({ engine, ...e })));
		}
		log(`loadavg_end=${loadavg()}`);

		if (args.verbose) await reportVerbose(servers, measured, paths);
		const explain = Math.floor(Number(args.explain));
		if (explain > 0 && sql && measured.has('postgres')) {
			const slowest = perQuery(measured.get('postgres')!)
				.sort((a, b) => b.p95 - a.p95)
				.slice(0, explain);
			for (const row of slowest) await explainQuery(sql, row.label, QUERIES[row.index].params, log);
		}
		for (const e of errors.slice(0, 10))
			console.error(`error engine=${e.engine} query="${QUERIES[e.query].label}" status=${e.status} ${e.body}`);
		return errors.length ? 1 : 0;
	} finally {
		for (const server of servers.values()) await stopServer(server);
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
