// The cluster's numbers with rollups of closed months (migration 20261210000100) are the numbers
// computed entirely live: on seven months of members, flag changes, routed requests, quotes,
// invitations and forwards answered by quotes and messages, members joining requests by
// themselves and daily views, for the three periods; after a partial roll-up (a clock in the last
// month), a full one, and changes to closed months (a late award, a late answer, a back-dated count,
// a member removed, an applicant approved) before and after the job recomputes the months they marked. Everything rolled back.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { addMonths, koreanDay, monthStart, PERIODS, type NumbersData } from '../../src/lib/domain/cluster-numbers';
import * as numbers from '../../src/lib/server/cluster-numbers';
import { asActor, createConsoleFixtures, type ConsoleFixtures } from './console-fixtures';
import { rollback, testSql } from './db';

type Tx = postgres.TransactionSql;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY + hours * HOUR);
const thisMonth = monthStart(koreanDay(now));
/** A clock in the middle of last month (Korean time). */
const lastMonth = new Date(`${addMonths(thisMonth, -1)}T12:00:00+09:00`);

interface World extends ConsoleFixtures {
	requests: string[];
	conversation: string;
}

/** Seven months of the cluster X's life (and a little of Y's), loaded as rows. */
async function world(tx: Tx): Promise<World> {
	const f = await createConsoleFixtures(tx);
	const { WA, WB, WC, WD } = f.workshops;
	await tx`update public.cluster_memberships set created_at = ${ago(210)}, decided_at = ${ago(209, 5)} where id = ${f.memberships.mA}`;
	await tx`update public.cluster_memberships set created_at = ${ago(150)}, decided_at = ${ago(147)} where id = ${f.memberships.mD}`;
	await tx`update public.cluster_memberships set created_at = ${ago(12)} where id = ${f.memberships.mB}`;
	await tx`update public.cluster_memberships set created_at = ${ago(100)}, decided_at = ${ago(99)} where id = ${f.memberships.mC}`;
	// Flags: WA verified 120 days ago; WD stopped taking orders 70 days ago and took them again 25 days ago.
	await tx`update public.workshops set verified = true where id = ${WA}`;
	await tx`delete from public.workshop_flag_changes where workshop_id = any(${[WA, WD]}::uuid[])`;
	await tx`insert into public.workshop_flag_changes (workshop_id, at, flag, before, after, by_role) values
		(${WA}, ${ago(120)}, 'verified', false, true, 'manager'),
		(${WD}, ${ago(70)}, 'accepting_orders', true, false, 'owner'),
		(${WD}, ${ago(25)}, 'accepting_orders', false, true, 'owner')`;

	await tx`set local session_replication_role = replica`;
	const requests: string[] = [];
	for (let k = 0; k < 42; k++) {
		const at = ago(5 * k + 1, k % 7);
		const id = randomUUID();
		requests.push(id);
		await tx`insert into public.requests (id, owner_id, company_id, title, status, visibility, published_at, created_at)
			values (${id}, ${f.users.S}, ${f.company}, ${'요청 ' + k}, 'open', 'public', ${at}, ${at})`;
		await tx`insert into public.request_clusters (request_id, cluster_id, created_at) values (${id}, ${f.clusters.X}, ${at})`;
		if (k % 6 === 0)
			await tx`insert into public.request_clusters (request_id, cluster_id, created_at) values (${id}, ${f.clusters.Y}, ${at})`;
		const plus = (h: number) => new Date(at.getTime() + h * HOUR);
		if (k % 3 === 0)
			await tx`insert into public.request_participants (request_id, workshop_id, source, invited_by, created_at)
				values (${id}, ${WD}, 'invited', ${f.users.S}, ${plus(1)})`;
		if (k % 5 === 0)
			await tx`insert into public.request_participants (request_id, workshop_id, source, invited_by, created_at)
				values (${id}, ${WA}, 'forwarded', ${f.users.MX}, ${plus(2)})`;
		if (k % 7 === 1 && k % 5 !== 0)
			await tx`insert into public.request_participants (request_id, workshop_id, source, created_at) values (${id}, ${WA}, 'self', ${plus(1)})`;
		if (k % 4 === 1)
			await tx`insert into public.request_participants (request_id, workshop_id, source, invited_by, created_at)
				values (${id}, ${WC}, 'invited', ${f.users.S}, ${plus(1)})`;
		if (k % 2 === 0)
			await tx`insert into public.quotes (request_id, workshop_id, status, price_krw, vat_krw, deposit_krw, lead_time_days, valid_until, created_at)
				select ${id}, ${WA}, ${k % 4 === 0 ? 'accepted' : 'submitted'}, p, p / 10, greatest(2200, ((p + p / 10) * 10 + 99) / 100), 10, current_date + 30,
					${plus(3 + (k % 5))}
				from (select ${100_000 + k * 1_000}::int as p) x`;
		if (k % 3 === 0 && k % 9 !== 0 && k !== 39)
			await tx`insert into public.quotes (request_id, workshop_id, status, price_krw, vat_krw, deposit_krw, lead_time_days, valid_until, created_at)
				select ${id}, ${WD}, 'submitted', p, p / 10, greatest(2200, ((p + p / 10) * 10 + 99) / 100), 12, current_date + 30, ${plus(20 + k)}
				from (select ${90_000 + k * 700}::int as p) x`;
		// WB (waiting at X) quoted once: it counts from its approval on.
		if (k === 10)
			await tx`insert into public.quotes (request_id, workshop_id, status, price_krw, vat_krw, deposit_krw, lead_time_days, valid_until, created_at)
				select ${id}, ${WB}, 'submitted', p, p / 10, greatest(2200, ((p + p / 10) * 10 + 99) / 100), 9, current_date + 30, ${plus(6)}
				from (select 70000::int as p) x`;
		// WD answers some invitations by a message first (it has no account: the sender is nobody).
		if (k % 9 === 0) {
			const c = randomUUID();
			await tx`insert into public.conversations (id, request_id, workshop_id) values (${c}, ${id}, ${WD})`;
			await tx`insert into public.messages (conversation_id, sender_id, body, created_at) values (${c}, null, '문의드립니다', ${plus(5 + k)})`;
		}
	}
	// WD's invitation on the oldest request routed to X that it has not answered yet: answered later in the tests.
	const conversation = randomUUID();
	await tx`insert into public.conversations (id, request_id, workshop_id) values (${conversation}, ${requests[39]}, ${WD})`;
	await tx`
		insert into public.workshop_daily_counts (workshop_id, day, views, appearances)
		select w, (now() at time zone 'Asia/Seoul')::date - d, (d * 7 + i) % 5, (d * 3 + i) % 11
		from unnest(${[WA, WB, WC, WD]}::uuid[]) with ordinality as x (w, i) cross join generate_series(0, 160) d`;
	await tx`set local session_replication_role = origin`;
	return { ...f, requests, conversation };
}

