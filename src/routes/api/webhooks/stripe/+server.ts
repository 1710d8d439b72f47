// POST /api/webhooks/stripe: Stripe's signed events (Checkout Sessions paid, expired, failed).
// Configure the endpoint in Stripe's dashboard with these event types and put its signing secret in
// STRIPE_WEBHOOK_SECRET. 404 when Stripe is not configured.
import * as ports from '$lib/server/ports';
import { receive } from '$lib/server/payments/webhook';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request }) => receive(ports.payments().get('stripe'), request);
