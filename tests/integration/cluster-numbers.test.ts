// The cluster's numbers (issue 16) computed from known facts: members over time (applied, approved,
// waiting, verified from the flags' history, active in the last 90 days), decisions and their median
// time, routed requests and what became of them with their value in won, first responses to
// invitations and forwards, views and appearances counted by the app, completed orders on time,
// and the CSV files: one cluster of the console fixtures, everything rolled back.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { addDays, koreanDay, monthStart, numbersTables } from '../../src/lib/domain/cluster-numbers';
import * as numbers from '../../src/lib/server/cluster-numbers';
import { asActor, createConsoleFixtures, refusalAs, type ConsoleFixtures } from './console-fixtures';
import { rollback } from './db';

type Tx = postgres.TransactionSql;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY + hours * HOUR);
const today = koreanDay(now);

/**
 * Cluster X: WA (A) applied 100 days ago, approved 48 h later, verified by a manager 10 days ago,
 * quoted 20 days ago; WD (no account) applied 50 days ago, approved 24 h later; WB (B) applied 10
 * days ago, waiting. A request routed to X 5 days ago: forwarded to WA (answered with a quote 3 h
 * later) and WD invited (answered with a quote 4 days later); WA's 1,000,000 won quote accepted,
 * WD's 800,000 not selected; the order completed on time. A request routed only to Y does not count.
 */
async function world(tx: Tx): Promise<ConsoleFixtures & { request: string; quoteA: string }> {
	const f = await createConsoleFixtures(tx);
	const { WA, WB, WD } = f.workshops;
	await tx`update public.cluster_memberships set created_at = ${ago(100)}, decided_at = ${ago(98)} where id = ${f.memberships.mA}`;
	await tx`update public.cluster_memberships set created_at = ${ago(50)}, decided_at = ${ago(49)} where id = ${f.memberships.mD}`;
	await tx`update public.cluster_memberships set created_at = ${ago(10)} where id = ${f.memberships.mB}`;
	// Verified by a manager 10 days ago: the flag's change recorded by the trigger, dated back.
	await tx`update public.workshops set verified = true where id = ${WA}`;
	await tx`update public.workshop_flag_changes set at = ${ago(10)}, changed_by = ${f.users.MX}, by_role = 'manager' where workshop_id = ${WA}`;
	expect(WB).toBeTruthy();

	// Requests and quotes as rows (their flows are tested elsewhere): the guards stay out of the way.
	await tx`set local session_replication_role = replica`;
	const request = randomUUID();
	const other = randomUUID();
	for (const [id, title] of [
		[request, '반지 시제품'],
		[other, '다른 집적지']
	]) {
		await tx`insert into public.requests (id, owner_id, company_id, title, status, visibility, published_at, created_at)
			values (${id}, ${f.users.S}, ${f.company}, ${title}, 'open', 'public', ${ago(5)}, ${ago(5)})`;
	}
	await tx`insert into public.request_clusters (request_id, cluster_id, created_at) values
		(${request}, ${f.clusters.X}, ${ago(5)}), (${other}, ${f.clusters.Y}, ${ago(5)})`;
	await tx`insert into public.request_participants (request_id, workshop_id, source, invited_by, created_at) values
		(${request}, ${WA}, 'forwarded', ${f.users.MX}, ${ago(5, 2)}), (${request}, ${WD}, 'invited', ${f.users.S}, ${ago(5, 1)})`;
	const quoteA = randomUUID();
	await tx`insert into public.quotes (id, request_id, workshop_id, status, price_krw, vat_krw, deposit_krw, lead_time_days, valid_until, created_at) values
		(${quoteA}, ${request}, ${WA}, 'accepted', 1000000, 100000, 110000, 10, current_date + 30, ${ago(5, 5)}),
		(${randomUUID()}, ${request}, ${WD}, 'not_selected', 800000, 80000, 88000, 12, current_date + 30, ${ago(1)})`;
	// WA's earlier activity: a quote on another request 20 days ago.
	const old = randomUUID();
	await tx`insert into public.requests (id, owner_id, title, status, visibility, published_at, created_at)
		values (${old}, ${f.users.S}, '옛 요청', 'open', 'public', ${ago(21)}, ${ago(21)})`;
	await tx`insert into public.quotes (request_id, workshop_id, status, price_krw, vat_krw, deposit_krw, lead_time_days, valid_until, created_at)
		values (${old}, ${WA}, 'submitted', 500000, 50000, 55000, 10, current_date + 30, ${ago(20)})`;
	await tx`update public.requests set status = 'awarded', awarded_quote_id = ${quoteA} where id = ${request}`;
	await tx`insert into public.orders (number, request_id, quote_id, workshop_id, buyer_id, company_id, status, title, supply_krw,
			vat_krw, total_krw, vat_included, lead_time_days, due_date, has_sample, courier, delivered_at, completed_at)
		values (${'SL-T-' + request.slice(0, 8)}, ${request}, ${quoteA}, ${WA}, ${f.users.S}, ${f.company}, 'completed', '반지 시제품',
			1000000, 100000, 1100000, false, 10, ${addDays(today, 3)}, false, 'direct', ${ago(3)}, ${ago(2)})`;
	await tx`set local session_replication_role = origin`;
	return { ...f, request, quoteA };
}

