import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rollback, testSql } from '../../../../tests/integration/db';
import { startSmtpDouble } from '../../../../tests/doubles/smtp';
import { parseConfig } from '../config';
import { mailContract } from './contract';
import { embeddedMail } from './embedded';
import { createMail } from './index';
import { drainMail, drainMails, MAIL_TOPIC } from './notifications';
import type { MailMessage, MailPort } from './port';
import { smtpMail } from './smtp';
import { notificationKinds, renderNotificationMail } from './templates';

mailContract(
	'embedded mail (dev mailbox)',
	async () => {
		const sql = testSql();
		return {
			mail: embeddedMail(() => sql),
			inbox: async (to) =>
				(
					await sql<{ subject: string; text: string; html: string | null }[]>`
					select subject, text, html from public.dev_mailbox where to_email = ${to} order by id`
				).map((r) => ({ ...r })),
			dispose: async (sentTo) => {
				await sql`delete from public.dev_mailbox where to_email = any(${sentTo})`;
			}
		};
	},
	{ readable: true }
);

mailContract(
	'smtp mail against the local SMTP double',
	async () => {
		const double = await startSmtpDouble();
		const mail = smtpMail({ url: double.url, from: 'Sogong Link <no-reply@sogong.link>' });
		return {
			mail,
			inbox: async (to) =>
				double.messages.filter((m) => m.envelope.to.includes(to)).map((m) => ({ subject: m.subject, text: m.text ?? '', html: m.html })),
			dispose: async () => {
				mail.close();
				await double.close();
			}
		};
	},
	{ readable: true }
);

mailContract(
	'smtp mail against the SMTP double with authentication',
	async () => {
		const double = await startSmtpDouble({ auth: { user: 'mailer', pass: 'p@ss:word' } });
		const mail = smtpMail({ url: double.url, from: 'no-reply@sogong.link' });
		return {
			mail,
			inbox: async (to) =>
				double.messages
					.filter((m) => m.envelope.to.includes(to) && m.user === 'mailer')
					.map((m) => ({ subject: m.subject, text: m.text ?? '', html: m.html })),
			dispose: async () => {
				mail.close();
				await double.close();
			}
		};
	},
	{ readable: true }
);

// A real server, only when one is configured. Mail goes to MAIL_TEST_TO (else the sender's own address).
const realUrl = process.env.SMTP_URL;
if (realUrl) {
	const from = process.env.MAIL_FROM || 'Sogong Link <no-reply@sogong.link>';
	const self = /<([^>]+)>/.exec(from)?.[1] ?? from;
	mailContract(
		'smtp mail against the configured SMTP server',
		async () => {
			const mail = smtpMail({ url: realUrl, from });
			return { mail, dispose: async () => mail.close() };
		},
		{ readable: false, recipient: () => process.env.MAIL_TEST_TO || self }
	);
} else {
	describe.skip('smtp mail against a real SMTP server: skipped, SMTP_URL is not set', () => {
		it('runs the mail contract against a real server', () => {});
	});
}

describe('smtp mail on the wire', () => {
	it('sends from MAIL_FROM to the one recipient, through the envelope too', async () => {
		const double = await startSmtpDouble();
		const mail = smtpMail({ url: double.url, from: 'Sogong Link <no-reply@sogong.link>' });
		try {
			await mail.send({ to: 'craftsman@example.test', subject: '제목', text: '본문' });
			expect(double.messages).toHaveLength(1);
			const [m] = double.messages;
			expect(m.envelope).toEqual({ from: 'no-reply@sogong.link', to: ['craftsman@example.test'] });
			expect(m.headers.from).toBe('Sogong Link <no-reply@sogong.link>');
			expect(m.headers.to).toBe('craftsman@example.test');
		} finally {
			mail.close();
			await double.close();
		}
	});

	it('reports a server that refuses the credentials, so the outbox retries', async () => {
		const double = await startSmtpDouble({ auth: { user: 'mailer', pass: 'right' } });
		const mail = smtpMail({ url: double.url.replace('right', 'wrong'), from: 'no-reply@sogong.link' });
		try {
			await expect(mail.send({ to: 'a@example.test', subject: 's', text: 't' })).rejects.toThrow(/Invalid username or password|535/);
			expect(double.messages).toEqual([]);
		} finally {
			mail.close();
			await double.close();
		}
	});

	it('reports a server that is not there', async () => {
		const double = await startSmtpDouble();
		await double.close();
		const mail = smtpMail({ url: double.url, from: 'no-reply@sogong.link' });
		await expect(mail.send({ to: 'a@example.test', subject: 's', text: 't' })).rejects.toThrow(/ECONNREFUSED/);
		mail.close();
	});
});

