// Every state and error the quote state machine can show has a Korean and an English message, and the
// quotes message files (messages/quotes/*.json) say the same things in both languages.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUOTE_ERROR_KEYS, QUOTE_STATE_MESSAGE_KEYS } from './quote-states';

const root = path.resolve('messages');
type Variants = { match: Record<string, string> }[];
/** A message as text: a plural message (variants by count) is all of its variants' texts. */
const flat = (v: string | Variants) => (typeof v === 'string' ? v : v.flatMap((x) => Object.values(x.match)).join('\n'));
const read = (file: string): Record<string, string> =>
	Object.fromEntries(
		Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | Variants>).map(([k, v]) => [k, flat(v)])
	);

/** All messages of a locale, from messages/<locale>.json and every messages/<folder>/<locale>.json. */
function allMessages(locale: 'ko' | 'en'): Record<string, string> {
	const files = [path.join(root, `${locale}.json`)];
	for (const entry of readdirSync(root)) {
		const file = path.join(root, entry, `${locale}.json`);
		if (statSync(path.join(root, entry)).isDirectory()) files.push(file);
	}
	const all: Record<string, string> = {};
	for (const file of files) Object.assign(all, read(file));
	return all;
}

describe('quote messages', () => {
	const ko = read(path.join(root, 'quotes', 'ko.json'));
	const en = read(path.join(root, 'quotes', 'en.json'));

	it.each(['ko', 'en'] as const)('names every quote state and error in %s', (locale) => {
		const messages = allMessages(locale);
		const missing = [...QUOTE_STATE_MESSAGE_KEYS, ...QUOTE_ERROR_KEYS].filter(
			(k) => !(typeof messages[k] === 'string' && messages[k].trim())
		);
		expect(missing).toEqual([]);
	});

	it('keeps the state names and the transition errors in the quotes files, in both languages', () => {
		const own = [...QUOTE_STATE_MESSAGE_KEYS, 'err_illegal_transition', 'err_not_your_move'];
		expect(own.filter((k) => !(k in ko))).toEqual([]);
		expect(own.filter((k) => !(k in en))).toEqual([]);
	});

	it('has the same keys in Korean and English, none empty, with the same placeholders', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
		const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
		for (const key of Object.keys(ko).filter((k) => k !== '$schema')) {
			expect(ko[key].trim(), key).not.toBe('');
			expect(en[key].trim(), key).not.toBe('');
			expect(placeholders(en[key]), key).toEqual(placeholders(ko[key]));
		}
	});

	it('defines no key another message file defines too', () => {
		for (const locale of ['ko', 'en'] as const) {
			const mine = Object.keys(read(path.join(root, 'quotes', `${locale}.json`))).filter((k) => k !== '$schema');
			const others = [
				path.join(root, `${locale}.json`),
				...readdirSync(root)
					.filter((d) => d !== 'quotes' && statSync(path.join(root, d)).isDirectory())
					.map((d) => path.join(root, d, `${locale}.json`))
			];
			for (const file of others) {
				const theirs = read(file);
				expect(
					mine.filter((k) => k in theirs),
					file
				).toEqual([]);
			}
		}
	});
});
