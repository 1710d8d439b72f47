// Reviews on the real database, as seeded users with real claims (RLS on): startup1 (메탈웨어랩)
// buys from craftsman3's 대성정밀 and both complete the order the way the app does (paid by provider
// events, shipped, delivered, confirmed). Then blind publishing (nothing visible to the other side
// until both wrote), the 14-day deadline on a clock the test controls, the refusals that stop gaming,
// one edit, one reply, reports reaching the Mullae manager, and scorecards recomputed idempotently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUser } from '../../src/lib/server/db';
import * as orderPayments from '../../src/lib/server/order-payments';
import * as reviews from '../../src/lib/server/reviews';
import { as, CRAFTSMAN, OPERATOR, orderFixtures, STARTUP } from './order-fixtures';
import { testSql } from './db';

const WORKSHOP = '00000000-0000-4000-8000-00000000f301';
const COMPANY = '00000000-0000-4000-8000-00000000d001';
const MANAGER_MULLAE = '00000000-0000-4000-8000-000000000a03';
const OTHER = '00000000-0000-4000-8000-000000000e02';
const fx = orderFixtures('후기 시험');
const DAY = 86_400_000;

beforeAll(() => {
	testSql();
});
afterAll(() => fx.purge());

/** An order taken to purchase confirmation: both milestones paid, shipped by hand, delivered, confirmed. */
async function completed(title: string): Promise<string> {
	const order = await fx.accepted(title);
	for (const m of order.milestones)
		await orderPayments.apply('stripe', {
			type: 'paid',
			eventId: `evt_${m.id}`,
			providerRef: `cs_${m.id}`,
			milestoneId: m.id,
			amountKrw: m.amount_krw
		});
	for (const [user, move, input] of [
		[CRAFTSMAN, 'ship_direct', { courier: 'direct' }],
		[STARTUP, 'deliver', {}],
		[STARTUP, 'confirm', {}]
	] as const) {
		const moved = await fx.move(user, order.id, move, input);
		if (!moved.ok) throw new Error(`${move}: ${JSON.stringify(moved)}`);
	}
	return order.id;
}

const buyerReview = (orderId: string, submit = true, body = '도면대로 정확하게 가공해 주셨고 납기도 지켜 주셨습니다.') =>
	as(STARTUP, (tx) =>
		reviews.save(tx, { orderId, side: 'buyer', userId: STARTUP, ratings: { quality: 5, on_time: 5, communication: 4 }, body, submit })
	);
const workshopReview = (orderId: string) =>
	as(CRAFTSMAN, (tx) =>
		reviews.save(tx, {
			orderId,
			side: 'workshop',
			userId: CRAFTSMAN,
			ratings: { clarity: 4, payment: 5, communication: 5 },
			body: '사양이 명확했고 대금도 바로 입금해 주셨습니다.',
			submit: true
		})
	);
const seenBy = async (user: string, orderId: string) =>
	(await as(user, (tx) => reviews.ofOrder(tx, orderId))).map((r) => `${r.side}:${r.state}`);
const notified = async (user: string, kind: string, orderId: string) =>
	(
		await testSql()<{ n: number }[]>`
			select count(*)::int as n from public.notifications where user_id = ${user} and kind = ${kind} and payload ->> 'order_id' = ${orderId}`
	)[0].n;

