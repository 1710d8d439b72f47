// Quotes, conversations and notifications through the app's data modules on the real database, as the
// seeded users with real claims (RLS on): startup1 (메탈웨어랩) posts a public machine-metal request;
// craftsman3 (대성정밀, Mullae) and craftsman1 (명가주얼리, Jongno) quote on it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as conversations from '../../src/lib/server/conversations';
import { withUser, type Claims, type Tx } from '../../src/lib/server/db';
import * as notifications from '../../src/lib/server/notifications';
import * as quotes from '../../src/lib/server/quotes';
import type { StoragePort } from '../../src/lib/server/storage/port';
import { purgeOrders, testSql } from './db';

const S = '00000000-0000-4000-8000-000000000e01'; // startup1, owns 메탈웨어랩
const COMPANY = '00000000-0000-4000-8000-00000000d001';
const A = '00000000-0000-4000-8000-000000000b03'; // craftsman3, owns 대성정밀
const WA = '00000000-0000-4000-8000-00000000f301';
const B = '00000000-0000-4000-8000-000000000b01'; // craftsman1, owns 명가주얼리
const WB = '00000000-0000-4000-8000-00000000f101';

const claims = (sub: string): Claims => ({ sub, role: 'authenticated' });
const as = <T>(user: string, fn: (tx: Tx) => Promise<T>) => withUser(claims(user), fn);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Files kept in memory: what the storage port was given. */
function memoryStorage(): StoragePort & { files: Map<string, Uint8Array> } {
	const files = new Map<string, Uint8Array>();
	return {
		kind: 'disk',
		files,
		async put(path, data) {
			files.set(path, data);
		},
		async get(path) {
			const data = files.get(path);
			return data ? { data, contentType: 'application/octet-stream' } : null;
		},
		async remove(paths) {
			for (const p of paths) files.delete(p);
		}
	};
}

async function postRequest(title: string): Promise<string> {
	return as(S, async (tx) => {
		const [r] = await tx<{ id: string }[]>`
			insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility)
			values (${S}, ${COMPANY}, 'machine_metal', '259', ${title}, '알루미늄 6061 브래킷, 공차 ±0.05mm, 아노다이징', 200, 'open', 'public')
			returning id`;
		return r.id;
	});
}

async function notificationsAbout(user: string, requestId: string) {
	return as(user, async (tx) => (await notifications.list(tx, user, { limit: 200 })).filter((n) => n.payload.request_id === requestId));
}

/** Terms at a supply price: VAT on top, the smallest deposit, no sample step. */
const termsAt = (price: number) => {
	const vat = Math.floor(price / 10);
	return {
		price_krw: price,
		vat_krw: vat,
		vat_included: false,
		deposit_krw: Math.ceil((price + vat) / 10),
		sample_krw: 0,
		line_items: [],
		lead_time_days: 14,
		valid_until: inDays(20),
		notes: '소재 포함, 부가세 별도'
	};
};
const terms = termsAt(2_400_000);
const created: string[] = [];

beforeAll(() => {
	testSql();
});

afterAll(async () => {
	const sql = testSql();
	// Notifications are not tied to requests by a key; remove the ones these tests caused, and their mail.
	const ids = (
		await sql<{ id: string }[]>`
		select id from public.notifications where payload ->> 'request_id' = any(${created})`
	).map((r) => r.id);
	await sql`delete from public.outbox where topic = 'mail.notification' and key = any(${ids})`;
	await sql`delete from public.notifications where id = any(${ids}::uuid[])`;
	await purgeOrders(sql, created);
	await sql`delete from public.requests where id = any(${created}::uuid[])`;
});