const asManager = <T>(tx: Tx, f: ConsoleFixtures, fn: () => Promise<T>) => asActor(tx, f, 'MX', fn);

describe('cluster numbers', () => {
	it('members over time by day: applied, approved, waiting, verified from the flags’ history, active', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			const d = await asManager(tx, f, () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, '30d', now));
			expect(d.buckets.starts).toHaveLength(30);
			const at = (day: string) => d.members[d.buckets.starts.indexOf(day)];
			// Active: WA (quoted 20 days ago) and WD (quoted yesterday).
			expect(at(today)).toMatchObject({ applied: 3, approved: 2, pending: 1, verified: 1, active: 2 });
			// 29 days ago: WB had not applied yet, WA was not yet verified but had quoted nine days before.
			expect(at(addDays(today, -29))).toMatchObject({ applied: 2, approved: 2, pending: 0, verified: 0, active: 0 });
			expect(at(koreanDay(ago(20)))).toMatchObject({ active: 1 });
			expect(at(koreanDay(ago(11)))).toMatchObject({ verified: 0 });
			expect(at(koreanDay(ago(10)))).toMatchObject({ verified: 1 });
			// Both accept orders (no recorded change: the current value).
			expect(at(today).accepting).toBe(2);
		}));

	it('decisions and their median time by month', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			const d = await asManager(tx, f, () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, '12m', now));
			expect(d.buckets.starts).toHaveLength(12);
			expect(d.buckets.starts.at(-1)).toBe(monthStart(today));
			const month = (at: Date) => d.buckets.starts.indexOf(monthStart(koreanDay(at)));
			const decided = d.members.map((m) => m.decided);
			expect(decided.reduce((a, b) => a + b, 0)).toBe(2);
			if (month(ago(98)) === month(ago(49))) expect(d.members[month(ago(98))].decide_hours_median).toBeCloseTo(36, 3);
			else {
				expect(d.members[month(ago(98))].decide_hours_median).toBeCloseTo(48, 3);
				expect(d.members[month(ago(49))].decide_hours_median).toBeCloseTo(24, 3);
			}
			expect(d.members.at(-1)).toMatchObject({ applied: 3, approved: 2, pending: 1 });
			expect(d.decideHoursMedian).toBeCloseTo(36, 3);
			// In the last 30 days nothing was decided.
			const recent = await asManager(tx, f, () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, '30d', now));
			expect(recent.decideHoursMedian).toBeNull();
		}));

	it('requests routed, forwarded, quoted, awarded and their value; first responses; orders on time', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			const d = await asManager(tx, f, () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, '30d', now));
			const i = d.buckets.starts.indexOf(koreanDay(ago(5)));
			expect(d.requests[i]).toEqual({ routed: 1, forwarded: 1, quoted: 1, awarded: 1, quoted_krw: 800000, awarded_krw: 1000000 });
			expect(d.requests.reduce((a, r) => a + r.routed, 0)).toBe(1);
			// The forward answered by a quote 3 h later; the invitation to WD answered by its quote 4 days later.
			const j = d.buckets.starts.indexOf(koreanDay(ago(5, 2)));
			const responses = d.responses.reduce((a, r) => a + r.invitations, 0);
			expect(responses).toBe(2);
			if (j === d.buckets.starts.indexOf(koreanDay(ago(5, 1)))) {
				expect(d.responses[j].answered).toBe(2);
				expect(d.responses[j].response_minutes_median).toBeCloseTo((180 + (4 * 24 * 60 - 60)) / 2, 3);
			}
			expect(d.responseMinutesMedian).toBeCloseTo((180 + (4 * 24 * 60 - 60)) / 2, 3);
			expect(d.ordersTotal).toBe(1);
			const k = d.buckets.starts.indexOf(koreanDay(ago(2)));
			expect(d.orders[k]).toEqual({ completed: 1, on_time: 1 });
		}));

	it('counts views and appearances per member and day, not the owner’s own, only this cluster’s members', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			const { WA, WC, WD } = f.workshops;
			await asActor(tx, f, 'anon', () => numbers.count(tx, [WA], 'view'));
			await asActor(tx, f, 'S', () => numbers.count(tx, [WA], 'view'));
			await asActor(tx, f, 'A', () => numbers.count(tx, [WA], 'view'));
			await asActor(tx, f, 'anon', () => numbers.count(tx, [WA, WD, WC], 'appearance'));
			const d = await asManager(tx, f, () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, '30d', now));
			expect(d.views.at(-1)).toEqual({ views: 2, appearances: 2 });
			const byName = Object.fromEntries(d.memberViews.map((v) => [v.workshop_id, [v.views, v.appearances]]));
			expect(byName).toEqual({ [WA]: [2, 1], [WD]: [0, 1] });
			// WC is counted too, for cluster Y's numbers.
			const rows = await tx<{ views: number; appearances: number }[]>`
				select views, appearances from public.workshop_daily_counts where workshop_id = ${WC}`;
			expect(rows.map((r) => [r.views, r.appearances])).toEqual([[0, 1]]);
			const member = numbersTables(d)['member-views'];
			expect(member.rows[0]).toEqual(['공방A', 2, 1]);
		}));

	it('records and shows owners’ and managers’ changes of the flags, and counts the past with them', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			const { WA, WD } = f.workshops;
			// WD's owner is nobody: A switches its own workshop off, then the manager switches WD off.
			await asActor(tx, f, 'A', () => tx`update public.workshops set accepting_orders = false where id = ${WA}`);
			await asActor(tx, f, 'MX', () => tx`update public.workshops set accepting_orders = false where id = ${WD}`);
			const rows = await tx<{ workshop_id: string; flag: string; before: boolean; after: boolean; by_role: string; changed_by: string }[]>`
				select workshop_id, flag, before, after, by_role, changed_by from public.workshop_flag_changes
				where workshop_id = any(${[WA, WD]}::uuid[]) and flag = 'accepting_orders' order by at, id`;
			expect(rows).toEqual([
				{ workshop_id: WA, flag: 'accepting_orders', before: true, after: false, by_role: 'owner', changed_by: f.users.A },
				{ workshop_id: WD, flag: 'accepting_orders', before: true, after: false, by_role: 'manager', changed_by: f.users.MX }
			]);
			// A change of another column records nothing.
			await asActor(tx, f, 'A', () => tx`update public.workshops set name_en = 'Workshop A' where id = ${WA}`);
			expect((await tx`select 1 from public.workshop_flag_changes where workshop_id = ${WA}`).length).toBe(2);

			const d = await asManager(tx, f, () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, '30d', now));
			// Today nobody accepts orders; yesterday both did (the changes' values before).
			expect(d.members.at(-1)?.accepting).toBe(0);
			expect(d.members.at(-2)?.accepting).toBe(2);
			expect(d.flagChanges.map((c) => [c.workshop_id, c.flag, c.after, c.by_role])).toEqual([
				[WD, 'accepting_orders', false, 'manager'],
				[WA, 'accepting_orders', false, 'owner'],
				[WA, 'verified', true, 'manager']
			]);
			const table = numbersTables(d, (key) => `«${key}»`)['flag-changes'];
			expect(table.rows[1].slice(1)).toEqual(['공방A', '«numbers_col_accepting»', '«numbers_flag_off»', '«numbers_by_owner»']);
			expect(numbers.csv(d, 'flag-changes', (key) => `«${key}»`)).toContain(
				',공방A,«numbers_col_accepting»,«numbers_flag_off»,«numbers_by_owner»\r\n'
			);
			// The 12 months hold the change of 10 days ago too; another cluster's manager gets none of them.
			const year = await asManager(tx, f, () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, '12m', now));
			expect(year.flagChanges).toHaveLength(3);
			expect(await refusalAs(tx, f, 'MY', () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, '12m', now))).toBe('42501');
		}));

	it('refuses another cluster’s manager and people who manage nothing', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			for (const actor of ['MY', 'A', 'S', 'anon'] as const) {
				expect(await refusalAs(tx, f, actor, () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, '12m', now))).toBe('42501');
			}
			expect(await refusalAs(tx, f, 'OP', () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, 'all', now))).toBe('ok');
		}));

	it('exports every table as CSV with a byte order mark, translated headers and neutralised names', () =>
		rollback(async (tx) => {
			const f = await world(tx);
			await tx`update public.workshops set name_ko = '=HYPERLINK("x")' where id = ${f.workshops.WD}`;
			const d = await asManager(tx, f, () => numbers.dashboard(numbers.inTransaction(tx), f.clusters.X, 'all', now));
			const label = (key: string) => `«${key}»`;
			const requests = numbers.csv(d, 'requests', label);
			expect(requests.startsWith('\uFEFF«numbers_col_month»,«numbers_col_routed»,')).toBe(true);
			expect(requests).toContain(`${monthStart(koreanDay(ago(5))).slice(0, 7)},1,1,1,1,800000,1000000\r\n`);
			const members = numbers.csv(d, 'member-views', label);
			expect(members).toContain(`"'=HYPERLINK(""x"")",0,0\r\n`);
			expect(numbers.csv(d, 'members', label).split('\r\n').at(-2)).toBe(`${today.slice(0, 7)},3,2,1,2,2`);
		}));
});
