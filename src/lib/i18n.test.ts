// Every message key the app can show exists in Korean and in English. t() takes only compiled keys
// (MessageKey), so a typo fails `npm run check`; this test covers what the compiler cannot see:
// both languages of every key, the keys translate() builds from what the database holds, and the
// keys form actions answer with (superforms carries them as plain strings, see formText()).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { milestoneKinds } from '$lib/domain/money';
import { couriers, orderStates } from '$lib/domain/order-states';
import { notificationKinds } from '$lib/server/mail/templates';
import type { ProviderKind } from '$lib/server/payments/port';
import { errorText, hasErrorText, useEveryMessage } from './form-errors.svelte';
import { formText, msg, t, translate, type MessageKey } from './i18n';

type Variants = { match: Record<string, string> }[];
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
/** Every message of a locale, from every file project.inlang/settings.json lists (plural ones as their variants' texts). */
function messagesOf(locale: 'ko' | 'en'): Record<string, string> {
	const all: Record<string, string> = {};
	for (const p of settings['plugin.inlang.messageFormat'].pathPattern) {
		const file = JSON.parse(readFileSync(p.replace('{locale}', locale), 'utf8')) as Record<string, string | Variants>;
		for (const [key, v] of Object.entries(file))
			if (key !== '$schema') all[key] = typeof v === 'string' ? v : v.flatMap((x) => Object.values(x.match)).join('\n');
	}
	return all;
}
const locales = { ko: messagesOf('ko'), en: messagesOf('en') };
const missingIn = (keys: Iterable<string>) =>
	Object.fromEntries(
		Object.entries(locales).map(([locale, messages]) => [locale, [...new Set(keys)].filter((k) => !messages[k]?.trim()).sort()])
	);
const none = { ko: [], en: [] };

const migrations = readdirSync('supabase/migrations')
	.filter((f) => f.endsWith('.sql'))
	.map((f) => readFileSync(path.join('supabase/migrations', f), 'utf8'));
/** Every captured word of the pattern in the migrations (those that mention `about`), once each. */
const found = (re: RegExp, about = '') => [
	...new Set(
		migrations
			.filter((sql) => sql.includes(about))
			.flatMap((sql) => [...sql.matchAll(re)])
			.flatMap((x) => x.slice(1).filter(Boolean))
	)
];

