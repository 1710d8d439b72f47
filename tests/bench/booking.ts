// `npm run bench:booking`: shared-equipment booking through the app's booking code
// (src/lib/server/support.ts `book`, each attempt in its own RLS transaction as a craftsman, the
// database's guard trigger and exclusion constraint included) on a fresh embedded database of its own
// (.data/bench-booking, deleted at start).
// 1. Contested: BOOKING_CONTESTED (200) different craftsmen try the same machine and slot at once.
// 2. Volume: BOOKING_N (10,000) bookings of distinct slots across BOOKING_MACHINES (50) machines at
//    BOOKING_CONCURRENCY (16) in flight.
// Then counts overlapping active bookings of one machine in the table (double_booked). Baseline in
// the same run: an RLS transaction reading the machine (`select … where id = …`) at the same concurrency.
// Prints `booking contested=… succeeded=… double_booked=… p95_ms=…` (p95 of the volume phase), the
// detail lines, the baseline, the ratio, the load average and the target (succeeded=1,
// double_booked=0, p95 <= 30 ms).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { addDays, seoulDay, seoulMidnight } from '../../src/lib/domain/booking-rules';
import * as db from '../../src/lib/server/db';
import { stopEmbedded, startEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import * as support from '../../src/lib/server/support';
import { fixed, loadavg, log, note, positive } from './cli';
import { freePort } from './servers';

const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const CONTESTED = positive('BOOKING_CONTESTED', env('BOOKING_CONTESTED', '200'));
const N = positive('BOOKING_N', env('BOOKING_N', '10000'));
const MACHINES = positive('BOOKING_MACHINES', env('BOOKING_MACHINES', '50'));
const CONCURRENCY = positive('BOOKING_CONCURRENCY', env('BOOKING_CONCURRENCY', '16'));
const PEOPLE = Math.max(CONTESTED, 400);
const PG_DIR = path.resolve('.data/bench-booking');

const percentile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, items.length) }, async () => {
			while (next < items.length) await fn(items[next++]);
		})
	);
}

async function main() {
	rmSync(PG_DIR, { recursive: true, force: true });
	const pgPort = await freePort();
	const url = await startEmbedded(PG_DIR, pgPort);
	const sql = postgres(url, { max: Math.max(CONCURRENCY, 20), onnotice: () => {} });
	try {
		await migrate(sql);
		db.use(sql);
		note(`embedded PostgreSQL on port ${pgPort}; ${PEOPLE} craftsmen, ${MACHINES} machines`);
		// Rules that let the volume phase book freely (the rules themselves are tested elsewhere): no
		// course, a whole day a person, machines open around the clock.
		const [center] = await sql<
			{ id: string }[]
		>`insert into public.support_centers (slug, name_ko, address_ko, rule_safety_course, rule_max_hours_per_day)
			values (${`bench-${randomUUID().slice(0, 8)}`}, '벤치마크 센터', '서울 영등포구 문래동', false, 24) returning id`;
		const machines = (
			await sql<{ id: string }[]>`insert into public.support_machines (center_id, kind, name_ko, slot_minutes, open_hour, close_hour)
				select ${center.id}, '3d_printer', '장비 ' || g, 60, 0, 24 from generate_series(1, ${MACHINES}) g returning id`
		).map((m) => m.id);
		const people = (
			await sql<{ id: string }[]>`insert into auth.users (id, email, raw_user_meta_data)
				select gen_random_uuid(), 'bench-' || g || '@example.test', '{"role":"craftsman","display_name":"벤치"}'::jsonb
				from generate_series(1, ${PEOPLE}) g returning id`
		).map((u) => u.id);
		const loaded = new Map<string, support.Machine>();
		for (const id of machines)
			loaded.set(id, (await db.withUser({ sub: people[0], role: 'authenticated' }, (tx) => support.machineById(tx, id)))!);
		const firstDay = addDays(seoulDay(new Date()), 2);

		// 1. Contested: everyone at machine 1, the first slot of the first day.
		const slot = seoulMidnight(firstDay, 10);
		const m0 = loaded.get(machines[0])!;
		const contested = await Promise.all(
			people.slice(0, CONTESTED).map(async (p) => {
				const t = performance.now();
				const r = await db.withUser({ sub: p, role: 'authenticated' }, (tx) => support.book(tx, p, m0, slot, 1));
				return { ok: r.ok, code: r.ok ? 'ok' : r.refusal.code, ms: performance.now() - t };
			})
		);
		const succeeded = contested.filter((r) => r.ok).length;
		const other = contested.filter((r) => !r.ok && r.code !== 'overlap').length;
		note(`contested: ${succeeded} booked, ${contested.length - succeeded - other} refused as overlap, ${other} otherwise`);

		// 2. Volume: distinct slots, machine by machine, hour by hour from the first day (after the contested slot's day).
		const attempts = Array.from({ length: N }, (_, i) => {
			const machine = machines[i % MACHINES];
			const k = Math.floor(i / MACHINES);
			const start = seoulMidnight(addDays(firstDay, 1 + Math.floor(k / 24)), k % 24);
			return { machine, start, person: people[i % PEOPLE] };
		});
		const latencies: number[] = [];
		let refused = 0;
		const t0 = performance.now();
		await pool(attempts, CONCURRENCY, async (a) => {
			const t = performance.now();
			const r = await db.withUser({ sub: a.person, role: 'authenticated' }, (tx) =>
				support.book(tx, a.person, loaded.get(a.machine)!, a.start, 1)
			);
			latencies.push(performance.now() - t);
			if (!r.ok) refused++;
		});
		const seconds = (performance.now() - t0) / 1000;

		// Baseline: an RLS transaction reading one machine, as often, at the same concurrency.
		const baseline: number[] = [];
		await pool(attempts, CONCURRENCY, async (a) => {
			const t = performance.now();
			await db.withUser({ sub: a.person, role: 'authenticated' }, (tx) => support.machineById(tx, a.machine));
			baseline.push(performance.now() - t);
		});

		const [{ n: doubleBooked }] = await sql<{ n: number }[]>`
			select count(*)::int as n from public.support_bookings a join public.support_bookings b
			  on a.machine_id = b.machine_id and a.id < b.id and a.during && b.during
			where a.status = 'booked' and b.status = 'booked'`;
		const p95 = percentile(latencies, 95);
		log(`booking contested=${CONTESTED} succeeded=${succeeded} double_booked=${doubleBooked} p95_ms=${fixed(p95)}`);
		log(
			`detail volume bookings=${N} machines=${MACHINES} concurrency=${CONCURRENCY} refused=${refused} p50_ms=${fixed(percentile(latencies, 50))} p95_ms=${fixed(p95)} per_s=${Math.round(N / seconds)} contested_p95_ms=${fixed(
				percentile(
					contested.map((c) => c.ms),
					95
				)
			)}`
		);
		log(`baseline rls_read p50_ms=${fixed(percentile(baseline, 50))} p95_ms=${fixed(percentile(baseline, 95))}`);
		log(`ratio_p95=${fixed(p95 / percentile(baseline, 95), 2)} loadavg=${loadavg()}`);
		log(
			`target_succeeded_1=${succeeded === 1 ? 'met' : 'missed'} target_double_booked_0=${doubleBooked === 0 ? 'met' : 'missed'} target_p95_30ms=${p95 <= 30 ? 'met' : 'missed'}`
		);
		if (succeeded !== 1 || doubleBooked !== 0) process.exitCode = 1;
	} finally {
		await sql.end({ timeout: 5 });
		await stopEmbedded(PG_DIR);
	}
}

await main();