describe('a quote from submission to award', () => {
	let request: string;
	let qa: string;
	let qb: string;

	beforeAll(async () => {
		request = await postRequest(`브래킷 200개 ${randomUUID().slice(0, 6)}`);
		created.push(request);
		const a = await as(A, (tx) => quotes.submit(tx, { requestId: request, workshopId: WA, userId: A, ...terms }));
		const b = await as(B, (tx) => quotes.submit(tx, { requestId: request, workshopId: WB, userId: B, ...termsAt(2_900_000) }));
		if (!a.ok || !b.ok) throw new Error(`quotes not sent: ${JSON.stringify([a, b])}`);
		qa = a.id;
		qb = b.id;
	});

	it('joins a public request as a participant before quoting, and tells the owner', async () => {
		const joined = await testSql()<{ workshop_id: string; source: string }[]>`
			select workshop_id, source from public.request_participants where request_id = ${request} order by workshop_id`;
		expect(joined).toEqual(
			[
				{ workshop_id: WA, source: 'self' },
				{ workshop_id: WB, source: 'self' }
			].sort((x, y) => x.workshop_id.localeCompare(y.workshop_id))
		);
		expect((await notificationsAbout(S, request)).map((n) => n.kind)).toEqual(['quote', 'quote']);
	});

	it('shows a craftsman only its own workshop’s quote, and the owner all of them', async () => {
		const seenByA = await as(A, (tx) => quotes.forRequest(tx, request));
		expect(seenByA.map((q) => q.id)).toEqual([qa]);
		expect(await as(A, (tx) => quotes.forWorkshop(tx, request, WB))).toEqual([]);
		expect(await as(A, (tx) => quotes.byId(tx, qb))).toBeNull();
		const seenByOwner = await as(S, (tx) => quotes.forRequest(tx, request));
		expect(seenByOwner.map((q) => [q.workshop_name_ko, q.price_krw, q.state])).toEqual([
			['대성정밀', 2_400_000, 'submitted'],
			['명가주얼리', 2_900_000, 'submitted']
		]);
	});

	it('refuses a second live quote from the same workshop', async () => {
		const again = await as(A, (tx) => quotes.submit(tx, { requestId: request, workshopId: WA, userId: A, ...terms }));
		expect(again).toEqual({ ok: false, error: 'err_quote_exists' });
	});

	it('explains a move that is not the caller’s, and the database refuses it even when the app is fooled', async () => {
		const quote = (await as(A, (tx) => quotes.byId(tx, qa)))!;
		expect(await as(A, (tx) => quotes.move(tx, { quote, move: 'accept', actor: 'workshop' }))).toEqual({
			ok: false,
			error: 'err_not_your_move'
		});
		// The workshop's actor claims to be the startup: the trigger still says no (42501).
		expect(await as(A, (tx) => quotes.move(tx, { quote, move: 'accept', actor: 'startup' }))).toEqual({
			ok: false,
			error: 'err_not_your_move'
		});
		expect((await as(S, (tx) => quotes.byId(tx, qa)))!.status).toBe('submitted');
	});

	it('needs a note to ask for a revision', async () => {
		const quote = (await as(S, (tx) => quotes.byId(tx, qa)))!;
		expect(await as(S, (tx) => quotes.move(tx, { quote, move: 'request_revision', actor: 'startup', note: '  ' }))).toEqual({
			ok: false,
			error: 'err_reason_required'
		});
	});

	it('goes submitted → revision requested → revised (revision 2) → accepted, and awards the request', async () => {
		const note = '단가를 2,200,000원으로 맞춰 주실 수 있을까요?';
		const asked = await as(S, async (tx) =>
			quotes.move(tx, { quote: (await quotes.byId(tx, qa))!, move: 'request_revision', actor: 'startup', note })
		);
		expect(asked).toEqual({ ok: true, id: qa });
		const underRevision = (await as(A, (tx) => quotes.byId(tx, qa)))!;
		expect([underRevision.status, underRevision.revision_note]).toEqual(['revision_requested', note]);
		expect((await notificationsAbout(A, request)).map((n) => [n.kind, n.payload.revision_note])).toEqual([
			['quote_revision_requested', note]
		]);

		// Under revision its price is changing: it cannot be accepted until revised.
		const early = await as(S, (tx) => quotes.move(tx, { quote: underRevision, move: 'accept', actor: 'startup' }));
		expect(early).toEqual({ ok: false, error: 'err_illegal_transition' });

		const revised = await as(A, (tx) =>
			quotes.move(tx, {
				quote: underRevision,
				move: 'revise',
				actor: 'workshop',
				terms: { ...termsAt(2_200_000), notes: '요청대로 조정' }
			})
		);
		expect(revised).toEqual({ ok: true, id: qa });
		const after = (await as(S, (tx) => quotes.byId(tx, qa)))!;
		expect([after.status, after.revision, after.price_krw]).toEqual(['submitted', 2, 2_200_000]);
		expect(after.revisions.map((r) => [r.revision, r.price_krw, r.answered_note])).toEqual([
			[2, 2_200_000, note],
			[1, 2_400_000, null]
		]);
		expect((await notificationsAbout(S, request)).map((n) => n.kind)).toContain('quote_revised');

		const accepted = await as(S, (tx) => quotes.move(tx, { quote: after, move: 'accept', actor: 'startup' }));
		expect(accepted).toEqual({ ok: true, id: qa });
		const [r] = await testSql()`select status, awarded_quote_id from public.requests where id = ${request}`;
		expect([r.status, r.awarded_quote_id]).toEqual(['awarded', qa]);
		const statuses = await as(S, (tx) => quotes.forRequest(tx, request));
		expect(Object.fromEntries(statuses.map((q) => [q.id, q.status]))).toEqual({ [qa]: 'accepted', [qb]: 'not_selected' });

		// Both sides hear: the winner, the one not selected, each by notification and queued mail.
		const forA = await notificationsAbout(A, request);
		const forB = await notificationsAbout(B, request);
		expect(forA.map((n) => n.kind)).toContain('quote_accepted');
		expect(forB.map((n) => n.kind)).toEqual(['quote_not_selected']);
		const mailed =
			await testSql()`select key from public.outbox where topic = 'mail.notification' and key = any(${[...forA, ...forB].map((n) => n.id)})`;
		expect(mailed.length).toBe(forA.length + forB.length);
	});

	it('refuses moves on a closed quote with a clear message, from the app and from the database', async () => {
		const notSelected = (await as(S, (tx) => quotes.byId(tx, qb)))!;
		expect(await as(S, (tx) => quotes.move(tx, { quote: notSelected, move: 'accept', actor: 'startup' }))).toEqual({
			ok: false,
			error: 'err_illegal_transition'
		});
		// A stale page still showing it as submitted: the trigger refuses (23514) and the answer is the same.
		const stale = { ...notSelected, status: 'submitted' as const };
		expect(await as(S, (tx) => quotes.move(tx, { quote: stale, move: 'decline', actor: 'startup', note: '예산 초과' }))).toEqual({
			ok: false,
			error: 'err_illegal_transition'
		});
		const newQuote = await as(B, (tx) => quotes.submit(tx, { requestId: request, workshopId: WB, userId: B, ...terms }));
		expect(newQuote).toEqual({ ok: false, error: 'err_quote_request_closed' });
	});
});

