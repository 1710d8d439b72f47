// Every form action of the app takes random and hostile input without a server error, as each kind of
// user (property-based, fast-check): empty and huge fields, numbers that are not, injection strings,
// control characters, ids that are not ids, posted as a browser posts (urlencoded or multipart, from
// the app's own origin). The actions are found in the code (src/routes/**/+page.server.ts), so a new
// one is covered by being written. A refusal is any answer below 500: a form error, a redirect, 403,
// 404. (What each refusal says, and that nothing is half-written, is what each feature's tests check.)
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './world';

function pageServers(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return pageServers(full);
		return name === '+page.server.ts' ? [full] : [];
	});
}

/** Route and action names, with ids that may or may not exist (a random uuid, a real cluster slug). */
const ACTIONS = pageServers('src/routes').flatMap((file) => {
	const source = readFileSync(file, 'utf8');
	const block = source.split('export const actions')[1];
	if (!block) return [];
	const route = path
		.dirname(file)
		.replace(/^src\/routes/, '')
		.replace(/\/\([^)]*\)/g, '')
		.replace(/\[\.\.\.[^\]]+\]/g, 'x')
		.replace(/\[(\w*slug\w*)\]/gi, 'mullae-machine-metal')
		.replace(/\[[^\]]+\]/g, () => randomUUID());
	const names = [...block.matchAll(/^\t(\w+): async/gm)].map((m) => m[1]);
	return names.map((action) => ({ route: route || '/', action }));
});

const FIELDS = [
	'title',
	'body',
	'name_ko',
	'name_en',
	'email',
	'password',
	'quantity',
	'price_krw',
	'vat_krw',
	'deposit_krw',
	'id',
	'ids',
	'workshopId',
	'clusterId',
	'requestId',
	'note',
	'reason',
	'message',
	'start',
	'slots',
	'amount_krw',
	'deadline',
	'lat',
	'lng',
	'address_ko',
	'delivery_place',
	'template',
	'visibility',
	'status',
	'op',
	'to',
	'kind',
	'topic',
	'redirectTo',
	'locale',
	'submission_key',
	'code',
	'token',
	'confirmed',
	'intent',
	'move',
	'tracking_number',
	'courier',
	'rating_quality',
	'week'
];
const hostile = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.constantFrom('', ' ', '-1', '0', '1e309', 'NaN', 'Infinity', '9'.repeat(40), '2026-02-30', 'null', '[]', '{}', 'true'),
	fc.constantFrom("' or 1=1 --", '"; drop table requests; --', '<script>alert(1)</script>', '\u0000', '\r\nBcc: x@example.test'),
	fc.constantFrom('//evil.example/x', '/\\evil.example', 'javascript:alert(1)', randomUUID(), 'a'.repeat(5000))
);
const form = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ minLength: 1, maxLength: 12 })), hostile, { maxKeys: 8 });

async function postAll(page: Page, who: string) {
	const origin = new URL(page.url()).origin;
	const failures: string[] = [];
	for (const { route, action } of ACTIONS) {
		await fc
			.assert(
				fc.asyncProperty(form, fc.boolean(), async (fields, multipart) => {
					const url = action === 'default' ? route : `${route}?/${action}`;
					const answer = await page.request.post(url, {
						headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
						maxRedirects: 0,
						...(multipart ? { multipart: fields } : { form: fields })
					});
					if (answer.status() >= 500) failures.push(`${who} ${url} ${JSON.stringify(fields).slice(0, 300)} → ${answer.status()}`);
					return answer.status() < 500;
				}),
				{ numRuns: 6, endOnFailure: true }
			)
			.catch(() => {});
	}
	expect(failures).toEqual([]);
}

// Endpoints that take a POST body (every +server.ts under src/routes), with the same placeholder ids.
function serverFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return serverFiles(full);
		return name === '+server.ts' ? [full] : [];
	});
}
const ENDPOINTS = serverFiles('src/routes')
	.filter((file) => /export (const|async function) POST/.test(readFileSync(file, 'utf8')))
	.map((file) =>
		path
			.dirname(file)
			.replace(/^src\/routes/, '')
			.replace(/\[[^\]]+\]/g, () => randomUUID())
	);
const bodyArb = fc.oneof(
	fc.json(),
	fc.jsonValue().map((v) => JSON.stringify(v)),
	fc.string(),
	fc.constantFrom('', '{', 'null', '[]', '{"path": "//evil.example"}', '{"kind":"view","ids":["x"]}', 'a'.repeat(100_000))
);

test('hostile bodies to every POST endpoint answer without a server error, signed in or not', async ({ page, world }) => {
	expect(ENDPOINTS.length).toBeGreaterThanOrEqual(5);
	await page.goto('/');
	const origin = new URL(page.url()).origin;
	const failures: string[] = [];
	const round = async (who: string) => {
		for (const url of ENDPOINTS)
			await fc
				.assert(
					fc.asyncProperty(
						bodyArb,
						fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
						async (body, type) => {
							const answer = await page.request.post(url, { headers: { origin, 'content-type': type }, data: body, maxRedirects: 0 });
							if (answer.status() >= 500) failures.push(`${who} ${url} ${body.slice(0, 200)} → ${answer.status()}`);
							return answer.status() < 500;
						}
					),
					{ numRuns: 10, endOnFailure: true }
				)
				.catch(() => {});
	};
	await round('anon');
	await signInAs(page, await world.startup());
	await round('startup');
	expect(failures).toEqual([]);
});

test.describe('hostile input to every form action', () => {
	test.setTimeout(240_000);

	test('anonymous', async ({ page }) => {
		expect(ACTIONS.length).toBeGreaterThan(40);
		await page.goto('/');
		await postAll(page, 'anon');
	});

	test('a craftsman', async ({ page, world }) => {
		await signInAs(page, await world.craftsman());
		await postAll(page, 'craftsman');
	});

	test('a startup', async ({ page, world }) => {
		await signInAs(page, await world.startup());
		await postAll(page, 'startup');
	});

	test('a cluster manager', async ({ page, world }) => {
		await signInAs(page, await world.manager('mullae-machine-metal'));
		await postAll(page, 'manager');
	});
});
