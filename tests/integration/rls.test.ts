// The row-level security matrix: every table × every actor × select, insert, update and delete,
// against the real database. Each case builds the fixtures in a transaction, acts as one user inside
// a savepoint, and rolls everything back. Who may do what is data below; the runner is at the end.
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { rollback } from './db';
import { actAs, actAsSuperuser, actorNames, actors, createFixtures, type Actor, type Fixtures } from './rls-fixtures';
import {
	matrixTools,
	runMatrix,
	runOutsideRls,
	type Outcome,
	type Statement as MatrixStatement,
	type TableMatrix as Matrix
} from './rls-runner';

type Tx = postgres.TransactionSql;
type Grid = Record<Actor, Outcome>;
type Statement = MatrixStatement<Fixtures>;
type TableMatrix = Matrix<Fixtures, Actor>;

/** The actors allowed to; everyone else is denied. */
const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const nobody = only();
const everyone = (rows: string[]): Record<Actor, string[]> => Object.fromEntries(actors.map((a) => [a, rows])) as Record<Actor, string[]>;
const users = ['A', 'B', 'S', 'MX', 'MY', 'OP'] as const;

const newCluster = (tx: Tx, f: Fixtures) => tx`
	insert into public.clusters (slug, kind, name_ko, name_en, trade_code, region_ko, region_en,
		district_ko, district_en, district_kind, lat, lng)
	values ('rls-test-new-cluster', 'craft', '새', 'New', ${f.trades.T}, '서울', 'Seoul', '중구', 'Jung-gu',
		'district', 37.5, 127)`;
const newWorkshop = (tx: Tx, f: Fixtures, owner: string | null, verified = false) => tx`
	insert into public.workshops (owner_id, slug, name_ko, trade_code, employees, verified)
	values (${owner}, 'rls-test-new-workshop', '새 공방', ${f.trades.T}, 2, ${verified})`;
/** An owner has one active workshop (a unique index): for a first workshop, A and B give theirs up. */
const noWorkshopsYet = (tx: Tx, f: Fixtures) =>
	tx`update public.workshops set owner_id = null where id in (${f.workshops.WA}, ${f.workshops.WB})`;
const newPhoto = (tx: Tx, workshop: string) => tx`
	insert into public.workshop_photos (workshop_id, path, thumb_path, width, height)
	values (${workshop}, 'rls/new.webp', 'rls/new-t.webp', 640, 480)`;
const apply = (tx: Tx, cluster: string, workshop: string, status = 'pending') => tx`
	insert into public.cluster_memberships (cluster_id, workshop_id, status) values (${cluster}, ${workshop}, ${status})`;

