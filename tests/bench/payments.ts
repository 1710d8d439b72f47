// `npm run bench:payments`: Stripe webhooks through the app's real handler, at volume and in the worst
// order. Starts the built app (`node build`, every hook, POST /api/webhooks/stripe) on a fresh embedded
// database of its own (DATA_DIR .data/bench-payments, deleted at start), with Stripe configured (the
// API base points nowhere: webhooks need no outbound call). Makes --orders orders with deposit, sample
// and balance milestones in one SQL statement as the superuser (the quote flow is what the tests
// cover; here only the rows matter), then replays --events signed events: one
// checkout.session.completed per milestone, the rest async_payment_succeeded of a paid session (a
// second word about the same payment) and checkout.session.expired of an abandoned attempt, 30% of
// them delivered twice (same event, new signature), all shuffled, at --concurrency 16. Then checks
// the ledger. The baseline in the same run: GET /healthz (through every hook, no database) at the
// same concurrency, as many requests.
// Prints `payments events=… orders=… p50_ms=… p95_ms=… duplicates_ignored=… lost=… double_applied=…
// ledger_balanced=true|false`, the baseline, the ratio and the target (p95 <= 25 ms).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import Stripe from 'stripe';
import { eventBody } from '../doubles/stripe';
import { buildIfNeeded } from './app';
import { fixed, loadavg, log, note, positive, treeCpuMs } from './cli';
import { freePort } from './servers';

const { values: args } = parseArgs({
	options: {
		orders: { type: 'string', default: '2000' },
		events: { type: 'string', default: '10000' },
		twice: { type: 'string', default: '0.3' },
		concurrency: { type: 'string', default: '16' },
		build: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	console.log(`npm run bench:payments -- [options]
  --orders N        orders, each with deposit, sample and balance milestones (default 2000)
  --events N        webhook deliveries in all, duplicates included (default 10000)
  --twice F         share of events delivered twice (default 0.3)
  --concurrency N   deliveries in flight (default 16)
  --build           run vite build first (otherwise the existing build/ is used, and built if missing)
Target: lost=0, double_applied=0, ledger_balanced=true, p95 <= 25 ms.`);
	process.exit(0);
}

const ORDERS = positive('orders', args.orders);
const EVENTS = positive('events', args.events);
const TWICE = Number(args.twice);
const CONCURRENCY = positive('concurrency', args.concurrency);
const ROOT = process.cwd();
const DATA_DIR = '.data/bench-payments';
const SECRET = `sk_test_bench_${randomBytes(8).toString('hex')}`;
const WEBHOOK_SECRET = `whsec_bench_${randomBytes(16).toString('hex')}`;
// Seeded rows (supabase/seed.sql): startup1, its company, craftsman3's workshop 대성정밀.
const BUYER = '00000000-0000-4000-8000-000000000e01';
const COMPANY = '00000000-0000-4000-8000-00000000d001';
const WORKSHOP = '00000000-0000-4000-8000-00000000f301';

// ─── the app ───────────────────────────────────────────────────────────────────────────────────

async function startApp(): Promise<{ base: string; dbUrl: string; pid: number; stop: () => void }> {
	rmSync(path.resolve(DATA_DIR), { recursive: true, force: true });
	const port = await freePort();
	const pgPort = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: base,
			DATA_DIR,
			EMBEDDED_PG_PORT: String(pgPort),
			SEED: 'auto',
			STRIPE_SECRET_KEY: SECRET,
			STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
			// Nothing answers there: webhooks must not need Stripe's API, and nothing leaves the machine.
			STRIPE_API_BASE: 'http://127.0.0.1:9'
		}
	});
	const stop = () => {
		if (server.exitCode === null) server.kill('SIGTERM');
	};
	process.on('exit', stop);
	const until = Date.now() + 180_000;
	while (Date.now() < until) {
		if (server.exitCode !== null) throw new Error(`the app exited with ${server.exitCode} before it was ready`);
		if (
			await fetch(`${base}/healthz`).then(
				(r) => r.ok,
				() => false
			)
		) {
			return { base, dbUrl: `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`, pid: server.pid!, stop };
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	stop();
	throw new Error('the app did not answer /healthz within 180 s');
}

// ─── the orders ────────────────────────────────────────────────────────────────────────────────

interface Milestone {
	id: string;
	order_id: string;
	amount_krw: number;
	reference: string;
}

/** Requests, accepted quotes and orders by private.create_order (the function accepting a quote calls). */
async function makeOrders(sql: postgres.Sql, n: number): Promise<Milestone[]> {
	const tag = `bench-${randomUUID().slice(0, 8)}`;
	await sql.begin(async (tx) => {
		// Replica mode: the request and quote guards and their notifications stay out of the way;
		// create_order writes the order and milestones as accepting a quote does.
		await tx`set local session_replication_role = replica`;
		await tx`
			with r as (
				insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility, published_at)
				select ${BUYER}, ${COMPANY}, 'machine_metal', '259', ${tag} || ' ' || g, '벤치마크 주문', 100, 'open', 'public', now()
				from generate_series(1, ${n}) g
				returning id
			)
			insert into public.quotes (request_id, workshop_id, status, price_krw, vat_krw, vat_included, deposit_krw, sample_krw,
			                           lead_time_days, valid_until)
			select id, ${WORKSHOP}, 'accepted', 3000003, 300000, false, 1000001, 1000001, 21, current_date + 14 from r`;
		await tx`
			select private.create_order(q.id) from public.quotes q join public.requests r on r.id = q.request_id
			where r.title like ${tag + ' %'}`;
	});
	await sql`vacuum analyze public.orders, public.order_milestones, public.payments, public.payment_events`;
	return sql<Milestone[]>`
		select m.id, m.order_id, m.amount_krw, m.reference from public.order_milestones m
		join public.orders o on o.id = m.order_id join public.requests r on r.id = o.request_id
		where r.title like ${tag + ' %'} order by m.order_id, m.seq`;
}

// ─── the events ────────────────────────────────────────────────────────────────────────────────

interface Delivery {
	eventId: string;
	body: string;
}

function session(m: Milestone, id: string, state: 'paid' | 'expired') {
	return {
		id,
		object: 'checkout.session',
		amount_subtotal: m.amount_krw,
		amount_total: m.amount_krw,
		cancel_url: 'http://localhost/orders?payment=cancelled',
		client_reference_id: m.id,
		created: Math.floor(Date.now() / 1000) - 600,
		currency: 'krw',
		customer_email: 'startup1@sogong.link',
		expires_at: Math.floor(Date.now() / 1000) + 86_000,
		livemode: false,
		locale: 'ko',
		metadata: { order_id: m.order_id, milestone_id: m.id, reference: m.reference },
		mode: 'payment',
		payment_intent: state === 'paid' ? `pi_bench_${randomBytes(12).toString('hex')}` : null,
		payment_status: state === 'paid' ? 'paid' : 'unpaid',
		status: state === 'paid' ? 'complete' : 'expired',
		success_url: 'http://localhost/orders?payment=stripe&session_id={CHECKOUT_SESSION_ID}',
		url: null
	};
}

function event(type: string, object: object, prefix = 'evt_bench_'): Delivery {
	const eventId = `${prefix}${randomBytes(12).toString('hex')}`;
	const body = eventBody(eventId, type, object);
	return { eventId, body };
}

function shuffle<T>(items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[items[i], items[j]] = [items[j], items[i]];
	}
	return items;
}