describe('a cluster manager quoting for a member without an account', () => {
	const MANAGER = '00000000-0000-4000-8000-000000000a03'; // manager.mullae
	const OFFLINE = '00000000-0000-4000-8000-00000000f302'; // 신흥용접, no account

	it('acts for offline members only, and never sees an online member’s quote', async () => {
		const request = await postRequest(`용접 프레임 ${randomUUID().slice(0, 6)}`);
		created.push(request);
		const acting = await as(MANAGER, (tx) => quotes.actingWorkshops(tx, MANAGER));
		expect(acting.map((w) => w.id)).toContain(OFFLINE);
		expect(acting.map((w) => w.id)).not.toContain(WA);
		expect(acting.every((w) => !w.own)).toBe(true);

		const online = await as(A, (tx) => quotes.submit(tx, { requestId: request, workshopId: WA, userId: A, ...terms }));
		const onBehalf = await as(MANAGER, (tx) =>
			quotes.submit(tx, { requestId: request, workshopId: OFFLINE, userId: MANAGER, ...termsAt(1_800_000) })
		);
		expect([online.ok, onBehalf.ok]).toEqual([true, true]);
		expect((await as(MANAGER, (tx) => quotes.forRequest(tx, request))).map((q) => q.workshop_name_ko)).toEqual(['신흥용접']);
		expect((await as(S, (tx) => quotes.forRequest(tx, request))).map((q) => q.workshop_name_ko).sort()).toEqual(['대성정밀', '신흥용접']);
		// The manager may not quote as the online member.
		const posing = await as(MANAGER, (tx) => quotes.submit(tx, { requestId: request, workshopId: WB, userId: MANAGER, ...terms }));
		expect(posing).toEqual({ ok: false, error: 'err_quote_not_allowed' });
	});
});