const matrix: Record<string, TableMatrix> = {
	trades: {
		visible: ({ tx, f }) => tx`select ksic_code as id from public.trades where ksic_code in (${f.trades.T}, ${f.trades.T2})`,
		sees: everyone(['T', 'T2']),
		insert: {
			'a trade': {
				expect: only('MX', 'MY', 'OP'),
				sql: ({ tx }) => tx`insert into public.trades (ksic_code, name_ko, name_en) values ('99903', '새 업종', 'New trade')`
			}
		},
		update: {
			T: {
				expect: only('MX', 'MY', 'OP'),
				sql: ({ tx, f }) => tx`update public.trades set name_en = 'Renamed' where ksic_code = ${f.trades.T}`
			}
		},
		delete: {
			T2: { expect: only('OP'), sql: ({ tx, f }) => tx`delete from public.trades where ksic_code = ${f.trades.T2}` }
		}
	},

	clusters: {
		visible: ({ tx, f }) => tx`select id from public.clusters where id in ${tx(Object.values(f.clusters))}`,
		sees: everyone(['X', 'Y', 'Z']),
		insert: { 'a cluster': { expect: only('OP'), sql: ({ tx, f }) => newCluster(tx, f) } },
		update: {
			X: { expect: only('MX', 'OP'), sql: ({ tx, f }) => tx`update public.clusters set name_en = 'Renamed' where id = ${f.clusters.X}` },
			Y: { expect: only('MY', 'OP'), sql: ({ tx, f }) => tx`update public.clusters set name_en = 'Renamed' where id = ${f.clusters.Y}` }
		},
		delete: {
			X: { expect: only('OP'), sql: ({ tx, f }) => tx`delete from public.clusters where id = ${f.clusters.X}` }
		}
	},

	profiles: {
		visible: ({ tx, f }) => tx`select id from public.profiles where id in ${tx(Object.values(f.users))}`,
		sees: { anon: [], A: ['A'], B: ['B'], S: ['S'], MX: ['MX'], MY: ['MY'], OP: [...users] },
		insert: {
			// N is an account without a profile; nobody may create one on its behalf.
			"newcomer N's profile": {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.profiles (id, role) values (${f.users.N}, 'craftsman')`
			}
		},
		update: {
			'own display_name': {
				expect: only(...users),
				sql: ({ tx, me }) => tx`update public.profiles set display_name = 'Renamed' where id = ${me}`
			},
			'own role to operator': {
				expect: nobody,
				sql: ({ tx, me }) => tx`update public.profiles set role = 'operator' where id = ${me}`
			},
			"A's display_name": {
				expect: only('A'),
				sql: ({ tx, f }) => tx`update public.profiles set display_name = 'Renamed' where id = ${f.users.A}`
			}
		},
		delete: {
			'own profile': { expect: nobody, sql: ({ tx, me }) => tx`delete from public.profiles where id = ${me}` }
		}
	},

	cluster_managers: {
		visible: ({ tx, f }) => tx`
			select cluster_id || ':' || user_id as id from public.cluster_managers
			where cluster_id in (${f.clusters.X}, ${f.clusters.Y})`,
		sees: { anon: [], A: [], B: [], S: [], MX: ['X·MX'], MY: ['Y·MY'], OP: ['X·MX', 'Y·MY'] },
		insert: {
			'MY into X': {
				expect: only('OP'),
				sql: ({ tx, f }) => tx`insert into public.cluster_managers (cluster_id, user_id) values (${f.clusters.X}, ${f.users.MY})`
			}
		},
		update: {
			'X·MX to Y': {
				expect: only('OP'),
				sql: ({ tx, f }) => tx`
					update public.cluster_managers set cluster_id = ${f.clusters.Y}
					where cluster_id = ${f.clusters.X} and user_id = ${f.users.MX}`
			}
		},
		delete: {
			'X·MX': {
				expect: only('OP'),
				sql: ({ tx, f }) => tx`delete from public.cluster_managers where cluster_id = ${f.clusters.X} and user_id = ${f.users.MX}`
			}
		}
	},

	workshops: {
		visible: ({ tx, f }) => tx`select id from public.workshops where id in ${tx(Object.values(f.workshops))}`,
		sees: {
			anon: ['WA', 'WB'],
			A: ['WA', 'WB'],
			B: ['WA', 'WB', 'WS'], // WS is B's own, suspended
			S: ['WA', 'WB'],
			MX: ['WA', 'WB', 'WS'], // WS applied to X
			MY: ['WA', 'WB', 'WS'], // Y rejected WS, but still sees the applicant
			OP: ['WA', 'WB', 'WS']
		},
		insert: {
			'own workshop': { expect: only('A', 'B'), prepare: noWorkshopsYet, sql: ({ tx, f, me }) => newWorkshop(tx, f, me) },
			'a workshop owned by B': { expect: only('B'), prepare: noWorkshopsYet, sql: ({ tx, f }) => newWorkshop(tx, f, f.users.B) },
			'own workshop already verified': { expect: nobody, sql: ({ tx, f, me }) => newWorkshop(tx, f, me, true) }
		},
		update: {
			// MX edits WA because WA is an approved member of X.
			'WA name': {
				expect: only('A', 'MX'),
				sql: ({ tx, f }) => tx`update public.workshops set name_ko = '새 이름' where id = ${f.workshops.WA}`
			},
			// WB is only pending at X: MX may look, not edit.
			'WB name': {
				expect: only('B'),
				sql: ({ tx, f }) => tx`update public.workshops set name_ko = '새 이름' where id = ${f.workshops.WB}`
			},
			'WS name': {
				expect: only('B'),
				sql: ({ tx, f }) => tx`update public.workshops set name_ko = '새 이름' where id = ${f.workshops.WS}`
			},
			'WA verified': {
				expect: only('MX'),
				sql: ({ tx, f }) => tx`update public.workshops set verified = true where id = ${f.workshops.WA}`
			},
			'WA featured': {
				expect: only('MX'),
				sql: ({ tx, f }) => tx`update public.workshops set featured = true where id = ${f.workshops.WA}`
			},
			'WA suspended': {
				expect: only('MX'),
				sql: ({ tx, f }) => tx`update public.workshops set status = 'suspended' where id = ${f.workshops.WA}`
			},
			'WB verified': { expect: nobody, sql: ({ tx, f }) => tx`update public.workshops set verified = true where id = ${f.workshops.WB}` },
			'WA owner to B': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.workshops set owner_id = ${f.users.B} where id = ${f.workshops.WA}`
			}
		},
		delete: {
			WA: { expect: only('A'), sql: ({ tx, f }) => tx`delete from public.workshops where id = ${f.workshops.WA}` },
			WB: { expect: only('B'), sql: ({ tx, f }) => tx`delete from public.workshops where id = ${f.workshops.WB}` }
		}
	},

	workshop_photos: {
		visible: ({ tx, f }) => tx`select id from public.workshop_photos where id in (${f.photos.PA}, ${f.photos.PS})`,
		sees: {
			anon: ['PA'],
			A: ['PA'],
			B: ['PA', 'PS'], // PS belongs to B's suspended WS
			S: ['PA'],
			MX: ['PA', 'PS'], // WS applied to X
			MY: ['PA', 'PS'], // WS applied to Y (rejected)
			OP: ['PA'] // sees WS itself, but the photo policy has no operator clause
		},
		insert: {
			'a photo of WA': { expect: only('A', 'MX'), sql: ({ tx, f }) => newPhoto(tx, f.workshops.WA) },
			'a photo of WB': { expect: only('B'), sql: ({ tx, f }) => newPhoto(tx, f.workshops.WB) }
		},
		update: {
			'PA position': {
				expect: only('A', 'MX'),
				sql: ({ tx, f }) => tx`update public.workshop_photos set position = 5 where id = ${f.photos.PA}`
			},
			'PA onto WB': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.workshop_photos set workshop_id = ${f.workshops.WB} where id = ${f.photos.PA}`
			}
		},
		delete: {
			PA: { expect: only('A', 'MX'), sql: ({ tx, f }) => tx`delete from public.workshop_photos where id = ${f.photos.PA}` },
			PS: { expect: only('B'), sql: ({ tx, f }) => tx`delete from public.workshop_photos where id = ${f.photos.PS}` }
		}
	},

	cluster_memberships: {
		visible: ({ tx, f }) => tx`select id from public.cluster_memberships where id in ${tx(Object.values(f.memberships))}`,
		sees: {
			anon: ['mAX'],
			A: ['mAX'],
			B: ['mAX', 'mBX', 'mSX', 'mSY'], // own applications, whatever their state
			S: ['mAX'],
			MX: ['mAX', 'mBX', 'mSX'], // all of X's
			MY: ['mAX', 'mSY'], // X's approved only, plus Y's own
			OP: ['mAX', 'mBX', 'mSX', 'mSY']
		},
		insert: {
			'WA into Y': { expect: only('A'), sql: ({ tx, f }) => apply(tx, f.clusters.Y, f.workshops.WA) },
			'WB into Y': { expect: only('B'), sql: ({ tx, f }) => apply(tx, f.clusters.Y, f.workshops.WB) },
			'WA into Y already approved': { expect: nobody, sql: ({ tx, f }) => apply(tx, f.clusters.Y, f.workshops.WA, 'approved') },
			'WA into startup cluster Z': { expect: nobody, sql: ({ tx, f }) => apply(tx, f.clusters.Z, f.workshops.WA) }
		},
		update: {
			'approve mBX': {
				expect: only('MX'),
				sql: ({ tx, f, me }) => tx`
					update public.cluster_memberships set status = 'approved', decided_by = ${me}, decided_at = now()
					where id = ${f.memberships.mBX}`
			},
			'approve mSY': {
				expect: only('MY'),
				sql: ({ tx, f }) => tx`update public.cluster_memberships set status = 'approved' where id = ${f.memberships.mSY}`
			},
			// Deciding is allowed; re-pointing a decision at another workshop is not (column grant).
			'mBX workshop to WA': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.cluster_memberships set workshop_id = ${f.workshops.WA} where id = ${f.memberships.mBX}`
			},
			'mBX cluster to Y': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.cluster_memberships set cluster_id = ${f.clusters.Y} where id = ${f.memberships.mBX}`
			}
		},
		delete: {
			'pending mBX': { expect: only('B'), sql: ({ tx, f }) => tx`delete from public.cluster_memberships where id = ${f.memberships.mBX}` },
			// The owner leaves the cluster (account settings); nobody else removes a member this way.
			'approved mAX': { expect: only('A'), sql: ({ tx, f }) => tx`delete from public.cluster_memberships where id = ${f.memberships.mAX}` },
			// A rejection stays on record (a new application would need the managers' word first).
			'rejected mSY': { expect: nobody, sql: ({ tx, f }) => tx`delete from public.cluster_memberships where id = ${f.memberships.mSY}` }
		}
	},

	companies: {
		visible: ({ tx, f }) => tx`select id from public.companies where id = ${f.companies.CS}`,
		sees: everyone(['CS']),
		insert: {
			'own company': {
				expect: only('S'),
				sql: ({ tx, me }) => tx`insert into public.companies (owner_id, slug, name_ko) values (${me}, 'rls-test-new-company', '새 회사')`
			}
		},
		update: {
			CS: { expect: only('S'), sql: ({ tx, f }) => tx`update public.companies set name_ko = '새 이름' where id = ${f.companies.CS}` },
			'CS owner to A': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.companies set owner_id = ${f.users.A} where id = ${f.companies.CS}`
			}
		},
		delete: {
			CS: { expect: only('S'), sql: ({ tx, f }) => tx`delete from public.companies where id = ${f.companies.CS}` }
		}
	}
};