/** The dashboard's data in a stable order (the per-member rows have none of their own). */
async function figures(tx: Tx, f: ConsoleFixtures): Promise<NumbersData[]> {
	const out: NumbersData[] = [];
	for (const period of PERIODS) {
		const d = await asActor(tx, f, 'MX', () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, period, now));
		out.push({ ...d, memberViews: [...d.memberViews].sort((a, b) => a.workshop_id.localeCompare(b.workshop_id)) });
	}
	return out;
}

/** The same computed entirely live: without the cluster's rollups (in a savepoint, undone). */
async function liveFigures(tx: Tx, f: ConsoleFixtures): Promise<NumbersData[]> {
	let live: NumbersData[] = [];
	await tx
		.savepoint(async (sp) => {
			await sp`delete from public.cluster_numbers_rollups where cluster_id = ${f.clusters.X}`;
			live = await figures(tx, f);
			throw new Error('undo');
		})
		.catch((e: Error) => {
			if (e.message !== 'undo') throw e;
		});
	return live;
}

/** Up to where the cluster is rolled up, and the rolled-up months marked dirty since. */
const state = async (tx: Tx, f: ConsoleFixtures) => {
	const [r] = await tx<{ rolled_until: string | null; dirty: string[] | null; days: number }[]>`
		select (select rolled_until::text from public.cluster_numbers_rollups where cluster_id = ${f.clusters.X}) as rolled_until,
		       (select array_agg(distinct d.month::text order by d.month::text) from private.cluster_numbers_dirty d
		        join public.cluster_numbers_rollups r on r.cluster_id = d.cluster_id and d.month < r.rolled_until
		        where d.cluster_id = ${f.clusters.X}) as dirty,
		       (select count(*)::int from public.cluster_numbers_days where cluster_id = ${f.clusters.X}) as days`;
	return r;
};