/** The keys form actions answer with, found in src: refusals ('…err_…' wherever written), message(form, 'key') and setError's keys. */
function formAnswers(): { keys: string[]; errors: string[]; where: Record<string, string> } {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const p = path.join(dir, entry);
			if (statSync(p).isDirectory()) {
				if (entry !== 'paraglide') walk(p);
			} else if (/\.(ts|svelte)$/.test(entry) && !/\.test\.ts$/.test(entry)) files.push(p);
		}
	};
	walk('src');
	const keys: string[] = [];
	const errors: string[] = [];
	const where: Record<string, string> = {};
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		// refusals: 'err_…', 'request_err_…', 'counseling_import_err_…' wherever written (schemas, setError, fail, domain results)
		const refusals = [...text.matchAll(/'((?:[a-z0-9]+_)*err_[a-z0-9_]+)'/g)].map((x) => x[1]);
		// setError(form, 'field', 'key') and setError(form, 'key')
		const set = [...text.matchAll(/\bsetError\(\s*[^,']+,\s*(?:'[^']*',\s*'([a-z0-9_]+)'|'([a-z0-9_]+)'\s*(?:\)|,\s*\{))/g)].map(
			(x) => x[1] ?? x[2]
		);
		// answers: message(form, 'key')
		const answers = [...text.matchAll(/\bmessage\([^,()]+(?:\([^()]*\))?,\s*'([a-z0-9_]+)'/g)].map((x) => x[1]);
		for (const k of [...refusals, ...set, ...answers]) {
			keys.push(k);
			where[k] ??= file;
		}
		errors.push(...refusals, ...set);
	}
	return { keys, errors: [...new Set(errors)], where };
}

describe('message keys', () => {
	it('every message t() accepts is written in Korean and in English', () => {
		const compiled = Object.keys(m);
		expect(compiled.length).toBeGreaterThan(1000);
		expect(missingIn(compiled)).toEqual(none);
		expect(Object.keys(locales.en).filter((k) => !(k in locales.ko))).toEqual([]);
	});

	it('t() and translate() say the same; an unknown key shows itself; formText() shows nothing for no answer', () => {
		expect(t('account_hello', { name: 'Kim' })).toBe(translate('account_hello', { name: 'Kim' }));
		expect(translate('no_such_message_key')).toBe('no_such_message_key');
		expect(translate('toString')).toBe('toString');
		expect(formText('err_too_long')).toBe(t(msg('err_too_long')));
		expect([formText(undefined), formText(null), formText(''), formText({ key: 'x' })]).toEqual(['', '', '', '']);
	});

	it('every key a form action can answer with is written in both languages (superforms carries them untyped)', () => {
		const { keys, where } = formAnswers();
		expect(keys.length).toBeGreaterThan(300);
		// Answers that only mark which form answered, never shown as text.
		const markers = new Set(['saved', 'read', 'curated']);
		const missing = missingIn(keys.filter((k) => !markers.has(k)));
		expect(Object.fromEntries(Object.entries(missing).map(([l, ks]) => [l, ks.map((k) => `${k} (${where[k]})`)]))).toEqual(none);
	});

	it('every error a form can answer with has its text where FieldError and FormAlert look (not every message)', () => {
		const { errors, where } = formAnswers();
		expect(errors.length).toBeGreaterThan(150);
		expect(errors.filter((k) => !hasErrorText(k)).map((k) => `${k} (${where[k]})`)).toEqual([]);
		expect(errorText('err_too_long')).toBe(t('err_too_long'));
		expect([errorText('no_such_key'), errorText(undefined)]).toEqual(['no_such_key', '']);
		// A key outside the list: the server translates it from every message (hooks.server.ts hands them in).
		expect(errorText('reset_request_sent')).toBe('reset_request_sent');
		useEveryMessage(translate);
		expect(errorText('reset_request_sent')).toBe(t('reset_request_sent'));
		// The list is current with the message files (npm run i18n writes it).
		const current = execFileSync(process.execPath, ['scripts/form-errors.mjs', '--print'], { encoding: 'utf8' });
		expect(readFileSync('src/lib/form-errors.generated.ts', 'utf8'), 'run npm run i18n').toBe(current);
	});

	it('the notifications page has a text for every notification the database can hold', () => {
		// The order moves the orders trigger writes (order_events.kind and the notification's move).
		const moves = found(
			/when '[a-z_]+' then (?:case when actor is null then '([a-z_]+)' else )?'([a-z_]+)'(?!')/g,
			'public.order_events'
		).filter((x) => (orderStates as readonly string[]).concat(['auto_confirmed', 'confirmed', 'started']).includes(x));
		expect(moves).toEqual(expect.arrayContaining(['cancelled', 'shipped', 'auto_confirmed', 'confirmed']));
		const reminders = found(/'reminder', '([a-z_]+)'|"reminder":"([a-z_]+)"/g);
		expect(reminders).toEqual(expect.arrayContaining(['deposit', 'auto_confirm']));
		const support = found(/'support', '([a-z_]+)'/g);
		expect(support).toEqual(expect.arrayContaining(['penalty', 'application_decided', 'counseling_requested']));
		const keys: string[] = [];
		for (const kind of notificationKinds) {
			keys.push(`notification_kind_${kind}`);
			if (kind === 'order') keys.push(...moves.map((x) => `notification_text_order_${x}`));
			else if (kind === 'order_reminder') keys.push(...reminders.map((x) => `notification_text_order_reminder_${x}`));
			else if (kind === 'order_payment')
				keys.push(
					'notification_text_order_payment',
					'notification_text_order_payment_started',
					...milestoneKinds.map((x) => `order_milestone_${x}`)
				);
			else if (kind === 'support')
				keys.push(
					'notification_text_support',
					...support.flatMap((x) =>
						x === 'application_decided'
							? ['notification_text_support_application_approved', 'notification_text_support_application_rejected']
							: x === 'penalty'
								? ['notification_text_support_penalty_no_show', 'notification_text_support_penalty_late']
								: [`notification_text_support_${x}`]
					)
				);
			else if (kind === 'application_decided')
				keys.push(...['approved', 'rejected', 'left'].map((x) => `notification_text_application_${x}`));
			else if (kind === 'message') keys.push('notification_text_message', 'notification_text_inquiry');
			else keys.push(`notification_text_${kind}`);
		}
		expect(missingIn(keys)).toEqual(none);
	});

	it("an order's timeline has a text for every event, milestone, payment provider and courier", () => {
		const events = found(
			/when '[a-z_]+' then (?:case when actor is null then '([a-z_]+)' else )?'([a-z_]+)'(?!')/g,
			'public.order_events'
		).concat(found(/insert into public\.order_events \([^)]*\)\s*values \([^,]+, '([a-z_]+)'/g));
		expect(events).toEqual(expect.arrayContaining(['created', 'paid', 'shipped', 'confirmed']));
		// Every provider, checked by the compiler: a new ProviderKind fails here until it is listed.
		const providers: Record<ProviderKind, true> = { bank_transfer: true, stripe: true, portone: true };
		const keys: MessageKey[] = [
			...milestoneKinds.map((x) => `order_milestone_${x}` as const),
			...couriers.map((x) => `courier_${x}` as const)
		];
		expect(
			missingIn([...events.map((x) => `order_event_${x}`), ...Object.keys(providers).map((x) => `payment_via_${x}`), ...keys])
		).toEqual(none);
	});

	it('the audit trail names every action its triggers write', () => {
		const actions = found(/'((?:application|member|request|cluster|manager|user|announcement|roster)\.[a-z_]+)'/g).concat(
			['pending', 'approved', 'rejected'].map((x) => `application.${x}`)
		);
		expect(actions.length).toBeGreaterThan(15);
		expect(missingIn(actions.map((a) => `console_audit_${a.replace('.', '_')}`))).toEqual(none);
	});
});
