// ESLint flat config: typescript-eslint's type-checked rules for TypeScript and Svelte, formatting left to Prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', '.data/', 'src/lib/paraglide/', 'test-results/', 'playwright-report/', 'node_modules/']
	},
	js.configs.recommended,
	...ts.configs.recommendedTypeChecked,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: { allowDefaultProject: ['playwright.config.ts'], defaultProject: 'tsconfig.json' },
				extraFileExtensions: ['.svelte'],
				tsconfigRootDir: import.meta.dirname
			}
		},
		rules: {
			// TypeScript checks these itself, and better (svelte-check runs it over every file).
			'no-undef': 'off',
			// The app is served at the root (no kit.paths.base), so an absolute href is already resolved.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { parser: ts.parser, svelteConfig }
		}
	},
	{
		// Test doubles implement async ports with synchronous bodies; an async method without await is the point there.
		// Vitest types its asymmetric matchers (expect.stringMatching, expect.any) as any.
		files: ['**/*.test.ts', 'tests/**/*.ts'],
		rules: { '@typescript-eslint/require-await': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' }
	},
	{
		// The Playwright config is outside the app's TypeScript project (svelte-check leaves it alone too).
		files: ['playwright.config.ts'],
		...ts.configs.disableTypeChecked
	},
	{
		// Plain JavaScript config and scripts are outside the TypeScript project.
		files: ['**/*.js', '**/*.mjs'],
		...ts.configs.disableTypeChecked
	}
);
