// Runs a row-level security matrix (table × actor × select, insert, update, delete) against the real
// database: each case builds the fixtures in a transaction, acts as one user inside a savepoint, and
// rolls everything back. Only a permission error (42501) counts as denied; an update or delete that
// RLS lets touch no row is denied too.
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { rollback } from './db';

type Tx = postgres.TransactionSql;
export type Outcome = 'allowed' | 'denied';
export interface Ctx<F> {
	tx: Tx;
	f: F;
	/** The acting user's id (null for anon), for statements about "my own" rows. */
	me: string | null;
}
export type Statement<F> = (c: Ctx<F>) => postgres.PendingQuery<postgres.Row[]>;
export interface Attempt<F, A extends string> {
	expect: Record<A, Outcome>;
	sql: Statement<F>;
	/** Changes the fixtures for this attempt first, as the superuser (a state the shared fixtures lack). */
	prepare?: (tx: Tx, f: F) => Promise<unknown>;
}
export interface TableMatrix<F, A extends string> {
	/** Lists the fixture rows the current user can see, as `id` (names come from the fixtures). */
	visible: Statement<F>;
	/** What each actor sees; an actor left out sees nothing. */
	sees: Partial<Record<A, string[]>>;
	insert: Record<string, Attempt<F, A>>;
	update: Record<string, Attempt<F, A>>;
	delete: Record<string, Attempt<F, A>>;
}

/** How to set up and act in one matrix's world; X: actors beyond the grid's (rls.test.ts: a newcomer). */
export interface MatrixRunner<
	F extends { users: Record<string, string>; names: Map<string, string> },
	A extends string,
	X extends string = A
> {
	actors: readonly A[];
	actorNames: Record<A, string>;
	anonymous: A;
	createFixtures(tx: Tx): Promise<F>;
	actAs(tx: Tx, actor: A | X, f: F): Promise<void>;
	actAsSuperuser(tx: Tx): Promise<void>;
}

type Fixtureish = { users: Record<string, string>; names: Map<string, string> };

/** Acting as someone in a savepoint of the test's transaction. */
export function matrixTools<F extends Fixtureish, A extends string, X extends string = A>(runner: MatrixRunner<F, A, X>) {
	/** fn as the actor in a savepoint: its result, or the SQLSTATE it failed with. */
	async function as<T>(tx: Tx, f: F, actor: A | X, fn: (sp: Tx) => Promise<T>): Promise<T | { error: string; message: string }> {
		try {
			return (await tx.savepoint(async (sp) => {
				await runner.actAs(sp, actor, f);
				return fn(sp);
			})) as T;
		} catch (e) {
			if (e instanceof postgres.PostgresError) return { error: e.code, message: e.message };
			throw e;
		} finally {
			await runner.actAsSuperuser(tx);
		}
	}

	/** Runs one statement as the actor; only a permission error (42501) counts as denied. */
	async function attempt(tx: Tx, f: F, actor: A | X, sql: Statement<F>): Promise<Outcome> {
		const me = actor === runner.anonymous ? null : f.users[actor];
		const result = await as(tx, f, actor, (sp) => sql({ tx: sp, f, me }));
		if ('error' in result) {
			if (result.error === '42501') return 'denied';
			throw new Error(result.message);
		}
		// Under RLS an update or delete of a row the user may not touch just affects nothing; a
		// statement that changes no rows by design (truncate, create trigger) succeeded.
		const changesRows = ['INSERT', 'UPDATE', 'DELETE'].includes(result.command);
		return !changesRows || result.count > 0 ? 'allowed' : 'denied';
	}

	/** The fixture rows the actor sees; a role without the privilege to look sees nothing. */
	async function visibleTo(tx: Tx, f: F, actor: A | X, list: Statement<F>): Promise<string[]> {
		const rows = await as(tx, f, actor, (sp) => list({ tx: sp, f, me: null }));
		if ('error' in rows) {
			if (rows.error === '42501') return [];
			throw new Error(rows.message);
		}
		return rows.map((r) => f.names.get(r.id as string) ?? `unknown ${r.id}`).sort();
	}

	return { as, attempt, visibleTo };
}

export function runMatrix<F extends Fixtureish, A extends string, X extends string = A>(
	runner: MatrixRunner<F, A, X>,
	matrix: Record<string, TableMatrix<F, A>>
): void {
	const { actors, actorNames } = runner;
	const { attempt, visibleTo } = matrixTools(runner);
	const sees = (rows: string[]) => (rows.length ? `sees ${rows.join(', ')}` : 'sees nothing');
	for (const [table, spec] of Object.entries(matrix)) {
		describe(table, () => {
			for (const actor of actors) {
				const expected = [...(spec.sees[actor] ?? [])].sort();
				it(`${table} · ${actorNames[actor]} · select → ${sees(expected)}`, () =>
					rollback(async (tx) => {
						const f = await runner.createFixtures(tx);
						expect(await visibleTo(tx, f, actor, spec.visible)).toEqual(expected);
					}));
			}
			for (const op of ['insert', 'update', 'delete'] as const) {
				for (const [target, { expect: grid, sql, prepare }] of Object.entries(spec[op])) {
					for (const actor of actors) {
						it(`${table} · ${actorNames[actor]} · ${op} ${target} → ${grid[actor]}`, () =>
							rollback(async (tx) => {
								const f = await runner.createFixtures(tx);
								await prepare?.(tx, f);
								expect(await attempt(tx, f, actor, sql)).toBe(grid[actor]);
							}));
					}
				}
			}
		});
	}
}

/**
 * Table privileges that RLS does not cover. TRUNCATE empties a table whatever the policies say, and
 * TRIGGER lets a user plant code that later runs as whoever writes the table (a service-role job).
 * Nobody acting through the app's roles may do either (one actor per database role is enough).
 */
export function runOutsideRls<F extends Fixtureish, A extends string, X extends string = A>(
	runner: MatrixRunner<F, A, X>,
	tables: readonly string[],
	actors: readonly A[]
): void {
	const { attempt } = matrixTools(runner);
	const statements: Record<string, (tx: Tx, table: string) => postgres.PendingQuery<postgres.Row[]>> = {
		truncate: (tx, table) => tx`truncate table ${tx('public.' + table)} cascade`,
		'create a trigger': (tx, table) => tx`
			create trigger rls_probe before update on ${tx('public.' + table)}
			for each row execute function private.guard_workshop_curation()`
	};
	describe('privileges outside row-level security', () => {
		for (const table of tables) {
			for (const [what, statement] of Object.entries(statements)) {
				for (const actor of actors) {
					it(`${table} · ${runner.actorNames[actor]} · ${what} → denied`, () =>
						rollback(async (tx) => {
							const f = await runner.createFixtures(tx);
							expect(await attempt(tx, f, actor, ({ tx: sp }) => statement(sp, table))).toBe('denied');
						}));
				}
			}
		}
	});
}
