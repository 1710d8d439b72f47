// The managers' member table (issue 16) on the real database with RLS on: filters, sorting, pages and
// "last active"; bulk curation limited to the manager's own members; announcements told to the chosen
// members' owners in the app and by mail, recorded in the audit trail, and readable only by the
// cluster's managers and the operator.
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import * as announcements from '../../src/lib/server/announcements';
import * as audit from '../../src/lib/server/audit';
import * as memberships from '../../src/lib/server/memberships';
import * as workshops from '../../src/lib/server/workshops';
import { parseMemberFilter } from '../../src/lib/domain/member-table';
import { rollback } from './db';
import { matrixTools, runMatrix, type Outcome, type TableMatrix as Matrix } from './rls-runner';
import {
	actAs,
	actAsSuperuser,
	asActor,
	consoleActorNames as actorNames,
	consoleActors as actors,
	createConsoleFixtures,
	type ConsoleActor as Actor,
	type ConsoleFixtures
} from './console-fixtures';

type Tx = postgres.TransactionSql;
type Grid = Record<Actor, Outcome>;
const filter = (q = '') => parseMemberFilter(new URLSearchParams(q));
const names = (page: memberships.MemberPage) => page.members.map((w) => w.workshop_name_ko);

interface Fixtures extends ConsoleFixtures {
	announcement: string;
}

async function createFixtures(tx: Tx): Promise<Fixtures> {
	const f = await createConsoleFixtures(tx);
	await asActor(tx, f, 'MX', () =>
		announcements.send(tx, f.clusters.X, { title: '정기 총회', body: '12월 20일 총회가 있습니다.', workshopIds: null })
	);
	const [a] = await tx<{ id: string }[]>`select id from public.cluster_announcements where cluster_id = ${f.clusters.X}`;
	f.names.set(a.id, 'AX');
	return { ...f, announcement: a.id };
}

const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const matrix: Record<string, Matrix<Fixtures, Actor>> = {
	cluster_announcements: {
		visible: ({ tx, f }) => tx`select id from public.cluster_announcements where cluster_id in (${f.clusters.X}, ${f.clusters.Y})`,
		sees: { MX: ['AX'], OP: ['AX'] },
		insert: {
			'an announcement by hand': {
				expect: only(),
				sql: ({ tx, f, me }) => tx`insert into public.cluster_announcements (cluster_id, author_id, title, body, recipients)
					values (${f.clusters.X}, ${me}, 't', 'b', 0)`
			}
		},
		update: {
			AX: { expect: only(), sql: ({ tx, f }) => tx`update public.cluster_announcements set title = 'x' where id = ${f.announcement}` }
		},
		delete: { AX: { expect: only(), sql: ({ tx, f }) => tx`delete from public.cluster_announcements where id = ${f.announcement}` } }
	}
};
const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
const { as } = matrixTools(runner);
runMatrix(runner, matrix);

async function notesOf(tx: Tx, user: string) {
	return tx<{ id: string; payload: Record<string, string> }[]>`
		select id, payload from public.notifications where user_id = ${user} and kind = 'announcement'`;
}

describe('the member table', () => {
	it('lists approved members only, filtered by flags and name, sorted as asked', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			await tx`update public.workshops set verified = true, name_ko = '가나공방' where id = ${f.workshops.WD}`;
			await tx`update public.workshops set accepting_orders = false where id = ${f.workshops.WA}`;
			const page = await asActor(tx, f, 'MX', () => memberships.members(tx, f.clusters.X, filter()));
			// WB is pending, WC belongs to Y.
			expect(names(page)).toEqual(['가나공방', '공방A']);
			expect(page).toMatchObject({ total: 2, all: 2 });
			expect(page.members.map((w) => [w.verified, w.accepting_orders, w.online])).toEqual([
				[true, true, false],
				[false, false, true]
			]);
			const verified = await asActor(tx, f, 'MX', () => memberships.members(tx, f.clusters.X, filter('verified=yes')));
			expect(names(verified)).toEqual(['가나공방']);
			expect(verified).toMatchObject({ total: 1, all: 2 });
			const offline = await asActor(tx, f, 'MX', () => memberships.members(tx, f.clusters.X, filter('online=no&accepting=yes')));
			expect(names(offline)).toEqual(['가나공방']);
			expect(names(await asActor(tx, f, 'MX', () => memberships.members(tx, f.clusters.X, filter('q=%EA%B3%B5%EB%B0%A9A'))))).toEqual([
				'공방A'
			]);
			expect(names(await asActor(tx, f, 'MX', () => memberships.members(tx, f.clusters.X, filter('dir=desc'))))).toEqual([
				'공방A',
				'가나공방'
			]);
			// A wildcard typed in the search box is a character, not a pattern.
			expect((await asActor(tx, f, 'MX', () => memberships.members(tx, f.clusters.X, filter('q=%25')))).total).toBe(0);
		}));

	it('shows when a member last signed in, quoted or wrote, and nothing for members without an account', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			await tx`update auth.users set last_sign_in_at = now() - interval '40 days' where id = ${f.users.A}`;
			const page = await asActor(tx, f, 'MX', () => memberships.members(tx, f.clusters.X, filter('sort=last_active')));
			expect(names(page)).toEqual(['공방A', '공방D']);
			const [a, d] = page.members;
			expect(Date.now() - new Date(a.last_active_at!).getTime()).toBeGreaterThan(39 * 86_400_000);
			expect(d.last_active_at).toBeNull();
			// Another cluster's manager learns nothing from it.
			const [other] = await asActor(tx, f, 'MY', () => tx`select count(*)::int as n from public.cluster_member_activity(${f.clusters.X})`);
			expect(other.n).toBe(0);
		}));

	it('pages through a long list, 50 at a time', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			await tx`
				with made as (
					insert into public.workshops (owner_id, slug, name_ko, trade_code, employees, district_ko)
					select null, 'bulk-' || i || '-' || ${f.clusters.X.slice(0, 8)}, '일괄공방' || lpad(i::text, 3, '0'), ${f.trade}, 2, '중구'
					from generate_series(1, 60) i returning id)
				insert into public.cluster_memberships (cluster_id, workshop_id, status, decided_at)
				select ${f.clusters.X}, id, 'approved', now() from made`;
			const first = await asActor(tx, f, 'MX', () => memberships.members(tx, f.clusters.X, filter('q=일괄')));
			const second = await asActor(tx, f, 'MX', () => memberships.members(tx, f.clusters.X, filter('q=일괄&page=2')));
			expect(first.members).toHaveLength(50);
			expect(second.members).toHaveLength(10);
			expect(first.total).toBe(60);
			expect(second.members.at(-1)?.workshop_name_ko).toBe('일괄공방060');
		}));

	it('verifies the selected members in one go, only the manager’s own, and records each', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			const all = [f.workshops.WA, f.workshops.WD, f.workshops.WC];
			expect(await as(tx, f, 'MX', () => workshops.curateMany(tx, all, { verified: true }))).toBe(2);
			const flags = await tx<{ id: string; verified: boolean }[]>`select id, verified from public.workshops where id = any(${all}::uuid[])`;
			expect(Object.fromEntries(flags.map((w) => [f.names.get(w.id), w.verified]))).toEqual({ WA: true, WD: true, WC: false });
			const entries = await asActor(tx, f, 'MX', () => audit.list(tx, { clusterId: f.clusters.X }));
			expect(entries.filter((e) => e.action === 'member.curated')).toHaveLength(2);
			// Again: nothing left to change.
			expect(await as(tx, f, 'MX', () => workshops.curateMany(tx, all, { verified: true }))).toBe(0);
			expect(await as(tx, f, 'A', () => workshops.curateMany(tx, [f.workshops.WD], { featured: true }))).toBe(0);
		}));
});