/** One completed event per milestone, the rest second words and expiries; `twice` of them sent again. */
function makeDeliveries(milestones: Milestone[], total: number, twice: number): { deliveries: Delivery[]; unique: number } {
	const unique = Math.round(total / (1 + twice));
	if (unique < milestones.length) throw new Error(`--events ${total} is too few for ${milestones.length} milestones`);
	const events: Delivery[] = [];
	const paidSessions: { m: Milestone; s: ReturnType<typeof session> }[] = [];
	for (const m of milestones) {
		const s = session(m, `cs_bench_${randomBytes(16).toString('hex')}`, 'paid');
		paidSessions.push({ m, s });
		events.push(event('checkout.session.completed', s));
	}
	for (let i = 0; events.length < unique; i++) {
		if (i % 2 === 0) {
			const { s } = paidSessions[Math.floor(Math.random() * paidSessions.length)];
			events.push(event('checkout.session.async_payment_succeeded', s));
		} else {
			const m = milestones[Math.floor(Math.random() * milestones.length)];
			events.push(event('checkout.session.expired', session(m, `cs_bench_${randomBytes(16).toString('hex')}`, 'expired')));
		}
	}
	const again = shuffle([...events]).slice(0, total - unique);
	return { deliveries: shuffle([...events, ...again]), unique };
}

// ─── measuring ─────────────────────────────────────────────────────────────────────────────────

const stripe = new Stripe(SECRET);

async function run<T>(count: number, one: (i: number) => Promise<T>): Promise<{ ms: number[]; results: T[] }> {
	const ms: number[] = new Array<number>(count);
	const results: T[] = new Array<T>(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			for (let i = next++; i < count; i = next++) {
				const t = performance.now();
				results[i] = await one(i);
				ms[i] = performance.now() - t;
			}
		})
	);
	return { ms, results };
}

