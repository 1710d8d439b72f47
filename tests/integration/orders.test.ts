// Orders and payments on the real database, as seeded users with real claims (RLS on): startup1
// (메탈웨어랩) accepts craftsman3's (대성정밀) quote; the order is paid by bank statement and by provider
// events, moves through the sample to purchase confirmation, and the ledger balances after every
// scenario. Replays, concurrent deliveries and out-of-order events change nothing the second time.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withUser, type Claims, type Tx } from '../../src/lib/server/db';
import * as accounts from '../../src/lib/server/accounts';
import * as orderPayments from '../../src/lib/server/order-payments';
import * as orders from '../../src/lib/server/orders';
import { runTimers } from '../../src/lib/server/payments/jobs';
import { parseStatement } from '../../src/lib/server/payments/statement';
import * as quotes from '../../src/lib/server/quotes';
import { purgeOrders, testSql } from './db';

const S = '00000000-0000-4000-8000-000000000e01'; // startup1, owns 메탈웨어랩
const S2 = '00000000-0000-4000-8000-000000000e02'; // another startup
const COMPANY = '00000000-0000-4000-8000-00000000d001';
const A = '00000000-0000-4000-8000-000000000b03'; // craftsman3, owns 대성정밀 (Mullae)
const WA = '00000000-0000-4000-8000-00000000f301';
const B = '00000000-0000-4000-8000-000000000b01'; // craftsman1, owns 명가주얼리 (Jongno)
const OP = '00000000-0000-4000-8000-000000000a00';

const claims = (sub: string): Claims => ({ sub, role: 'authenticated' });
const as = <T>(user: string, fn: (tx: Tx) => Promise<T>) => withUser(claims(user), fn);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const created: string[] = [];

beforeAll(() => {
	testSql();
});

afterEach(async () => {
	// After every scenario: every movement adds up to zero and each milestone agrees with the ledger.
	expect(await orderPayments.ledgerProblems()).toEqual([]);
});

afterAll(async () => {
	const sql = testSql();
	await purgeOrders(sql, created);
	await sql`delete from public.notifications where payload ->> 'request_id' = any(${created}) or payload ->> 'order_title' like '주문 시험%'`;
	await sql`delete from public.requests where id = any(${created}::uuid[])`;
});

/** A request by startup1, a quote by 대성정밀 with deposit 800,000 + sample 500,000 + balance, accepted. */
async function acceptedOrder(title: string, plan: { deposit: number; sample: number } = { deposit: 800_000, sample: 500_000 }) {
	const request = await as(S, async (tx) => {
		const [r] = await tx<{ id: string }[]>`
			insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility)
			values (${S}, ${COMPANY}, 'machine_metal', '259', ${title}, '알루미늄 6061 하우징 200개', 200, 'open', 'public') returning id`;
		return r.id;
	});
	created.push(request);
	const quote = await as(A, (tx) =>
		quotes.submit(tx, {
			requestId: request,
			workshopId: WA,
			userId: A,
			price_krw: 2_400_000,
			vat_krw: 240_000,
			vat_included: false,
			deposit_krw: plan.deposit,
			sample_krw: plan.sample,
			line_items: [{ label: 'CNC 가공', unit_price_krw: 12_000, quantity: 200 }],
			lead_time_days: 21,
			valid_until: inDays(14),
			notes: ''
		})
	);
	if (!quote.ok) throw new Error(quote.error);
	const accepted = await as(S, async (tx) => {
		const q = await quotes.byId(tx, quote.id);
		return quotes.move(tx, { quote: q!, move: 'accept', actor: 'startup' });
	});
	expect(accepted.ok).toBe(true);
	const id = await as(S, (tx) => orders.idForRequest(tx, request));
	return { request, id: id! };
}

const load = (user: string, id: string) => as(user, (tx) => orders.byId(tx, id));
const moveAs = (user: string, id: string, name: Parameters<typeof orders.move>[2], input = {}) =>
	as(user, async (tx) => {
		const order = (await orders.byId(tx, id))!;
		const actor = (await orders.actorOf(tx, order, user))!;
		return orders.move(tx, order, name, actor, input);
	});
const pay = (milestoneId: string, amount: number, eventId: string, ref = eventId) =>
	orderPayments.apply('stripe', { type: 'paid', eventId, providerRef: ref, milestoneId, amountKrw: amount });