describe('declining and withdrawing', () => {
	it('declines with a reason the workshop reads, and withdraws with one the owner reads', async () => {
		const request = await postRequest(`시제품 가공 ${randomUUID().slice(0, 6)}`);
		created.push(request);
		const a = await as(A, (tx) => quotes.submit(tx, { requestId: request, workshopId: WA, userId: A, ...terms }));
		const b = await as(B, (tx) => quotes.submit(tx, { requestId: request, workshopId: WB, userId: B, ...terms }));
		if (!a.ok || !b.ok) throw new Error('quotes not sent');
		const declined = await as(S, async (tx) =>
			quotes.move(tx, { quote: (await quotes.byId(tx, a.id))!, move: 'decline', actor: 'startup', note: '납기가 맞지 않습니다' })
		);
		expect(declined.ok).toBe(true);
		const withdrawn = await as(B, async (tx) =>
			quotes.move(tx, { quote: (await quotes.byId(tx, b.id))!, move: 'withdraw', actor: 'workshop', note: '설비 점검 일정' })
		);
		expect(withdrawn.ok).toBe(true);
		expect((await notificationsAbout(A, request)).map((n) => [n.kind, n.payload.reason])).toEqual([
			['quote_declined', '납기가 맞지 않습니다']
		]);
		expect((await notificationsAbout(S, request)).filter((n) => n.kind === 'quote_withdrawn').map((n) => n.payload.reason)).toEqual([
			'설비 점검 일정'
		]);
		// After a decline the workshop may quote anew.
		const again = await as(A, (tx) => quotes.submit(tx, { requestId: request, workshopId: WA, userId: A, ...termsAt(1_900_000) }));
		expect(again.ok).toBe(true);
	});
});

