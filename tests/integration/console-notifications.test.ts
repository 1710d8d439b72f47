// The notifications managers and craftsmen were missing (issue 16), on the real database with RLS on:
// a manager hears of a new application and of a request routed to the cluster's inbox; the craftsman
// hears of the decision, with the reason when rejected; each kind is mailed through the outbox unless
// its email switch is off.
import { describe, expect, it } from 'vitest';
import type postgres from 'postgres';
import * as memberships from '../../src/lib/server/memberships';
import * as notifications from '../../src/lib/server/notifications';
import * as requests from '../../src/lib/server/requests';
import { renderNotificationMail } from '../../src/lib/server/mail/templates';
import { rollback } from './db';
import { asActor, createConsoleFixtures, type ConsoleFixtures } from './console-fixtures';

type Tx = postgres.TransactionSql;

async function notesOf(tx: Tx, user: string) {
	return tx<{ id: string; kind: string; payload: Record<string, string> }[]>`
		select id, kind, payload from public.notifications where user_id = ${user} order by created_at, id`;
}
async function mailed(tx: Tx, notificationId: string) {
	const [row] = await tx<
		{ n: number }[]
	>`select count(*)::int as n from public.outbox where topic = 'mail.notification' and key = ${notificationId}`;
	return row.n > 0;
}
async function newApplication(tx: Tx, f: ConsoleFixtures) {
	// C's workshop (a member of Y) applies to X too.
	const result = await asActor(tx, f, 'C', () => memberships.apply(tx, f.workshops.WC, f.clusters.X, '문래에서도 일하고 싶습니다.'));
	expect(result).toEqual({ ok: true });
	const [m] = await tx<
		{ id: string }[]
	>`select id from public.cluster_memberships where workshop_id = ${f.workshops.WC} and cluster_id = ${f.clusters.X}`;
	return m.id;
}

describe('console notifications', () => {
	it('tells the managers of the cluster, and only them, of a new application, by mail too', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			await newApplication(tx, f);
			const [note] = await notesOf(tx, f.users.MX);
			expect(note).toMatchObject({ kind: 'application', payload: { workshop_name: '공방C', cluster_slug: f.slugs.X } });
			expect(await mailed(tx, note.id)).toBe(true);
			expect(notifications.href({ ...note, kind: 'application' } as never)).toBe(`/manage/${f.slugs.X}?n=${note.id}`);
			expect(await notesOf(tx, f.users.MY)).toEqual([]);
			expect(await notesOf(tx, f.users.C)).toEqual([]);
		}));

	it('tells the craftsman that the application was approved', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			const ok = await asActor(tx, f, 'MX', () =>
				memberships.decide(tx, f.memberships.mB, f.users.MX, { status: 'approved', reason: null })
			);
			expect(ok).toBe(true);
			const [note] = await notesOf(tx, f.users.B);
			expect(note).toMatchObject({ kind: 'application_decided', payload: { status: 'approved', cluster_name: '시험집적지X' } });
			expect(await mailed(tx, note.id)).toBe(true);
			// The deciding manager is not told of their own decision.
			expect((await notesOf(tx, f.users.MX)).filter((n) => n.kind === 'application_decided')).toEqual([]);
		}));

	it('tells the craftsman the reason of a rejection, in the app and in the mail', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			await asActor(tx, f, 'MX', () =>
				memberships.decide(tx, f.memberships.mB, f.users.MX, { status: 'rejected', reason: '사업자등록번호를 확인할 수 없습니다' })
			);
			const [note] = await notesOf(tx, f.users.B);
			expect(note.payload).toMatchObject({ status: 'rejected', reason: '사업자등록번호를 확인할 수 없습니다' });
			const mail = renderNotificationMail({ id: note.id, kind: 'application_decided', payload: note.payload }, { locale: 'ko' });
			expect(mail.subject).toContain('반려');
			expect(mail.text).toContain('사유: 사업자등록번호를 확인할 수 없습니다');
			const en = renderNotificationMail({ id: note.id, kind: 'application_decided', payload: note.payload }, { locale: 'en' });
			expect(en.text).toContain('Reason: 사업자등록번호를 확인할 수 없습니다');
		}));

	it('writes the notification but sends no mail when the recipient switched that email off', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			const prefs = await asActor(tx, f, 'B', async () => {
				const p = await notifications.preferences(tx, f.users.B);
				await notifications.savePreferences(tx, f.users.B, { ...p, application_decided: false });
				return notifications.preferences(tx, f.users.B);
			});
			expect(prefs.application_decided).toBe(false);
			await asActor(tx, f, 'MX', () => memberships.decide(tx, f.memberships.mB, f.users.MX, { status: 'approved', reason: null }));
			const [note] = await notesOf(tx, f.users.B);
			expect(note.kind).toBe('application_decided');
			expect(await mailed(tx, note.id)).toBe(false);
		}));

	it('tells the managers of the clusters a published request is routed to', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			const request = await asActor(tx, f, 'S', async () => {
				const [r] = await tx<{ id: string; trade_code: string; template: string }[]>`
					insert into public.requests (owner_id, company_id, template, trade_code, title, quantity, status, visibility)
					values (${f.users.S}, ${f.company}, 'general', ${f.trade}, '시험 부품 100개', 100, 'open', 'public')
					returning id, trade_code, template`;
				await requests.route(tx, r as never);
				return r;
			});
			for (const manager of [f.users.MX, f.users.MY]) {
				const [note] = await notesOf(tx, manager);
				expect(note).toMatchObject({ kind: 'routed', payload: { request_id: request.id, request_title: '시험 부품 100개' } });
				expect(notifications.href(note as never)).toBe(`/requests/${request.id}?n=${note.id}`);
			}
			expect(await notesOf(tx, f.users.A)).toEqual([]);
		}));
});