describe('accepting a quote creates the order in the same transaction', () => {
	it('copies the agreed terms and splits the total into deposit, sample and balance', async () => {
		const { id } = await acceptedOrder('주문 시험: 조건');
		const order = (await load(S, id))!;
		expect(order).toMatchObject({
			status: 'awaiting_deposit',
			supply_krw: 2_400_000,
			vat_krw: 240_000,
			total_krw: 2_640_000,
			has_sample: true,
			workshop_id: WA,
			buyer_id: S,
			line_items: [{ label: 'CNC 가공', unit_price_krw: 12_000, quantity: 200 }]
		});
		expect(order.number).toMatch(/^SL-\d{4}-\d{6}$/);
		expect(order.milestones.map((m) => [m.kind, m.amount_krw, m.status])).toEqual([
			['deposit', 800_000, 'pending'],
			['sample', 500_000, 'pending'],
			['balance', 1_340_000, 'pending']
		]);
		expect(new Set(order.milestones.map((m) => m.reference)).size).toBe(3);
	});

	it('is seen by both parties and the routed managers, not by another startup or workshop', async () => {
		const { id } = await acceptedOrder('주문 시험: 보기');
		expect(await load(A, id)).not.toBeNull();
		expect(await load(OP, id)).not.toBeNull();
		expect(await load(S2, id)).toBeNull();
		expect(await load(B, id)).toBeNull();
	});

	it('counts as running for both parties until it ends (an account with one cannot be deleted)', async () => {
		const { id } = await acceptedOrder('주문 시험: 진행 중');
		expect(await as(S, (tx) => orders.runningFor(tx, S))).toBeGreaterThan(0);
		expect(await as(A, (tx) => orders.runningFor(tx, A))).toBeGreaterThan(0);
		const before = await as(S2, (tx) => orders.runningFor(tx, S2));
		await moveAs(S, id, 'cancel', { reason: '일정 변경' });
		expect(await as(S2, (tx) => orders.runningFor(tx, S2))).toBe(before);
		expect((await load(S, id))!.status).toBe('cancelled');
	});

	it('is in the data export of both parties with its milestones, and in nobody else’s', async () => {
		const { id } = await acceptedOrder('주문 시험: 내보내기');
		const exported = async (user: string) =>
			(await as(user, (tx) => accounts.exportData(tx, { id: user, email: 'x@example.test' }))).orders.find((o) => o.id === id);
		expect(await exported(S)).toMatchObject({ bought_by_me: true, total_krw: 2_640_000, status: 'awaiting_deposit' });
		const craftsman = await exported(A);
		expect(craftsman).toMatchObject({ bought_by_me: false });
		expect((craftsman!.milestones as { kind: string; amount_krw: number }[]).map((m) => [m.kind, m.amount_krw])).toEqual([
			['deposit', 800_000],
			['sample', 500_000],
			['balance', 1_340_000]
		]);
		// The operator may read every order, but it is not theirs to download.
		expect(await exported(OP)).toBeUndefined();
		expect(await exported(S2)).toBeUndefined();
	});

	it('refuses a quote whose deposit is under 10% or whose split does not add up (no partial write)', async () => {
		await expect(acceptedOrder('주문 시험: 계약금 부족', { deposit: 200_000, sample: 0 })).rejects.toThrow();
		await expect(acceptedOrder('주문 시험: 합계 초과', { deposit: 2_000_000, sample: 700_000 })).rejects.toThrow();
	});
});