describe('mail configuration', () => {
	it('is the dev mailbox without SMTP_URL, and SMTP with it', () => {
		expect(parseConfig({}).mail).toEqual({ kind: 'embedded' });
		expect(parseConfig({ SMTP_URL: '' }).mail).toEqual({ kind: 'embedded' });
		expect(parseConfig({ SMTP_URL: 'smtps://user:pass@smtp.example.com:465' }).mail).toEqual({
			kind: 'smtp',
			url: 'smtps://user:pass@smtp.example.com:465',
			from: 'Sogong Link <no-reply@sogong.link>'
		});
		expect(parseConfig({ SMTP_URL: 'smtp://localhost:2525', MAIL_FROM: '소공링크 <hello@example.com>' }).mail).toMatchObject({
			from: '소공링크 <hello@example.com>'
		});
		expect(createMail(parseConfig({})).kind).toBe('embedded');
		expect(createMail(parseConfig({ SMTP_URL: 'smtp://localhost:2525' })).kind).toBe('smtp');
	});

	it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
		expect(() => parseConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
	});
});

// ---------------------------------------------------------------- mail for notifications

/** A port that remembers what it was given, and can be told to fail. */
function recordingMail(fail = false): MailPort & { sent: MailMessage[] } {
	const sent: MailMessage[] = [];
	return {
		kind: 'embedded',
		sent,
		async send(msg) {
			if (fail) throw new Error('connection refused');
			sent.push(msg);
		}
	};
}

type Tx = Parameters<Parameters<typeof rollback>[0]>[0];

/** The outbox worker drains as service_role (asService); so do these tests. */
const asService = (tx: Tx) =>
	tx`select set_config('request.jwt.claims', '{"role":"service_role"}', true), set_config('role', 'service_role', true)`;

async function notification(tx: Tx, opts: { kind?: string; email?: string | null; payload?: object; locale?: 'ko' | 'en' } = {}) {
	const user = randomUUID();
	await tx`insert into auth.users (id, email, raw_user_meta_data)
		values (${user}, ${opts.email === undefined ? `mail-${user}@example.test` : opts.email}, ${tx.json({ role: 'startup', locale: opts.locale ?? 'ko' })})`;
	const [n] = await tx<{ id: string }[]>`
		insert into public.notifications (user_id, kind, payload)
		values (${user}, ${opts.kind ?? 'quote'}, ${tx.json(
			(opts.payload ?? {
				request_id: randomUUID(),
				request_title: '알루미늄 브래킷 200개',
				workshop_name: '문래정밀',
				price_krw: 2400000,
				lead_time_days: 14
			}) as never
		)})
		returning id::text`;
	return { user, id: n.id, email: `mail-${user}@example.test` };
}

