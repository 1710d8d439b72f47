// `npm run bench:reputation`: reputation (issue 14) at national scale, through the app's own code, on a
// fresh embedded database of its own (.data/bench-reputation, deleted at start and end).
// Loads REPUTATION_WORKSHOPS (317,000) workshops, REPUTATION_COMPANIES (40,000) buying companies and
// REPUTATION_ORDERS (2,000,000) orders over two years, each with its request, the accepted quote (a
// quarter of the requests also a quote not selected), the invitation, the deposit, sample changes
// and disputes for some, and the buyer's and the workshop's published reviews for most completed
// ones; plus a tenth as many requests closed without an order. Rows are written set-based
// (`insert … select … from generate_series`) in replica mode, which skips triggers and foreign-key
// checks: the guards refuse orders that were not made by accepting a quote, and the flows themselves
// are what the tests cover. Everything after the load runs with triggers on.
// Then, all through src/lib/server/reviews.ts:
// 1. The nightly full recomputation (`recompute()`), timed (full_recompute_s).
// 2. The workshop page's scorecard (`workshopCard()`, as the page reads it, in an RLS transaction as
//    anon) for REPUTATION_READS (2,000) random workshops after a warm-up: p95. Baseline in the same
//    run: the same RLS transaction reading the workshop's row by primary key.
// 3. REPUTATION_NEW (1,000) new orders delivered, then completed by one update as the platform's
//    automatic confirmation does (triggers on: events, money released, scorecards queued), then the
//    minute's job (`runTimers()`) that recomputes what the queue holds, timed (recompute_1000_s).
//    A second full recomputation at the same instant must give exactly the same rows (consistent=yes).
// Prints `reputation workshops=… orders=… scorecard_p95_ms=… recompute_1000_s=…`, the detail and
// baseline lines, the ratio, the load average and the targets (scorecard p95 <= 5 ms, recompute <= 10 s).
// Quick run while others work: REPUTATION_WORKSHOPS=20000 REPUTATION_ORDERS=120000 npm run bench:reputation
import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import * as db from '../../src/lib/server/db';
import { startEmbedded, stopEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import * as reviews from '../../src/lib/server/reviews';
import { fixed, loadavg, log, note, positive, seconds } from './cli';
import { freePort } from './servers';

const env = (name: string, fallback: string) => positive(name, process.env[name] ?? fallback);
const W = Math.round(env('REPUTATION_WORKSHOPS', '317000'));
const N = Math.round(env('REPUTATION_ORDERS', '2000000'));
const C = Math.round(env('REPUTATION_COMPANIES', String(Math.max(100, Math.min(40_000, Math.round(N / 50))))));
const NEW = Math.round(env('REPUTATION_NEW', '1000'));
const READS = Math.round(env('REPUTATION_READS', '2000'));
const BATCH = 200_000;
const PG_DIR = path.resolve('.data/bench-reputation');

const percentile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

/**
 * The bench's rows for orders from..to (and their requests, quotes, invitations, deposits, events and
 * reviews). Ids are md5 of a letter and the number, so that every table can name the others' rows.
 * Order g goes to workshop w(g) (skewed: a few busy shops with hundreds of orders, most with a
 * handful) and company 1 + g*7 mod C, created `back` seconds before now.
 */
async function loadOrders(sql: postgres.Sql, from: number, to: number, statusOf: string, back: string) {
	await sql.begin(async (tx) => {
		await tx`set local session_replication_role = replica`;
		await tx`set local synchronous_commit = off`;
		await tx`
			create temporary table o on commit drop as
			select g, md5('o' || g)::uuid as id, md5('r' || g)::uuid as request_id, md5('q' || g)::uuid as quote_id,
				md5('w' || wi)::uuid as workshop_id, md5('w' || (wi % ${W}::int + 1))::uuid as other_workshop,
				md5('c' || ci)::uuid as company_id, md5('u' || ci)::uuid as buyer_id,
				${tx.unsafe(statusOf)} as status, at, 7 + g % 21 as lead, g % 3 = 0 as has_sample, g % 9 - 6 as late_days
			from (
				select g, 1 + floor(${W}::int * power(g * 0.6180339887 - floor(g * 0.6180339887), 2))::int as wi,
					1 + (g * 7) % ${C}::int as ci, ${tx.unsafe(back)} as at
				from generate_series(${from}::int, ${to}::int) g
			) s`;
		await tx`
			insert into public.requests (id, owner_id, company_id, trade_code, title, description, quantity, status, visibility,
				awarded_quote_id, published_at, created_at, updated_at)
			select request_id, buyer_id, company_id, '99990', '벤치 의뢰 ' || g, '벤치마크', 100, 'awarded', 'public', quote_id, at, at, at
			from o`;
		await tx`
			insert into public.request_participants (request_id, workshop_id, source, created_at)
			select request_id, workshop_id, case when g % 3 = 0 then 'self' else 'invited' end, at from o`;
		await tx`
			insert into public.quotes (id, request_id, workshop_id, status, price_krw, vat_krw, deposit_krw, sample_krw, lead_time_days,
				valid_until, created_at, updated_at)
			select quote_id, request_id, workshop_id, 'accepted', 100000 + g % 900 * 1000, 10000 + g % 900 * 100, 55000 + g % 900 * 550, 0, lead, (at + interval '30 days')::date,
				at + make_interval(mins => 20 + g % 2000), at + interval '1 day'
			from o
			union all
			select md5('x' || g)::uuid, request_id, other_workshop, 'not_selected', 120000 + g % 700 * 1000, 12000 + g % 700 * 100, 66000 + g % 700 * 550, 0, lead, (at + interval '30 days')::date,
				at + interval '5 hours', at + interval '1 day'
			from o where g % 4 = 0 and other_workshop <> workshop_id`;
		await tx`
			insert into public.orders (id, number, request_id, quote_id, workshop_id, buyer_id, company_id, status, title, supply_krw,
				vat_krw, total_krw, vat_included, lead_time_days, due_date, has_sample, courier, reason, refund_krw, shipped_at,
				delivered_at, auto_confirm_at, completed_at, created_at, updated_at)
			select id, 'SL-B-' || g, request_id, quote_id, workshop_id, buyer_id, company_id, status, '벤치 주문 ' || g, 100000, 10000, 110000,
				false, lead, ((at + interval '1 day') at time zone 'Asia/Seoul')::date + lead, has_sample,
				case when status in ('completed', 'delivered', 'disputed', 'resolved') then 'direct' end,
				case when status in ('cancelled', 'disputed', 'resolved') then '벤치 사유' end,
				case when status = 'resolved' then 0 end,
				case when status in ('completed', 'delivered', 'disputed', 'resolved') then d - interval '1 day' end,
				case when status in ('completed', 'delivered', 'disputed', 'resolved') then d end,
				case when status = 'delivered' then d + interval '7 days' end,
				case when status = 'completed' then d + interval '2 days' end,
				at + interval '1 day', at + interval '1 day'
			from (select o.*, at + make_interval(days => 1 + lead + late_days) as d from o) x`;
		await tx`
			insert into public.order_milestones (order_id, seq, kind, amount_krw, status, reference, paid_at, paid_via, released_at)
			select id, 1, 'deposit', 110000,
				case status when 'cancelled' then 'pending' when 'completed' then 'released' else 'held' end,
				'SL' || string_agg(substr('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', (g / (34 ^ k)::bigint % 34)::int + 1, 1), '' order by k desc),
				case when status <> 'cancelled' then at + make_interval(days => 1 + g % 6) end,
				case when status <> 'cancelled' then 'bank_transfer' end,
				case when status = 'completed' then at + make_interval(days => 3 + lead) end
			from o cross join generate_series(0, 5) k
			group by id, g, status, at, lead`;
		await tx`
			insert into public.order_events (order_id, kind, actor_id, payload, created_at)
			select id, 'changes_requested', buyer_id, '{"reason":"벤치"}'::jsonb, at + interval '5 days' from o where has_sample and g % 5 = 0
			union all
			select id, 'disputed', buyer_id, '{"reason":"벤치"}'::jsonb, at + interval '20 days' from o where status in ('disputed', 'resolved')`;
		await tx`
			insert into public.reviews (order_id, side, author_id, workshop_id, company_id, buyer_id, state, rating_quality,
				rating_on_time, rating_communication, body, submitted_at, published_at, created_at, updated_at)
			select id, 'buyer', buyer_id, workshop_id, company_id, buyer_id, 'published', 1 + g % 5, case when late_days > 0 then 2 else 5 end,
				1 + (g / 5) % 5, '벤치 후기', c + interval '1 day', c + interval '2 days', c + interval '1 day', c + interval '2 days'
			from (select o.*, at + make_interval(days => 3 + lead + late_days) as c from o where status = 'completed' and g % 5 <> 0) x`;
		await tx`
			insert into public.reviews (order_id, side, author_id, workshop_id, company_id, buyer_id, state, rating_clarity,
				rating_payment, rating_communication, body, submitted_at, published_at, created_at, updated_at)
			select id, 'workshop', null, workshop_id, company_id, buyer_id, 'published', 1 + g % 5, 1 + (g / 3) % 5,
				1 + (g / 7) % 5, '벤치 후기', c + interval '1 day', c + interval '2 days', c + interval '1 day', c + interval '2 days'
			from (select o.*, at + make_interval(days => 3 + lead + late_days) as c from o where status = 'completed' and g % 3 <> 0) x`;
	});
}

async function load(sql: postgres.Sql) {
	const t = performance.now();
	await sql`insert into public.trades (ksic_code, name_ko, name_en) values ('99990', '벤치 업종', 'Bench trade') on conflict do nothing`;
	// Buyers sign up the normal way (the trigger makes their profiles); companies and workshops in replica mode.
	await sql`insert into auth.users (id, email, raw_user_meta_data)
		select md5('u' || g)::uuid, 'bench-' || g || '@example.test', '{"role":"startup","display_name":"벤치"}'::jsonb
		from generate_series(1, ${C}::int) g`;
	await sql.begin(async (tx) => {
		await tx`set local session_replication_role = replica`;
		await tx`insert into public.companies (id, owner_id, slug, name_ko, created_at)
			select md5('c' || g)::uuid, md5('u' || g)::uuid, 'bench-co-' || g, '벤치 회사 ' || g, now() - interval '3 years'
			from generate_series(1, ${C}::int) g`;
		await tx`insert into public.workshops (id, owner_id, slug, name_ko, trade_code, employees, district_ko, verified,
				accepting_orders, created_at)
			select md5('w' || g)::uuid, null, 'bench-w' || g, '벤치공방 ' || g, '99990', 1 + g % 9, '종로구', g % 5 < 2, g % 7 <> 0,
				now() - interval '3 years'
			from generate_series(1, ${W}::int) g`;
	});
	note(`${C} companies, ${W} workshops in ${seconds(performance.now() - t)} s`);
	// Two years of orders, the newest 40 days old: 88% completed, the rest in production, cancelled, disputed, delivered.
	const status = `case when g % 100 < 88 then 'completed' when g % 100 < 94 then 'in_production'
		when g % 100 < 97 then 'cancelled' when g % 100 = 97 then 'disputed' when g % 100 = 98 then 'resolved' else 'delivered' end`;
	const back = `now() - interval '40 days' - make_interval(secs => 690 * 86400.0 * (${N}::int - g) / ${N}::int)`;
	for (let from = 1; from <= N; from += BATCH) {
		const to = Math.min(N, from + BATCH - 1);
		await loadOrders(sql, from, to, status, back);
		note(`orders ${to} / ${N} (${seconds(performance.now() - t)} s)`);
	}
	// Requests the buyers closed or cancelled without choosing anyone.
	await sql.begin(async (tx) => {
		await tx`set local session_replication_role = replica`;
		await tx`
			insert into public.requests (id, owner_id, company_id, trade_code, title, description, quantity, status, visibility,
				published_at, created_at, updated_at)
			select md5('k' || g)::uuid, md5('u' || ci)::uuid, md5('c' || ci)::uuid, '99990', '벤치 의뢰 닫힘 ' || g, '벤치마크', 100,
				case when g % 2 = 0 then 'closed' else 'cancelled' end, 'public', at, at, at
			from (select g, 1 + (g * 11) % ${C}::int as ci, now() - make_interval(secs => 700 * 86400.0 * g / ${N / 10}::int) as at
			      from generate_series(1, ${Math.max(1, Math.round(N / 10))}::int) g) s`;
	});
	await sql`vacuum analyze public.workshops, public.companies, public.requests, public.request_participants, public.quotes,
		public.orders, public.order_milestones, public.order_events, public.reviews`;
	note(`loaded in ${seconds(performance.now() - t)} s`);
}

const WORKSHOP_COLUMNS = `workshop_id, period_days, completed, on_time, sample_first_try, sample_orders, median_response_minutes,
	responses, quotes_accepted, quotes_decided, disputes, reviews`;
const BUYER_COLUMNS = `company_id, period_days, requests_decided, requests_awarded, deposits_paid, deposits_on_time, disputes, completed, reviews`;

/** Keeps the scorecards as they are now (without computed_at) in unlogged tables. */
async function snapshot(sql: postgres.Sql) {
	await sql.unsafe(`drop table if exists bench_ws; drop table if exists bench_bs;
		create unlogged table bench_ws as select ${WORKSHOP_COLUMNS} from public.workshop_scorecards;
		create unlogged table bench_bs as select ${BUYER_COLUMNS} from public.buyer_scorecards;`);
}

/** Scorecard rows that differ from the snapshot (either way), with one example. */
async function differences(sql: postgres.Sql): Promise<{ n: number; example: string | null }> {
	const [row] = await sql.unsafe<{ n: number; example: string | null }[]>(`
		with d as (
			(select 'workshop' as kind, x::text as r from (select ${WORKSHOP_COLUMNS} from public.workshop_scorecards
				except select * from bench_ws) x)
			union all (select 'workshop (before)', x::text from (select * from bench_ws
				except select ${WORKSHOP_COLUMNS} from public.workshop_scorecards) x)
			union all (select 'company', x::text from (select ${BUYER_COLUMNS} from public.buyer_scorecards
				except select * from bench_bs) x)
			union all (select 'company (before)', x::text from (select * from bench_bs
				except select ${BUYER_COLUMNS} from public.buyer_scorecards) x)
		)
		select count(*)::int as n, min(kind || ' ' || r) as example from d`);
	return row;
}

async function main() {
	rmSync(PG_DIR, { recursive: true, force: true });
	const pgPort = await freePort();
	const url = await startEmbedded(PG_DIR, pgPort);
	const sql = postgres(url, { max: 8, onnotice: () => {} });
	try {
		await migrate(sql);
		db.use(sql);
		note(`embedded PostgreSQL on port ${pgPort}; ${W} workshops, ${C} companies, ${N} orders`);
		await load(sql);
		const [counts] = await sql<{ orders: number; reviews: number; quotes: number }[]>`
			select (select count(*)::int from public.orders) as orders, (select count(*)::int from public.reviews) as reviews,
				(select count(*)::int from public.quotes) as quotes`;
		note(`${counts.orders} orders, ${counts.quotes} quotes, ${counts.reviews} reviews`);

		// One instant for every computation below, an hour ahead so that the new orders' completion is inside it.
		const at = new Date(Date.now() + 3_600_000);
		let t = performance.now();
		const full = await reviews.recompute(at);
		const fullMs = performance.now() - t;
		note(`full recomputation: ${full.workshops} workshops, ${full.companies} companies in ${seconds(fullMs)} s`);

		// 2. The workshop page's scorecard as anon, random workshops; the RLS read of the workshop's row as the baseline.
		const ids = (await sql<{ id: string }[]>`select id from public.workshops order by random() limit ${READS}`).map((r) => r.id);
		const card = (id: string) => db.withUser(null, (tx) => reviews.workshopCard(tx, id));
		const row = (id: string) => db.withUser(null, (tx) => tx`select id, slug, name_ko from public.workshops where id = ${id}`);
		for (const id of ids.slice(0, 200)) {
			await card(id);
			await row(id);
		}
		const cardMs: number[] = [];
		const rowMs: number[] = [];
		let shown = 0;
		for (const id of ids) {
			let s = performance.now();
			const c = await card(id);
			cardMs.push(performance.now() - s);
			if (c && !c.is_new) shown++;
			s = performance.now();
			await row(id);
			rowMs.push(performance.now() - s);
		}

		// 3. New orders, delivered (replica mode, as the load), then completed with triggers on.
		const newIds = (
			await sql<{ id: string }[]>`select md5('o' || g)::uuid as id from generate_series(${N + 1}::int, ${N + NEW}::int) g`
		).map((r) => r.id);
		await sql`delete from private.scorecard_queue`;
		await loadOrders(sql, N + 1, N + NEW, `'delivered'`, `now() - interval '40 days'`);
		// Their deposits were paid into escrow (the ledger's rows that the payment would have written).
		await sql.begin(async (tx) => {
			await tx`set local session_replication_role = replica`;
			await tx`insert into public.ledger_entries (txn_id, order_id, milestone_id, kind, account, amount_krw)
				select md5('t' || m.id)::uuid, m.order_id, m.id, 'payment', a.account, a.sign * m.amount_krw
				from public.order_milestones m cross join (values ('external', -1), ('escrow', 1)) a (account, sign)
				where m.order_id = any(${newIds}::uuid[]) and m.status = 'held'`;
		});
		// What their quotes queued when they were written (the quotes' trigger, skipped by the replica-mode load).
		await sql`insert into private.scorecard_queue (kind, id)
			select distinct 'workshop', q.workshop_id from public.quotes q join public.orders o on o.request_id = q.request_id
			where o.id = any(${newIds}::uuid[]) on conflict do nothing`;
		t = performance.now();
		await sql`update public.orders set status = 'completed' where id = any(${newIds}::uuid[]) and status = 'delivered'`;
		const completeMs = performance.now() - t;
		const [{ queued }] = await sql<{ queued: number }[]>`select count(*)::int as queued from private.scorecard_queue`;
		t = performance.now();
		const incremental = await reviews.runTimers(at, null, { nightly: false });
		const recomputeMs = performance.now() - t;
		const [{ left }] = await sql<{ left: number }[]>`select count(*)::int as left from private.scorecard_queue`;
		await snapshot(sql);
		t = performance.now();
		await reviews.recompute(at);
		const full2Ms = performance.now() - t;
		const diff = await differences(sql);
		const consistent = diff.n === 0;
		if (!consistent) note(`${diff.n} scorecards differ from the full recomputation, e.g. ${diff.example}`);

		const p95 = percentile(cardMs, 95);
		const base95 = percentile(rowMs, 95);
		const recomputeS = recomputeMs / 1000;
		log(`reputation workshops=${W} orders=${N} scorecard_p95_ms=${fixed(p95, 2)} recompute_1000_s=${fixed(recomputeS, 2)}`);
		log(
			`detail reads=${READS} scorecard_p50_ms=${fixed(percentile(cardMs, 50), 2)} with_numbers=${shown} new_orders=${NEW} completed_ms=${Math.round(completeMs)} queued=${queued} recomputed_workshops=${incremental.workshops ?? 0} recomputed_companies=${incremental.companies ?? 0} queue_left=${left} consistent=${consistent ? 'yes' : 'no'}`
		);
		log(
			`detail full_recompute_s=${seconds(fullMs)} full_recompute_again_s=${seconds(full2Ms)} workshops=${full.workshops} companies=${full.companies} orders_in_db=${counts.orders} reviews=${counts.reviews} quotes=${counts.quotes}`
		);
		log(`baseline rls_workshop_row p50_ms=${fixed(percentile(rowMs, 50), 2)} p95_ms=${fixed(base95, 2)}`);
		log(`ratio_p95=${fixed(p95 / base95, 2)} loadavg=${loadavg()}`);
		log(
			`target_scorecard_p95_5ms=${p95 <= 5 ? 'met' : 'missed'} target_recompute_10s=${recomputeS <= 10 ? 'met' : 'missed'} (scorecard p95 ≤ 5 ms, recompute ≤ 10 s)`
		);
		if (!consistent || left > 0) process.exitCode = 1;
	} finally {
		await sql.end({ timeout: 5 });
		await stopEmbedded(PG_DIR);
		rmSync(PG_DIR, { recursive: true, force: true });
	}
}

await main();
