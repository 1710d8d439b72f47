// Every message key the request modules hand to the UI exists in Korean and English, so no page ever
// shows a raw key such as `request_field_shoes_last` or `match_reason_distance`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MATCH_REASON_KEYS } from './matching';
import { COMPLETENESS_MESSAGE_KEYS, REQUEST_ERROR_KEYS, TEMPLATE_MESSAGE_KEYS } from './request-templates';
import { REQUEST_STATE_MESSAGE_KEYS } from './request-states';

type Variants = { match: Record<string, string> }[];
/** A message as text: a plural message (variants by count) is all of its variants' texts. */
const flat = (v: string | Variants) => (typeof v === 'string' ? v : v.flatMap((x) => Object.values(x.match)).join('\n'));
const load = (file: string): Record<string, string> =>
	Object.fromEntries(
		Object.entries(
			JSON.parse(readFileSync(new URL(`../../../messages/${file}`, import.meta.url), 'utf8')) as Record<string, string | Variants>
		).map(([k, v]) => [k, flat(v)])
	);

/** The shared files plus the request and matching modules' own: err_* keys may already live in messages/<locale>.json. */
const locales = {
	ko: { ...load('ko.json'), ...load('requests/ko.json'), ...load('matching/ko.json') },
	en: { ...load('en.json'), ...load('requests/en.json'), ...load('matching/en.json') }
};

const lists: Record<string, readonly string[]> = {
	TEMPLATE_MESSAGE_KEYS,
	COMPLETENESS_MESSAGE_KEYS,
	REQUEST_ERROR_KEYS,
	REQUEST_STATE_MESSAGE_KEYS,
	MATCH_REASON_KEYS
};

describe('request messages', () => {
	for (const [name, keys] of Object.entries(lists)) {
		for (const [locale, messages] of Object.entries(locales)) {
			it(`${locale} has every key of ${name}`, () => {
				expect(keys.length).toBeGreaterThan(0);
				const missing = keys.filter((k) => typeof messages[k] !== 'string' || messages[k].trim() === '');
				expect(missing).toEqual([]);
			});
		}
	}

	it.each(['requests', 'matching'])('the Korean and English %s files have the same keys', (folder) => {
		const ko = Object.keys(load(`${folder}/ko.json`)).sort();
		const en = Object.keys(load(`${folder}/en.json`)).sort();
		expect(en).toEqual(ko);
	});

	it.each(['requests', 'matching'])('a parameter used in Korean is used in English too (%s)', (folder) => {
		const ko = load(`${folder}/ko.json`);
		const en = load(`${folder}/en.json`);
		const params = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
		const differing = Object.keys(ko).filter((k) => k !== '$schema' && params(ko[k]).join() !== params(en[k] ?? '').join());
		expect(differing).toEqual([]);
	});
});