describe('the full journey, with money held until approved', () => {
	it('deposit by bank statement → sample, changes, approval → sample and balance by card → shipped → delivered → confirmed', async () => {
		const { id } = await acceptedOrder('주문 시험: 전체 흐름');
		let order = (await load(S, id))!;
		const [deposit, sample, balance] = order.milestones;

		// The workshop cannot ship or submit before the deposit; the buyer cannot approve anything yet.
		expect(await moveAs(A, id, 'submit_sample')).toEqual({ ok: false, error: 'err_illegal_transition' });

		// The operator uploads the bank's statement: one line names the deposit's reference.
		const csv = [
			'거래일시,적요,입금자명,출금액,입금액,잔액',
			`2026-12-06 10:12:00,타행이체,메탈웨어랩 ${deposit.reference},0,"800,000","10,800,000"`,
			'2026-12-06 11:00:00,이체,홍길동,0,"50,000","10,850,000"',
			'2026-12-06 11:30:00,수수료,,500,0,"10,849,500"',
			'2026-12-06 12:00:00,이체,깨진 줄,0,"오십만",'
		].join('\n');
		const parsed = parseStatement(csv);
		if (!parsed.ok) throw new Error(parsed.error);
		expect(parsed.problems).toEqual([{ line: 5, error: 'err_statement_amount' }]);
		const report = await orderPayments.applyStatement(parsed.lines);
		expect(report.applied.map((l) => l.reference)).toEqual([deposit.reference]);
		expect(report.unmatched.map((l) => l.depositor)).toEqual(['홍길동']);
		// The same statement uploaded again changes nothing.
		const again = await orderPayments.applyStatement(parsed.lines);
		expect(again.applied).toEqual([]);
		expect(again.duplicate.map((l) => l.reference)).toEqual([deposit.reference]);

		order = (await load(S, id))!;
		expect(order.status).toBe('in_production');
		expect(order.milestones[0]).toMatchObject({ status: 'held', paid_via: 'bank_transfer' });
		// Both sides hear of the deposit and the start in one notice each, not two.
		const told = await testSql()<{ user_id: string; kind: string; started: boolean | null }[]>`
			select user_id, kind, (payload ->> 'started')::boolean as started from public.notifications
			where payload ->> 'order_id' = ${id} and kind in ('order', 'order_payment') order by user_id`;
		expect(told).toEqual([
			{ user_id: A, kind: 'order_payment', started: true },
			{ user_id: S, kind: 'order_payment', started: true }
		]);

		expect(await moveAs(A, id, 'submit_sample')).toMatchObject({ ok: true });
		expect(await moveAs(S, id, 'request_changes', {})).toEqual({ ok: false, error: 'err_reason_required' });
		expect(await moveAs(S, id, 'request_changes', { reason: '모서리 R값을 1mm로' })).toMatchObject({ ok: true });
		expect(await moveAs(A, id, 'submit_sample')).toMatchObject({ ok: true });
		expect(await moveAs(S, id, 'approve_sample')).toMatchObject({ ok: true });

		order = (await load(S, id))!;
		expect(order.milestones[0].status).toBe('released');
		// Shipping waits for the rest of the money.
		expect(await moveAs(A, id, 'ship', { courier: 'cj', tracking_number: '601234567890' })).toEqual({
			ok: false,
			error: 'err_order_unpaid'
		});
		expect(await pay(sample.id, sample.amount_krw, 'evt_sample_1', 'cs_sample')).toBe('applied');
		expect(await pay(balance.id, balance.amount_krw - 1, 'evt_balance_short', 'cs_short')).toBe('amount_mismatch');
		expect(await pay(balance.id, balance.amount_krw, 'evt_balance_1', 'cs_balance')).toBe('applied');
		expect(await moveAs(A, id, 'ship', { courier: 'cj', tracking_number: '6012 3456 7890' })).toEqual({
			ok: false,
			error: 'err_tracking_invalid'
		});
		expect(await moveAs(A, id, 'ship', { courier: 'cj', tracking_number: '601234567890' })).toMatchObject({ ok: true });
		expect(await moveAs(S, id, 'deliver')).toMatchObject({ ok: true });
		order = (await load(S, id))!;
		expect(order.auto_confirm_at!.getTime() - order.delivered_at!.getTime()).toBe(7 * 86_400_000);
		expect(await moveAs(A, id, 'confirm')).toEqual({ ok: false, error: 'err_not_your_move' });
		expect(await moveAs(S, id, 'confirm')).toMatchObject({ ok: true });

		order = (await load(S, id))!;
		expect(order.status).toBe('completed');
		expect(order.milestones.map((m) => m.status)).toEqual(['released', 'released', 'released']);
		const timeline = await as(A, (tx) => orders.timeline(tx, id));
		expect(timeline.map((e) => e.kind)).toEqual([
			'created',
			'paid',
			'started',
			'sample_submitted',
			'changes_requested',
			'sample_submitted',
			'sample_approved',
			'paid',
			'paid',
			'shipped',
			'delivered',
			'confirmed'
		]);
		// The operator pays the workshop out; the ledger shows it and refuses a second payout.
		const paidOut = await as(OP, async (tx) => {
			const list = await orderPayments.toPayOut(tx);
			const mine = list.filter((m) => m.order_id === id);
			return Promise.all(mine.map((m) => orderPayments.markPaidOut(tx, m.id)));
		});
		expect(paidOut).toEqual([true, true, true]);
		expect(await as(OP, (tx) => orderPayments.markPaidOut(tx, deposit.id))).toBe(false);
		const ledger = await testSql()<{ account: string; total: string }[]>`
			select account, sum(amount_krw)::text as total from public.ledger_entries where order_id = ${id} group by account order by account`;
		expect(ledger).toEqual([
			{ account: 'escrow', total: '0' },
			{ account: 'external', total: '0' },
			{ account: 'payable', total: '0' }
		]);
	});
});