describe('announcements', () => {
	it('tell every approved member’s owner in the app and by mail, and leave an audit entry', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			const told = await asActor(tx, f, 'MX', () =>
				announcements.send(tx, f.clusters.X, {
					title: '공용 장비 점검',
					body: '월요일은 레이저 각인기를 쓸 수 없습니다.',
					workshopIds: null
				})
			);
			// A is the only approved member with an account (WD has none, WB is pending, WC is in Y).
			expect(told).toBe(1);
			const [note] = await notesOf(tx, f.users.A);
			expect(note.payload).toMatchObject({
				title: '공용 장비 점검',
				body: '월요일은 레이저 각인기를 쓸 수 없습니다.',
				cluster_slug: f.slugs.X
			});
			const [mail] = await tx`select 1 from public.outbox where topic = 'mail.notification' and key = ${note.id}`;
			expect(mail).toBeDefined();
			for (const other of [f.users.B, f.users.C, f.users.MX]) expect(await notesOf(tx, other)).toEqual([]);
			const [entry] = await asActor(tx, f, 'MX', () => audit.list(tx, { clusterId: f.clusters.X }));
			expect(entry).toMatchObject({ action: 'announcement.sent', after: { title: '공용 장비 점검', recipients: 1, to: 'all' } });
			const [sent] = await asActor(tx, f, 'MX', () => announcements.recent(tx, f.clusters.X));
			expect(sent).toMatchObject({ title: '공용 장비 점검', recipients: 1, selected: null, author_name: 'user MX' });
		}));

	it('posted twice with the same key (a double click) are sent once', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			const key = randomUUID();
			const send = () =>
				asActor(tx, f, 'MX', () =>
					announcements.send(tx, f.clusters.X, { title: '한 번만', body: '두 번 눌러도 한 번', workshopIds: null, submissionKey: key })
				);
			expect(await send()).toBe(1);
			expect(await send()).toBe(1);
			expect(await notesOf(tx, f.users.A)).toHaveLength(1);
			const [{ n }] = await tx<{ n: number }[]>`select count(*)::int as n from public.cluster_announcements where submission_key = ${key}`;
			expect(n).toBe(1);
			// A new key is a new announcement.
			await asActor(tx, f, 'MX', () =>
				announcements.send(tx, f.clusters.X, {
					title: '한 번만',
					body: '두 번 눌러도 한 번',
					workshopIds: null,
					submissionKey: randomUUID()
				})
			);
			expect(await notesOf(tx, f.users.A)).toHaveLength(2);
		}));

	it('go to the selected members only', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			const told = await asActor(tx, f, 'MX', () =>
				announcements.send(tx, f.clusters.X, { title: '서류 안내', body: '확인서를 내 주세요.', workshopIds: [f.workshops.WD] })
			);
			expect(told).toBe(0);
			expect(await notesOf(tx, f.users.A)).toEqual([]);
		}));

	it('are refused to anyone but the cluster’s managers', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			for (const actor of ['MY', 'OP', 'A', 'S'] as const) {
				const outcome = await as(tx, f, actor, () =>
					announcements.send(tx, f.clusters.X, { title: '가짜 공지', body: '본문', workshopIds: null })
				);
				expect(outcome, actor).toMatchObject({ error: '42501' });
			}
			expect(await notesOf(tx, f.users.A)).toEqual([]);
		}));
});
