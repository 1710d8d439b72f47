// A Korean PG (Toss Payments, KG Inicis, NICE …) through PortOne V2 and its server SDK: the rail a
// Korean platform uses for cards and virtual accounts (가상계좌). The amount is pre-registered on the
// server before the browser opens the payment window, so a changed amount is refused by PortOne; the
// webhook only says "something happened to payment X" and we read amount and milestone from
// getPayment, never from the webhook body. Webhooks are Standard Webhooks, verified with the SDK;
// their `webhook-id` is the event id we record once.
import { createHash } from 'node:crypto';
import { PaymentClient, Webhook, type Payment as PortOnePayment } from '@portone/server-sdk';
import { WebhookSignatureError, type LookupResult, type PaymentEvent, type PaymentProvider } from './port';

export interface PortOneSettings {
	apiSecret: string;
	webhookSecret: string;
	storeId: string;
	channelKey: string;
	/** Only for the protocol double: where the API answers (the SDK's baseUrl). */
	apiBase?: string;
}

interface CustomData {
	order_id: string;
	milestone_id: string;
	reference: string;
}

/** PortOne's error body ({type, message}) as the SDK throws it. */
const errorType = (e: unknown): string | undefined => (e as { data?: { type?: string } } | null)?.data?.type;

/** One payment id per attempt: a retried start (same idempotency key) pre-registers the same payment. */
export function paymentIdFor(idempotencyKey: string): string {
	return 'sl-' + createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
}

function customDataOf(payment: { customData?: string }): CustomData | null {
	try {
		const data = JSON.parse(payment.customData ?? '') as Partial<CustomData>;
		return data.milestone_id ? (data as CustomData) : null;
	} catch {
		return null;
	}
}

/** Headers as the SDK's verify() takes them. */
const headerRecord = (headers: Headers): Record<string, string> => Object.fromEntries(headers.entries());

export function createPortOne(settings: PortOneSettings): PaymentProvider {
	const client = PaymentClient({ secret: settings.apiSecret, storeId: settings.storeId, baseUrl: settings.apiBase });

	async function getPayment(paymentId: string): Promise<PortOnePayment.Payment | null> {
		try {
			return await client.getPayment({ paymentId });
		} catch (e) {
			if (errorType(e) === 'PAYMENT_NOT_FOUND') return null;
			throw e;
		}
	}

	/** The payment as PortOne holds it, in the port's words (for 'paid' webhooks and lookups). */
	async function paidEvent(eventId: string, paymentId: string, raw: Record<string, unknown>): Promise<PaymentEvent> {
		const payment = await getPayment(paymentId);
		if (payment?.status !== 'PAID') return { type: 'ignored', eventId, raw: { ...raw, status: payment?.status ?? 'NOT_FOUND' } };
		const data = customDataOf(payment);
		if (!data || payment.currency !== 'KRW') {
			console.error(`portone event ${eventId}: payment ${paymentId} is not one of ours (no milestone or not KRW)`);
			return { type: 'ignored', eventId, raw };
		}
		return { type: 'paid', eventId, providerRef: paymentId, milestoneId: data.milestone_id, amountKrw: payment.amount.total, raw };
	}

	return {
		kind: 'portone',
		async start(input) {
			const paymentId = paymentIdFor(input.idempotencyKey);
			await client.preRegisterPayment({ paymentId, totalAmount: input.amountKrw, currency: 'KRW' });
			const customData: CustomData = { order_id: input.orderId, milestone_id: input.milestoneId, reference: input.reference };
			return {
				kind: 'portone',
				providerRef: paymentId,
				request: {
					storeId: settings.storeId,
					channelKey: settings.channelKey,
					paymentId,
					orderName: input.description,
					totalAmount: input.amountKrw,
					currency: 'CURRENCY_KRW',
					payMethod: 'CARD',
					customData: { ...customData },
					redirectUrl: input.returnUrl + (input.returnUrl.includes('?') ? '&' : '?') + 'payment=portone',
					locale: input.locale === 'en' ? 'EN_US' : 'KO_KR',
					customer: input.buyerEmail ? { email: input.buyerEmail } : undefined
				}
			};
		},

		async parseWebhook(rawBody, headers) {
			let webhook: Awaited<ReturnType<typeof Webhook.verify>>;
			try {
				webhook = await Webhook.verify(settings.webhookSecret, rawBody, headerRecord(headers));
			} catch (e) {
				throw new WebhookSignatureError(e instanceof Error ? e.message : String(e));
			}
			// Verified above: the id is part of what was signed, and stays the same on every retry.
			const eventId = headers.get('webhook-id')!;
			if (!('data' in webhook) || !('paymentId' in webhook.data)) return [{ type: 'ignored', eventId, raw: { type: webhook.type } }];
			const paymentId = webhook.data.paymentId;
			const raw = { type: webhook.type, payment_id: paymentId, timestamp: webhook.timestamp };
			switch (webhook.type) {
				case 'Transaction.Paid':
					return [await paidEvent(eventId, paymentId, raw)];
				case 'Transaction.Failed':
					return [{ type: 'failed', eventId, providerRef: paymentId, raw }];
				// Cancelled before it was paid (a virtual account never deposited, a cancelled window):
				// the attempt is over. After it was paid, the attempt is no longer pending and nothing changes;
				// our own refunds are recorded when the refund call answers (payments/jobs.ts).
				case 'Transaction.Cancelled':
					return [{ type: 'expired', eventId, providerRef: paymentId, raw }];
				// Issued, not deposited: the buyer decides when to transfer; Transaction.Paid follows.
				case 'Transaction.VirtualAccountIssued':
				default:
					return [{ type: 'ignored', eventId, raw }];
			}
		},

		async lookup(paymentId): Promise<LookupResult> {
			const payment = await getPayment(paymentId);
			if (!payment) return { status: 'unknown' };
			switch (payment.status) {
				case 'PAID': {
					const data = customDataOf(payment);
					if (!data || payment.currency !== 'KRW') return { status: 'unknown' };
					return { status: 'paid', amountKrw: payment.amount.total, milestoneId: data.milestone_id };
				}
				case 'FAILED':
					return { status: 'failed' };
				case 'CANCELLED':
					return { status: 'expired' };
				case 'READY':
				case 'PAY_PENDING':
				case 'VIRTUAL_ACCOUNT_ISSUED':
					return { status: 'pending' };
				default:
					return { status: 'unknown' };
			}
		},

		// PortOne has no idempotency key: the key goes into the reason, a retry first looks for a
		// cancellation with that reason, and currentCancellableAmount makes a concurrent second
		// cancellation fail instead of refunding twice.
		async refund({ providerRef, amountKrw, idempotencyKey }) {
			const reason = `Sogong Link refund ${idempotencyKey}`;
			const done = async () => {
				const payment = await getPayment(providerRef);
				if (!payment || !('cancellations' in payment)) return false;
				return (payment.cancellations ?? []).some((c) => c.status === 'SUCCEEDED' && 'reason' in c && c.reason === reason);
			};
			if (await done()) return { ok: true };
			const payment = await getPayment(providerRef);
			if (!payment || !('amount' in payment)) throw new Error(`portone: payment ${providerRef} not found`);
			try {
				await client.cancelPayment({
					paymentId: providerRef,
					amount: amountKrw,
					reason,
					currentCancellableAmount: payment.amount.paid - payment.amount.cancelled
				});
			} catch (e) {
				if (errorType(e) === 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN' && (await done())) return { ok: true };
				throw e;
			}
			return { ok: true };
		}
	};
}
