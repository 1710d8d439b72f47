// Receiving a provider's webhook: verify the signature on the raw body, apply each event once
// (order-payments.apply: recorded by the provider's event id, so a replay, a concurrent delivery or
// an event out of order changes nothing the second time) and answer at once. The answer tells the
// provider what to do: 200 done (a duplicate too), 400 not from the provider (never retried into
// success), 503 with Retry-After when our database or the provider's API cannot be reached (the
// provider retries: Stripe for up to 3 days, PortOne/Toss 7 times over ~4 days).
import { json } from '@sveltejs/kit';
import * as orderPayments from '../order-payments';
import { WebhookSignatureError, type PaymentEvent, type PaymentProvider } from './port';

const headers = { 'cache-control': 'no-store' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Connection-level failures: the database is down, restarting or full; retrying later will work. */
function unavailable(e: unknown): boolean {
	const code = (e as { code?: unknown } | null)?.code;
	if (typeof code !== 'string') return e instanceof TypeError; // fetch() to the provider's API failed
	return (
		[
			'ECONNREFUSED',
			'ECONNRESET',
			'ETIMEDOUT',
			'ENOTFOUND',
			'EAI_AGAIN',
			'CONNECT_TIMEOUT',
			'CONNECTION_CLOSED',
			'CONNECTION_ENDED',
			'CONNECTION_DESTROYED'
		].includes(code) || /^(08|53|57)/.test(code)
	);
}

/** A milestone id that is not a uuid cannot be ours; recorded as ignored instead of failing forever. */
function sane(event: PaymentEvent): PaymentEvent {
	if (event.type !== 'paid' || UUID.test(event.milestoneId)) return event;
	return { type: 'ignored', eventId: event.eventId, raw: { ...event.raw, ignored: 'milestone id is not a uuid' } };
}

export async function receive(provider: PaymentProvider | undefined, request: Request): Promise<Response> {
	if (!provider?.parseWebhook) return json({ error: 'not_configured' }, { status: 404, headers });
	const body = await request.text();
	let events: PaymentEvent[];
	try {
		events = await provider.parseWebhook(body, request.headers);
	} catch (e) {
		if (e instanceof WebhookSignatureError) return json({ error: 'bad_signature' }, { status: 400, headers });
		console.error(`[webhook ${provider.kind}] could not read the event:`, e);
		return json({ error: 'retry' }, { status: 503, headers: { ...headers, 'retry-after': '60' } });
	}
	try {
		const outcomes = [];
		for (const event of events) outcomes.push(await orderPayments.apply(provider.kind, sane(event)));
		return json({ received: true, outcomes }, { headers });
	} catch (e) {
		console.error(`[webhook ${provider.kind}] could not apply:`, e);
		if (unavailable(e)) return json({ error: 'retry' }, { status: 503, headers: { ...headers, 'retry-after': '30' } });
		return json({ error: 'failed' }, { status: 500, headers });
	}
}
