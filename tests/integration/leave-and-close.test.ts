// Account settings (issue 11) on the real database with RLS on: a craftsman leaves a cluster or
// withdraws an application (the managers hear of a leaving), and closes their workshop — refused while
// an order runs; otherwise its live quotes are withdrawn, its memberships end, it leaves search, and a
// new workshop may be registered.
import { describe, expect, it } from 'vitest';
import * as memberships from '../../src/lib/server/memberships';
import * as workshops from '../../src/lib/server/workshops';
import { renderNotificationMail } from '../../src/lib/server/mail/templates';
import { rollback } from './db';
import { asActor, createConsoleFixtures } from './console-fixtures';
import { actAs, actAsSuperuser, createFixtures } from './rls-requests-fixtures';

describe('leaving a cluster', () => {
	it('ends an approved membership, and the cluster’s managers are told', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			expect(await asActor(tx, f, 'A', () => memberships.leave(tx, f.memberships.mA))).toBe(true);
			expect(await tx`select 1 from public.cluster_memberships where id = ${f.memberships.mA}`).toHaveLength(0);
			const [note] = await tx<{ kind: string; payload: Record<string, string> }[]>`
				select kind, payload from public.notifications where user_id = ${f.users.MX}`;
			expect(note).toMatchObject({
				kind: 'application_decided',
				payload: { status: 'left', workshop_name: '공방A', cluster_slug: f.slugs.X }
			});
			const mail = renderNotificationMail({ kind: 'application_decided', payload: note.payload }, { locale: 'ko' });
			expect(mail.text).toContain('공방A가 시험집적지X에서 탈퇴했습니다.');
		}));

	it('withdraws a pending application without telling anyone', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			expect(await asActor(tx, f, 'B', () => memberships.leave(tx, f.memberships.mB))).toBe(true);
			expect(await tx`select 1 from public.notifications where user_id = ${f.users.MX}`).toHaveLength(0);
		}));

	it('is only the owner’s to do', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			for (const actor of ['C', 'S', 'MY'] as const)
				expect(await asActor(tx, f, actor, () => memberships.leave(tx, f.memberships.mA))).toBe(false);
			expect(await tx`select 1 from public.cluster_memberships where id = ${f.memberships.mA}`).toHaveLength(1);
		}));
});

describe('closing a workshop', () => {
	it('withdraws its live quotes, ends its memberships and unlists it; the owner may open a new one', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await actAs(tx, 'A', f);
			expect(await workshops.close(tx, f.workshops.WA)).toBe('closed');
			expect(await workshops.ownedBy(tx, f.users.A)).toBeNull();
			await actAsSuperuser(tx);
			const [w] = await tx`select status, accepting_orders from public.workshops where id = ${f.workshops.WA}`;
			expect(w).toEqual({ status: 'closed', accepting_orders: false });
			const [q] = await tx`select status, reason from public.quotes where id = ${f.quotes.QA}`;
			expect(q).toEqual({ status: 'withdrawn', reason: '공방이 문을 닫아 철회된 견적입니다.' });
			expect(await tx`select 1 from public.cluster_memberships where workshop_id = ${f.workshops.WA}`).toHaveLength(0);
			// Gone from what strangers see; the other side's records still name it.
			await actAs(tx, 'anon', f);
			expect(await tx`select 1 from public.workshops where id = ${f.workshops.WA}`).toHaveLength(0);
			await actAsSuperuser(tx);
			expect(await tx`select 1 from public.messages where id = ${f.messages.mA2}`).toHaveLength(1);
			// A new workshop for the same owner.
			await actAs(tx, 'A', f);
			const [fresh] = await tx<{ id: string }[]>`
				insert into public.workshops (owner_id, slug, name_ko, trade_code, employees, district_ko)
				values (${f.users.A}, ${`new-${f.workshops.WA.slice(0, 8)}`}, '새 공방', ${f.trade}, 2, '중구') returning id`;
			expect((await workshops.ownedBy(tx, f.users.A))?.id).toBe(fresh.id);
			await actAsSuperuser(tx);
		}));

	it('is refused while an order runs on the workshop, and changes nothing', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			// An order made directly (its creation by quote acceptance is tested with orders).
			await tx`set local session_replication_role = replica`;
			await tx`insert into public.orders (number, request_id, quote_id, workshop_id, buyer_id, company_id, title, supply_krw, vat_krw,
					total_krw, vat_included, lead_time_days, due_date, has_sample)
				values ('SL-TEST-CLOSE', ${f.requests.RP}, ${f.quotes.QA}, ${f.workshops.WA}, ${f.users.S}, ${f.companies.CS}, '시험 주문',
					100000, 10000, 110000, false, 10, current_date + 10, false)`;
			await tx`set local session_replication_role = origin`;
			await actAs(tx, 'A', f);
			expect(await workshops.close(tx, f.workshops.WA)).toBe('running_orders');
			await actAsSuperuser(tx);
			const [w] = await tx`select status from public.workshops where id = ${f.workshops.WA}`;
			expect(w.status).toBe('active');
		}));

	it('is refused to anyone but the owner', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			for (const actor of ['C', 'S', 'MX', 'OP'] as const) {
				await actAs(tx, actor, f);
				const code = await tx.savepoint((sp) => workshops.close(sp, f.workshops.WA)).catch((e: { code?: string }) => e.code);
				await actAsSuperuser(tx);
				expect(code, actor).toBe('42501');
			}
		}));
});
