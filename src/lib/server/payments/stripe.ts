// Stripe Checkout in KRW (cards, e.g. overseas startups), through the official `stripe` SDK. KRW is
// zero-decimal for Stripe: unit_amount 15000 is 15,000 won. The milestone travels in the session's
// metadata (and the payment intent's), so the webhook pays the right milestone even when our record
// of the attempt was lost; the amount applied is the one Stripe charged (amount_total), checked
// against the milestone in the database. Payouts are not Stripe's here: Korea is not a Stripe
// business location, so released money goes out through the bank-transfer settlement list.
import Stripe from 'stripe';
import { WebhookSignatureError, type LookupResult, type PaymentEvent, type PaymentProvider, type StartInput } from './port';

export interface StripeSettings {
	secretKey: string;
	webhookSecret: string;
	/** Only for the protocol double: where the API answers (http://127.0.0.1:12111). */
	apiBase?: string;
}

/** The SDK's host/port/protocol options for an API base URL (the double), or none for api.stripe.com. */
export function stripeTarget(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
	if (!apiBase) return {};
	const url = new URL(apiBase);
	const protocol = url.protocol === 'http:' ? 'http' : 'https';
	return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

export function stripeClient(settings: StripeSettings): Stripe {
	return new Stripe(settings.secretKey, { ...stripeTarget(settings.apiBase), maxNetworkRetries: 2, timeout: 20_000 });
}

/** returnUrl plus our query; `{CHECKOUT_SESSION_ID}` must stay literal for Stripe to fill it in. */
function withQuery(url: string, query: string): string {
	return url + (url.includes('?') ? '&' : '?') + query;
}

function metadataOf(input: StartInput): Record<string, string> {
	return { order_id: input.orderId, milestone_id: input.milestoneId, reference: input.reference };
}

const intentId = (session: Stripe.Checkout.Session) =>
	typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);

/** What we keep of an event in payment_events (no customer data beyond what the operator needs). */
function rawOf(event: Stripe.Event, session: Stripe.Checkout.Session): Record<string, unknown> {
	return {
		type: event.type,
		session: session.id,
		payment_intent: intentId(session),
		amount_total: session.amount_total,
		currency: session.currency,
		payment_status: session.payment_status,
		metadata: session.metadata
	};
}

/** A verified event in the port's words. Exported for tests of the mapping. */
export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
	switch (event.type) {
		case 'checkout.session.completed':
		case 'checkout.session.async_payment_succeeded': {
			const session = event.data.object;
			const raw = rawOf(event, session);
			// Completed but not yet paid: a delayed method (bank debit) that ends in async_payment_*.
			if (session.payment_status !== 'paid') return { type: 'ignored', eventId: event.id, raw };
			const milestoneId = session.metadata?.milestone_id ?? session.client_reference_id;
			if (!milestoneId || session.currency !== 'krw' || session.amount_total === null) {
				console.error(`stripe event ${event.id}: session ${session.id} is not one of ours (no milestone or not KRW)`);
				return { type: 'ignored', eventId: event.id, raw };
			}
			return { type: 'paid', eventId: event.id, providerRef: session.id, milestoneId, amountKrw: session.amount_total, raw };
		}
		case 'checkout.session.expired':
			return { type: 'expired', eventId: event.id, providerRef: event.data.object.id, raw: rawOf(event, event.data.object) };
		case 'checkout.session.async_payment_failed':
			return { type: 'failed', eventId: event.id, providerRef: event.data.object.id, raw: rawOf(event, event.data.object) };
		default:
			return { type: 'ignored', eventId: event.id, raw: { type: event.type } };
	}
}

export function createStripe(settings: StripeSettings, client: Stripe = stripeClient(settings)): PaymentProvider {
	return {
		kind: 'stripe',
		async start(input) {
			const metadata = metadataOf(input);
			const session = await client.checkout.sessions.create(
				{
					mode: 'payment',
					line_items: [
						{
							quantity: 1,
							price_data: { currency: 'krw', unit_amount: input.amountKrw, product_data: { name: input.description } }
						}
					],
					metadata,
					payment_intent_data: { metadata, description: input.description },
					client_reference_id: input.milestoneId,
					customer_email: input.buyerEmail,
					locale: input.locale,
					success_url: withQuery(input.returnUrl, 'payment=stripe&session_id={CHECKOUT_SESSION_ID}'),
					cancel_url: withQuery(input.returnUrl, 'payment=cancelled')
				},
				{ idempotencyKey: input.idempotencyKey }
			);
			if (!session.url) throw new Error(`stripe: checkout session ${session.id} has no url`);
			return { kind: 'redirect', url: session.url, providerRef: session.id };
		},

		parseWebhook(rawBody, headers) {
			const signature = headers.get('stripe-signature');
			if (!signature) return Promise.reject(new WebhookSignatureError('missing Stripe-Signature header'));
			let event: Stripe.Event;
			try {
				// The raw body as received: re-serialised JSON would not verify.
				event = client.webhooks.constructEvent(rawBody, signature, settings.webhookSecret);
			} catch (e) {
				return Promise.reject(new WebhookSignatureError(e instanceof Error ? e.message : String(e)));
			}
			return Promise.resolve([toPaymentEvent(event)]);
		},

		async lookup(sessionId): Promise<LookupResult> {
			let session: Stripe.Checkout.Session;
			try {
				session = await client.checkout.sessions.retrieve(sessionId);
			} catch (e) {
				if (e instanceof Stripe.errors.StripeInvalidRequestError && e.statusCode === 404) return { status: 'unknown' };
				throw e;
			}
			if (session.payment_status === 'paid') {
				const milestoneId = session.metadata?.milestone_id ?? session.client_reference_id;
				if (!milestoneId || session.amount_total === null || session.currency !== 'krw') return { status: 'unknown' };
				return { status: 'paid', amountKrw: session.amount_total, milestoneId };
			}
			if (session.status === 'expired') return { status: 'expired' };
			return { status: 'pending' };
		},

		async refund({ providerRef, amountKrw, idempotencyKey }) {
			const session = await client.checkout.sessions.retrieve(providerRef);
			const paymentIntent = intentId(session);
			if (!paymentIntent) throw new Error(`stripe: session ${providerRef} has no payment to refund`);
			await client.refunds.create({ payment_intent: paymentIntent, amount: amountKrw }, { idempotencyKey });
			return { ok: true };
		}
	};
}
