// Warm-up and measured runs over the benchmark's servers, and the figures drawn from them.
import { percentile, runLoad, type LoadResult, type Sample } from './load';
import { QUERIES } from './queries';
import { setChurn, type Server } from './servers';

export interface Measured {
	samples: Sample[];
	errors: LoadResult['errors'];
	elapsedMs: number;
}

export interface RunOptions {
	paths: string[];
	concurrency: number;
	durationMs: number;
	rounds: number;
	docs: number;
}

/**
 * Each query once, one at a time (the first time the engine sees it: no cache can help), then once
 * more at full concurrency, then load for `warmupMs`. Returns the first, unqueued pass; any error throws.
 */
export async function warmUp(server: Server, engine: string, opts: RunOptions & { warmupMs: number }): Promise<Sample[]> {
	const { paths, concurrency } = opts;
	const first = await runLoad({ port: server.port, paths, concurrency: 1, rounds: 1 });
	const second = await runLoad({ port: server.port, paths, concurrency, rounds: 1 });
	const rest = opts.warmupMs > 0 ? await runLoad({ port: server.port, paths, concurrency, durationMs: opts.warmupMs }) : undefined;
	for (const e of [...first.errors, ...second.errors, ...(rest?.errors ?? [])]) {
		throw new Error(`${engine}: ${QUERIES[e.query].label} → HTTP ${e.status} ${e.body}`);
	}
	return first.samples;
}

/**
 * The measured runs: the engines in turn, `rounds` times, `durationMs` in all per engine (in whole
 * passes over the queries), so that a burst of noise from other processes lands on both alike.
 * With `churnPerSecond`, each server re-indexes workshops while it is measured.
 */
export async function measureRounds(servers: Map<string, Server>, opts: RunOptions, churnPerSecond = 0): Promise<Map<string, Measured>> {
	const measured = new Map<string, Measured>();
	for (const engine of servers.keys()) measured.set(engine, { samples: [], errors: [], elapsedMs: 0 });
	for (let round = 0; round < opts.rounds; round++) {
		for (const [engine, server] of servers) {
			if (churnPerSecond > 0) await setChurn(server, churnPerSecond, opts.docs);
			const r = await runLoad({
				port: server.port,
				paths: opts.paths,
				concurrency: opts.concurrency,
				durationMs: opts.durationMs / opts.rounds,
				offset: round * 7
			});
			if (churnPerSecond > 0) await setChurn(server, 0, opts.docs);
			const m = measured.get(engine)!;
			m.samples.push(...r.samples);
			m.errors.push(...r.errors);
			m.elapsedMs += r.elapsedMs;
		}
	}
	return measured;
}

export interface Summary {
	p50: number;
	p95: number;
	p99: number;
	max: number;
	clientP50: number;
	clientP95: number;
	qps: number;
}

export function summary(m: Measured): Summary {
	const server = m.samples.map((s) => s.serverMs);
	const client = m.samples.map((s) => s.clientMs);
	return {
		p50: percentile(server, 50),
		p95: percentile(server, 95),
		p99: percentile(server, 99),
		max: Math.max(...server),
		clientP50: percentile(client, 50),
		clientP95: percentile(client, 95),
		qps: m.samples.length / (m.elapsedMs / 1000)
	};
}

/** Server-side p50/p95 of each query, in the order of QUERIES. */
export function perQuery(m: Measured): { index: number; label: string; n: number; p50: number; p95: number }[] {
	return QUERIES.map((q, index) => {
		const times = m.samples.filter((s) => s.query === index).map((s) => s.serverMs);
		return { index, label: q.label, n: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
	});
}