// The load generator's own cost stays small (it shares the machine with the app and its database):
// node:http on kept-alive connections, one per delivery in flight, instead of fetch.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
let origin = '';
function request(
	method: string,
	path: string,
	opts: { headers?: Record<string, string>; body?: string } = {}
): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
		const req = http.request(
			`${origin}${path}`,
			{ method, agent, headers: { ...opts.headers, ...(body ? { 'content-length': String(body.length) } : {}) } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const { base, dbUrl, pid, stop } = await (async () => {
	buildIfNeeded(ROOT, args.build);
	note(`starting the app on a fresh database in ${DATA_DIR}`);
	return startApp();
})();
origin = base;
note(`app ${base}, database ${dbUrl}`);
const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
try {
	let t = performance.now();
	const milestones = await makeOrders(sql, ORDERS);
	note(`${ORDERS} orders, ${milestones.length} milestones in ${fixed((performance.now() - t) / 1000)} s`);
	const { deliveries, unique } = makeDeliveries(milestones, EVENTS, TWICE);
	log(`bench payments cpus=${os.cpus().length} loadavg=${loadavg()} concurrency=${CONCURRENCY} unique_events=${unique}`);

	// Warm-up: the handler's modules, the pool's connections, the plans (50 ignored events).
	await run(50, () => post(event('customer.created', { id: 'cus_bench', object: 'customer' }, 'evt_warmup_')).then((r) => r.status));

	async function post(d: Delivery): Promise<{ status: number; outcomes: string[] }> {
		// Signed when sent, as Stripe signs each delivery attempt anew.
		const signature = stripe.webhooks.generateTestHeaderString({ payload: d.body, secret: WEBHOOK_SECRET });
		const r = await request('POST', '/api/webhooks/stripe', {
			headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
			body: d.body
		});
		const answer = JSON.parse(r.body) as { outcomes?: string[] };
		return { status: r.status, outcomes: answer.outcomes ?? [] };
	}

	t = performance.now();
	const cpuBefore = { tree: treeCpuMs(pid), loadgen: process.cpuUsage() };
	const hooks = await run(deliveries.length, (i) => post(deliveries[i]));
	const seconds = (performance.now() - t) / 1000;
	const cpuAfter = { tree: treeCpuMs(pid), loadgen: process.cpuUsage(cpuBefore.loadgen) };
	const failed = hooks.results.filter((r) => r.status !== 200).length;
	const outcomes = new Map<string, number>();
	for (const r of hooks.results) for (const o of r.outcomes) outcomes.set(o, (outcomes.get(o) ?? 0) + 1);

	const baseline = await run(deliveries.length, () => request('GET', '/healthz').then((r) => r.status));

	const ids = milestones.map((m) => m.id);
	const [state] = await sql<{ held: number; double_applied: number; events: number }[]>`
		select (select count(*)::int from public.order_milestones where id = any(${ids}::uuid[]) and status = 'held') as held,
		       (select count(*)::int from (
		          select milestone_id from public.ledger_entries
		          where milestone_id = any(${ids}::uuid[]) and kind = 'payment' and account = 'escrow'
		          group by milestone_id having count(*) > 1) d) as double_applied,
		       (select count(*)::int from public.payment_events where provider = 'stripe' and event_id like 'evt_bench_%') as events`;
	const problems = await sql<{ problem: string }[]>`select private.ledger_problems() as problem`;
	const lost = milestones.length - state.held;
	const p50 = percentile(hooks.ms, 50);
	const p95 = percentile(hooks.ms, 95);
	const baseP95 = percentile(baseline.ms, 95);
	log(
		`payments events=${deliveries.length} orders=${ORDERS} p50_ms=${fixed(p50)} p95_ms=${fixed(p95)} duplicates_ignored=${outcomes.get('duplicate') ?? 0} lost=${lost} double_applied=${state.double_applied} ledger_balanced=${problems.length === 0}`
	);
	log(`baseline endpoint=healthz requests=${baseline.ms.length} p50_ms=${fixed(percentile(baseline.ms, 50))} p95_ms=${fixed(baseP95)}`);
	log(
		`ratio_p95=${fixed(p95 / baseP95, 2)} events_per_s=${fixed(deliveries.length / seconds, 0)} non_200=${failed} recorded_events=${state.events}`
	);
	if (cpuBefore.tree && cpuAfter.tree) {
		// What each delivery cost in CPU, whatever else the machine was doing (the latencies above stretch with load).
		const per = (ms: number) => fixed(ms / deliveries.length, 3);
		log(
			`cpu_ms_per_event app=${per(cpuAfter.tree.self - cpuBefore.tree.self)} database=${per(cpuAfter.tree.children - cpuBefore.tree.children)} load_generator=${per((cpuAfter.loadgen.user + cpuAfter.loadgen.system) / 1000)}`
		);
	}
	log(`detail outcomes=${[...outcomes].map(([k, v]) => `${k}:${v}`).join(',')} p99_ms=${fixed(percentile(hooks.ms, 99))}`);
	const met = lost === 0 && state.double_applied === 0 && problems.length === 0 && p95 <= 25;
	log(`target lost=0,double_applied=0,ledger_balanced,p95<=25ms ${met ? 'met' : 'missed'} loadavg_end=${loadavg()}`);
	for (const p of problems.slice(0, 5)) note(`ledger: ${p.problem}`);
	if (failed > 0 || problems.length > 0 || state.events !== unique) process.exitCode = 1;
} finally {
	agent.destroy();
	await sql.end({ timeout: 5 });
	stop();
}
