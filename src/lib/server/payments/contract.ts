// The behaviour every payment adapter must show. payments.test.ts runs it against bank transfer,
// Stripe and PortOne (against their protocol doubles, and against real test mode when keys are set).
// No database: the adapter only turns the provider's word into PaymentEvents and LookupResults.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookSignatureError, type PaymentProvider, type StartInput, type StartResult } from './port';

export interface SignedWebhook {
	body: string;
	headers: Headers;
}

export interface PaymentSubject {
	provider: PaymentProvider;
	/** Whether lookup can tell an attempt it never saw (bank transfer cannot: the statement tells). */
	knowsAttempts: boolean;
	/** Refunds are the operator's bank transfers, not an API call (bank transfer). */
	manualRefunds?: boolean;
	/** The buyer pays on the provider's page; answers the webhook the provider sends. Not against real services. */
	pay?: (started: StartResult) => Promise<SignedWebhook>;
	/** A correctly signed webhook of a kind we do not act on. */
	unrelatedWebhook?: () => SignedWebhook;
	/** What the provider really gave back for an attempt (the double's books). */
	refundedKrw?: (providerRef: string) => number;
	dispose?: () => Promise<void>;
}

const refOf = (r: StartResult) => (r.kind === 'instructions' ? null : r.providerRef);

export function paymentContract(title: string, open: () => Promise<PaymentSubject>): void {
	describe(title, () => {
		let subject: PaymentSubject;
		const provider = () => subject.provider;
		const input = (over: Partial<StartInput> = {}): StartInput => ({
			orderId: randomUUID(),
			milestoneId: randomUUID(),
			amountKrw: 1_000_001,
			reference:
				'SL' +
				randomUUID()
					.replace(/[^0-9]/g, '')
					.slice(0, 6)
					.padEnd(6, '7'),
			description: 'SL-2026-000042 계약금',
			buyerEmail: 'buyer@example.com',
			returnUrl: 'http://localhost:5173/orders/00000000-0000-4000-8000-000000000001',
			idempotencyKey: `contract-${randomUUID()}`,
			locale: 'ko',
			...over
		});

		beforeAll(async () => {
			subject = await open();
		});
		afterAll(async () => {
			await subject?.dispose?.();
		});

		it('starts an attempt for the exact amount in whole won (1,000,001 stays 1,000,001)', async () => {
			const started = await provider().start(input());
			if (started.kind === 'instructions') {
				expect(started.amountKrw).toBe(1_000_001);
				expect(started.reference).toMatch(/^SL/);
				expect(started.bank.number).not.toBe('');
			} else if (started.kind === 'redirect') {
				expect(started.url).toMatch(/^https?:\/\//);
				expect(started.providerRef).not.toBe('');
			} else {
				expect(started.request.totalAmount).toBe(1_000_001);
				expect(started.request.paymentId).toBe(started.providerRef);
			}
		});

		it('is the same attempt when started again with the same idempotency key, another with a new key', async () => {
			const first = input();
			const a = await provider().start(first);
			const b = await provider().start(first);
			expect(refOf(b)).toBe(refOf(a));
			const c = await provider().start({ ...first, idempotencyKey: `contract-${randomUUID()}` });
			if (refOf(a) !== null) expect(refOf(c)).not.toBe(refOf(a));
			else expect(c).toEqual(a);
		});

		it('says an attempt just started is pending', async () => {
			const started = await provider().start(input());
			expect(await provider().lookup(refOf(started) ?? 'statement:none')).toEqual({ status: 'pending' });
		});

		it('says "unknown" for an attempt it never made, when it can know', async () => {
			const found = await provider().lookup(subject.knowsAttempts ? `never-made-${randomUUID()}` : 'statement:none');
			expect(found.status).toBe(subject.knowsAttempts ? 'unknown' : 'pending');
		});

		it('refuses a webhook whose signature does not hold, and one without a signature', async ({ skip }) => {
			const parse = provider().parseWebhook?.bind(provider());
			if (!parse || !subject.unrelatedWebhook) return skip('this provider has no webhooks');
			const good = subject.unrelatedWebhook();
			await expect(parse(good.body.replace('}', ', "tampered": true}'), good.headers)).rejects.toBeInstanceOf(WebhookSignatureError);
			await expect(parse(good.body, new Headers({ 'content-type': 'application/json' }))).rejects.toBeInstanceOf(WebhookSignatureError);
			const [event] = await parse(good.body, good.headers);
			expect(event.type).toBe('ignored');
			expect(event.eventId).not.toBe('');
		});

		it('turns the webhook of a payment into one "paid" event for that milestone and amount; lookup agrees', async ({ skip }) => {
			if (!subject.pay) return skip('paying needs a buyer on the provider page (doubles only)');
			const start = input({ amountKrw: 333_334 });
			const started = await provider().start(start);
			const webhook = await subject.pay(started);
			const events = await provider().parseWebhook!(webhook.body, webhook.headers);
			expect(events).toEqual([
				expect.objectContaining({ type: 'paid', milestoneId: start.milestoneId, amountKrw: 333_334, providerRef: refOf(started) })
			]);
			// The same delivery again carries the same event id: applied once (private.apply_payment).
			const again = await provider().parseWebhook!(webhook.body, webhook.headers);
			expect(again[0].eventId).toBe(events[0].eventId);
			expect(await provider().lookup(refOf(started)!)).toEqual({ status: 'paid', amountKrw: 333_334, milestoneId: start.milestoneId });
		});

		it('gives part of a payment back once, however often the refund is retried with its key', async ({ skip }) => {
			if (subject.manualRefunds) {
				const done = await provider().refund({ providerRef: 'statement:x', amountKrw: 1000, idempotencyKey: `refund-${randomUUID()}` });
				expect(done).toEqual({ ok: false, manual: true });
				return;
			}
			if (!subject.pay) return skip('refunds need a paid attempt (doubles only)');
			const started = await provider().start(input({ amountKrw: 500_000 }));
			await subject.pay(started);
			const key = `refund-${randomUUID()}`;
			const ref = refOf(started)!;
			expect(await provider().refund({ providerRef: ref, amountKrw: 200_000, idempotencyKey: key })).toEqual({ ok: true });
			expect(await provider().refund({ providerRef: ref, amountKrw: 200_000, idempotencyKey: key })).toEqual({ ok: true });
			expect(subject.refundedKrw?.(ref)).toBe(200_000);
			// Another refund (another key) of the rest is a second refund.
			expect(await provider().refund({ providerRef: ref, amountKrw: 300_000, idempotencyKey: `refund-${randomUUID()}` })).toEqual({
				ok: true
			});
			expect(subject.refundedKrw?.(ref)).toBe(500_000);
		});
	});
}
