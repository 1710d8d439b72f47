// The operator's console on the real database (RLS on): designating, editing and archiving clusters,
// appointing managers by email, finding users, and suspension — a suspended account cannot sign in,
// its sessions end, and the database refuses its writes even with a token still in hand.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeCookies } from '../doubles/cookies';
import { parseConfig } from '../../src/lib/server/config';
import { createAuth } from '../../src/lib/server/auth';
import * as clusterAdmin from '../../src/lib/server/cluster-admin';
import { craftClusters } from '../../src/lib/server/clusters';
import { withUser } from '../../src/lib/server/db';
import * as users from '../../src/lib/server/users';
import { rollback, testSql } from './db';
import { asActor, createConsoleFixtures, refusalAs } from './console-fixtures';
import * as profiles from '../../src/lib/server/profiles';

type Tx = postgres.TransactionSql;

const newCluster = (slug: string): clusterAdmin.ClusterInput => ({
	slug,
	kind: 'craft',
	name_ko: '을지로 인쇄',
	name_en: 'Euljiro printing',
	specialty_ko: '인쇄',
	specialty_en: 'Printing',
	trade_code: '99931',
	region_ko: '서울',
	region_en: 'Seoul',
	district_ko: '중구',
	district_en: 'Jung-gu',
	district_kind: 'district',
	areas_ko: ['을지로3가', '을지로4가'],
	lat: 37.566,
	lng: 126.991,
	description_ko: '',
	description_en: ''
});
// The operator's newest entries (other test files write entries at the same time).
const actions = (tx: Tx, actor: string) =>
	tx<{ action: string }[]>`select action from public.audit_entries where actor_id = ${actor} order by id desc limit 5`;

describe('clusters and managers', () => {
	it('lets the operator designate a cluster with its areas, recorded in the audit trail; a manager may not', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			const slug = `con-new-${f.clusters.X.slice(0, 8)}`;
			expect(await asActor(tx, f, 'MX', () => clusterAdmin.create(tx, newCluster(slug)))).toEqual({ ok: false, error: 'not_allowed' });
			expect(await asActor(tx, f, 'OP', () => clusterAdmin.create(tx, newCluster(slug)))).toEqual({ ok: true, slug });
			expect(await asActor(tx, f, 'OP', () => clusterAdmin.create(tx, newCluster(slug)))).toEqual({ ok: false, error: 'slug_taken' });
			const created = await asActor(tx, f, 'OP', () => clusterAdmin.get(tx, slug));
			expect(created).toMatchObject({ areas_ko: ['을지로3가', '을지로4가'], district_kind: 'district', managers: [] });
			expect((await actions(tx, f.users.OP))[0].action).toBe('cluster.created');
		}));

	it('appoints a manager by email (the account becomes a manager) and removes them', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			expect(await asActor(tx, f, 'OP', () => clusterAdmin.appointManager(tx, f.clusters.X, 'nobody@example.test'))).toBe(false);
			expect(await asActor(tx, f, 'OP', () => clusterAdmin.appointManager(tx, f.clusters.X, f.emails.S.toUpperCase()))).toBe(true);
			const [profile] = await tx`select role from public.profiles where id = ${f.users.S}`;
			expect(profile.role).toBe('manager');
			const cluster = await asActor(tx, f, 'OP', () => clusterAdmin.get(tx, f.slugs.X));
			expect(cluster?.managers.map((m) => m.email).sort()).toEqual([f.emails.MX, f.emails.S].sort());
			expect((await actions(tx, f.users.OP)).map((a) => a.action)).toEqual(
				expect.arrayContaining(['manager.assigned', 'user.role_changed'])
			);
			expect(await asActor(tx, f, 'OP', () => clusterAdmin.removeManager(tx, f.clusters.X, f.users.S))).toBe(true);
			expect((await actions(tx, f.users.OP))[0].action).toBe('manager.removed');
			// Only the operator appoints.
			expect(await refusalAs(tx, f, 'MX', () => clusterAdmin.appointManager(tx, f.clusters.X, f.emails.B))).toBe('42501');
		}));

	it('archives a cluster out of routing and listings, and restores it', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			expect(await asActor(tx, f, 'OP', () => clusterAdmin.setArchived(tx, f.clusters.Y, true))).toBe(true);
			const routed = await asActor(tx, f, 'S', () => craftClusters(tx));
			expect(routed.map((c) => c.id)).toContain(f.clusters.X);
			expect(routed.map((c) => c.id)).not.toContain(f.clusters.Y);
			// Archiving is the operator's: not another cluster's manager, not even the cluster's own.
			expect(await asActor(tx, f, 'MY', () => clusterAdmin.setArchived(tx, f.clusters.X, true))).toBe(false);
			expect(await asActor(tx, f, 'MX', () => clusterAdmin.setArchived(tx, f.clusters.X, true))).toBe(false);
			await asActor(tx, f, 'OP', () => clusterAdmin.setArchived(tx, f.clusters.Y, false));
			expect((await asActor(tx, f, 'S', () => craftClusters(tx))).map((c) => c.id)).toContain(f.clusters.Y);
		}));
});