describe('webhooks that arrive twice, at once or out of order', () => {
	it('applies a replayed or concurrent event once, and a late lookup of the same attempt is a duplicate', async () => {
		const { id } = await acceptedOrder('주문 시험: 중복');
		const [deposit] = (await load(S, id))!.milestones;
		const outcomes = await Promise.all(Array.from({ length: 6 }, () => pay(deposit.id, deposit.amount_krw, 'evt_dup', 'cs_dup')));
		expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
		expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(5);
		expect(await pay(deposit.id, deposit.amount_krw, 'lookup:cs_dup', 'cs_dup')).toBe('duplicate');
		// A different attempt paying the same milestone again is flagged for the operator, not applied.
		expect(await pay(deposit.id, deposit.amount_krw, 'evt_other', 'cs_other')).toBe('already_paid');
		// An expiry arriving after the payment does not undo it.
		expect(await orderPayments.apply('stripe', { type: 'expired', eventId: 'evt_expired', providerRef: 'cs_dup' })).toBe('ignored');
		const order = (await load(S, id))!;
		expect(order.status).toBe('in_production');
		expect(order.milestones[0].status).toBe('held');
	});
});

describe('a dispute resolved with a partial refund, and an order that confirms itself', () => {
	it('refunds part of what is held to the buyer and releases the rest', async () => {
		const { id } = await acceptedOrder('주문 시험: 분쟁', { deposit: 1_000_000, sample: 0 });
		const [deposit, balance] = (await load(S, id))!.milestones;
		await pay(deposit.id, deposit.amount_krw, 'evt_d_dep', 'cs_d_dep');
		await pay(balance.id, balance.amount_krw, 'evt_d_bal', 'cs_d_bal');
		expect(await moveAs(S, id, 'dispute')).toEqual({ ok: false, error: 'err_reason_required' });
		expect(await moveAs(S, id, 'dispute', { reason: '납기 지연으로 일부 환불 요청' })).toMatchObject({ ok: true });
		expect(await moveAs(S, id, 'resolve', { refund_krw: 100 })).toEqual({ ok: false, error: 'err_not_your_move' });
		expect(await moveAs(OP, id, 'resolve', { refund_krw: 2_640_001, reason: 'x' })).toEqual({ ok: false, error: 'err_resolution_invalid' });
		expect(await moveAs(OP, id, 'resolve', { refund_krw: 1_200_000, reason: '지연 1주, 양측 합의' })).toMatchObject({ ok: true });
		const order = (await load(S, id))!;
		expect(order.status).toBe('resolved');
		expect(order.milestones.map((m) => m.status)).toEqual(['refunded', 'released']);
		const moved = await testSql()<{ kind: string; total: string }[]>`
			select kind, sum(amount_krw)::text as total from public.ledger_entries
			where order_id = ${id} and account = 'external' and amount_krw > 0 group by kind order by kind`;
		expect(moved).toEqual([{ kind: 'refund', total: '1200000' }]);
		const refunds = await testSql()<
			{ key: string }[]
		>`select key from public.outbox where topic = 'payment.refund' and key like ${deposit.id + '%'} or key like ${balance.id + '%'}`;
		expect(refunds.map((r) => r.key).sort()).toEqual([`${balance.id}:200000`, `${deposit.id}:1000000`].sort());
	});

	it('confirms itself seven days after delivery and reminds both sides two days before', async () => {
		const { id } = await acceptedOrder('주문 시험: 자동 구매확정', { deposit: 2_640_000, sample: 0 });
		const [deposit] = (await load(S, id))!.milestones;
		await pay(deposit.id, deposit.amount_krw, 'evt_auto', 'cs_auto');
		await moveAs(A, id, 'ship_direct', { courier: 'direct' });
		await moveAs(A, id, 'deliver');
		await runTimers(new Date(Date.now() + 5.5 * 86_400_000), [id]);
		const reminders = await testSql()<{ user_id: string }[]>`
			select user_id from public.notifications where kind = 'order_reminder' and payload ->> 'order_id' = ${id}`;
		expect(reminders.map((r) => r.user_id).sort()).toEqual([A, S].sort());
		expect((await load(S, id))!.status).toBe('delivered');
		await runTimers(new Date(Date.now() + 7 * 86_400_000 + 60_000), [id]);
		const order = (await load(S, id))!;
		expect(order.status).toBe('completed');
		expect(order.milestones[0].status).toBe('released');
		const timeline = await as(S, (tx) => orders.timeline(tx, id));
		expect(timeline.at(-1)?.kind).toBe('auto_confirmed');
		// Run again: nothing more happens, no second reminder.
		await runTimers(new Date(Date.now() + 8 * 86_400_000), [id]);
		const after = await testSql()<{ n: number }[]>`
			select count(*)::int as n from public.notifications where kind = 'order_reminder' and payload ->> 'order_id' = ${id}`;
		expect(after[0].n).toBe(2);
	});
});

