// Row-level security of the cluster's numbers (issue 16): the daily view and appearance counts are
// read by the managers of a workshop's clusters (approved members), the operator and the owner, and
// written by nobody except through public.count_workshop_views; the dashboard's functions answer a
// cluster's managers and the operator only ("a manager sees only their clusters' numbers").
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
	return f;
}

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
	}
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