describe('users and suspension', () => {
	it('finds users by email or name for the operator only', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			const found = await asActor(tx, f, 'OP', () => users.find(tx, f.emails.MX));
			expect(found).toHaveLength(1);
			expect(found[0]).toMatchObject({ role: 'manager', display_name: 'user MX', clusters: ['시험집적지X'] });
			expect(await refusalAs(tx, f, 'MX', () => users.find(tx, ''))).toBe('42501');
		}));

	it('refuses a suspended user’s writes in the database, and allows them again once lifted', () =>
		rollback(async (tx) => {
			const f = await createConsoleFixtures(tx);
			expect(await asActor(tx, f, 'MX', () => users.setSuspension(tx, f.users.S, '스팸 의뢰'))).toBe(false);
			expect(await asActor(tx, f, 'OP', () => users.setSuspension(tx, f.users.OP, '나'))).toBe(false);
			expect(await asActor(tx, f, 'OP', () => users.setSuspension(tx, f.users.S, '스팸 의뢰를 반복해서 올림'))).toBe(true);
			const [u] = await tx`select banned_until from auth.users where id = ${f.users.S}`;
			expect(u.banned_until).not.toBeNull();
			const post = () =>
				refusalAs(
					tx,
					f,
					'S',
					() => tx`insert into public.requests (owner_id, company_id, title) values (${f.users.S}, ${f.company}, '새 의뢰')`
				);
			expect(await post()).toBe('42501');
			const edit = await asActor(tx, f, 'A', () => tx`update public.workshops set employees = 4 where id = ${f.workshops.WA}`);
			expect(edit.count).toBe(1);
			await asActor(tx, f, 'OP', () => users.setSuspension(tx, f.users.A, '허위 정보'));
			const blocked = await asActor(tx, f, 'A', () => tx`update public.workshops set employees = 5 where id = ${f.workshops.WA}`);
			expect(blocked.count).toBe(0);
			const [entry] =
				await tx`select action, after from public.audit_entries where subject_user_id = ${f.users.A} order by id desc limit 1`;
			expect(entry).toMatchObject({ action: 'user.suspended', after: { suspension_reason: '허위 정보' } });
			expect(await asActor(tx, f, 'OP', () => users.setSuspension(tx, f.users.S, null))).toBe(true);
			expect(await post()).toBe('ok');
		}));
});

describe('sign-in of a suspended account', () => {
	const dirs: string[] = [];
	const created: string[] = [];
	afterAll(async () => {
		await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
		if (created.length) await testSql()`delete from auth.users where id = any(${created}::uuid[])`;
	});

	it('is refused with its own answer, and the sessions it had end', async () => {
		const sql = testSql();
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sl-console-'));
		dirs.push(dir);
		const auth = createAuth(parseConfig({ DATA_DIR: dir, SESSION_SECRET: 'a-test-session-secret-of-32-bytes-or-more' }));
		const url = new URL('http://localhost:5173/');
		const email = `con-suspend-${crypto.randomUUID()}@test.local`;
		const cookies = new FakeCookies();
		const signedUp = await auth
			.forRequest({ cookies, url })
			.signUp({ email, password: 'correct horse 1', role: 'startup', displayName: '정지될 회원' });
		if (!signedUp.ok || !signedUp.claims) throw new Error('sign-up failed');
		created.push(signedUp.claims.sub);
		const [op] = await sql<{ id: string }[]>`
			insert into auth.users (email, raw_user_meta_data) values (${`con-op-${crypto.randomUUID()}@test.local`}, '{}') returning id`;
		created.push(op.id);
		await sql`update public.profiles set role = 'operator' where id = ${op.id}`;
		expect(await withUser({ sub: op.id, role: 'authenticated' }, (tx) => users.setSuspension(tx, signedUp.claims.sub, '약관 위반'))).toBe(
			true
		);
		// Its sessions are gone (a process that saw one alive trusts it for 15 s more; the app then
		// treats the account as signed out, and the database refuses its writes meanwhile).
		expect((await sql`select 1 from auth.sessions where user_id = ${signedUp.claims.sub}`).length).toBe(0);
		expect(await withUser(signedUp.claims, (tx) => profiles.current(tx, signedUp.claims))).toBeNull();
		const again = await auth.forRequest({ cookies: new FakeCookies(), url }).signIn({ email, password: 'correct horse 1' });
		expect(again).toEqual({ ok: false, error: 'suspended' });
		// A wrong password learns nothing about the suspension.
		const wrong = await auth.forRequest({ cookies: new FakeCookies(), url }).signIn({ email, password: 'wrong horse 12' });
		expect(wrong).toEqual({ ok: false, error: 'invalid_credentials' });
		await withUser({ sub: op.id, role: 'authenticated' }, (tx) => users.setSuspension(tx, signedUp.claims.sub, null));
		expect((await auth.forRequest({ cookies: new FakeCookies(), url }).signIn({ email, password: 'correct horse 1' })).ok).toBe(true);
	});
});
