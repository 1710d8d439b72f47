// Payment port: how a buyer pays a milestone of an order. Adapters: bank transfer to the platform's
// account (the embedded default, how most Korean B2B pays, reconciled by the operator), Stripe
// Checkout in KRW (cards, e.g. overseas startups) and a Korean PG through PortOne V2. Several are on
// at once; the buyer chooses. Money effects never happen here: an adapter turns the provider's word
// (a verified webhook, a lookup, a statement line) into a `PaymentEvent`, and `payments.apply` records
// it once and moves the money in the database (private.apply_payment).

export type ProviderKind = 'bank_transfer' | 'stripe' | 'portone';

export interface StartInput {
	orderId: string;
	milestoneId: string;
	/** Whole won (KRW is zero-decimal for Stripe too). */
	amountKrw: number;
	/** The milestone's depositor reference (SL + 6), shown to the buyer and put in the provider's metadata. */
	reference: string;
	/** What the buyer sees on the provider's page: "SL-2026-000042 계약금". */
	description: string;
	buyerEmail?: string;
	/** Where the provider sends the buyer back (the order page). */
	returnUrl: string;
	/** One per attempt, so a retried start never creates two charges (≤ 255 characters). */
	idempotencyKey: string;
	locale: 'ko' | 'en';
}

export type StartResult =
	/** Card: send the buyer to the provider's page; providerRef identifies the attempt (Checkout Session id). */
	| { kind: 'redirect'; url: string; providerRef: string }
	/**
	 * PortOne: the browser opens the PG's payment window with PortOne's browser SDK
	 * (`PortOne.requestPayment(request)`); the amount was pre-registered on the server, so a changed
	 * amount in the browser is refused by PortOne. providerRef is the PortOne payment id.
	 */
	| { kind: 'portone'; providerRef: string; request: PortOneRequest }
	/** Bank transfer: show where to send how much with which depositor name. */
	| { kind: 'instructions'; bank: BankAccount; amountKrw: number; reference: string };

/** What `PortOne.requestPayment()` (browser SDK `@portone/browser-sdk/v2`) takes; nothing secret. */
export interface PortOneRequest {
	storeId: string;
	channelKey: string;
	paymentId: string;
	orderName: string;
	totalAmount: number;
	currency: 'CURRENCY_KRW';
	payMethod: 'CARD' | 'VIRTUAL_ACCOUNT';
	/** {order_id, milestone_id, reference}: PortOne stores it as JSON, read back with getPayment, never from the browser. */
	customData: Record<string, string>;
	redirectUrl: string;
	locale: 'KO_KR' | 'EN_US';
	customer?: { email?: string };
}

export interface BankAccount {
	bank: string;
	number: string;
	holder: string;
}

/** The provider's word about one attempt, verified. */
export type PaymentEvent =
	| {
			type: 'paid';
			/** The provider's event id (or a statement line's fingerprint): applied once. */
			eventId: string;
			providerRef: string;
			milestoneId: string;
			amountKrw: number;
			raw?: Record<string, unknown>;
	  }
	| { type: 'failed' | 'expired'; eventId: string; providerRef: string; raw?: Record<string, unknown> }
	/** Verified, but nothing we act on (another event type). */
	| { type: 'ignored'; eventId: string; raw?: Record<string, unknown> };

export type LookupResult =
	{ status: 'paid'; amountKrw: number; milestoneId: string } | { status: 'pending' | 'failed' | 'expired' } | { status: 'unknown' };

export interface PaymentProvider {
	readonly kind: ProviderKind;
	start(input: StartInput): Promise<StartResult>;
	/**
	 * Verifies a webhook on its raw body and headers and says what it means; throws
	 * `WebhookSignatureError` when the signature does not hold. Bank transfer has no webhooks.
	 */
	parseWebhook?(rawBody: string, headers: Headers): Promise<PaymentEvent[]>;
	/** Asks the provider about an attempt left pending (a missed webhook). */
	lookup(providerRef: string): Promise<LookupResult>;
	/** Gives money back; the key makes a retried refund a no-op. 'manual': the operator transfers it. */
	refund(input: { providerRef: string; amountKrw: number; idempotencyKey: string }): Promise<{ ok: true } | { ok: false; manual: true }>;
}

export class WebhookSignatureError extends Error {
	constructor(message = 'webhook signature does not verify') {
		super(message);
		this.name = 'WebhookSignatureError';
	}
}
