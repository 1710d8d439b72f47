import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';

// The messages of the root layout and the error page: every page loads both, so their messages travel
// in one file instead of a file each (each message shared by a different set of pages would otherwise
// become its own chunk of a few dozen bytes). Measured by `npm run bench:script`.
const SHELL = ['src/routes/+layout.svelte', 'src/routes/+error.svelte', 'src/lib/components/NotificationBell.svelte'];
const shellMessages = new Set(SHELL.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bm\.(\w+)\(/g)].map((x) => x[1])));

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		})
	],
	environments: {
		client: {
			build: {
				rolldownOptions: {
					output: {
						codeSplitting: {
							groups: [
								{
									name: 'shell-messages',
									test: (id: string) => shellMessages.has(/paraglide[\\/]messages[\\/](\w+)\.js$/.exec(id)?.[1] ?? '')
								}
							]
						}
					}
				}
			}
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