describe('blind reviews', () => {
	it('keeps the first review from the other side until it writes its own, then publishes both', async () => {
		const id = await completed('블라인드');
		expect(await buyerReview(id)).toMatchObject({ ok: true, state: 'submitted' });
		expect(await seenBy(STARTUP, id)).toEqual(['buyer:submitted']);
		// The workshop is told a review arrived, but sees nothing of it; nor does anyone else.
		expect(await seenBy(CRAFTSMAN, id)).toEqual([]);
		expect(await seenBy(OTHER, id)).toEqual([]);
		expect(await notified(CRAFTSMAN, 'review_received', id)).toBe(1);

		expect(await workshopReview(id)).toMatchObject({ ok: true, state: 'published' });
		expect(await seenBy(CRAFTSMAN, id)).toEqual(['buyer:published', 'workshop:published']);
		expect(await seenBy(STARTUP, id)).toEqual(['buyer:published', 'workshop:published']);
		expect(await seenBy(OTHER, id)).toEqual(['buyer:published', 'workshop:published']);
		expect(await notified(STARTUP, 'review_published', id)).toBeGreaterThan(0);
		// The workshop published both by writing its own: nobody is told of their own act.
		expect(await notified(CRAFTSMAN, 'review_published', id)).toBe(0);
		// Anyone not signed in reads them on the workshop's page and the review's own, without the deal's title.
		const [{ id: reviewId }] = await testSql()<{ id: string }[]>`select id from public.reviews where order_id = ${id} and side = 'buyer'`;
		const publicView = await withUser(null, (tx) => reviews.aboutWorkshop(tx, WORKSHOP, 500));
		expect(publicView.reviews.find((r) => r.id === reviewId)).toMatchObject({ state: 'published', order_title: null });
		expect(await withUser(null, (tx) => reviews.byId(tx, reviewId, true))).toMatchObject({ id: reviewId, order_title: null });
	});

	it('publishes a lone review 14 days after it was written, once, on the clock the test runs', async () => {
		const id = await completed('14일');
		await buyerReview(id);
		const now = Date.now();
		expect(await reviews.runTimers(new Date(now + 13 * DAY), [id])).toMatchObject({ published: 0 });
		expect(await seenBy(CRAFTSMAN, id)).toEqual([]);
		expect(await reviews.runTimers(new Date(now + 14 * DAY + 60_000), [id])).toMatchObject({ published: 1 });
		expect(await seenBy(CRAFTSMAN, id)).toEqual(['buyer:published']);
		expect(await reviews.runTimers(new Date(now + 15 * DAY), [id])).toMatchObject({ published: 0 });
		// A draft is never published by the clock.
		const drafted = await completed('14일 초안');
		await buyerReview(drafted, false);
		expect(await reviews.runTimers(new Date(now + 20 * DAY), [drafted])).toMatchObject({ published: 0 });
		expect(await seenBy(CRAFTSMAN, drafted)).toEqual([]);
	});

	it('lets the author change a submitted review once before it is published', async () => {
		const id = await completed('한 번 수정');
		await buyerReview(id);
		// The same review posted again (a double click) is answered as saved and changes nothing.
		expect(await buyerReview(id)).toMatchObject({ ok: true, state: 'submitted' });
		const [before] = await testSql()<{ edited: boolean }[]>`select edited from public.reviews where order_id = ${id}`;
		expect(before.edited).toBe(false);
		expect(await buyerReview(id, true, '다시 보니 포장도 꼼꼼했습니다.')).toMatchObject({ ok: true, state: 'submitted' });
		expect(await buyerReview(id, true, '세 번째')).toEqual({ ok: false, error: 'err_review_already_edited' });
		const sql = testSql();
		const [row] = await sql<{ body: string; edited: boolean }[]>`select body, edited from public.reviews where order_id = ${id}`;
		expect(row).toEqual({ body: '다시 보니 포장도 꼼꼼했습니다.', edited: true });
	});
});

describe('replies, reports and hiding', () => {
	it('lets the reviewed workshop reply once; a report reaches the Mullae manager and the operator, who hide it with a reason', async () => {
		const id = await completed('답글 신고');
		await buyerReview(id);
		await workshopReview(id);
		const [mine] = (await as(CRAFTSMAN, (tx) => reviews.ofOrder(tx, id))).filter((r) => r.side === 'buyer');
		const reply = (user: string, text: string) =>
			as(user, async (tx) => reviews.move(tx, mine, 'reply', await reviews.actorOf(tx, mine, user), text));
		expect(await reply(STARTUP, '제가 답합니다')).toEqual({ ok: false, error: 'err_not_your_move' });
		expect(await reply(CRAFTSMAN, '좋게 봐주셔서 감사합니다.')).toEqual({ ok: true });
		const replied = (await as(OTHER, (tx) => reviews.byId(tx, mine.id)))!;
		expect(replied.reply).toBe('좋게 봐주셔서 감사합니다.');
		expect(await as(CRAFTSMAN, async (tx) => reviews.move(tx, replied, 'reply', 'subject', '한 번 더'))).toEqual({
			ok: false,
			error: 'err_review_already_replied'
		});

		expect(await as(OTHER, (tx) => reviews.report(tx, replied, OTHER, '거래와 무관한 광고 문구가 있습니다'))).toEqual({
			ok: true,
			already: false
		});
		expect(await as(OTHER, (tx) => reviews.report(tx, replied, OTHER, '또'))).toEqual({ ok: true, already: true });
		expect(await notified(MANAGER_MULLAE, 'review_reported', id)).toBe(1);
		expect(await notified(OPERATOR, 'review_reported', id)).toBe(1);
		const listed = await as(MANAGER_MULLAE, (tx) => reviews.reported(tx));
		expect(listed.find((x) => x.review.id === mine.id)?.reports.map((r) => r.reason)).toEqual(['거래와 무관한 광고 문구가 있습니다']);
		// The reporter and the parties do not read reports.
		expect((await as(OTHER, (tx) => reviews.reported(tx))).find((x) => x.review.id === mine.id)).toBeUndefined();

		const hide = (user: string, reason: string) =>
			as(user, async (tx) => reviews.move(tx, replied, 'hide', await reviews.actorOf(tx, replied, user), reason));
		expect(await hide(MANAGER_MULLAE, '')).toEqual({ ok: false, error: 'err_reason_required' });
		expect(await hide(MANAGER_MULLAE, '광고성 내용이 포함되어 가렸습니다')).toEqual({ ok: true });
		// Hidden, never deleted: the public sees the reason in its place, not the text.
		const about = await as(OTHER, (tx) => reviews.aboutWorkshop(tx, WORKSHOP, 200));
		expect(about.reviews.find((r) => r.id === mine.id)).toBeUndefined();
		expect(about.hidden.find((h) => h.id === mine.id)).toMatchObject({ hidden_reason: '광고성 내용이 포함되어 가렸습니다' });
		expect(Object.keys(about.hidden[0])).not.toContain('body');
		const [kept] = await testSql()<{ body: string; state: string }[]>`select body, state from public.reviews where id = ${mine.id}`;
		expect(kept.state).toBe('hidden');
		expect(kept.body).toContain('도면대로');
	});
});