describe('cluster numbers with rollups', () => {
	it('equal the live figures for every period: partly and fully rolled up, after changes to closed months and after the job', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			const live = await figures(tx, f);
			// Something to compare: requests over months, answers, views, flags, activity.
			const all = live[2];
			expect(all.buckets.starts.length).toBeGreaterThanOrEqual(7);
			expect(all.requests.reduce((a, r) => a + r.routed, 0)).toBe(42);
			expect(all.responseMinutesMedian).not.toBeNull();
			expect(all.members.some((m) => m.active > 0)).toBe(true);

			// The clock in the middle of last month: the months before it are rolled up, last month is live.
			expect(await numbers.refresh(tx, lastMonth, [f.clusters.X])).toBeGreaterThanOrEqual(6);
			expect(await state(tx, f)).toMatchObject({ rolled_until: addMonths(thisMonth, -1), dirty: null });
			expect(await figures(tx, f)).toEqual(live);

			// Now: last month too. Running again recomputes nothing.
			expect(await numbers.refresh(tx, now, [f.clusters.X])).toBe(1);
			expect(await numbers.refresh(tx, now, [f.clusters.X])).toBe(0);
			const rolled = await state(tx, f);
			expect(rolled).toMatchObject({ rolled_until: thisMonth, dirty: null });
			expect(await figures(tx, f)).toEqual(live);

			// The page reads the rollups: a figure changed in a closed month's row shows.
			const day = koreanDay(ago(60));
			await tx
				.savepoint(async (sp) => {
					await sp`update public.cluster_numbers_days set routed = routed + 1000 where cluster_id = ${f.clusters.X} and day = ${day}`;
					const [, , tampered] = await figures(tx, f);
					expect(tampered.requests.reduce((a, r) => a + r.routed, 0)).toBe(1042);
					throw new Error('undo');
				})
				.catch((e: Error) => {
					if (e.message !== 'undo') throw e;
				});

			// Changes to closed months, each marking what it moves.
			const { WA, WB, WD } = f.workshops;
			// A late award of a quote on a request routed about 90 days ago.
			await tx`update public.quotes set status = 'accepted' where request_id = ${f.requests[18]} and workshop_id = ${WA}`;
			// A late answer to WD's invitation of about 196 days ago.
			await tx`insert into public.messages (conversation_id, sender_id, body) values (${f.conversation}, null, '늦은 답변')`;
			// A count corrected for a day 40 days ago.
			await tx`update public.workshop_daily_counts set views = views + 50 where workshop_id = ${WD} and day = ${koreanDay(ago(40))}::date`;
			const marked = await state(tx, f);
			expect(marked.dirty).toEqual(
				expect.arrayContaining([ago(18 * 5 + 1, 18 % 7), ago(39 * 5 + 1, (39 % 7) + 1), ago(40)].map((d) => monthStart(koreanDay(d))))
			);
			const changed = await liveFigures(tx, f);
			expect(changed).not.toEqual(live);
			expect(await figures(tx, f)).toEqual(changed);

			// A member removed: everything of WA's in the cluster moves.
			await tx`update public.cluster_memberships set status = 'rejected', decision_reason = '탈퇴' where id = ${f.memberships.mA}`;
			const removed = await liveFigures(tx, f);
			expect(removed[2].memberViews.map((v) => v.workshop_id)).toEqual([WD]);
			expect(await figures(tx, f)).toEqual(removed);

			// A waiting applicant approved now: its earlier quote and views count.
			await tx`update public.cluster_memberships set status = 'approved', decided_at = now(), decided_by = ${f.users.MX} where id = ${f.memberships.mB}`;
			const approved = await liveFigures(tx, f);
			expect(approved[2].memberViews.map((v) => v.workshop_id).sort()).toEqual([WB, WD].sort());
			expect(await figures(tx, f)).toEqual(approved);
			expect(await figures(tx, f)).not.toEqual(removed);

			// The job recomputes the marked months; the figures stay the live ones.
			expect(await numbers.refresh(tx, now, [f.clusters.X])).toBeGreaterThan(0);
			expect(await state(tx, f)).toMatchObject({ rolled_until: thisMonth, dirty: null });
			expect(await figures(tx, f)).toEqual(approved);
			expect(await liveFigures(tx, f)).toEqual(approved);
		}));

	it('are refreshed by one instance at a time: another skips the cluster instead of waiting', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			// Another instance refreshing X holds its lock (on a connection of its own).
			const other = await testSql().reserve();
			try {
				await other`begin`;
				await other`select pg_advisory_xact_lock(hashtextextended(${'cluster_numbers_rollup:' + f.clusters.X}, 0))`;
				expect(await numbers.refresh(tx, now, [f.clusters.X])).toBe(0);
				expect(await state(tx, f)).toMatchObject({ rolled_until: null, days: 0 });
				await other`rollback`;
			} finally {
				other.release();
			}
			expect(await numbers.refresh(tx, now, [f.clusters.X])).toBeGreaterThan(0);
			expect(await state(tx, f)).toMatchObject({ rolled_until: thisMonth });
		}));

	it('are refused to other clusters’ managers and read by the operator, like the live figures', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			await numbers.refresh(tx, now, [f.clusters.X]);
			const read = (actor: 'MX' | 'MY' | 'OP' | 'A') =>
				asActor(
					tx,
					f,
					actor,
					() => tx<{ n: number }[]>`select count(*)::int as n from public.cluster_numbers_days where cluster_id = ${f.clusters.X}`
				);
			expect((await read('MX'))[0].n).toBeGreaterThan(150);
			expect((await read('OP'))[0].n).toBe((await read('MX'))[0].n);
			expect((await read('MY'))[0].n).toBe(0);
			expect((await read('A'))[0].n).toBe(0);
		}));
});
