// The app's and its embedded database's ports for the journeys: several checkouts (or worktrees) on one
// machine run their journeys side by side on other ports. The Stripe double listens beside the app.
// Every default (and E2E_PG_PORT + 1 for the Supabase journeys) is below Linux's ephemeral range
// (32768-60999): a port in it can be the source port of any connection the run makes, and the
// database was once refused its port (54342) by Playwright's own connection to the app.
export function e2ePorts(): { app: number; pg: number; stripe: number; portone: number } {
	const app = Number(process.env.E2E_PORT ?? 4173);
	return {
		app,
		pg: Number(process.env.E2E_PG_PORT ?? 25341),
		stripe: Number(process.env.E2E_STRIPE_PORT ?? app + 1000),
		portone: Number(process.env.E2E_PORTONE_PORT ?? app + 2000)
	};
}

/** The keys the app and the Stripe double share in the journeys (test doubles only, nothing real). */
export const e2eStripeKeys = { STRIPE_SECRET_KEY: 'sk_test_e2e_double', STRIPE_WEBHOOK_SECRET: 'whsec_e2e_double' };

/** The same for PortOne (the webhook secret is whsec_ + base64, as PortOne's console shows it). */
export const e2ePortOneKeys = {
	PORTONE_API_SECRET: 'portone-e2e-double',
	PORTONE_WEBHOOK_SECRET: `whsec_${Buffer.from('e2e-double-webhook-secret-24b').toString('base64')}`,
	PORTONE_STORE_ID: 'store-e2e-double',
	PORTONE_CHANNEL_KEY: 'channel-key-e2e-double'
};
