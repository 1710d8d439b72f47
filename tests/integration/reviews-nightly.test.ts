// Scorecards, incremental and nightly, on the real database. The minute's job (reviews.runTimers, run
// by the payments worker) recomputes only the workshops and companies something happened to; it must
// give exactly what a full recomputation at the same instant gives. Once a Seoul night (03:00–06:00)
// the same job runs the full recomputation, once per night whatever the number of instances, on a
// clock the test controls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../../src/lib/server/db';
import * as orderPayments from '../../src/lib/server/order-payments';
import * as reviews from '../../src/lib/server/reviews';
import { as, CRAFTSMAN, orderFixtures, STARTUP } from './order-fixtures';
import { testSql } from './db';

const WORKSHOP = '00000000-0000-4000-8000-00000000f301';
const COMPANY = '00000000-0000-4000-8000-00000000d001';
const fx = orderFixtures('점수표 야간 시험');
// Nights of the past, so that no real night's row is touched; the scorecards are put back afterwards.
const NIGHTS = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04'];
const seoul = (day: string, time: string) => new Date(`${day}T${time}:00+09:00`);

const forgetNights = () => testSql()`delete from private.scorecard_nightly where day = any(${NIGHTS}::date[])`;

beforeAll(async () => {
	testSql();
	await forgetNights();
});
afterAll(async () => {
	await forgetNights();
	// The nights above recomputed everything as of 2025: back to today's numbers for whatever runs next.
	await reviews.recompute();
	await fx.purge();
});

async function paid(title: string): Promise<string> {
	const order = await fx.accepted(title);
	for (const m of order.milestones)
		await orderPayments.apply('stripe', {
			type: 'paid',
			eventId: `evt_${m.id}`,
			providerRef: `cs_${m.id}`,
			milestoneId: m.id,
			amountKrw: m.amount_krw
		});
	return order.id;
}

async function moves(id: string, steps: [string, Parameters<typeof fx.move>[2], Record<string, string>][]) {
	for (const [user, move, input] of steps) {
		const moved = await fx.move(user, id, move, input);
		if (!moved.ok) throw new Error(`${move}: ${JSON.stringify(moved)}`);
	}
}

const WORKSHOP_COLUMNS = `workshop_id, period_days, completed, on_time, sample_first_try, sample_orders, median_response_minutes,
	responses, quotes_accepted, quotes_decided, disputes, reviews, computed_at`;
const BUYER_COLUMNS = `company_id, period_days, requests_decided, requests_awarded, deposits_paid, deposits_on_time, disputes,
	completed, reviews, computed_at`;
const workshopCards = () =>
	testSql().unsafe<Record<string, unknown>[]>(`select ${WORKSHOP_COLUMNS} from public.workshop_scorecards order by workshop_id`);
const buyerCards = () =>
	testSql().unsafe<Record<string, unknown>[]>(`select ${BUYER_COLUMNS} from public.buyer_scorecards order by company_id`);
const queued = async () =>
	(await testSql()<{ kind: string; id: string }[]>`select kind, id::text from private.scorecard_queue order by kind, id`).map(
		(q) => `${q.kind}:${q.id}`
	);

describe('the minute’s recomputation', () => {
	it('recomputes only what changed, and exactly as a full recomputation at the same instant does', async () => {
		// Everything as of now, then what people do: an order completed and reviewed by both sides, another disputed.
		await reviews.recompute();
		const before = (await workshopCards()).find((c) => c.workshop_id === WORKSHOP)!;
		const buyerBefore = (await buyerCards()).find((c) => c.company_id === COMPANY)!;
		await testSql()`delete from private.scorecard_queue`;

		const done = await paid('완료');
		await moves(done, [
			[CRAFTSMAN, 'ship_direct', { courier: 'direct' }],
			[STARTUP, 'deliver', {}],
			[STARTUP, 'confirm', {}]
		]);
		const reviewed = await as(STARTUP, (tx) =>
			reviews.save(tx, {
				orderId: done,
				side: 'buyer',
				userId: STARTUP,
				ratings: { quality: 5, on_time: 5, communication: 5 },
				body: '꼼꼼하게 만들어 주셨습니다.',
				submit: true
			})
		);
		expect(reviewed.ok).toBe(true);
		const answered = await as(CRAFTSMAN, (tx) =>
			reviews.save(tx, {
				orderId: done,
				side: 'workshop',
				userId: CRAFTSMAN,
				ratings: { clarity: 5, payment: 5, communication: 5 },
				body: '사양이 분명했습니다.',
				submit: true
			})
		);
		expect(answered).toMatchObject({ ok: true, state: 'published' });
		const disputed = await paid('분쟁');
		await moves(disputed, [[STARTUP, 'dispute', { reason: '수량이 모자랍니다' }]]);
		// What changed is queued: this workshop and this company, nothing else of theirs.
		expect(await queued()).toEqual(expect.arrayContaining([`company:${COMPANY}`, `workshop:${WORKSHOP}`]));

		// The minute's job, as the worker runs it (nightly off: the instant may fall in Seoul's night).
		const at = new Date();
		const minute = await reviews.runTimers(at, null, { nightly: false });
		expect(minute.workshops).toBeGreaterThanOrEqual(1);
		expect(minute.companies).toBeGreaterThanOrEqual(1);
		expect(await queued()).toEqual([]);
		const incremental = await workshopCards();
		const incrementalBuyers = await buyerCards();
		const mine = incremental.find((c) => c.workshop_id === WORKSHOP)!;
		expect(mine).toMatchObject({
			computed_at: at,
			completed: (before.completed as number) + 1,
			reviews: (before.reviews as number) + 1,
			disputes: (before.disputes as number) + 1
		});
		expect(incrementalBuyers.find((c) => c.company_id === COMPANY)).toMatchObject({
			computed_at: at,
			completed: (buyerBefore.completed as number) + 1,
			disputes: (buyerBefore.disputes as number) + 1,
			reviews: (buyerBefore.reviews as number) + 1
		});
		// Only the changed ones were written.
		expect(incremental.filter((c) => +(c.computed_at as Date) === +at).length).toBe(minute.workshops);

		// The full recomputation at the same instant: every row the minute wrote is the same.
		const full = await reviews.recompute(at);
		expect(full.workshops).toBeGreaterThanOrEqual(incremental.length);
		const fullCards = await workshopCards();
		const fullBuyers = await buyerCards();
		const wroteByMinute = (rows: Record<string, unknown>[]) => rows.filter((c) => +(c.computed_at as Date) === +at);
		expect(wroteByMinute(incremental).length).toBeGreaterThan(0);
		for (const card of wroteByMinute(incremental)) expect(fullCards.find((c) => c.workshop_id === card.workshop_id)).toEqual(card);
		for (const card of wroteByMinute(incrementalBuyers)) expect(fullBuyers.find((c) => c.company_id === card.company_id)).toEqual(card);
	});
});

