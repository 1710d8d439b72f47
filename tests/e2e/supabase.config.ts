import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { e2ePorts } from './ports';

// The journeys that need Supabase Auth: the app signs in through the GoTrue double (a process beside
// it, writing auth.users into the app's own database as GoTrue does in a Supabase project), with Kakao
// sign-in on. Run: npx vite build && npx playwright test -c tests/e2e/supabase.config.ts
// (ports from E2E_PORT / E2E_PG_PORT as for the other journeys: the app on E2E_PORT + 4000, its database
// on E2E_PG_PORT + 1, the double on E2E_PORT + 3000).
// Ports of their own: `npm run test:e2e` starts this app right after the other journeys' app and its
// database were told to stop, and a database still shutting down on the same port would be taken.
const main = e2ePorts();
const port = Number(process.env.E2E_SUPABASE_PORT ?? main.app + 4000);
const pgPort = Number(process.env.E2E_SUPABASE_PG_PORT ?? main.pg + 1);
const gotruePort = Number(process.env.E2E_GOTRUE_PORT ?? main.app + 3000);
const anonKey = 'anon-e2e-double';
const root = path.resolve(import.meta.dirname, '../..');
const launchOptions = existsSync('/usr/bin/chromium')
	? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] }
	: {};

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.supabase.ts',
	fullyParallel: true,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: { baseURL: `http://localhost:${port}`, locale: 'ko-KR', trace: 'retain-on-failure', screenshot: 'only-on-failure', launchOptions },
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
	webServer: [
		{
			command: 'node scripts/start.mjs --no-build --fresh',
			cwd: root,
			port,
			timeout: 120_000,
			reuseExistingServer: false,
			env: {
				PORT: String(port),
				DATA_DIR: '.data/e2e-supabase',
				EMBEDDED_PG_PORT: String(pgPort),
				ORIGIN: `http://localhost:${port}`,
				PUBLIC_SUPABASE_URL: `http://127.0.0.1:${gotruePort}`,
				PUBLIC_SUPABASE_ANON_KEY: anonKey,
				SUPABASE_KAKAO: '1'
			}
		},
		{
			command: 'node --import tsx tests/doubles/gotrue-server.ts',
			cwd: root,
			port: gotruePort,
			timeout: 30_000,
			reuseExistingServer: false,
			env: {
				GOTRUE_DOUBLE_PORT: String(gotruePort),
				GOTRUE_DOUBLE_ANON_KEY: anonKey,
				GOTRUE_DOUBLE_DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`
			}
		}
	]
});