describe('money the operator gives back by hand', () => {
	const refundsSeenBy = (user: string, order: string) =>
		as(user, async (tx) => (await orderPayments.toRefund(tx)).filter((r) => r.order_id === order));
	const refundCalls: { providerRef: string; amountKrw: number; idempotencyKey: string }[] = [];
	const card: Parameters<typeof orderPayments.returnMoney>[1][number] = {
		kind: 'stripe',
		async refund(input: { providerRef: string; amountKrw: number; idempotencyKey: string }) {
			refundCalls.push(input);
			return { ok: true } as const;
		}
	};

	it('lists a dispute refund of a bank transfer for the operator only, and records it once', async () => {
		const { id } = await acceptedOrder('주문 시험: 계좌 환불', { deposit: 1_000_000, sample: 0 });
		const [deposit, balance] = (await load(S, id))!.milestones;
		expect(await orderPayments.confirmTransfer(deposit.id, '입금 확인', OP)).toBe('applied');
		await pay(balance.id, balance.amount_krw, 'evt_r_bal', 'cs_r_bal');
		await moveAs(S, id, 'dispute', { reason: '불량 다수' });
		await moveAs(OP, id, 'resolve', { refund_krw: 1_200_000, reason: '불량분 환불' });

		// The deposit was a bank transfer: 1,000,000 back by the operator's hand; the card part goes through Stripe.
		const listed = await refundsSeenBy(OP, id);
		expect(listed.map((r) => [r.kind, r.provider, r.reason, r.due_krw])).toEqual([['deposit', 'bank_transfer', 'dispute', 1_000_000]]);
		expect(await refundsSeenBy(S, id)).toEqual([]);
		expect(await refundsSeenBy(A, id)).toEqual([]);

		const payment = listed[0].payment_id;
		expect(await as(OP, (tx) => orderPayments.returnMoney(tx, [], payment, 500))).toBe('changed');
		expect(await as(S, (tx) => orderPayments.returnMoney(tx, [], payment, 0))).toBe('not_due');
		expect(await as(OP, (tx) => orderPayments.returnMoney(tx, [], payment, 0))).toBe('returned');
		expect(await as(OP, (tx) => orderPayments.returnMoney(tx, [], payment, 0))).toBe('not_due');
		expect(await refundsSeenBy(OP, id)).toEqual([]);
		const [row] = await testSql()`select status, refunded_krw from public.payments where id = ${payment}`;
		expect(row).toEqual({ status: 'refunded', refunded_krw: 1_000_000 });
		// Recorded money cannot be taken back, not even by the operator.
		await expect(as(OP, (tx) => tx`update public.payments set refunded_krw = 0 where id = ${payment}`)).rejects.toThrow(
			/cannot be taken back/
		);
		// Nobody else may record a return.
		const untouched = await as(S, (tx) => tx`update public.payments set refunded_krw = 1 where order_id = ${id} returning id`);
		expect(untouched).toHaveLength(0);
	});

	it('lists a card payment that came for an already paid milestone, refunds it through the provider once', async () => {
		const { id } = await acceptedOrder('주문 시험: 중복 결제', { deposit: 1_000_000, sample: 0 });
		const [deposit] = (await load(S, id))!.milestones;
		expect(await orderPayments.confirmTransfer(deposit.id, '입금 확인', OP)).toBe('applied');
		expect(await pay(deposit.id, deposit.amount_krw, 'evt_twice', 'cs_twice')).toBe('already_paid');

		const listed = await refundsSeenBy(OP, id);
		expect(listed.map((r) => [r.provider, r.reason, r.due_krw])).toEqual([['stripe', 'paid_twice', 1_000_000]]);
		expect(await as(OP, (tx) => orderPayments.returnMoney(tx, [card], listed[0].payment_id, 0))).toBe('returned');
		expect(refundCalls).toEqual([{ providerRef: 'cs_twice', amountKrw: 1_000_000, idempotencyKey: `return-${listed[0].payment_id}-0` }]);
		expect(await refundsSeenBy(OP, id)).toEqual([]);
		// The milestone itself stays paid by the transfer, held for the order.
		expect((await load(S, id))!.milestones[0]).toMatchObject({ status: 'held', paid_via: 'bank_transfer' });
	});
});
