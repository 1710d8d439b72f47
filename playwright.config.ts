import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { e2ePortOneKeys, e2ePorts, e2eStripeKeys } from './tests/e2e/ports';

// Debian's chromium where it is installed (CI and this machine); Playwright's own browser elsewhere.
const debianChromium = '/usr/bin/chromium';
const launchOptions = existsSync(debianChromium)
	? {
			executablePath: debianChromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	: {};

const { app: port, pg: pgPort, stripe: stripePort, portone: portonePort } = e2ePorts();
// The Stripe double (tests/doubles/stripe-server.ts) beside the app: card payments open its hosted
// checkout page, whose Pay button sends the signed webhook to the app. Bank transfer stays first.
const stripe = e2eStripeKeys;
// The PortOne double likewise: the order page opens PortOne's window (played by the journeys, see
// tests/e2e/portone-payment.e2e.ts) and asks the double's API whether the payment went through.
const portone = e2ePortOneKeys;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	// Every journey makes its own accounts and data (tests/e2e/world.ts), so any order and any number of workers work.
	fullyParallel: true,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'ko-KR',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
	webServer: [
		{
			command: 'node scripts/start.mjs --no-build --fresh',
			port,
			timeout: 120_000,
			reuseExistingServer: false,
			env: {
				PORT: String(port),
				DATA_DIR: '.data/e2e',
				EMBEDDED_PG_PORT: String(pgPort),
				ORIGIN: `http://localhost:${port}`,
				...stripe,
				STRIPE_API_BASE: `http://127.0.0.1:${stripePort}`,
				...portone,
				PORTONE_API_BASE: `http://127.0.0.1:${portonePort}`
			}
		},
		{
			command: 'node --import tsx tests/doubles/stripe-server.ts',
			url: `http://127.0.0.1:${stripePort}/healthz`,
			timeout: 30_000,
			reuseExistingServer: false,
			env: { ...stripe, STRIPE_DOUBLE_PORT: String(stripePort), STRIPE_DOUBLE_WEBHOOK_URL: `http://localhost:${port}/api/webhooks/stripe` }
		},
		{
			command: 'node --import tsx tests/doubles/portone-server.ts',
			port: portonePort,
			timeout: 30_000,
			reuseExistingServer: false,
			env: {
				...portone,
				PORTONE_DOUBLE_PORT: String(portonePort),
				PORTONE_DOUBLE_WEBHOOK_URL: `http://localhost:${port}/api/webhooks/portone`
			}
		}
	]
});