/** Cases outside the grid: the newcomer N, whose profile the sign-up trigger has not made. */
const newcomer: { name: string; expect: Outcome; sql: Statement }[] = [
	{
		name: 'profiles · newcomer N · insert own profile as craftsman',
		expect: 'allowed',
		sql: ({ tx, me }) => tx`insert into public.profiles (id, role) values (${me}, 'craftsman')`
	},
	{
		name: 'profiles · newcomer N · insert own profile as manager',
		expect: 'denied',
		sql: ({ tx, me }) => tx`insert into public.profiles (id, role) values (${me}, 'manager')`
	},
	{
		name: 'profiles · newcomer N · insert own profile as operator',
		expect: 'denied',
		sql: ({ tx, me }) => tx`insert into public.profiles (id, role) values (${me}, 'operator')`
	}
];

// ---------------------------------------------------------------- runner

const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
runMatrix<Fixtures, Actor, Actor | 'N'>(runner, matrix);

describe('profiles of a newcomer', () => {
	const { attempt } = matrixTools<Fixtures, Actor, Actor | 'N'>(runner);
	for (const { name, expect: outcome, sql } of newcomer) {
		it(`${name} → ${outcome}`, () =>
			rollback(async (tx) => {
				const f = await createFixtures(tx);
				expect(await attempt(tx, f, 'N', sql)).toBe(outcome);
			}));
	}
});

