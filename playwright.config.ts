import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { e2ePorts } from './tests/e2e/ports';

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

const { app: port, pg: pgPort } = e2ePorts();

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
	webServer: {
		command: 'node scripts/start.mjs --no-build --fresh',
		port,
		timeout: 120_000,
		reuseExistingServer: false,
		env: { PORT: String(port), DATA_DIR: '.data/e2e', EMBEDDED_PG_PORT: String(pgPort), ORIGIN: `http://localhost:${port}` }
	}
});
