// The Stripe double's hosted checkout page, as a buyer paying by card meets it: a Checkout Session
// made with the app's key, the "결제하기 / Pay" button, the signed checkout.session.completed event
// delivered to the app's webhook (which verifies it and answers 200), and the way back to the app.
// The session names a milestone that does not exist, so the app records the event as unmatched.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { stripeTarget } from '../../src/lib/server/payments/stripe';
import { e2ePorts, e2eStripeKeys } from './ports';

const stripeBase = `http://127.0.0.1:${e2ePorts().stripe}`;

test('a card payment on the Stripe double reaches the app’s webhook and returns the buyer', async ({ page, baseURL }) => {
	const stripe = new Stripe(e2eStripeKeys.STRIPE_SECRET_KEY, stripeTarget(stripeBase));
	const session = await stripe.checkout.sessions.create({
		mode: 'payment',
		line_items: [{ quantity: 1, price_data: { currency: 'krw', unit_amount: 15000, product_data: { name: 'SL-2026-000001 계약금' } } }],
		metadata: { milestone_id: randomUUID(), order_id: randomUUID(), reference: 'SL000000' },
		success_url: `${baseURL}/?payment=stripe&session_id={CHECKOUT_SESSION_ID}`,
		cancel_url: `${baseURL}/`
	});
	await page.goto(session.url!);
	await expect(page.getByText('₩15,000')).toBeVisible();
	await page.getByRole('button', { name: '결제하기 / Pay' }).click();
	await expect(page).toHaveURL(new RegExp(`session_id=${session.id}`));
	const deliveries = (await (await fetch(`${stripeBase}/__double/deliveries`)).json()) as { eventId: string; status: number }[];
	expect(deliveries.at(-1)?.status).toBe(200);
	expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
});
