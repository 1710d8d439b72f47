// A keep-alive HTTP load generator: `concurrency` loops, each sending the next query of the list as
// soon as its previous answer is read, for a fixed time. Every answer is timed by the client, and the
// server's own time comes back in the `x-server-ms` header.
import http from 'node:http';

export const SERVER_TIME_HEADER = 'x-server-ms';

export interface Sample {
	query: number;
	clientMs: number;
	serverMs: number;
}

export interface LoadResult {
	samples: Sample[];
	errors: { query: number; status: number; body: string }[];
	elapsedMs: number;
}

function get(agent: http.Agent, port: number, path: string): Promise<{ status: number; body: string; serverMs: number }> {
	return new Promise((resolve, reject) => {
		const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					body: Buffer.concat(chunks).toString('utf8'),
					serverMs: Number(res.headers[SERVER_TIME_HEADER] ?? Number.NaN)
				})
			);
			res.on('error', reject);
		});
		req.on('error', reject);
	});
}

/**
 * Sends the queries in turn from a shared counter, in whole passes over the list, so that every query
 * weighs the same in the percentiles whatever the engine's speed: with `rounds`, that many passes;
 * with `durationMs`, passes until that time is up (the pass under way is finished, so a slow engine
 * may run longer, never shorter than one pass).
 */
export async function runLoad(opts: {
	port: number;
	paths: string[];
	concurrency: number;
	durationMs?: number;
	rounds?: number;
	/** Start at this position of the list (so that alternating runs do not always start alike). */
	offset?: number;
}): Promise<LoadResult> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
	const samples: Sample[] = [];
	const errors: LoadResult['errors'] = [];
	const first = opts.offset ?? 0;
	const n = opts.paths.length;
	let next = first;
	let limit = opts.rounds !== undefined ? first + opts.rounds * n : Number.POSITIVE_INFINITY;
	const started = performance.now();
	const deadline = opts.durationMs !== undefined ? started + opts.durationMs : Number.POSITIVE_INFINITY;
	async function loop() {
		while (next < limit) {
			// Time is up: end with the pass under way.
			if (performance.now() >= deadline && limit === Number.POSITIVE_INFINITY)
				limit = first + Math.max(1, Math.ceil((next - first) / n)) * n;
			if (next >= limit) break;
			const query = next++ % n;
			const t0 = performance.now();
			const res = await get(agent, opts.port, opts.paths[query]);
			const clientMs = performance.now() - t0;
			if (res.status !== 200) errors.push({ query, status: res.status, body: res.body.slice(0, 300) });
			else samples.push({ query, clientMs, serverMs: res.serverMs });
		}
	}
	try {
		await Promise.all(Array.from({ length: opts.concurrency }, loop));
	} finally {
		agent.destroy();
	}
	return { samples, errors, elapsedMs: performance.now() - started };
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = Float64Array.from(values).sort();
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
	return sorted[rank - 1];
}
