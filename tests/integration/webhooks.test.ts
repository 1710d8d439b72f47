// Webhooks from Stripe and PortOne (their protocol doubles) through the app's webhook handler, on the
// real database: a buyer pays a milestone on the provider's page, the signed event arrives once,
// twice, at the same time, out of order or not at all, and the milestone is paid exactly once; a bad
// signature changes nothing; a database that cannot be reached answers 503 so the provider retries;
// a payment whose webhook never came (a failure between the provider's answer and our commit) is
// found by the reconciliation job; refunds leave through the outbox and reach the provider once.
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { asServiceStatement, connect, endPool, use } from '../../src/lib/server/db';
import * as orderPayments from '../../src/lib/server/order-payments';
import type { Order } from '../../src/lib/server/orders';
import { createBankTransfer } from '../../src/lib/server/payments/bank-transfer';
import { paymentsFrom } from '../../src/lib/server/payments/index';
import { drainRefundsOnce } from '../../src/lib/server/payments/jobs';
import type { PaymentProvider, StartResult } from '../../src/lib/server/payments/port';
import { createPortOne } from '../../src/lib/server/payments/portone';
import { createStripe } from '../../src/lib/server/payments/stripe';
import { receive } from '../../src/lib/server/payments/webhook';
import { startPortOneDouble, type PortOneDouble } from '../doubles/portone';
import { startStripeDouble, type SignedEvent, type StripeDouble } from '../doubles/stripe';
import { testSql } from './db';
import { OPERATOR, STARTUP, orderFixtures } from './order-fixtures';

const fixtures = orderFixtures('웹훅 시험');
let stripeDouble: StripeDouble;
let portoneDouble: PortOneDouble;
let stripe: PaymentProvider;
let portone: PaymentProvider;

beforeAll(async () => {
	testSql();
	stripeDouble = await startStripeDouble();
	portoneDouble = await startPortOneDouble();
	stripe = createStripe({ secretKey: stripeDouble.secretKey, webhookSecret: stripeDouble.webhookSecret, apiBase: stripeDouble.url });
	portone = createPortOne({
		apiSecret: portoneDouble.apiSecret,
		webhookSecret: portoneDouble.webhookSecret,
		storeId: portoneDouble.storeId,
		channelKey: portoneDouble.channelKey,
		apiBase: portoneDouble.url
	});
});

afterEach(async () => {
	expect(await orderPayments.ledgerProblems()).toEqual([]);
});

afterAll(async () => {
	await fixtures.purge();
	await stripeDouble?.close();
	await portoneDouble?.close();
});

const toStripe = (e: SignedEvent) =>
	new Request('http://localhost/api/webhooks/stripe', {
		method: 'POST',
		headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': e.signature },
		body: e.body
	});
const toPortOne = (w: { body: string; headers: Record<string, string> }) =>
	new Request('http://localhost/api/webhooks/portone', { method: 'POST', headers: w.headers, body: w.body });

async function answer(response: Promise<Response>) {
	const r = await response;
	return { status: r.status, body: (await r.json()) as { outcomes?: string[]; error?: string }, retryAfter: r.headers.get('retry-after') };
}

/** The buyer starts paying a milestone with a provider, as the order page does. */
async function startPaying(order: Order, milestone: number, provider: PaymentProvider, attempt = 'a1'): Promise<StartResult> {
	const started = await orderPayments.start(order, order.milestones[milestone].id, provider, {
		userId: STARTUP,
		returnUrl: `http://localhost/orders/${order.id}`,
		locale: 'ko',
		attempt
	});
	if (!started.ok) throw new Error(started.error);
	return started.result;
}

const refOf = (r: StartResult) => (r.kind === 'instructions' ? '' : r.providerRef);

