// `npm run bench:pages`: how fast the built app serves its pages on the seed data, against the same
// server's /healthz (goes through every hook, reads and renders nothing) measured in the same run.
// Starts `node build` on a fresh embedded database (DATA_DIR .data/bench-pages), signs in a seeded
// startup for the dashboard, then runs autocannon against each page in turn.
// Prints `page=… rps=… p50_ms=… p99_ms=… ratio=…` (ratio = page rps / healthz rps) and the targets.
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { buildIfNeeded, findWorkshop, SEARCH_PATH, startApp } from './app';
import { fixed, loadavg, log, positive } from './cli';

const { values: args } = parseArgs({
	options: {
		duration: { type: 'string', default: '10' },
		warmup: { type: 'string', default: '2' },
		connections: { type: 'string', default: '32' },
		build: { type: 'boolean', default: false },
		only: { type: 'string', default: '' },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	console.log(`npm run bench:pages -- [options]
  --duration S      measured seconds per page (default 10)
  --warmup S        unmeasured seconds per page first (default 2)
  --connections N   simultaneous keep-alive connections (default 32)
  --build           run vite build first (otherwise the existing build/ is used, and built if missing)
  --only a,b        measure only these pages (home, search, cluster, workshop, dashboard; healthz always;
                    dashboard also measures dashboard_rendered: every request rendered, no target)
Targets: anonymous pages ratio >= 0.5 and p99 <= 50 ms; the signed-in dashboard ratio >= 0.25.`);
	process.exit(0);
}

const duration = positive('duration', args.duration);
const warmup = Number(args.warmup);
const connections = positive('connections', args.connections);
const ROOT = process.cwd();

buildIfNeeded(ROOT, args.build);
const { base, stop } = await startApp(ROOT, '.data/bench-pages');

async function signIn(email: string): Promise<string> {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: base },
		body: new URLSearchParams({ email, password: 'sogong-demo-1234' })
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (res.status !== 303 || !cookies.length)
		throw new Error(
			`sign-in of ${email} answered ${res.status}: ${(await res.text())
				.replace(/<[^>]+>/g, ' ')
				.replace(/\s+/g, ' ')
				.slice(0, 300)}`
		);
	return cookies.join('; ');
}

interface Measured {
	rps: number;
	p50: number;
	p99: number;
	errors: number;
	bytes: number;
}

async function measure(url: string, headers: Record<string, string>, seconds: number, fresh = false): Promise<Measured> {
	// fresh: every request asks for a page no earlier request did (a query parameter of its own), so
	// none is served from the process's cache of rendered pages.
	let n = 0;
	const requests = fresh
		? [{ setupRequest: (req: { path?: string }) => ({ ...req, path: `${req.path ?? '/'}?fresh=${n++}` }) }]
		: undefined;
	const result = await autocannon({ url, connections, duration: seconds, headers, requests });
	const errors = result.errors + result.timeouts + result.non2xx;
	return {
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors,
		bytes: result.throughput.average / Math.max(result.requests.average, 1)
	};
}

try {
	// One page of each kind, found the way a visitor finds it.
	const workshop = await findWorkshop(base);
	const dashboardCookie = await signIn('startup1@sogong.link');
	const pages: { name: string; path: string; signedIn?: boolean; fresh?: boolean }[] = [
		{ name: 'healthz', path: '/healthz' },
		{ name: 'home', path: '/' },
		{ name: 'search', path: SEARCH_PATH },
		{ name: 'cluster', path: '/clusters/jongno-jewelry' },
		{ name: 'workshop', path: workshop },
		{ name: 'dashboard', path: '/dashboard', signedIn: true },
		// The same dashboard rendered on every request (what a first visit costs): no target, for the record.
		{ name: 'dashboard_rendered', path: '/dashboard', signedIn: true, fresh: true }
	];
	const only = new Set(args.only.split(',').filter(Boolean));
	const chosen = pages.filter((p) => p.name === 'healthz' || !only.size || only.has(p.name) || (p.fresh && only.has('dashboard')));
	log(
		`bench pages=${chosen.length} connections=${connections} duration_s=${duration} cpus=${(await import('node:os')).cpus().length} loadavg=${loadavg()}`
	);

	let healthz: Measured | undefined;
	let missed = 0;
	for (const page of chosen) {
		const headers: Record<string, string> = { 'accept-language': 'ko-KR,ko;q=0.9' };
		if (page.signedIn) headers.cookie = dashboardCookie;
		const check = await fetch(base + page.path, { headers, redirect: 'manual' });
		if (check.status !== 200) throw new Error(`${page.path} answered ${check.status}`);
		if (warmup > 0) await measure(base + page.path, headers, warmup, page.fresh);
		const m = await measure(base + page.path, headers, duration, page.fresh);
		healthz ??= m;
		const ratio = m.rps / healthz.rps;
		log(
			`page=${page.name} rps=${fixed(m.rps, 0)} p50_ms=${fixed(m.p50)} p99_ms=${fixed(m.p99)} ratio=${fixed(ratio, 2)} kb=${fixed(m.bytes / 1024)} errors=${m.errors}`
		);
		if (page.name === 'healthz' || page.fresh) continue;
		const met = page.signedIn ? ratio >= 0.25 : ratio >= 0.5 && m.p99 <= 50;
		if (!met) missed++;
		log(`target page=${page.name} ${page.signedIn ? 'ratio>=0.25' : 'ratio>=0.5,p99<=50ms'} ${met ? 'met' : 'missed'}`);
	}
	log(`loadavg_end=${loadavg()} targets_missed=${missed}`);
} finally {
	// The requests autocannon left in flight finish first: stopped under them, the database fails them
	// and their errors print after the figures.
	await new Promise((resolve) => setTimeout(resolve, 1_000));
	stop();
}