describe('conversations', () => {
	let request: string;

	beforeAll(async () => {
		request = await postRequest(`케이스 가공 대화 ${randomUUID().slice(0, 6)}`);
		created.push(request);
	});

	it('starts a thread with the first message, counts unread for the other side, and marks read', async () => {
		const store = memoryStorage();
		const ctxA = (await as(A, (tx) => conversations.context(tx, request, WA, A)))!;
		expect([ctxA.side, ctxA.conversationId, ctxA.canWrite]).toEqual(['workshop', null, true]);

		const pdf = new File([new TextEncoder().encode('%PDF-1.4\n% test\n')], '견적서 v2.pdf', { type: 'application/pdf' });
		const sent = await as(A, (tx) =>
			conversations.send(tx, store, ctxA, { userId: A, body: '도면 확인했습니다. 재질은 6061로 진행할까요?', files: [pdf] })
		);
		expect(sent.files.map((f) => f.filename)).toEqual(['견적서 v2.pdf']);
		expect([...store.files.keys()]).toEqual([expect.stringMatching(new RegExp(`^requests/${request}/messages/[0-9a-f-]{36}-v2\\.pdf$`))]);

		const ctxS = (await as(S, (tx) => conversations.context(tx, request, WA, S)))!;
		expect([ctxS.side, ctxS.conversationId]).toEqual(['owner', sent.conversation_id]);
		expect(await as(S, (tx) => conversations.unread(tx, sent.conversation_id, S))).toBe(1);
		expect(await as(A, (tx) => conversations.unread(tx, sent.conversation_id, A))).toBe(0);
		expect((await as(S, (tx) => conversations.forRequest(tx, request, S))).map((c) => [c.workshop_id, c.unread])).toEqual([[WA, 1]]);
		expect((await notificationsAbout(S, request)).map((n) => [n.kind, n.payload.excerpt])).toContainEqual(['message', sent.body]);

		const seen = await as(S, (tx) => conversations.messages(tx, sent.conversation_id));
		expect(seen.map((m) => [m.sender_side, m.body, m.files.length])).toEqual([['workshop', sent.body, 1]]);
		await as(S, (tx) => conversations.markRead(tx, sent.conversation_id, S));
		expect(await as(S, (tx) => conversations.unread(tx, sent.conversation_id, S))).toBe(0);
		// Reading the thread reads its message notification too (the header badge agrees).
		const about = (await notificationsAbout(S, request)).filter((n) => n.kind === 'message');
		expect(about.map((n) => n.read_at !== null)).toEqual([true]);

		// The owner opens the file: allowed, and logged for the owner's access log.
		const opened = await as(S, (tx) => quotes.openFile(tx, sent.files[0].id, { requestId: request, quoteOrMessage: 'message' }));
		expect(opened?.filename).toBe('견적서 v2.pdf');

		const reply = await as(S, (tx) => conversations.send(tx, store, ctxS, { userId: S, body: '네, 6061로 부탁드립니다.' }));
		expect(reply.sender_side).toBe('owner');
		expect(await as(A, (tx) => conversations.unread(tx, sent.conversation_id, A))).toBe(1);
		expect(await as(A, (tx) => conversations.unreadTotal(tx, A))).toBeGreaterThanOrEqual(1);
	});

	it('sends a message posted twice with the same submission key once, with its file once', async () => {
		const store = memoryStorage();
		const ctx = (await as(A, (tx) => conversations.context(tx, request, WA, A)))!;
		const key = randomUUID();
		const pdf = () => new File([new TextEncoder().encode('%PDF-1.4\n% twice\n')], '두번.pdf', { type: 'application/pdf' });
		const post = () =>
			as(A, (tx) =>
				conversations.send(tx, store, ctx, { userId: A, body: '한 번만 보내져야 합니다.', files: [pdf()], submissionKey: key })
			);
		const [first, second] = await Promise.all([post(), post()]);
		expect(second.id).toBe(first.id);
		expect(second.files.map((f) => f.filename)).toEqual(['두번.pdf']);
		const [{ n }] = await testSql()<{ n: number }[]>`select count(*)::int as n from public.messages where submission_key = ${key}`;
		expect(n).toBe(1);
		expect(store.files.size).toBe(1);
		// Another key is another message.
		const other = await as(A, (tx) =>
			conversations.send(tx, store, ctx, { userId: A, body: '한 번만 보내져야 합니다.', submissionKey: randomUUID() })
		);
		expect(other.id).not.toBe(first.id);
	});

	it('keeps other workshops out of a thread and its files', async () => {
		expect(await as(B, (tx) => conversations.context(tx, request, WA, B))).toBeNull();
		const [c] = await testSql()<
			{ id: string }[]
		>`select id from public.conversations where request_id = ${request} and workshop_id = ${WA}`;
		expect(await as(B, (tx) => conversations.messages(tx, c.id))).toEqual([]);
		const [file] = await testSql()<
			{ id: string }[]
		>`select a.id from public.attachments a join public.messages m on m.id = a.message_id where m.conversation_id = ${c.id}`;
		expect(await as(B, (tx) => quotes.openFile(tx, file.id, { requestId: request, quoteOrMessage: 'message' }))).toBeNull();
	});

	it('announces each new message on channel messages after commit, with the conversation id', async () => {
		const sql = testSql();
		const heard: string[] = [];
		const listener = await sql.listen('messages', (payload) => heard.push(payload));
		try {
			const ctx = (await as(A, (tx) => conversations.context(tx, request, WA, A)))!;
			const m = await as(A, (tx) =>
				conversations.send(tx, memoryStorage(), ctx, { userId: A, body: '내일 오전에 샘플 보내드리겠습니다.' })
			);
			await expect.poll(() => heard, { timeout: 5000 }).toContain(m.conversation_id);
			const fresh = await as(S, (tx) => conversations.messages(tx, m.conversation_id, { since: new Date(Date.now() - 60_000) }));
			expect(fresh.map((x) => x.id)).toContain(m.id);
		} finally {
			await listener.unlisten();
		}
	});
});