describe('drainMail', () => {
	it('mails a notification once, in the language the user signed up in, linking to its item', () =>
		rollback(async (tx) => {
			const n = await notification(tx);
			const [{ request_id: request }] = await tx<{ request_id: string }[]>`
				select payload->>'request_id' as request_id from public.notifications where id = ${n.id}`;
			const [queued] = await tx`select topic from public.outbox where key = ${n.id}`;
			expect(queued.topic).toBe(MAIL_TOPIC); // the trigger queued it with the notification
			await asService(tx);
			expect((await tx`select current_user as role`)[0].role).toBe('service_role');
			const mail = recordingMail();
			expect(await drainMail(tx, mail, n.id, { origin: 'https://sogong.link/' })).toBe('sent');
			expect(mail.sent).toEqual([
				{
					to: n.email,
					subject: '[소공링크] 새 견적이 도착했습니다 · 알루미늄 브래킷 200개',
					text: [
						'새 견적이 도착했습니다.',
						'의뢰: 알루미늄 브래킷 200개',
						'문래정밀 · 2,400,000원 · 납기 14일',
						`확인하기: https://sogong.link/requests/${request}/quotes?n=${n.id}`,
						'',
						'--',
						'소공링크 알림 메일입니다. 알림 설정에서 종류별로 메일을 끌 수 있습니다.'
					].join('\n')
				}
			]);
			const [row] = await tx`select emailed_at is not null as mailed from public.notifications where id = ${n.id}`;
			expect(row.mailed).toBe(true);
			expect(await drainMail(tx, mail, n.id)).toBe('already-sent');
			expect(mail.sent).toHaveLength(1);
		}));

	it('writes to an English reader in English only', () =>
		rollback(async (tx) => {
			const n = await notification(tx, { locale: 'en' });
			await asService(tx);
			const mail = recordingMail();
			expect(await drainMail(tx, mail, n.id, { origin: 'https://sogong.link' })).toBe('sent');
			expect(mail.sent[0].subject).toBe('[Sogong Link] You have received a new quote · 알루미늄 브래킷 200개');
			expect(mail.sent[0].text).toContain('문래정밀 · KRW 2,400,000 · 14 days');
			expect(mail.sent[0].text).toContain('Open: https://sogong.link/requests/');
			expect(mail.sent[0].text).not.toMatch(/알림|확인하기|납기/);
		}));

	it('sends a batch once each, skipping the opted-out, the sent and keys that are not notifications', () =>
		rollback(async (tx) => {
			const a = await notification(tx);
			const b = await notification(tx, { locale: 'en' });
			const off = await notification(tx);
			await tx`insert into public.notification_preferences (user_id, kind, email) values (${off.user}, 'quote', false)`;
			await asService(tx);
			const mail = recordingMail();
			const outcomes = await drainMails(tx, mail, [a.id, b.id, off.id, 'not-a-uuid'], { origin: 'https://sogong.link' });
			expect(Object.fromEntries(outcomes)).toEqual({ [a.id]: 'sent', [b.id]: 'sent', [off.id]: 'opted-out', 'not-a-uuid': 'missing' });
			expect(mail.sent.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
			expect(Object.fromEntries(await drainMails(tx, mail, [a.id, b.id]))).toEqual({ [a.id]: 'already-sent', [b.id]: 'already-sent' });
			expect(mail.sent).toHaveLength(2);
		}));

	it('sends nothing when the user turned the kind off after it was queued', () =>
		rollback(async (tx) => {
			const n = await notification(tx);
			await tx`insert into public.notification_preferences (user_id, kind, email) values (${n.user}, 'quote', false)`;
			await asService(tx);
			const mail = recordingMail();
			expect(await drainMail(tx, mail, n.id)).toBe('opted-out');
			expect(mail.sent).toEqual([]);
		}));

	it('leaves the notification unmailed when sending fails, so a retry sends it', () =>
		rollback(async (tx) => {
			const n = await notification(tx);
			await asService(tx);
			await expect(drainMail(tx, recordingMail(true), n.id)).rejects.toThrow(/connection refused/);
			const [row] = await tx`select emailed_at from public.notifications where id = ${n.id}`;
			expect(row.emailed_at).toBeNull();
			const mail = recordingMail();
			expect(await drainMail(tx, mail, n.id)).toBe('sent');
			expect(mail.sent).toHaveLength(1);
		}));

	it('writes to an English reader in English only', () =>
		rollback(async (tx) => {
			const n = await notification(tx, { locale: 'en' });
			await asService(tx);
			const mail = recordingMail();
			expect(await drainMail(tx, mail, n.id, { origin: 'https://sogong.link' })).toBe('sent');
			expect(mail.sent[0].subject).toBe('[Sogong Link] You have received a new quote · 알루미늄 브래킷 200개');
			expect(mail.sent[0].text).toContain('문래정밀 · KRW 2,400,000 · 14 days');
			expect(mail.sent[0].text).toContain('Open: https://sogong.link/requests/');
			expect(mail.sent[0].text).not.toMatch(/알림|확인하기|납기/);
		}));

	it('gives up quietly on what can never be sent: no such notification, a bad key, no address', () =>
		rollback(async (tx) => {
			const mail = recordingMail();
			expect(await drainMail(tx, mail, randomUUID())).toBe('missing');
			expect(await drainMail(tx, mail, 'not-a-uuid')).toBe('missing');
			const phone = await notification(tx, { email: null });
			await asService(tx);
			expect(await drainMail(tx, mail, phone.id)).toBe('no-address');
			expect(mail.sent).toEqual([]);
		}));

	it('keeps addresses from signed-in users: only the drain’s role reads them', () =>
		rollback(async (tx) => {
			const n = await notification(tx);
			await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: n.user, role: 'authenticated' })}, true),
				set_config('role', 'authenticated', true)`;
			await expect(tx.savepoint((sp) => sp`select private.user_email(${n.user})`)).rejects.toThrow(/permission denied/);
		}));

	it('lands in the dev mailbox through the embedded adapter', async () => {
		const sql = testSql();
		await rollback(async (tx) => {
			const n = await notification(tx, { kind: 'message', payload: { request_title: '브로슈어', excerpt: '내일 통화 가능하신가요?' } });
			await asService(tx);
			expect(
				await drainMail(
					tx,
					embeddedMail(() => sql),
					n.id
				)
			).toBe('sent');
			const rows = await sql`select subject, text from public.dev_mailbox where to_email = ${n.email}`;
			await sql`delete from public.dev_mailbox where to_email = ${n.email}`;
			expect(rows).toHaveLength(1);
			expect(rows[0].subject).toBe('[소공링크] 새 메시지가 도착했습니다 · 브로슈어');
			expect(rows[0].text).toContain('“내일 통화 가능하신가요?”');
		});
	});
});

describe('notification mail templates', () => {
	const payload = {
		request_title: '제목\r\nBcc: x@example.test',
		request_status: 'open',
		workshop_name: '공방',
		price_krw: 1000,
		lead_time_days: 3,
		revision_note: '조금만 낮춰 주세요',
		reason: '일정',
		note: '추천',
		excerpt: '안녕하세요'
	};
	for (const kind of notificationKinds) {
		it(`${kind}: a one-line subject and a text in the reader's language only`, () => {
			const ko = renderNotificationMail({ kind, payload }, { locale: 'ko' });
			const en = renderNotificationMail({ kind, payload: { ...payload, workshop_name: 'Studio' } }, { locale: 'en' });
			expect(ko.subject).toMatch(/^\[소공링크\] [^/]+$/);
			expect(en.subject).toMatch(/^\[Sogong Link\] [A-Z]/);
			for (const { subject } of [ko, en]) expect(subject).not.toMatch(/[\r\n]/);
			expect(ko.text).toContain('의뢰: 제목 Bcc: x@example.test');
			expect(ko.text).not.toMatch(/\b(Request|Open):/);
			// Only the user's own words (the title, notes) may be Korean in an English mail.
			expect(en.text.replace(/제목|조금만 낮춰 주세요|일정|추천|안녕하세요/g, '')).not.toMatch(/[가-힣]/);
		});
	}

	it('says why a quote was not selected', () => {
		const said = (request_status: string) =>
			renderNotificationMail({ kind: 'quote_not_selected', payload: { request_status } }, { locale: 'en' }).text;
		expect(said('awarded')).toContain('Another quote was selected');
		expect(said('cancelled')).toContain('The request was cancelled');
	});
});
