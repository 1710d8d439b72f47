import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { josa, particles, withJosa } from './particles';

type Final = 'none' | 'rieul' | 'other';
// Names as users register them, with how their last syllable sounds (decided by ear, not by the code).
const NAMES: [string, Final][] = [
	['성수공방', 'other'],
	['을지로 금속', 'other'],
	['명가주얼리', 'none'],
	['문래정밀', 'rieul'],
	['Studio Kim', 'other'],
	['Acme Lab', 'other'],
	['Hana', 'none'],
	['Sogong Link', 'none'],
	['Metal Stone', 'other'],
	['CNC', 'none'],
	['3D', 'none'],
	['공방1', 'rieul'],
	['공방 10', 'other'],
	['「새 초안」', 'other']
];

// The written pair → the form after a consonant / after a vowel / after ㄹ.
const FORMS: Record<string, [string, string, string]> = {
	'이(가)': ['이', '가', '이'],
	'을(를)': ['을', '를', '을'],
	'은(는)': ['은', '는', '은'],
	'과(와)': ['과', '와', '과'],
	'(으)로': ['으로', '로', '로'],
	'(이)라': ['이라', '라', '이라'],
	'아(야)': ['아', '야', '아'],
	'(이)나': ['이나', '나', '이나']
};
const expected = (notation: string, final: Final) => FORMS[notation][final === 'other' ? 0 : final === 'none' ? 1 : 2];

describe('josa', () => {
	it.each(NAMES)('%s takes the particle its sound asks for', (name, final) => {
		expect(withJosa(name, '이/가')).toBe(name + expected('이(가)', final));
		expect(josa(name, '을/를')).toBe(expected('을(를)', final));
		expect(josa(name, '으로/로')).toBe(expected('(으)로', final));
		expect(josa(name, '과/와')).toBe(expected('과(와)', final));
	});

	it('settles every pair written in a sentence and leaves other brackets alone', () => {
		expect(particles('문래정밀이(가) 「새 초안」을(를) 서울(으)로 보냈습니다 (2건)')).toBe(
			'문래정밀이 「새 초안」을 서울로 보냈습니다 (2건)'
		);
		expect(particles('명가주얼리와(과) 성수공방과(와)')).toBe('명가주얼리와 성수공방과');
		expect(particles('no pairs here')).toBe('no pairs here');
	});
});

// Every Korean message file of the project (project.inlang/settings.json lists them).
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const ko: Record<string, string> = {};
for (const p of settings['plugin.inlang.messageFormat'].pathPattern)
	Object.assign(ko, JSON.parse(readFileSync(p.replace('{locale}', 'ko'), 'utf8')) as Record<string, string>);
const NOTATION = Object.keys(FORMS)
	.map((n) => n.replace(/[()]/g, '\\$&'))
	.join('|');
// A placeholder, closing quotes, then a pair: where a name meets its particle.
const NAME_PAIR = new RegExp(`\\{(\\w+)\\}([」』”’]*)(${NOTATION})`, 'g');
const named = Object.entries(ko).filter(([key, text]) => key !== '$schema' && new RegExp(`\\}[」』”’]*(${NOTATION})`).test(text));
type MessageFn = (params: Record<string, string>, options: { locale: 'ko' }) => string;
const messages: Readonly<Record<string, unknown>> = m;
const isMessage = (v: unknown): v is MessageFn => typeof v === 'function';

describe('messages that put a name in a sentence', () => {
	it('are found (the notices of invitations, refusals and drafts)', () => {
		expect(named.map(([key]) => key)).toEqual(
			expect.arrayContaining([
				'notification_text_invitation',
				'notification_text_forwarded',
				'notification_text_participation_declined',
				'request_acting_for',
				'request_delete_title'
			])
		);
	});

	it('never fix a particle that depends on the name ("{request}」를")', () => {
		const fixed = new RegExp(`\\{\\w+\\}[」』”’]*(이|가|을|를|은|는|과|와|로|으로)(?![가-힣(])`);
		const offenders = Object.entries(ko).filter(([, text]) => typeof text === 'string' && fixed.test(text.replaceAll(/\{\w+\}에서/g, '')));
		expect(offenders).toEqual([]);
	});

	it.each(named)('%s reads right after every kind of name', (key, pattern) => {
		const fn = messages[key];
		if (!isMessage(fn)) throw new Error(`${key} is not a compiled message`);
		const params = [...pattern.matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
		for (const [name, final] of NAMES) {
			const rendered = particles(fn(Object.fromEntries(params.map((p) => [p, name])), { locale: 'ko' }));
			const want = pattern
				.replace(NAME_PAIR, (_, __: string, close: string, notation: string) => `${name}${close}${expected(notation, final)}`)
				.replace(/\{\w+\}/g, name);
			expect(rendered).toBe(want);
		}
	});
});

describe('notification mail that puts a name in a sentence', () => {
	it('gives every kind the particle its workshop name asks for', async () => {
		const { notificationKinds, renderNotificationMail } = await import('$lib/server/mail/templates');
		let named = 0;
		for (const kind of notificationKinds)
			for (const [name, final] of NAMES) {
				const { subject, text } = renderNotificationMail(
					{ kind, payload: { workshop_name: name, request_title: '브래킷', reason: '일정', price_krw: 1000, lead_time_days: 3 } },
					{ locale: 'ko' }
				);
				for (const mail of [subject, text]) {
					expect(mail).not.toMatch(new RegExp(NOTATION));
					for (const [, particle] of mail.matchAll(new RegExp(`${name.replace(/[()[\]]/g, '\\$&')}(이|가) `, 'g'))) {
						expect(particle).toBe(expected('이(가)', final));
						named++;
					}
				}
			}
		// Invitations, withdrawals and refusals name the workshop in their first line and subject.
		expect(named).toBeGreaterThanOrEqual(3 * NAMES.length * 2);
	});
});
