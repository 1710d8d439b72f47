// The payment port's contract against every adapter: bank transfer (always), Stripe and PortOne
// against their protocol doubles (tests/doubles), and against the real test modes when
// STRIPE_SECRET_KEY / PORTONE_API_SECRET are set (paying needs a browser there, so those variants
// check starting, idempotency, lookups and signatures only).
import { describe, expect, it } from 'vitest';
import { startPortOneDouble } from '../../../../tests/doubles/portone';
import { startStripeDouble } from '../../../../tests/doubles/stripe';
import { createBankTransfer } from './bank-transfer';
import { paymentContract, type PaymentSubject } from './contract';
import type { StartResult } from './port';
import { createPortOne } from './portone';
import { createStripe, stripeClient, toPaymentEvent } from './stripe';
import Stripe from 'stripe';

const bank = { bank: '국민은행', number: '123-456-789012', holder: '(주)소공링크' };

paymentContract('bank transfer', () => Promise.resolve({ provider: createBankTransfer(bank), knowsAttempts: false, manualRefunds: true }));

function stripeWebhook(body: string, signature: string) {
	return { body, headers: new Headers({ 'content-type': 'application/json', 'stripe-signature': signature }) };
}

paymentContract('stripe against the protocol double', async () => {
	const double = await startStripeDouble();
	const provider = createStripe({ secretKey: double.secretKey, webhookSecret: double.webhookSecret, apiBase: double.url });
	return {
		provider,
		knowsAttempts: true,
		pay(started: StartResult) {
			if (started.kind !== 'redirect') throw new Error('stripe starts with a redirect');
			const event = double.pay(started.providerRef);
			return Promise.resolve(stripeWebhook(event.body, event.signature));
		},
		unrelatedWebhook() {
			const event = double.sign('customer.created', { id: 'cus_test_1', object: 'customer' });
			return stripeWebhook(event.body, event.signature);
		},
		refundedKrw(ref) {
			const intent = double.sessions.get(ref)?.payment_intent;
			return double.refunds.filter((r) => r.payment_intent === intent).reduce((sum, r) => sum + r.amount, 0);
		},
		dispose: () => double.close()
	} satisfies PaymentSubject;
});

paymentContract('portone against the protocol double', async () => {
	const double = await startPortOneDouble();
	const provider = createPortOne({
		apiSecret: double.apiSecret,
		webhookSecret: double.webhookSecret,
		storeId: double.storeId,
		channelKey: double.channelKey,
		apiBase: double.url
	});
	const toHeaders = (w: { body: string; headers: Record<string, string> }) => ({ body: w.body, headers: new Headers(w.headers) });
	return {
		provider,
		knowsAttempts: true,
		pay(started: StartResult) {
			if (started.kind !== 'portone') throw new Error('portone starts with a request for the browser SDK');
			return Promise.resolve(toHeaders(double.complete(started.request)));
		},
		unrelatedWebhook: () => toHeaders(double.webhook('BillingKey.Issued', 'none')),
		refundedKrw: (ref) => double.payments.get(ref)?.cancelled ?? 0,
		dispose: () => double.close()
	} satisfies PaymentSubject;
});

const realStripe = process.env.STRIPE_SECRET_KEY;
if (realStripe?.startsWith('sk_test_') && process.env.STRIPE_WEBHOOK_SECRET) {
	const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET;
	paymentContract('stripe against the real test mode', () => {
		const provider = createStripe({ secretKey: realStripe, webhookSecret });
		// Signed locally with the endpoint's secret, as Stripe signs: constructEvent cannot tell.
		const signer = new Stripe(realStripe);
		return Promise.resolve({
			provider,
			knowsAttempts: true,
			unrelatedWebhook() {
				const body = JSON.stringify({ id: `evt_contract_${Date.now()}`, object: 'event', type: 'customer.created', data: { object: {} } });
				return stripeWebhook(body, signer.webhooks.generateTestHeaderString({ payload: body, secret: webhookSecret }));
			}
		});
	});
} else {
	describe.skip('stripe against the real test mode: skipped, STRIPE_SECRET_KEY (sk_test_…) and STRIPE_WEBHOOK_SECRET are not set', () => {
		it('runs the payment contract against Stripe test mode', () => {});
	});
}

const realPortOne = process.env.PORTONE_API_SECRET;
if (realPortOne && process.env.PORTONE_WEBHOOK_SECRET && process.env.PORTONE_STORE_ID && process.env.PORTONE_CHANNEL_KEY) {
	const settings = {
		apiSecret: realPortOne,
		webhookSecret: process.env.PORTONE_WEBHOOK_SECRET,
		storeId: process.env.PORTONE_STORE_ID,
		channelKey: process.env.PORTONE_CHANNEL_KEY
	};
	paymentContract('portone against the real test channel', () =>
		Promise.resolve({ provider: createPortOne(settings), knowsAttempts: true })
	);
} else {
	describe.skip('portone against the real service: skipped, PORTONE_API_SECRET, PORTONE_WEBHOOK_SECRET, PORTONE_STORE_ID and PORTONE_CHANNEL_KEY are not set', () => {
		it('runs the payment contract against a PortOne test channel', () => {});
	});
}