// These fail until a migration revokes truncate, trigger (and references, maintain) on public tables
// from anon and authenticated: Supabase's default grants, mirrored by the shim, include them. One
// actor per database role: every signed-in user is `authenticated`, like A.
runOutsideRls(runner, Object.keys(matrix), ['anon', 'A']);

describe('auth.sessions and reset tokens are the server’s own', () => {
	const { attempt } = matrixTools<Fixtures, Actor, Actor | 'N'>(runner);
	for (const actor of actors) {
		for (const [op, sql] of [
			['select', ({ tx }: { tx: Tx }) => tx`select id from auth.sessions`],
			['delete', ({ tx }: { tx: Tx }) => tx`delete from auth.sessions`],
			['read reset tokens', ({ tx }: { tx: Tx }) => tx`select token_hash from auth.one_time_tokens`]
		] as const) {
			it(`${actorNames[actor]} · ${op} sessions → denied`, () =>
				rollback(async (tx) => {
					const f = await createFixtures(tx);
					expect(await attempt(tx, f, actor, sql)).toBe('denied');
				}));
		}
	}
});

describe('private.throttle is the server’s own', () => {
	const { attempt } = matrixTools<Fixtures, Actor, Actor | 'N'>(runner);
	for (const actor of actors) {
		it(`${actorNames[actor]} · read or clear throttling → denied`, () =>
			rollback(async (tx) => {
				const f = await createFixtures(tx);
				expect(await attempt(tx, f, actor, ({ tx: sp }) => sp`select key from private.throttle`)).toBe('denied');
				expect(await attempt(tx, f, actor, ({ tx: sp }) => sp`delete from private.throttle`)).toBe('denied');
			}));
	}
});