describe('stripe webhooks', () => {
	it("makes one checkout session and one attempt for a pay button posted twice (the form's key); a new key is a new attempt", async () => {
		const order = await fixtures.accepted('두 번 누른 결제');
		const first = await startPaying(order, 0, stripe, 'e1b2c3d4-0000-4000-8000-000000000001');
		const again = await startPaying(order, 0, stripe, 'e1b2c3d4-0000-4000-8000-000000000001');
		expect(refOf(again)).toBe(refOf(first));
		const other = await startPaying(order, 0, stripe, 'e1b2c3d4-0000-4000-8000-000000000002');
		expect(refOf(other)).not.toBe(refOf(first));
		const attempts = await testSql()<{ provider_ref: string }[]>`
			select provider_ref from public.payments where order_id = ${order.id} and provider = 'stripe' order by created_at`;
		expect(attempts.map((a) => a.provider_ref)).toEqual([refOf(first), refOf(other)]);
	});

	it('pays the milestone once; the same event replayed is a duplicate and changes nothing', async () => {
		const order = await fixtures.accepted('재전송');
		const started = await startPaying(order, 0, stripe);
		expect(started.kind).toBe('redirect');
		const event = stripeDouble.pay(refOf(started));
		expect(await answer(receive(stripe, toStripe(event)))).toMatchObject({ status: 200, body: { outcomes: ['applied'] } });
		expect(await answer(receive(stripe, toStripe(event)))).toMatchObject({ status: 200, body: { outcomes: ['duplicate'] } });
		const after = (await fixtures.load(STARTUP, order.id))!;
		expect(after.status).toBe('in_production');
		expect(after.milestones[0]).toMatchObject({ status: 'held', paid_via: 'stripe' });
		const [ledger] = await testSql()<{ paid: string }[]>`
			select coalesce(sum(amount_krw), 0)::text as paid from public.ledger_entries where order_id = ${order.id} and account = 'escrow'`;
		expect(ledger.paid).toBe('1000000');
	});

	it('applies one of many concurrent deliveries of the same event, and one of two events of the same session', async () => {
		const order = await fixtures.accepted('동시');
		const started = await startPaying(order, 0, stripe);
		const completed = stripeDouble.pay(refOf(started));
		const session = stripeDouble.sessions.get(refOf(started))!;
		const succeeded = stripeDouble.sign('checkout.session.async_payment_succeeded', { ...session });
		const answers = await Promise.all([
			...Array.from({ length: 8 }, () => answer(receive(stripe, toStripe(completed)))),
			answer(receive(stripe, toStripe(succeeded)))
		]);
		expect(answers.every((a) => a.status === 200)).toBe(true);
		const outcomes = answers.flatMap((a) => a.body.outcomes);
		expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
		expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(8);
		const [n] = await testSql()<{ n: number }[]>`
			select count(*)::int as n from public.ledger_entries where order_id = ${order.id} and kind = 'payment' and account = 'escrow'`;
		expect(n.n).toBe(1);
	});

	it('on the app’s own pool, applies each event as one statement of the service role, concurrent deliveries once', async () => {
		// The app's pool (connect) carries the service role as startup parameters of a second pool, so a
		// webhook costs one round trip; test pools fall back to a transaction, so this runs on a real one.
		const app = await connect({ kind: 'url', url: inject('databaseUrl') });
		try {
			use(app);
			const [who] = await asServiceStatement(
				(q) => q<{ role: string; claims: string }[]>`select current_user as role, current_setting('request.jwt.claims', true) as claims`
			);
			expect(who).toEqual({ role: 'service_role', claims: JSON.stringify({ role: 'service_role' }) });
			const order = await fixtures.accepted('한 문장');
			use(app);
			const started = await startPaying(order, 0, stripe);
			const completed = stripeDouble.pay(refOf(started));
			const answers = await Promise.all(Array.from({ length: 6 }, () => answer(receive(stripe, toStripe(completed)))));
			expect(answers.flatMap((a) => a.body.outcomes).sort()).toEqual(['applied', ...Array(5).fill('duplicate')]);
			const after = (await fixtures.load(STARTUP, order.id))!;
			expect(after.milestones[0]).toMatchObject({ status: 'held', paid_via: 'stripe' });
		} finally {
			use(testSql());
			await endPool(app);
		}
	});

	it('applies every milestone of an order paid at the same moment, for many orders at once, without a deadlock', async () => {
		// Each order's deposit, sample and balance events arrive together, each on its own connection as
		// the app applies them. (Locking the milestone before the order let two of them deadlock.)
		const app = await connect({ kind: 'url', url: inject('databaseUrl') });
		try {
			const orders: Order[] = [];
			for (let i = 0; i < 20; i++) orders.push(await fixtures.accepted(`동시 결제 ${i}`));
			const events: SignedEvent[] = [];
			for (const order of orders) {
				// The deposit through the app; the sample and balance as Stripe would tell of sessions paid
				// for them (a buyer paying ahead in two tabs, say): each completed event names its milestone.
				const ref = refOf(await startPaying(order, 0, stripe));
				events.push(stripeDouble.pay(ref));
				const session = stripeDouble.sessions.get(ref)!;
				for (const m of order.milestones.slice(1)) {
					const id = `cs_test_${m.id.slice(0, 8)}`;
					const paid = { ...session, id, client_reference_id: m.id, amount_total: m.amount_krw, payment_intent: `pi_${id}` };
					events.push(stripeDouble.sign('checkout.session.completed', { ...paid, metadata: { ...session.metadata, milestone_id: m.id } }));
				}
			}
			use(app);
			const answers = await Promise.all(events.map((event) => answer(receive(stripe, toStripe(event)))));
			expect(answers.map((a) => a.status)).toEqual(events.map(() => 200));
			expect(answers.flatMap((a) => a.body.outcomes)).toEqual(events.map(() => 'applied'));
			use(testSql());
			for (const order of orders) {
				const after = (await fixtures.load(STARTUP, order.id))!;
				expect(after.milestones.map((m) => m.status)).toEqual(order.milestones.map(() => 'held'));
			}
		} finally {
			use(testSql());
			await endPool(app);
		}
	});

	it('keeps a payment when an older attempt’s expiry, or its own, arrives after it', async () => {
		const order = await fixtures.accepted('순서');
		const first = await startPaying(order, 0, stripe, 'first');
		const second = await startPaying(order, 0, stripe, 'second');
		expect(refOf(second)).not.toBe(refOf(first));
		const paid = stripeDouble.pay(refOf(second));
		const firstSession = stripeDouble.sessions.get(refOf(first))!;
		firstSession.status = 'expired';
		const expiredFirst = stripeDouble.sign('checkout.session.expired', { ...firstSession });
		const expiredSecond = stripeDouble.sign('checkout.session.expired', {
			...stripeDouble.sessions.get(refOf(second))!,
			status: 'expired'
		});
		// Delivered: the payment, then both expiries (the late one of the paid attempt too).
		expect((await answer(receive(stripe, toStripe(paid)))).body.outcomes).toEqual(['applied']);
		// The older attempt ends (it was pending); the paid one stays paid.
		expect((await answer(receive(stripe, toStripe(expiredFirst)))).body.outcomes).toEqual(['applied']);
		expect((await answer(receive(stripe, toStripe(expiredSecond)))).body.outcomes).toEqual(['ignored']);
		const attempts = await testSql()<{ provider_ref: string; status: string }[]>`
			select provider_ref, status from public.payments where order_id = ${order.id} order by created_at`;
		expect(attempts).toEqual([
			{ provider_ref: refOf(first), status: 'expired' },
			{ provider_ref: refOf(second), status: 'paid' }
		]);
		expect((await fixtures.load(STARTUP, order.id))!.milestones[0].status).toBe('held');
	});

	it('answers 400 to a bad signature, a signature of another secret or an old timestamp, and records nothing', async () => {
		const order = await fixtures.accepted('서명');
		const started = await startPaying(order, 0, stripe);
		const good = stripeDouble.pay(refOf(started));
		const tampered = { ...good, body: good.body.replace('"amount_total": 1000000', '"amount_total": 10') };
		const forged = stripeDouble.sign(
			'checkout.session.completed',
			{ ...stripeDouble.sessions.get(refOf(started))! },
			{ secret: 'whsec_not_ours' }
		);
		const stale = stripeDouble.sign(
			'checkout.session.completed',
			{ ...stripeDouble.sessions.get(refOf(started))! },
			{
				timestamp: Math.floor(Date.now() / 1000) - 3600
			}
		);
		for (const bad of [tampered, forged, stale]) {
			expect(await answer(receive(stripe, toStripe(bad)))).toMatchObject({ status: 400, body: { error: 'bad_signature' } });
		}
		const unsigned = new Request('http://localhost/api/webhooks/stripe', { method: 'POST', body: good.body });
		expect((await answer(receive(stripe, unsigned))).status).toBe(400);
		const events =
			await testSql()`select 1 from public.payment_events where provider = 'stripe' and event_id = any(${[good.id, forged.id, stale.id]})`;
		expect(events).toHaveLength(0);
		expect((await fixtures.load(STARTUP, order.id))!.milestones[0].status).toBe('pending');
	});

	it('answers 503 with Retry-After when the database cannot be reached; the retried delivery pays', async () => {
		const order = await fixtures.accepted('장애');
		const started = await startPaying(order, 0, stripe);
		const event = stripeDouble.pay(refOf(started));
		const unreachable = postgres('postgres://postgres:postgres@127.0.0.1:1/postgres', { max: 1, connect_timeout: 2, onnotice: () => {} });
		use(unreachable);
		try {
			const down = await answer(receive(stripe, toStripe(event)));
			expect(down).toMatchObject({ status: 503, body: { error: 'retry' } });
			expect(Number(down.retryAfter)).toBeGreaterThan(0);
		} finally {
			testSql();
			await unreachable.end({ timeout: 1 });
		}
		expect((await answer(receive(stripe, toStripe(event)))).body.outcomes).toEqual(['applied']);
	});

	it('finds a payment whose webhook never came (a failure between Stripe’s answer and our commit) by looking it up', async () => {
		const order = await fixtures.accepted('조회');
		const started = await startPaying(order, 0, stripe);
		// The buyer paid; the webhook is lost (our commit failed, the endpoint was down for days).
		const lostEvent = stripeDouble.pay(refOf(started));
		await testSql()`update public.payments set created_at = now() - interval '20 minutes' where provider_ref = ${refOf(started)}`;
		const counts = await orderPayments.reconcilePending([stripe]);
		expect(counts.applied).toBeGreaterThanOrEqual(1);
		const after = (await fixtures.load(STARTUP, order.id))!;
		expect(after.milestones[0]).toMatchObject({ status: 'held', paid_via: 'stripe' });
		// The webhook arrives after all: the same attempt, already paid.
		expect((await answer(receive(stripe, toStripe(lostEvent)))).body.outcomes).toEqual(['duplicate']);
		// Reconciling again asks nothing more of this attempt (it is paid).
		const again = await orderPayments.pendingAttempts(15);
		expect(again.map((a) => a.provider_ref)).not.toContain(refOf(started));
	});

	it('refunds through the outbox reach Stripe once, even when Stripe was down for the first try', async () => {
		const order = await fixtures.accepted('환불');
		const [deposit, balance] = order.milestones;
		for (const [i, attempt] of [
			[0, 'dep'],
			[1, 'bal']
		] as const) {
			const started = await startPaying((await fixtures.load(STARTUP, order.id))!, i, stripe, attempt);
			expect((await answer(receive(stripe, toStripe(stripeDouble.pay(refOf(started)))))).body.outcomes).toEqual(['applied']);
		}
		expect(await fixtures.move(STARTUP, order.id, 'dispute', { reason: '불량으로 일부 환불 요청' })).toMatchObject({ ok: true });
		expect(await fixtures.move(OPERATOR, order.id, 'resolve', { refund_krw: 1_200_000, reason: '불량 20%, 양측 합의' })).toMatchObject({
			ok: true
		});
		const payments = paymentsFrom([createBankTransfer({ bank: '국민은행', number: '1', holder: '소공링크' }), stripe], {
			bank: '국민은행',
			number: '1',
			holder: '소공링크'
		});
		const before = stripeDouble.refunds.length;
		stripeDouble.down();
		const failed = await drainRefundsOnce(payments, 100);
		expect(failed.error).toBeDefined();
		stripeDouble.up();
		await new Promise((r) => setTimeout(r, 1500)); // the outbox's first backoff (1 s)
		for (let i = 0; i < 5; i++) await drainRefundsOnce(payments, 100);
		const mine = stripeDouble.refunds.slice(before);
		const intents = [deposit, balance].map(
			(m) =>
				[...stripeDouble.sessions.values()].find((s) => s.metadata.milestone_id === m.id && s.payment_status === 'paid')!.payment_intent
		);
		expect(mine.map((r) => [intents.indexOf(r.payment_intent), r.amount]).sort()).toEqual([
			[0, 1_000_000],
			[1, 200_000]
		]);
		const rows = await testSql()<{ status: string; refunded_krw: number }[]>`
			select status, refunded_krw from public.payments where order_id = ${order.id} and status <> 'pending' order by amount_krw desc`;
		expect(rows).toEqual([
			{ status: 'paid', refunded_krw: 200_000 },
			{ status: 'refunded', refunded_krw: 1_000_000 }
		]);
	});
});