describe('the nightly full recomputation', () => {
	it('runs once a Seoul night between 03:00 and 06:00, on the clock the test controls', async () => {
		const [day1, day2] = NIGHTS;
		expect(await reviews.nightlyRecompute(seoul(day1, '02:59'))).toBeNull();
		const [{ n: total }] = await testSql()<{ n: number }[]>`select count(*)::int as n from public.workshops`;
		const night = seoul(day1, '03:00');
		expect(await reviews.nightlyRecompute(night)).toMatchObject({ workshops: total });
		// Every scorecard was written by the night's run.
		const [{ stale }] = await testSql()<{ stale: number }[]>`
			select count(*)::int as stale from public.workshop_scorecards where computed_at <> ${night}`;
		expect(stale).toBe(0);
		// Once a night: later that night nothing, and the minute's job does not run it again either.
		expect(await reviews.nightlyRecompute(seoul(day1, '03:01'))).toBeNull();
		expect(await reviews.nightlyRecompute(seoul(day1, '05:59'))).toBeNull();
		expect((await reviews.runTimers(seoul(day1, '04:00'))).nightly).toBeUndefined();
		// The next night only from 03:00: not during the day, not at 06:00.
		expect(await reviews.nightlyRecompute(seoul(day2, '02:00'))).toBeNull();
		expect(await reviews.nightlyRecompute(seoul(day2, '06:00'))).toBeNull();
		// The minute's job runs it when it is due.
		expect((await reviews.runTimers(seoul(day2, '03:30'))).nightly).toMatchObject({ workshops: total });
		const nights = await testSql()<{ day: string; started_at: Date }[]>`
			select to_char(day, 'YYYY-MM-DD') as day, started_at from private.scorecard_nightly where day = any(${NIGHTS}::date[]) order by day`;
		expect(nights).toEqual([
			{ day: day1, started_at: night },
			{ day: day2, started_at: seoul(day2, '03:30') }
		]);
	});

	it('runs on one instance only: another one that is running it is left to finish, several at once make one run', async () => {
		const at = seoul(NIGHTS[2], '03:15');
		// Another instance is in the middle of tonight's run (it holds the lock): this one does not wait, nor run it.
		await testSql().begin(async (tx) => {
			await tx`select pg_advisory_xact_lock(hashtext('private.nightly_scorecards'))`;
			expect(await reviews.nightlyRecompute(at)).toBeNull();
		});
		// That run failed (no row was written): the next minute runs it.
		expect(await reviews.nightlyRecompute(new Date(+at + 60_000))).not.toBeNull();
		const again = seoul(NIGHTS[3], '03:15');
		const results = await Promise.all([reviews.nightlyRecompute(again), reviews.nightlyRecompute(again), reviews.nightlyRecompute(again)]);
		expect(results.filter((r) => r !== null)).toHaveLength(1);
		const rows = await testSql()<{ day: string }[]>`
			select to_char(day, 'YYYY-MM-DD') as day from private.scorecard_nightly where day = any(${NIGHTS.slice(2)}::date[]) order by day`;
		expect(rows.map((r) => r.day)).toEqual(NIGHTS.slice(2));
	});

	it('is the server’s own: nobody reads the nights or starts a run through the API', async () => {
		for (const claims of [null, { sub: STARTUP, role: 'authenticated' as const }]) {
			await expect(withUser(claims, (tx) => tx`select day from private.scorecard_nightly`)).rejects.toThrow(/permission denied/);
			await expect(withUser(claims, (tx) => tx`select private.nightly_scorecards(now())`)).rejects.toThrow(/permission denied/);
			await expect(withUser(claims, (tx) => tx`delete from private.scorecard_nightly`)).rejects.toThrow(/permission denied/);
		}
	});
});
