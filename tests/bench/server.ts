// The HTTP side of the benchmark: a node:http server that mounts the app's own GET /api/search handler
// (src/routes/api/search/+server.ts: parseSearchParams, toSearchQuery, the search port's search(),
// json()) for one engine. The Postgres run uses the app's engine selection as it is (no MEILI_URL:
// the PostgreSQL engine on the pool); the baseline run puts the MiniSearch adapter in its place with
// useSearchEngines(). Only the engine differs, so HTTP, parsing and serialisation cost both the same.
// What this skips of the full SvelteKit server: its router, hooks (locale, session cookie lookup) and
// the adapter-node request/response conversion — the same for both engines.
// Each request is timed from its arrival to its last byte written, returned in `x-server-ms`.
//
// Run as a child of search.ts: `node --import tsx tests/bench/server.ts '<json options>'`; it prints
// one JSON line ({ ready, port, … }) on stdout when listening, and answers GET /stats with its memory use.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEvent } from '@sveltejs/kit';
import type { SearchEngine, WorkshopDoc } from '../../src/lib/server/search/port';
import { generateCorpus, workshopId } from './corpus';
import { indexIsCurrent } from './index-check';
import { SERVER_TIME_HEADER } from './load';
import { minisearchEngine, type BenchEngine } from './minisearch-engine';

export type ServerOptions =
	{ engine: 'postgres'; pgDir: string; pgPort: number; docs: number; seed: number } | { engine: 'minisearch'; docs: number; seed: number };

const mb = (bytes: number) => Math.round(bytes / 1048576);

/** An engine, what its set-up measured, and the i-th workshop of the corpus as it holds it (for --churn). */
interface Setup {
	engine: BenchEngine;
	info: object;
	docAt: (i: number) => Promise<WorkshopDoc | undefined>;
}

async function postgres(opts: Extract<ServerOptions, { engine: 'postgres' }>): Promise<Setup> {
	const db = await import('../../src/lib/server/db');
	const { searchEngines } = await import('../../src/lib/server/search');
	// Connects like the app's embedded mode (same pool options); the server started by search.ts answers.
	const sql = await db.connect({ kind: 'embedded', dir: opts.pgDir, port: opts.pgPort });
	db.use(sql);
	const { primary } = searchEngines();
	if (primary.kind !== 'postgres') throw new Error(`the app chose ${primary.kind}; unset MEILI_URL`);
	await primary.prepare();
	return {
		engine: primary,
		info: { index_current: await indexIsCurrent(sql, opts.seed, Math.min(50, opts.docs)) },
		async docAt(i) {
			const [row] = await sql<{ doc: WorkshopDoc }[]>`select doc from public.search_documents where workshop_id = ${workshopId(i)}::uuid`;
			return row?.doc;
		}
	};
}

async function minisearch(opts: Extract<ServerOptions, { engine: 'minisearch' }>): Promise<Setup> {
	let t = performance.now();
	const docs = generateCorpus(opts.docs, opts.seed);
	const generateMs = performance.now() - t;
	globalThis.gc?.();
	const before = process.memoryUsage();
	t = performance.now();
	const engine = minisearchEngine();
	for (let i = 0; i < docs.length; i += 5000) await engine.upsert(docs.slice(i, i + 5000));
	const indexMs = performance.now() - t;
	globalThis.gc?.();
	const after = process.memoryUsage();
	return {
		engine,
		docAt: (i) => Promise.resolve(docs[i]),
		info: {
			generate_ms: Math.round(generateMs),
			index_ms: Math.round(indexMs),
			rss_before_mb: mb(before.rss),
			rss_after_mb: mb(after.rss),
			heap_before_mb: mb(before.heapUsed),
			heap_after_mb: mb(after.heapUsed)
		}
	};
}

type Handler = (event: RequestEvent) => Promise<Response>;

/** The app's endpoint, answering with the given engine. */
async function endpoint(engine: BenchEngine): Promise<Handler> {
	const { useSearchEngines } = await import('../../src/lib/server/search');
	if (engine.kind === 'minisearch') {
		// The port's kinds name the real engines only; the result's `engine` field says 'minisearch'.
		const adapter = engine as unknown as SearchEngine;
		useSearchEngines({ primary: adapter, fallback: adapter });
	}
	const { GET } = await import('../../src/routes/api/search/+server');
	return GET as unknown as Handler;
}

async function main() {
	const opts = JSON.parse(process.argv[2]) as ServerOptions;
	delete process.env.MEILI_URL;
	// One address sends every request here: the per-address limit of the endpoint is off.
	process.env.SEARCH_API_PER_MINUTE = '0';
	const { engine, info, docAt } = opts.engine === 'postgres' ? await postgres(opts) : await minisearch(opts);
	const GET = await endpoint(engine);
	let failures = 0;
	// --churn: workshops re-indexed while searches run, as the outbox worker does when profiles change.
	let churn: NodeJS.Timeout | undefined;
	let churned = 0;
	const startChurn = (perSecond: number, docs: number) => {
		clearInterval(churn);
		if (perSecond <= 0) return;
		let busy = false;
		churn = setInterval(() => {
			if (busy) return;
			busy = true;
			docAt(Math.floor(Math.random() * docs))
				.then((doc) => (doc ? engine.upsert([doc]) : undefined))
				.then(
					() => churned++,
					(e) => console.error('churn failed', e)
				)
				.finally(() => (busy = false));
		}, 1000 / perSecond);
	};
	const server = http.createServer((req, res) => {
		const started = performance.now();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const send = (status: number, body: string) => {
			res.writeHead(status, {
				'content-type': 'application/json',
				'cache-control': 'no-store',
				'content-length': Buffer.byteLength(body),
				[SERVER_TIME_HEADER]: (performance.now() - started).toFixed(3)
			});
			res.end(body);
		};
		if (req.method === 'GET' && url.pathname === '/api/search') {
			GET({ url, request: new Request(url) } as unknown as RequestEvent)
				.then(async (response) => send(response.status, await response.text()))
				.catch((e) => {
					if (failures++ < 3) console.error(e);
					send(500, JSON.stringify({ error: String(e) }));
				});
		} else if (url.pathname === '/stats') {
			globalThis.gc?.();
			const m = process.memoryUsage();
			send(200, JSON.stringify({ rss_mb: mb(m.rss), heap_mb: mb(m.heapUsed), churned }));
		} else if (url.pathname === '/churn') {
			startChurn(Number(url.searchParams.get('per_second')), Number(url.searchParams.get('docs')));
			send(200, '{}');
		} else send(404, '{}');
	});
	server.keepAliveTimeout = 60_000;
	server.listen(0, '127.0.0.1', () => {
		const { port } = server.address() as AddressInfo;
		process.stdout.write(JSON.stringify({ ready: true, port, engine: engine.kind, ...info }) + '\n');
	});
	// The parent ends us by closing our stdin (or by a signal), so a crashed parent leaves no orphan.
	process.stdin.on('end', () => process.exit(0));
	process.stdin.resume();
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
