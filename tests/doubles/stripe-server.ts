// The Stripe double as a process, for the e2e journeys (a second webServer in playwright.config.ts)
// and for trying card payments by hand:
//   STRIPE_DOUBLE_PORT=12111 STRIPE_DOUBLE_WEBHOOK_URL=http://localhost:3000/api/webhooks/stripe \
//   STRIPE_SECRET_KEY=sk_test_local STRIPE_WEBHOOK_SECRET=whsec_local npx tsx tests/doubles/stripe-server.ts
// then start the app with the same STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and
// STRIPE_API_BASE=http://127.0.0.1:12111. Sessions live in memory until the process ends.
import { startStripeDouble } from './stripe';

const port = Number(process.env.STRIPE_DOUBLE_PORT ?? 12111);
const double = await startStripeDouble({
	port,
	webhookUrl: process.env.STRIPE_DOUBLE_WEBHOOK_URL,
	secretKey: process.env.STRIPE_SECRET_KEY ?? 'sk_test_local_double',
	webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_local_double'
});
console.log(`Stripe double → ${double.url} (webhooks to ${double.webhookUrl ?? 'nowhere'})`);
const stop = () => void double.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