describe('consents are each person’s own', () => {
	const { as, attempt } = matrixTools<Fixtures, Actor, Actor | 'N'>(runner);
	const people = actors.filter((a) => a !== 'anon');
	for (const actor of actors) {
		it(`${actorNames[actor]} · sees only their own consents, records only their own, changes none`, () =>
			rollback(async (tx) => {
				const f = await createFixtures(tx);
				await tx`
					insert into public.consents (user_id, document, version)
					select id, 'terms', 'rls-test' from unnest(${people.map((p) => f.users[p])}::uuid[]) as id`;
				const seen = await as(
					tx,
					f,
					actor,
					(sp) => sp<{ user_id: string }[]>`select user_id from public.consents where version = 'rls-test'`
				);
				const mine = actor === 'anon' ? [] : [f.users[actor]];
				expect(Array.isArray(seen) ? seen.map((r) => r.user_id) : []).toEqual(mine);
				const other = actor === 'A' ? f.users.B : f.users.A;
				expect(
					await attempt(
						tx,
						f,
						actor,
						({ tx: sp }) => sp`insert into public.consents (user_id, document, version) values (${other}, 'privacy', 'rls-test')`
					)
				).toBe('denied');
				expect(await attempt(tx, f, actor, ({ tx: sp }) => sp`update public.consents set version = 'x' where version = 'rls-test'`)).toBe(
					'denied'
				);
				expect(await attempt(tx, f, actor, ({ tx: sp }) => sp`delete from public.consents where version = 'rls-test'`)).toBe('denied');
				if (actor !== 'anon') {
					const own = await attempt(
						tx,
						f,
						actor,
						({ tx: sp, me }) => sp`insert into public.consents (user_id, document, version) values (${me}, 'marketing', 'rls-test')`
					);
					expect(own).toBe('allowed');
				}
			}));
	}
});