describe('portone webhooks', () => {
	it('pays a card payment once, reading the amount from PortOne, not from the webhook', async () => {
		const order = await fixtures.accepted('포트원 카드');
		const started = await startPaying(order, 0, portone);
		if (started.kind !== 'portone') throw new Error('expected a PortOne request');
		expect(started.request.totalAmount).toBe(1_000_000);
		const webhook = portoneDouble.complete(started.request);
		expect(await answer(receive(portone, toPortOne(webhook)))).toMatchObject({ status: 200, body: { outcomes: ['applied'] } });
		expect((await answer(receive(portone, toPortOne(webhook)))).body.outcomes).toEqual(['duplicate']);
		expect((await fixtures.load(STARTUP, order.id))!.milestones[0]).toMatchObject({ status: 'held', paid_via: 'portone' });
	});

	it('waits for the deposit into a virtual account, then pays; a bad signature is refused', async () => {
		const order = await fixtures.accepted('포트원 가상계좌');
		const started = await startPaying(order, 0, portone);
		if (started.kind !== 'portone') throw new Error('expected a PortOne request');
		const issued = portoneDouble.complete(started.request, { method: 'VIRTUAL_ACCOUNT' });
		expect((await answer(receive(portone, toPortOne(issued)))).body.outcomes).toEqual(['ignored']);
		expect((await fixtures.load(STARTUP, order.id))!.milestones[0].status).toBe('pending');
		const forged = portoneDouble.webhook('Transaction.Paid', started.providerRef, {
			secret: 'whsec_' + Buffer.from('not ours').toString('base64')
		});
		expect((await answer(receive(portone, toPortOne(forged)))).status).toBe(400);
		const deposited = portoneDouble.deposit(started.providerRef);
		expect((await answer(receive(portone, toPortOne(deposited)))).body.outcomes).toEqual(['applied']);
		expect((await fixtures.load(STARTUP, order.id))!.milestones[0].status).toBe('held');
	});

	it('refuses an amount changed in the browser (pre-registered), and a failed payment ends the attempt', async () => {
		const order = await fixtures.accepted('포트원 실패');
		const started = await startPaying(order, 0, portone);
		if (started.kind !== 'portone') throw new Error('expected a PortOne request');
		expect(() => portoneDouble.complete(started.request, { totalAmount: 1000 })).toThrow(/pre-registered/);
		const failed = portoneDouble.fail(started.providerRef);
		expect((await answer(receive(portone, toPortOne(failed)))).body.outcomes).toEqual(['applied']);
		const [attempt] = await testSql()<{ status: string }[]>`select status from public.payments where provider_ref = ${started.providerRef}`;
		expect(attempt.status).toBe('failed');
	});
});
