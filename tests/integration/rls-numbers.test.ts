// Row-level security of the cluster's numbers (issue 16): the daily view and appearance counts are
// read by the managers of a workshop's clusters (approved members), the operator and the owner, and
// written by nobody except through public.count_workshop_views; the dashboard's functions answer a
// cluster's managers and the operator only ("a manager sees only their clusters' numbers"). The
// rollups of closed months (migration 20261210000100) are read like the live figures and written by
// the server's job only; the flags' history is read like the daily counts and written by a trigger only.
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { rollback } from './db';
import { matrixTools, runMatrix, runOutsideRls, type Outcome, type TableMatrix as Matrix } from './rls-runner';
import {
	actAs,
	actAsSuperuser,
	consoleActorNames as actorNames,
	consoleActors as actors,
	createConsoleFixtures,
	type ConsoleActor as Actor,
	type ConsoleFixtures as Fixtures
} from './console-fixtures';

type Tx = postgres.TransactionSql;
type Grid = Record<Actor, Outcome>;
type TableMatrix = Matrix<Fixtures, Actor>;

const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const nobody = only();

/** The console world with a day of counts for WA, WB (pending at X), WC (Y) and WD (kept by X's managers). */
async function createFixtures(tx: Tx): Promise<Fixtures> {
	const f = await createConsoleFixtures(tx);
	await tx`insert into public.workshop_daily_counts (workshop_id, day, views, appearances)
		select id, current_date - 1, 3, 7 from unnest(${Object.values(f.workshops)}::uuid[]) as id`;
	const { X, Y } = f.clusters;
	const month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 2, 1)).toISOString().slice(0, 10);
	await tx`insert into public.cluster_numbers_days (cluster_id, day, routed, views) values (${X}, ${month}, 2, 5), (${Y}, ${month}, 1, 3)`;
	await tx`insert into public.cluster_numbers_member_months (cluster_id, month, workshop_id, views) values
		(${X}, ${month}, ${f.workshops.WA}, 5), (${Y}, ${month}, ${f.workshops.WC}, 3)`;
	await tx`insert into public.cluster_numbers_member_activity (cluster_id, month, workshop_id, last_active) values
		(${X}, ${month}, ${f.workshops.WA}, ${month}), (${Y}, ${month}, ${f.workshops.WC}, ${month})`;
	await tx`insert into public.cluster_numbers_rollups (cluster_id, rolled_until) values (${X}, ${month}), (${Y}, ${month})`;
	await tx`insert into public.workshop_flag_changes (workshop_id, flag, before, after, by_role)
		select id, 'accepting_orders', true, false, 'owner' from unnest(${Object.values(f.workshops)}::uuid[]) as id`;
	return f;
}

/** A rollup table: the cluster's managers and the operator read it, nobody writes it through the API. */
const rollup = (table: string, row: (f: Fixtures) => Record<string, unknown>): TableMatrix => ({
	visible: ({ tx, f }) =>
		tx`select cluster_id::text as id from ${tx(`public.${table}`)} where cluster_id = any(${Object.values(f.clusters)}::uuid[])`,
	sees: { MX: ['X'], MY: ['Y'], OP: ['X', 'Y'] },
	insert: {
		'a row by hand': { expect: nobody, sql: ({ tx, f }) => tx`insert into ${tx(`public.${table}`)} ${tx(row(f))}` }
	},
	update: {
		"X's rows": {
			expect: nobody,
			sql: ({ tx, f }) => tx`update ${tx(`public.${table}`)} set cluster_id = cluster_id where cluster_id = ${f.clusters.X}`
		}
	},
	delete: {
		"X's rows": { expect: nobody, sql: ({ tx, f }) => tx`delete from ${tx(`public.${table}`)} where cluster_id = ${f.clusters.X}` }
	}
});

