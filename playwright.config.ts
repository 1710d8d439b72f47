import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

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

// Several checkouts (or worktrees) on one machine run their journeys side by side on other ports.
const port = Number(process.env.E2E_PORT ?? 4173);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54341);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
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
