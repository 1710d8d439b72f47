// Fixtures for the row-level security matrix: a small marketplace created as the superuser inside a
// transaction the test rolls back, plus the way to act as one of its users in that transaction.
// Ids are fresh per call and trade codes sit outside KSIC's C10-C33, so seed data never collides.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';

type Tx = postgres.TransactionSql;

export const actors = ['anon', 'A', 'B', 'S', 'MX', 'MY', 'OP'] as const;
export type Actor = (typeof actors)[number];
export type User = Exclude<Actor, 'anon'>;
export type Account = User | 'N';

export const actorNames: Record<Actor, string> = {
	anon: 'anonymous',
	A: 'craftsman A',
	B: 'craftsman B',
	S: 'startup S',
	MX: 'manager MX',
	MY: 'manager MY',
	OP: 'operator OP'
};

/**
 * - trades T (used by everything) and T2 (unused, so deleting it trips no foreign key)
 * - craft clusters X and Y, startup cluster Z; MX manages X, MY manages Y
 * - WA: A's active workshop, approved member of X, with photo PA
 * - WB: B's active workshop, pending applicant of X
 * - WS: B's suspended workshop, pending at X and rejected by Y, with photo PS
 * - CS: S's company in Z
 * - N: an account whose profile row is missing, to test creating one
 */
export interface Fixtures {
	users: Record<Account, string>;
	trades: { T: string; T2: string };
	clusters: { X: string; Y: string; Z: string };
	workshops: { WA: string; WB: string; WS: string };
	photos: { PA: string; PS: string };
	memberships: { mAX: string; mBX: string; mSX: string; mSY: string };
	managers: { 'X·MX': string; 'Y·MY': string };
	companies: { CS: string };
	/** Fixture id → its name above, to report visible rows by name. */
	names: Map<string, string>;
}

const userRoles: Record<Account, string> = {
	A: 'craftsman',
	B: 'craftsman',
	S: 'startup',
	MX: 'manager',
	MY: 'manager',
	OP: 'operator',
	N: 'craftsman'
};

export async function createFixtures(tx: Tx): Promise<Fixtures> {
	const ids = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, randomUUID()])) as Record<K, string>;
	const users = ids('A', 'B', 'S', 'MX', 'MY', 'OP', 'N');
	const trades = { T: '99901', T2: '99902' };
	const clusters = ids('X', 'Y', 'Z');
	const workshops = ids('WA', 'WB', 'WS');
	const photos = ids('PA', 'PS');
	const memberships = ids('mAX', 'mBX', 'mSX', 'mSY');
	const companies = ids('CS');
	const managers = { 'X·MX': `${clusters.X}:${users.MX}`, 'Y·MY': `${clusters.Y}:${users.MY}` };

	for (const [key, id] of Object.entries(users) as [Account, string][]) {
		// Sign-up may only choose craftsman or startup; managers and operators are appointed below.
		const chosen = userRoles[key] === 'craftsman' ? 'craftsman' : 'startup';
		await tx`insert into auth.users (id, email, raw_user_meta_data)
			values (${id}, ${`rls-${key.toLowerCase()}-${id}@example.test`},
			        ${tx.json({ role: chosen, display_name: `user ${key}` })})`;
		if (userRoles[key] !== chosen) await tx`update public.profiles set role = ${userRoles[key]} where id = ${id}`;
	}
	await tx`delete from public.profiles where id = ${users.N}`;

	await tx`insert into public.trades (ksic_code, name_ko, name_en) values
		(${trades.T}, '시험 업종', 'Test trade'), (${trades.T2}, '미사용 업종', 'Unused trade')`;

	const cluster = (id: string, slug: string, kind: 'craft' | 'startup') => tx`
		insert into public.clusters (id, slug, kind, name_ko, name_en, trade_code, region_ko, region_en,
			district_ko, district_en, district_kind, lat, lng)
		values (${id}, ${`rls-test-${slug}-${id.slice(0, 8)}`}, ${kind}, ${slug}, ${slug},
			${kind === 'craft' ? trades.T : null}, '서울', 'Seoul', '중구', 'Jung-gu', 'district', 37.56, 126.99)`;
	await cluster(clusters.X, 'x', 'craft');
	await cluster(clusters.Y, 'y', 'craft');
	await cluster(clusters.Z, 'z', 'startup');
	await tx`insert into public.cluster_managers (cluster_id, user_id)
		values (${clusters.X}, ${users.MX}), (${clusters.Y}, ${users.MY})`;

	const workshop = (id: string, owner: string, name: string, status: 'active' | 'suspended') => tx`
		insert into public.workshops (id, owner_id, slug, name_ko, trade_code, employees, status)
		values (${id}, ${owner}, ${`rls-test-${name.toLowerCase()}-${id.slice(0, 8)}`}, ${name}, ${trades.T}, 3, ${status})`;
	await workshop(workshops.WA, users.A, 'WA', 'active');
	await workshop(workshops.WB, users.B, 'WB', 'active');
	await workshop(workshops.WS, users.B, 'WS', 'suspended');

	await tx`insert into public.workshop_photos (id, workshop_id, path, thumb_path, width, height) values
		(${photos.PA}, ${workshops.WA}, ${`rls/${photos.PA}.webp`}, ${`rls/${photos.PA}-t.webp`}, 800, 600),
		(${photos.PS}, ${workshops.WS}, ${`rls/${photos.PS}.webp`}, ${`rls/${photos.PS}-t.webp`}, 800, 600)`;

	await tx`insert into public.cluster_memberships (id, cluster_id, workshop_id, status, decision_reason, decided_by, decided_at) values
		(${memberships.mAX}, ${clusters.X}, ${workshops.WA}, 'approved', null, ${users.MX}, now()),
		(${memberships.mBX}, ${clusters.X}, ${workshops.WB}, 'pending', null, null, null),
		(${memberships.mSX}, ${clusters.X}, ${workshops.WS}, 'pending', null, null, null),
		(${memberships.mSY}, ${clusters.Y}, ${workshops.WS}, 'rejected', 'out of scope', ${users.MY}, now())`;

	await tx`insert into public.companies (id, owner_id, slug, name_ko, startup_cluster_id)
		values (${companies.CS}, ${users.S}, ${`rls-test-cs-${companies.CS.slice(0, 8)}`}, 'CS', ${clusters.Z})`;

	const names = new Map<string, string>();
	for (const group of [users, trades, clusters, workshops, photos, memberships, managers, companies]) {
		for (const [name, id] of Object.entries(group)) names.set(id, name);
	}
	return { users, trades, clusters, workshops, photos, memberships, managers, companies, names };
}

/** Switches the transaction to the actor, the way the app's withUser() does. */
export async function actAs(tx: Tx, actor: Actor | 'N', f: Fixtures): Promise<void> {
	const role = actor === 'anon' ? 'anon' : 'authenticated';
	const claims = actor === 'anon' ? { role } : { sub: f.users[actor], role };
	await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
		set_config('role', ${role}, true)`;
}

/** Back to the superuser, with no claims. */
export async function actAsSuperuser(tx: Tx): Promise<void> {
	await tx`reset role`;
	await tx`select set_config('request.jwt.claims', '', true)`;
}
