// `npm run bench:console`: the cluster's numbers (issue 16) at the size of a large cluster, through
// the app's own code (src/lib/server/cluster-numbers.ts `dashboard`, its sections side by side, each
// in an RLS transaction as the cluster's manager, the way /manage/[slug]/numbers loads it) on a fresh
// embedded database of its own
// (.data/bench-console, deleted at start and end).
// Loads one craft cluster with --members (5,000) members (approved over --years, a few waiting or
// rejected, some verified), --requests (100,000) requests routed to it over --years (3) years with
// their quotes (0–3 members each, about a third awarded, a fifth forwarded by the manager first) and
// 60 days of profile views and search appearances per member, as rows in replica mode (the flows
// themselves are what the tests cover). Then loads the dashboard --runs (20) times per period (30
// days, 12 months, all) after a warm-up, and reports the p95 over all three periods. Baseline in the
// same run: the same RLS transaction reading the cluster as the page does first (consoleCluster).
// Prints `console members=… requests=… dashboard_p95_ms=… import_5000_s=…`, a detail line per period,
// the baseline, the ratio, the load average and the target (dashboard p95 <= 150 ms), each section's
// function timed alone per period, and the rollups: before timing, the job rolls up the cluster's closed
// months (the full refresh's time is printed, with an idle run's and a run after a late change).
// The roster import (src/lib/server/roster.ts) of a --roster (5,000) row CSV as the manager: parse,
// check, dry run, then the real import, each timed; import_5000_s is parse + check + import.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { PERIODS, type Period } from '../../src/lib/domain/cluster-numbers';
import * as numbers from '../../src/lib/server/cluster-numbers';
import * as db from '../../src/lib/server/db';
import { startEmbedded, stopEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import * as memberships from '../../src/lib/server/memberships';
import * as roster from '../../src/lib/server/roster';
import { formatBrn, isValidBrn } from '../../src/lib/domain/brn';
import { guessMapping } from '../../src/lib/domain/roster';
import { fixed, loadavg, log, note, positive } from './cli';
import { freePort } from './servers';

const { values: args } = parseArgs({
	options: {
		members: { type: 'string', default: '5000' },
		requests: { type: 'string', default: '100000' },
		years: { type: 'string', default: '3' },
		runs: { type: 'string', default: '20' },
		roster: { type: 'string', default: '5000' },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	console.log(`npm run bench:console -- [options]
  --members N    members of the cluster (default 5000)
  --requests N   requests routed to it, with their quotes (default 100000)
  --years N      over how many years (default 3)
  --runs N       dashboard loads per period after the warm-up (default 20)
  --roster N     rows of the roster file imported (default 5000, the import's limit)
Quick run while others work: npm run bench:console -- --members 300 --requests 3000 --runs 5
Target: dashboard p95 <= 150 ms (over the three periods).`);
	process.exit(0);
}

const MEMBERS = positive('members', args.members);
const REQUESTS = positive('requests', args.requests);
const YEARS = positive('years', args.years);
const RUNS = positive('runs', args.runs);
const ROSTER = positive('roster', args.roster);
const DAYS = Math.round(YEARS * 365);
const PG_DIR = path.resolve('.data/bench-console');

const percentile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

interface World {
	manager: string;
	cluster: { id: string; slug: string };
}

/** The cluster, its manager, a startup with a company, the members and their applications. */
async function loadCluster(sql: postgres.Sql): Promise<World & { members: string[] }> {
	const tag = randomUUID().slice(0, 8);
	const [manager, startup] = [randomUUID(), randomUUID()];
	for (const [id, who] of [
		[manager, 'manager'],
		[startup, 'startup']
	]) {
		await sql`insert into auth.users (id, email, raw_user_meta_data)
			values (${id}, ${`bench-${who}-${tag}@example.test`}, ${sql.json({ role: 'startup', display_name: `벤치 ${who}` })})`;
	}
	await sql`update public.profiles set role = 'manager' where id = ${manager}`;
	await sql`insert into public.trades (ksic_code, name_ko, name_en) values ('99990', '벤치 업종', 'Bench trade') on conflict do nothing`;
	// The roster's trade: a designated one, as the seed has it (this database is migrated, not seeded).
	await sql`insert into public.trades (ksic_code, name_ko, name_en, designated)
		values ('3311', '귀금속 및 관련제품 제조업', 'Manufacture of jewellery', true) on conflict do nothing`;
	const slug = `bench-${tag}`;
	const [cluster] = await sql<{ id: string }[]>`
		insert into public.clusters (slug, kind, name_ko, name_en, trade_code, region_ko, region_en, district_ko, district_en,
			district_kind, lat, lng, created_at)
		values (${slug}, 'craft', '벤치 집적지', 'Bench cluster', '99990', '서울', 'Seoul', '종로구', 'Jongno-gu', 'district',
			37.57, 126.99, now() - make_interval(days => ${DAYS}::int))
		returning id`;
	await sql`insert into public.cluster_managers (cluster_id, user_id) values (${cluster.id}, ${manager})`;
	await sql`insert into public.companies (owner_id, slug, name_ko) values (${startup}, ${`bench-co-${tag}`}, '벤치 회사')`;
	await sql.begin(async (tx) => {
		await tx`set local session_replication_role = replica`;
		await tx`
			insert into public.workshops (owner_id, slug, name_ko, trade_code, employees, district_ko, verified, accepting_orders, created_at)
			select null, ${slug} || '-w' || g, '벤치공방 ' || g, '99990', 1 + g % 9, '종로구', g % 5 < 2, g % 7 <> 0,
			       now() - make_interval(days => ${DAYS}::int - (g * ${DAYS}::int) / ${MEMBERS}::int)
			from generate_series(1, ${MEMBERS}::int) g`;
		// 90% approved 1–72 hours after applying, 5% waiting, 5% rejected; applications spread over the years.
		await tx`
			insert into public.cluster_memberships (cluster_id, workshop_id, status, decision_reason, decided_by, decided_at, created_at)
			select ${cluster.id}, w.id,
			       case when n % 20 = 0 then 'pending' when n % 20 = 1 then 'rejected' else 'approved' end,
			       case when n % 20 = 1 then '업종이 맞지 않습니다' end,
			       case when n % 20 <> 0 then ${manager}::uuid end,
			       case when n % 20 <> 0 then w.created_at + make_interval(hours => (1 + n % 72)::int) end,
			       w.created_at
			from (select id, created_at, row_number() over (order by created_at, id) as n from public.workshops where slug like ${slug + '-w%'}) w`;
	});
	const members = (
		await sql<{ workshop_id: string }[]>`
			select workshop_id from public.cluster_memberships where cluster_id = ${cluster.id} and status = 'approved' order by workshop_id`
	).map((r) => r.workshop_id);
	await loadRequests(sql, cluster.id, manager, startup, members, tag);
	return { manager, cluster: { id: cluster.id, slug }, members };
}

/** Requests routed over the years with 0–3 member quotes each, a third awarded, a fifth forwarded first; views and appearances. */
async function loadRequests(sql: postgres.Sql, clusterId: string, manager: string, startup: string, members: string[], tag: string) {
	const batch = 20_000;
	for (let from = 1; from <= REQUESTS; from += batch) {
		const to = Math.min(REQUESTS, from + batch - 1);
		await sql.begin(async (tx) => {
			await tx`set local session_replication_role = replica`;
			await tx`
				with r as (
					insert into public.requests (owner_id, company_id, trade_code, title, description, quantity, status, visibility,
					                             published_at, created_at)
					select ${startup}, (select id from public.companies where owner_id = ${startup}), '99990', ${tag} || ' 요청 ' || g,
					       '벤치마크', 100, 'open', 'public', at, at
					from (select g, now() - make_interval(secs => (${DAYS}::int * 86400.0 * (${REQUESTS}::int - g)) / ${REQUESTS}::int) as at
					      from generate_series(${from}::int, ${to}::int) g) s
					returning id, created_at, title
				), routed as (
					insert into public.request_clusters (request_id, cluster_id, created_at)
					select id, ${clusterId}, created_at from r returning request_id
				), numbered as (
					select r.id, r.created_at, split_part(r.title, ' ', 3)::int as g from r
				), quotes as (
					insert into public.quotes (request_id, workshop_id, status, price_krw, vat_krw, deposit_krw, lead_time_days, valid_until,
					                           created_at)
					select n.id, (${members}::uuid[])[(1 + (n.g::bigint * 7919 + j * 1237) % ${members.length}::int)::int],
					       case when j = 1 and n.g % 3 = 0 then 'accepted' when n.g % 3 = 0 then 'not_selected' else 'submitted' end,
					       p, p / 10, greatest(2200, ((p + p / 10)::bigint * 10 + 99) / 100)::int, 14, current_date + 30,
					       n.created_at + make_interval(hours => (1 + (n.g + j) % 48)::int)
					from numbered n cross join generate_series(1, n.g % 4) j
					cross join lateral (select 100000 + (((n.g::bigint * 104729 + j * 7) % 4900)::int) * 1000 as p) price
					returning id, request_id, workshop_id, status, created_at
				), forwarded as (
					insert into public.request_participants (request_id, workshop_id, source, invited_by, created_at)
					select q.request_id, q.workshop_id, 'forwarded', ${manager}, q.created_at - interval '3 hours'
					from quotes q join numbered n on n.id = q.request_id
					where n.g % 5 = 0 and q.status in ('accepted', 'submitted', 'not_selected')
					  and q.workshop_id = (${members}::uuid[])[(1 + (n.g::bigint * 7919 + 1237) % ${members.length}::int)::int]
					returning 1
				)
				select (select count(*) from routed) + (select count(*) from forwarded) as n`;
		});
		note(`requests ${to} / ${REQUESTS}`);
	}
	await sql.begin(async (tx) => {
		await tx`set local session_replication_role = replica`;
		// A statement cannot update the rows its own WITH inserted: the awards in a second one.
		await tx`
			update public.requests r set status = 'awarded', awarded_quote_id = q.id
			from public.quotes q where q.request_id = r.id and q.status = 'accepted' and r.title like ${tag + ' 요청 %'}`;
		await tx`
			insert into public.workshop_daily_counts (workshop_id, day, views, appearances)
			select w, current_date - d, (abs(hashtext(w::text)) + d) % 7, (abs(hashtext(w::text)) + d) % 31
			from unnest(${members}::uuid[]) w cross join generate_series(0, 59) d`;
	});
	await sql`vacuum analyze public.requests, public.request_clusters, public.quotes, public.request_participants,
		public.cluster_memberships, public.workshops, public.workshop_daily_counts`;
}

/** Each section's function alone, as the manager: which one to look at when the target is missed. */
async function timeSections(world: World, claims: db.Claims) {
	const { periodBuckets, koreanDay } = await import('../../src/lib/domain/cluster-numbers');
	for (const period of PERIODS) {
		const b = periodBuckets(period, koreanDay(new Date()), '2000-01-01');
		const since = await db.withUser(
			claims,
			(tx) => tx<{ d: string }[]>`select private.cluster_numbers_since(${world.cluster.id})::text as d`
		);
		const bb = period === 'all' ? periodBuckets(period, koreanDay(new Date()), since[0].d) : b;
		const parts: string[] = [];
		for (const section of ['members', 'requests', 'responses', 'views', 'orders']) {
			const ms: number[] = [];
			for (let i = 0; i < 3; i++) {
				const t = performance.now();
				await db.withUser(claims, (tx) =>
					tx.unsafe(`select * from private.cluster_numbers_${section}($1::uuid, $2, $3::date, $4::date, $5::date)`, [
						world.cluster.id,
						bb.unit,
						bb.first,
						bb.last,
						bb.upto
					])
				);
				ms.push(performance.now() - t);
			}
			parts.push(`${section}_ms=${fixed(Math.min(...ms))}`);
		}
		log(`detail sections period=${period} ${parts.join(' ')}`);
	}
}

/** A roster file as a manager keeps it: ROSTER workshops with valid BRNs, in a designated trade, in the district. */
function rosterFile(): Uint8Array {
	const lines = ['상호,대표자,사업자등록번호,업종,주소,종업원 수,전화,이메일'];
	for (let base = 100_000_000; lines.length <= ROSTER; base += 7) {
		const brn = [...Array(10).keys()].map((d) => `${base}${d}`).find(isValidBrn);
		if (!brn) continue;
		const n = lines.length;
		lines.push(
			`명부공방${n},대표${n},${formatBrn(brn)},3311,서울 종로구 봉익동 ${n},${1 + (n % 9)},02-741-${String(n % 10000).padStart(4, '0')},`
		);
	}
	return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** Parse + check, the dry run and the real import of the roster file, as the cluster's manager (seconds). */
async function timeImport(world: World, claims: db.Claims) {
	const bytes = rosterFile();
	let t = performance.now();
	const parsed = await roster.parseFile(bytes);
	if (!parsed.ok) throw new Error(`roster file refused: ${parsed.error}`);
	const checked = await db.withUser(claims, (tx) => roster.check(tx, parsed.file.rows, guessMapping(parsed.file.headers)));
	const members = checked.flatMap((r) => (r.member ? [r.member] : []));
	const checkS = (performance.now() - t) / 1000;
	if (members.length !== ROSTER)
		throw new Error(
			`${ROSTER - members.length} roster rows had problems: ${JSON.stringify(checked.find((r) => r.problems.length)?.problems)}`
		);
	t = performance.now();
	await db.withUser(claims, (tx) => roster.importRoster(tx, world.cluster.id, members, { dryRun: true }));
	const dryS = (performance.now() - t) / 1000;
	t = performance.now();
	const done = await db.withUser(claims, (tx) => roster.importRoster(tx, world.cluster.id, members, { dryRun: false }));
	const realS = (performance.now() - t) / 1000;
	if (done.counts.new !== ROSTER) throw new Error(`the import created ${done.counts.new} members, not ${ROSTER}`);
	t = performance.now();
	await db.withUser(claims, (tx) => roster.importRoster(tx, world.cluster.id, members, { dryRun: false }));
	const againS = (performance.now() - t) / 1000;
	return { checkS, dryS, realS, againS, totalS: checkS + realS };
}

async function main() {
	rmSync(PG_DIR, { recursive: true, force: true });
	const pgPort = await freePort();
	const url = await startEmbedded(PG_DIR, pgPort);
	// As many connections as the app's pool (db.connect: 10).
	const sql = postgres(url, { max: 10, onnotice: () => {} });
	try {
		await migrate(sql);
		db.use(sql);
		let t = performance.now();
		const world = await loadCluster(sql);
		const [{ n: quotes }] = await sql<{ n: number }[]>`select count(*)::int as n from public.quotes`;
		note(`${MEMBERS} members, ${REQUESTS} requests, ${quotes} quotes loaded in ${fixed((performance.now() - t) / 1000)} s`);

		const claims: db.Claims = { sub: world.manager, role: 'authenticated' };
		const user = { id: world.manager, role: 'manager' };
		// As the page loads it: the cluster, then the sections side by side (numbers.asUser).
		const load = async (period: Period) => {
			const cluster = await db.withUser(claims, (tx) => memberships.consoleCluster(tx, user, world.cluster.slug));
			return numbers.dashboard(numbers.asUser(claims), cluster!.id, period);
		};
		// The rollups of closed months, as the server's job writes them (cluster-numbers.ts startRollups):
		// the full refresh of the cluster's history, then a second run (nothing to do) as every minute.
		t = performance.now();
		const months = await numbers.refreshRollups(new Date(), [world.cluster.id]);
		const refreshS = (performance.now() - t) / 1000;
		// As autovacuum would after the tables filled (the planner's statistics).
		await sql`analyze public.cluster_numbers_days, public.cluster_numbers_member_months, public.cluster_numbers_member_activity`;
		t = performance.now();
		await numbers.refreshRollups(new Date(), [world.cluster.id]);
		const idleMs = performance.now() - t;
		// A late change to a closed month (a quote accepted on a request routed 100 days ago) and the job's run after it.
		await sql`update public.quotes set status = 'accepted'
			where id = (select q.id from public.quotes q join public.request_clusters rc on rc.request_id = q.request_id
				where rc.cluster_id = ${world.cluster.id} and rc.created_at < now() - interval '100 days' and q.status = 'submitted'
				order by rc.created_at desc limit 1)`;
		t = performance.now();
		const dirty = await numbers.refreshRollups(new Date(), [world.cluster.id]);
		const dirtyMs = performance.now() - t;
		const perPeriod = new Map<Period, number[]>();
		let last: Awaited<ReturnType<typeof load>> | undefined;
		for (const period of PERIODS) {
			for (let i = 0; i < 2; i++) await load(period);
			const ms: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				t = performance.now();
				last = await load(period);
				ms.push(performance.now() - t);
			}
			perPeriod.set(period, ms);
		}
		await timeSections(world, claims);
		const imported = await timeImport(world, claims);
		const all = [...perPeriod.values()].flat();
		const baseline: number[] = [];
		for (let i = 0; i < all.length + 6; i++) {
			t = performance.now();
			await db.withUser(claims, (tx) => memberships.consoleCluster(tx, user, world.cluster.slug));
			if (i >= 6) baseline.push(performance.now() - t);
		}
		const p95 = percentile(all, 95);
		const routed = last ? last.requests.reduce((a, r) => a + r.routed, 0) : 0;
		log(`console members=${MEMBERS} requests=${REQUESTS} dashboard_p95_ms=${fixed(p95)} import_${ROSTER}_s=${fixed(imported.totalS, 2)}`);
		log(
			`detail import rows=${ROSTER} parse_check_s=${fixed(imported.checkS, 2)} dry_run_s=${fixed(imported.dryS, 2)} import_s=${fixed(imported.realS, 2)} reimport_s=${fixed(imported.againS, 2)}`
		);
		for (const [period, ms] of perPeriod)
			log(`detail period=${period} runs=${ms.length} p50_ms=${fixed(percentile(ms, 50))} p95_ms=${fixed(percentile(ms, 95))}`);
		log(
			`detail rollups months=${months} full_refresh_s=${fixed(refreshS, 2)} idle_run_ms=${fixed(idleMs)} after_late_change months=${dirty} run_ms=${fixed(dirtyMs)}`
		);
		log(`detail quotes=${quotes} routed_all=${routed} buckets_all=${last?.buckets.starts.length ?? 0}`);
		log(`baseline rls_cluster_read p50_ms=${fixed(percentile(baseline, 50))} p95_ms=${fixed(percentile(baseline, 95))}`);
		log(`ratio_p95=${fixed(p95 / percentile(baseline, 95), 2)} loadavg=${loadavg()}`);
		log(
			`target_dashboard_p95_150ms=${p95 <= 150 ? 'met' : 'missed'} target_import_10s=${imported.totalS <= 10 && imported.dryS <= 10 ? 'met' : 'missed'}`
		);
		if (routed !== REQUESTS) {
			note(`the "all" period counted ${routed} routed requests, not ${REQUESTS}`);
			process.exitCode = 1;
		}
	} finally {
		await sql.end({ timeout: 5 });
		await stopEmbedded(PG_DIR);
		rmSync(PG_DIR, { recursive: true, force: true });
	}
}

await main();