describe('notifications', () => {
	it('are settled by opening their item: the linked one, and every one that leads to that page', async () => {
		const request = await postRequest(`알림 방문 ${randomUUID().slice(0, 6)}`);
		created.push(request);
		await as(A, (tx) => quotes.submit(tx, { requestId: request, workshopId: WA, userId: A, ...terms }));
		await as(B, (tx) => quotes.submit(tx, { requestId: request, workshopId: WB, userId: B, ...terms }));
		const [first, second] = await notificationsAbout(S, request);
		const origin = 'http://localhost';
		// Another page of the request settles nothing about its quotes.
		expect(await as(S, (tx) => notifications.markReadOnVisit(tx, S, new URL(`/requests/${request}/thread/${WA}`, origin)))).toBe(0);
		// The mail's link names one notification; the quotes page it opens settles both quotes' news.
		expect(await as(S, (tx) => notifications.markReadOnVisit(tx, S, new URL(notifications.href(first), origin)))).toBe(2);
		expect((await notificationsAbout(S, request)).every((n) => n.read_at !== null)).toBe(true);
		// Someone else's id in the link changes nothing.
		expect(await as(A, (tx) => notifications.markReadOnVisit(tx, A, new URL(`/?n=${second.id}`, origin)))).toBe(0);
	});

	it('counts unread, marks one and then all read, and keeps email preferences per kind', async () => {
		const request = await postRequest(`알림 ${randomUUID().slice(0, 6)}`);
		created.push(request);
		await as(A, (tx) => quotes.submit(tx, { requestId: request, workshopId: WA, userId: A, ...terms }));
		await as(B, (tx) => quotes.submit(tx, { requestId: request, workshopId: WB, userId: B, ...terms }));
		const mine = await notificationsAbout(S, request);
		expect(mine).toHaveLength(2);
		expect(notifications.href(mine[0])).toBe(`/requests/${request}/quotes?n=${mine[0].id}`);
		const before = await as(S, (tx) => notifications.unreadCount(tx, S));
		expect(await as(S, (tx) => notifications.markRead(tx, S, mine[0].id))).toBe(true);
		expect(await as(S, (tx) => notifications.unreadCount(tx, S))).toBe(before - 1);
		// Another user cannot mark it (RLS shows them nothing).
		expect(await as(A, (tx) => notifications.markRead(tx, A, mine[1].id))).toBe(false);
		await as(S, (tx) => notifications.markAllRead(tx, S));
		expect(await as(S, (tx) => notifications.unreadCount(tx, S))).toBe(0);

		const prefs = await as(S, (tx) => notifications.preferences(tx, S));
		expect(Object.values(prefs).every(Boolean)).toBe(true);
		await as(S, (tx) => notifications.savePreferences(tx, S, { ...prefs, quote: false, message: false }));
		const saved = await as(S, (tx) => notifications.preferences(tx, S));
		expect(
			Object.entries(saved)
				.filter(([, on]) => !on)
				.map(([k]) => k)
				.sort()
		).toEqual(['message', 'quote']);
		// A new quote still notifies in the app, but queues no mail.
		const c = (await as(A, (tx) => conversations.context(tx, request, WA, A)))!;
		await as(A, (tx) => conversations.send(tx, memoryStorage(), c, { userId: A, body: '안녕하세요' }));
		const [message] = (await notificationsAbout(S, request)).filter((n) => n.kind === 'message');
		expect(message).toBeDefined();
		expect(await testSql()`select 1 from public.outbox where topic = 'mail.notification' and key = ${message.id}`).toHaveLength(0);
		await as(S, (tx) => notifications.savePreferences(tx, S, { ...prefs }));
		expect(Object.values(await as(S, (tx) => notifications.preferences(tx, S))).every(Boolean)).toBe(true);
	});
});