describe('stripe events in the port’s words', () => {
	const session = (over: Partial<Stripe.Checkout.Session>) =>
		({
			id: 'cs_test_1',
			object: 'checkout.session',
			amount_total: 15000,
			currency: 'krw',
			payment_status: 'paid',
			payment_intent: 'pi_1',
			metadata: { milestone_id: 'm1', order_id: 'o1', reference: 'SL000000' },
			client_reference_id: 'm1',
			...over
		}) as Stripe.Checkout.Session;
	type CheckoutEvent =
		| Stripe.CheckoutSessionCompletedEvent
		| Stripe.CheckoutSessionAsyncPaymentSucceededEvent
		| Stripe.CheckoutSessionAsyncPaymentFailedEvent
		| Stripe.CheckoutSessionExpiredEvent;
	const event = (type: CheckoutEvent['type'], object: Stripe.Checkout.Session): Stripe.Event => ({
		id: 'evt_1',
		object: 'event',
		api_version: null,
		created: 0,
		livemode: false,
		pending_webhooks: 0,
		request: null,
		type,
		data: { object }
	});

	it('pays on completed (paid) and on async success; waits on completed-but-unpaid; ends on expired and async failure', () => {
		expect(toPaymentEvent(event('checkout.session.completed', session({})))).toMatchObject({
			type: 'paid',
			milestoneId: 'm1',
			amountKrw: 15000,
			providerRef: 'cs_test_1',
			eventId: 'evt_1'
		});
		expect(toPaymentEvent(event('checkout.session.async_payment_succeeded', session({}))).type).toBe('paid');
		expect(toPaymentEvent(event('checkout.session.completed', session({ payment_status: 'unpaid' }))).type).toBe('ignored');
		expect(toPaymentEvent(event('checkout.session.expired', session({ payment_status: 'unpaid' })))).toMatchObject({
			type: 'expired',
			providerRef: 'cs_test_1'
		});
		expect(toPaymentEvent(event('checkout.session.async_payment_failed', session({}))).type).toBe('failed');
	});

	it('ignores a session that is not in won or names no milestone (not one of ours)', () => {
		expect(toPaymentEvent(event('checkout.session.completed', session({ currency: 'usd' }))).type).toBe('ignored');
		expect(toPaymentEvent(event('checkout.session.completed', session({ metadata: {}, client_reference_id: null }))).type).toBe('ignored');
	});
});

describe('the Stripe double speaks Stripe', () => {
	it('answers a wrong key 401, a missing session 404 and a reused idempotency key with other parameters 400, as Stripe does', async () => {
		const double = await startStripeDouble();
		try {
			const wrong = createStripe({ secretKey: 'sk_test_wrong', webhookSecret: double.webhookSecret, apiBase: double.url });
			await expect(wrong.lookup('cs_test_x')).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
			const stripe = createStripe({ secretKey: double.secretKey, webhookSecret: double.webhookSecret, apiBase: double.url });
			expect(await stripe.lookup('cs_test_missing')).toEqual({ status: 'unknown' });
			const base = {
				orderId: 'o',
				milestoneId: 'm',
				reference: 'SL000000',
				description: 'x',
				returnUrl: 'http://localhost/o',
				idempotencyKey: 'same-key',
				locale: 'en' as const
			};
			const first = await stripe.start({ ...base, amountKrw: 15000 });
			await expect(stripe.start({ ...base, amountKrw: 16000 })).rejects.toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
			expect(double.requests.filter((r) => r.replayed)).toEqual([]);
			await expect(stripe.start({ ...base, amountKrw: 50, idempotencyKey: 'small' })).rejects.toMatchObject({
				type: 'StripeInvalidRequestError',
				code: 'amount_too_small'
			});
			expect(first.kind).toBe('redirect');
			const session = double.sessions.get((first as { providerRef: string }).providerRef)!;
			expect(session).toMatchObject({
				currency: 'krw',
				amount_total: 15000,
				metadata: { milestone_id: 'm', order_id: 'o', reference: 'SL000000' }
			});
			expect(session.success_url).toBe('http://localhost/o?payment=stripe&session_id={CHECKOUT_SESSION_ID}');
			// Expired through the API: lookup says so, and a second expiry is refused as Stripe refuses it.
			const client = stripeClient({ secretKey: double.secretKey, webhookSecret: double.webhookSecret, apiBase: double.url });
			expect((await client.checkout.sessions.expire(session.id)).status).toBe('expired');
			expect(await stripe.lookup(session.id)).toEqual({ status: 'expired' });
			await expect(client.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400 });
		} finally {
			await double.close();
		}
	});
});