const matrix: Record<string, TableMatrix> = {
	workshop_daily_counts: {
		visible: ({ tx, f }) =>
			tx`select workshop_id::text as id from public.workshop_daily_counts where workshop_id = any(${Object.values(f.workshops)}::uuid[])`,
		sees: { A: ['WA'], B: ['WB'], C: ['WC'], MX: ['WA', 'WD'], MY: ['WC'], OP: ['WA', 'WB', 'WC', 'WD'] },
		insert: {
			'a count by hand': {
				expect: nobody,
				sql: ({ tx, f }) =>
					tx`insert into public.workshop_daily_counts (workshop_id, day, views) values (${f.workshops.WA}, current_date - 2, 100)`
			}
		},
		update: {
			"WA's count": {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.workshop_daily_counts set views = 1000 where workshop_id = ${f.workshops.WA}`
			}
		},
		delete: {
			"WA's count": {
				expect: nobody,
				sql: ({ tx, f }) => tx`delete from public.workshop_daily_counts where workshop_id = ${f.workshops.WA}`
			}
		}
	},
	workshop_flag_changes: {
		visible: ({ tx, f }) =>
			tx`select workshop_id::text as id from public.workshop_flag_changes where workshop_id = any(${Object.values(f.workshops)}::uuid[])`,
		sees: { A: ['WA'], B: ['WB'], C: ['WC'], MX: ['WA', 'WD'], MY: ['WC'], OP: ['WA', 'WB', 'WC', 'WD'] },
		insert: {
			'a change by hand': {
				expect: nobody,
				sql: ({ tx, f }) =>
					tx`insert into public.workshop_flag_changes (workshop_id, flag, before, after, by_role)
						values (${f.workshops.WA}, 'verified', false, true, 'manager')`
			}
		},
		update: {
			"WA's change": {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.workshop_flag_changes set after = true where workshop_id = ${f.workshops.WA}`
			}
		},
		delete: {
			"WA's change": {
				expect: nobody,
				sql: ({ tx, f }) => tx`delete from public.workshop_flag_changes where workshop_id = ${f.workshops.WA}`
			}
		}
	},
	cluster_numbers_days: rollup('cluster_numbers_days', (f) => ({ cluster_id: f.clusters.X, day: '2020-01-01', routed: 100 })),
	cluster_numbers_member_months: rollup('cluster_numbers_member_months', (f) => ({
		cluster_id: f.clusters.X,
		month: '2020-01-01',
		workshop_id: f.workshops.WA,
		views: 100
	})),
	cluster_numbers_member_activity: rollup('cluster_numbers_member_activity', (f) => ({
		cluster_id: f.clusters.X,
		month: '2020-01-01',
		workshop_id: f.workshops.WA,
		last_active: '2020-01-02'
	})),
	cluster_numbers_rollups: rollup('cluster_numbers_rollups', (f) => ({ cluster_id: f.clusters.X, rolled_until: '2030-01-01' }))
};

const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
const { as, attempt } = matrixTools(runner);
runMatrix(runner, matrix);
runOutsideRls(runner, Object.keys(matrix), ['anon', 'A', 'OP']);

const sections = ['members', 'requests', 'responses', 'views', 'orders'] as const;

describe("a cluster's numbers", () => {
	for (const actor of actors) {
		const allowed = actor === 'MX' || actor === 'OP';
		it(`${actorNames[actor]} · X's dashboard functions → ${allowed ? 'allowed' : 'denied'}`, () =>
			rollback(async (tx) => {
				const f = await createFixtures(tx);
				for (const section of sections) {
					const fn = `private.cluster_numbers_${section}`;
					// The function's name is one of the five above; the cluster is a parameter.
					const outcome = await attempt(tx, f, actor, ({ tx: sp, f }) =>
						sp.unsafe(
							`select * from ${fn}($1::uuid, 'month', date_trunc('month', current_date)::date, date_trunc('month', current_date)::date, current_date + 1)`,
							[f.clusters.X]
						)
					);
					expect(outcome, section).toBe(allowed ? 'allowed' : 'denied');
				}
			}));
	}

	for (const actor of actors) {
		const allowed = actor === 'MX' || actor === 'OP';
		it(`${actorNames[actor]} · X's flag changes on the dashboard → ${allowed ? 'allowed' : 'denied'}`, () =>
			rollback(async (tx) => {
				const f = await createFixtures(tx);
				const outcome = await attempt(
					tx,
					f,
					actor,
					({ tx: sp, f }) => sp`select * from private.cluster_numbers_flag_changes(${f.clusters.X}, current_date - 1, current_date + 1, 10)`
				);
				expect(outcome).toBe(allowed ? 'allowed' : 'denied');
			}));
	}

	it('the rollups are the server’s: only its job writes them, and nobody reads the dirty months', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			for (const actor of actors) {
				expect(await attempt(tx, f, actor, ({ tx: sp }) => sp`select private.refresh_all_cluster_numbers(now(), null)`), actor).toBe(
					'denied'
				);
				expect(await attempt(tx, f, actor, ({ tx: sp }) => sp`select month from private.cluster_numbers_dirty`), actor).toBe('denied');
			}
		}));

	it('counting is allowed to everyone, but only through the function, and never the owner’s own', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const { WA, WB } = f.workshops;
			const views = async (id: string) =>
				(
					await tx<
						{ views: number }[]
					>`select views from public.workshop_daily_counts where workshop_id = ${id} and day = (now() at time zone 'Asia/Seoul')::date`
				)[0]?.views ?? 0;
			for (const actor of actors) {
				const result = await as(tx, f, actor, (sp) => sp`select public.count_workshop_views(${[WA, WB]}::uuid[], 'view')`);
				expect('error' in result, actor).toBe(false);
			}
			// Everyone but A counted WA; everyone but B counted WB.
			expect(await views(WA)).toBe(actors.length - 1);
			expect(await views(WB)).toBe(actors.length - 1);
			const tooMany = await as(tx, f, 'anon', (sp) => sp`select public.count_workshop_views(array_fill(${WA}::uuid, array[101]), 'view')`);
			expect(tooMany).toMatchObject({ error: '22023' });
		}));
});