describe('gaming is refused', () => {
	it('refuses a review before the order completes', async () => {
		const order = await fx.accepted('완료 전');
		expect(await buyerReview(order.id)).toEqual({ ok: false, error: 'err_review_refused' });
		await expect(
			as(
				STARTUP,
				(tx) => tx`insert into public.reviews (order_id, side, author_id, state) values (${order.id}, 'buyer', ${STARTUP}, 'draft')`
			)
		).rejects.toThrow(/cannot be reviewed \(not_completed\)/);
	});

	it('refuses a review by someone who is not a party, or for the other side', async () => {
		const id = await completed('당사자 아님');
		await expect(
			as(OTHER, (tx) => tx`insert into public.reviews (order_id, side, author_id, state) values (${id}, 'buyer', ${OTHER}, 'draft')`)
		).rejects.toThrow(/only the parties/);
		await expect(
			as(STARTUP, (tx) => tx`insert into public.reviews (order_id, side, author_id, state) values (${id}, 'workshop', ${STARTUP}, 'draft')`)
		).rejects.toThrow(/only the parties/);
	});

	it('refuses an order between a workshop and a company with the same business registration number', async () => {
		const id = await completed('같은 사업자');
		const sql = testSql();
		const [{ brn }] = await sql<{ brn: string }[]>`select business_registration_number as brn from public.workshops where id = ${WORKSHOP}`;
		const [{ before }] = await sql<{ before: string | null }[]>`
			select business_registration_number as before from public.companies where id = ${COMPANY}`;
		await sql`update public.companies set business_registration_number = ${brn} where id = ${COMPANY}`;
		try {
			expect(await as(STARTUP, (tx) => reviews.refusal(tx, id))).toBe('same_business');
			expect(await buyerReview(id)).toEqual({ ok: false, error: 'err_review_refused' });
		} finally {
			await sql`update public.companies set business_registration_number = ${before} where id = ${COMPANY}`;
		}
	});

	it('refuses a review after the 30 days, and a text over 2,000 characters', async () => {
		const id = await completed('30일');
		const sql = testSql();
		expect(await buyerReview(id, true, '가'.repeat(2001)).catch((e: Error) => e.message)).toMatch(/reviews_body_check|check constraint/);
		await sql`update public.orders set completed_at = now() - interval '31 days' where id = ${id}`;
		expect(await buyerReview(id)).toEqual({ ok: false, error: 'err_review_window_closed' });
		await expect(
			as(STARTUP, (tx) => tx`insert into public.reviews (order_id, side, author_id, state) values (${id}, 'buyer', ${STARTUP}, 'draft')`)
		).rejects.toThrow(/30 days/);
	});
});

describe('scorecards', () => {
	it('are recomputed from orders, the same every time, and nobody can type them', async () => {
		const id = await completed('점수표');
		const first = await reviews.runTimers(new Date(), [id]);
		expect(first.workshops).toBe(1);
		const read = () =>
			testSql()<Record<string, unknown>[]>`
				select completed, on_time, sample_first_try, sample_orders, median_response_minutes, responses, quotes_accepted,
					quotes_decided, disputes, reviews from public.workshop_scorecards where workshop_id = ${WORKSHOP}`;
		const before = await read();
		const [{ completed: count }] = await testSql()<{ completed: number }[]>`
			select count(*)::int as completed from public.orders
			where workshop_id = ${WORKSHOP} and status = 'completed' and completed_at > now() - interval '365 days'`;
		expect(before[0].completed).toBe(count);
		await reviews.recompute(new Date(), { workshops: [WORKSHOP], companies: [COMPANY] });
		await reviews.recompute(new Date(), { workshops: [WORKSHOP], companies: [COMPANY] });
		expect(await read()).toEqual(before);
		const card = (await as(OTHER, (tx) => reviews.workshopCard(tx, WORKSHOP)))!;
		expect(card.completed).toBe(count);
		expect(card.on_time.of).toBe(count);
		// Delivered the day it was confirmed, well before the due date: on time.
		expect(card.on_time.count).toBeGreaterThan(0);
		expect(card.is_new).toBe(count < 3);
		const buyer = (await as(CRAFTSMAN, (tx) => reviews.buyerCard(tx, COMPANY)))!;
		expect(buyer.completed).toBeGreaterThan(0);
		expect(buyer.deposit_on_time.of).toBeGreaterThan(0);
		await expect(
			as(CRAFTSMAN, (tx) => tx`update public.workshop_scorecards set on_time = 999 where workshop_id = ${WORKSHOP}`)
		).rejects.toThrow(/permission denied/);
	});
});
