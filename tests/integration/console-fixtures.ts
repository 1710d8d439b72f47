// Fixtures for the console's tests (notifications, audit trail, operator console): two craft clusters
// with their managers, an operator, craftsmen with and without workshops, a member kept by the
// managers (no account) and a startup with a company, made as the superuser inside the test's
// transaction (rolled back). Ids are fresh per call; the trade code sits outside KSIC's C10-C33.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';

type Tx = postgres.TransactionSql;

export const consoleActors = ['anon', 'A', 'B', 'C', 'S', 'MX', 'MY', 'OP'] as const;
export type ConsoleActor = (typeof consoleActors)[number];
type User = Exclude<ConsoleActor, 'anon'>;

export const consoleActorNames: Record<ConsoleActor, string> = {
	anon: 'anonymous',
	A: 'craftsman A (member of X)',
	B: 'craftsman B (applied to X)',
	C: 'craftsman C (member of Y)',
	S: 'startup S',
	MX: 'manager MX',
	MY: 'manager MY',
	OP: 'operator OP'
};

const roles: Record<User, string> = {
	A: 'craftsman',
	B: 'craftsman',
	C: 'craftsman',
	S: 'startup',
	MX: 'manager',
	MY: 'manager',
	OP: 'operator'
};

/**
 * - craft clusters X (MX) and Y (MY), both routing trade T
 * - WA (A) and WD (no account) approved members of X; WB (B) pending at X; WC (C) approved member of Y
 * - company CS (S)
 */
export interface ConsoleFixtures {
	users: Record<User, string>;
	emails: Record<User, string>;
	trade: string;
	clusters: { X: string; Y: string };
	slugs: { X: string; Y: string };
	workshops: { WA: string; WB: string; WC: string; WD: string };
	memberships: { mA: string; mB: string; mC: string; mD: string };
	company: string;
	names: Map<string, string>;
}

export async function createConsoleFixtures(tx: Tx, trade = '99931'): Promise<ConsoleFixtures> {
	const ids = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, randomUUID()])) as Record<K, string>;
	const users = ids('A', 'B', 'C', 'S', 'MX', 'MY', 'OP');
	const clusters = ids('X', 'Y');
	const workshops = ids('WA', 'WB', 'WC', 'WD');
	const memberships = ids('mA', 'mB', 'mC', 'mD');
	const company = randomUUID();
	const emails = Object.fromEntries(
		Object.entries(users).map(([k, id]) => [k, `con-${k.toLowerCase()}-${id.slice(0, 8)}@example.test`])
	) as Record<User, string>;
	for (const [key, id] of Object.entries(users) as [User, string][]) {
		const chosen = roles[key] === 'craftsman' ? 'craftsman' : 'startup';
		await tx`insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data)
			values (${id}, ${emails[key]}, now(), ${tx.json({ role: chosen, display_name: `user ${key}` })})`;
		if (roles[key] !== chosen) await tx`update public.profiles set role = ${roles[key]} where id = ${id}`;
	}
	await tx`insert into public.trades (ksic_code, name_ko, name_en) values (${trade}, '시험 업종', 'Test trade') on conflict do nothing`;
	const slugs = { X: `con-x-${clusters.X.slice(0, 8)}`, Y: `con-y-${clusters.Y.slice(0, 8)}` };
	for (const k of ['X', 'Y'] as const) {
		await tx`insert into public.clusters (id, slug, kind, name_ko, name_en, trade_code, region_ko, region_en,
				district_ko, district_en, district_kind, lat, lng)
			values (${clusters[k]}, ${slugs[k]}, 'craft', ${`시험집적지${k}`}, ${`Test cluster ${k}`}, ${trade},
				'서울', 'Seoul', '중구', 'Jung-gu', 'district', 37.56, 126.99)`;
	}
	await tx`insert into public.cluster_managers (cluster_id, user_id) values (${clusters.X}, ${users.MX}), (${clusters.Y}, ${users.MY})`;
	const workshop = (id: string, owner: string | null, key: string) => tx`
		insert into public.workshops (id, owner_id, slug, name_ko, trade_code, employees, district_ko)
		values (${id}, ${owner}, ${`con-${key}-${id.slice(0, 8)}`}, ${`공방${key.toUpperCase()}`}, ${trade}, 3, '중구')`;
	await workshop(workshops.WA, users.A, 'a');
	await workshop(workshops.WB, users.B, 'b');
	await workshop(workshops.WC, users.C, 'c');
	await workshop(workshops.WD, null, 'd');
	await tx`insert into public.cluster_memberships (id, cluster_id, workshop_id, status, decided_by, decided_at) values
		(${memberships.mA}, ${clusters.X}, ${workshops.WA}, 'approved', ${users.MX}, now()),
		(${memberships.mD}, ${clusters.X}, ${workshops.WD}, 'approved', ${users.MX}, now()),
		(${memberships.mC}, ${clusters.Y}, ${workshops.WC}, 'approved', ${users.MY}, now())`;
	await tx`insert into public.cluster_memberships (id, cluster_id, workshop_id) values (${memberships.mB}, ${clusters.X}, ${workshops.WB})`;
	await tx`insert into public.companies (id, owner_id, slug, name_ko) values (${company}, ${users.S}, ${`con-cs-${company.slice(0, 8)}`}, '시험회사')`;
	// The fixtures' own notifications (the pending application told MX) are not what the tests look at.
	await tx`delete from public.notifications where user_id = any(${Object.values(users)}::uuid[])`;
	const names = new Map<string, string>();
	for (const group of [users, clusters, workshops, memberships]) for (const [n, id] of Object.entries(group)) names.set(id, n);
	names.set(company, 'CS');
	return { users, emails, trade, clusters, slugs, workshops, memberships, company, names };
}

/** Switches the transaction to the actor, the way the app's withUser() does. */
export async function actAs(tx: Tx, actor: ConsoleActor, f: ConsoleFixtures): Promise<void> {
	const role = actor === 'anon' ? 'anon' : 'authenticated';
	const claims = actor === 'anon' ? { role } : { sub: f.users[actor], role };
	await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', ${role}, true)`;
}

export async function actAsSuperuser(tx: Tx): Promise<void> {
	await tx`reset role`;
	await tx`select set_config('request.jwt.claims', '', true)`;
}

/** fn as the actor, then back to the superuser. */
export async function asActor<T>(tx: Tx, f: ConsoleFixtures, actor: ConsoleActor, fn: () => Promise<T>): Promise<T> {
	await actAs(tx, actor, f);
	try {
		return await fn();
	} finally {
		await actAsSuperuser(tx);
	}
}

/** fn as the actor in a savepoint: the SQLSTATE it was refused with, or 'ok'. */
export async function refusalAs(tx: Tx, f: ConsoleFixtures, actor: ConsoleActor, fn: () => Promise<unknown>): Promise<string> {
	try {
		await tx.savepoint(async () => {
			await actAs(tx, actor, f);
			await fn();
		});
		return 'ok';
	} catch (e) {
		const code = (e as { code?: string }).code;
		if (!code) throw e;
		return code;
	} finally {
		await actAsSuperuser(tx);
	}
}
