// The row-level security matrix of the console's tables (issue 16), and the audit trail's promises:
// every manager's and operator's action on members, applications, listings, requests and clusters
// leaves an entry in the same transaction; entries are append-only for everyone, the operator and
// the service role included; a manager reads only their clusters' entries, the operator all.
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import * as audit from '../../src/lib/server/audit';
import * as memberships from '../../src/lib/server/memberships';
import * as workshops from '../../src/lib/server/workshops';
import { rollback } from './db';
import { matrixTools, runMatrix, runOutsideRls, type Outcome, type TableMatrix as Matrix } from './rls-runner';
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

interface Fixtures extends ConsoleFixtures {
	audit: { EX: string; EY: string; EOP: string };
}
type TableMatrix = Matrix<Fixtures, Actor>;

const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const nobody = only();

/** The actor's newest entry (other test files write entries at the same time). */
async function lastEntry(tx: Tx, actor: string): Promise<string> {
	const [row] = await tx<{ id: string }[]>`select id::text from public.audit_entries where actor_id = ${actor} order by id desc limit 1`;
	return row.id;
}

/** The console world plus three audit entries, each made by a real action of a manager or the operator. */
async function createFixtures(tx: Tx): Promise<Fixtures> {
	const f = await createConsoleFixtures(tx);
	await asActor(tx, f, 'MX', () => memberships.decide(tx, f.memberships.mB, f.users.MX, { status: 'approved', reason: null }));
	const EX = await lastEntry(tx, f.users.MX);
	await asActor(tx, f, 'MY', () => workshops.setCuration(tx, f.workshops.WC, { verified: true, featured: false }));
	const EY = await lastEntry(tx, f.users.MY);
	await asActor(tx, f, 'OP', () => tx`update public.clusters set description_ko = '새 설명' where id = ${f.clusters.X}`);
	const EOP = await lastEntry(tx, f.users.OP);
	const names = new Map(f.names);
	names.set(EX, 'EX').set(EY, 'EY').set(EOP, 'EOP');
	return { ...f, audit: { EX, EY, EOP }, names };
}

const matrix: Record<string, TableMatrix> = {
	audit_entries: {
		visible: ({ tx, f }) => tx`select id::text from public.audit_entries where cluster_id in (${f.clusters.X}, ${f.clusters.Y})`,
		sees: { MX: ['EOP', 'EX'], MY: ['EY'], OP: ['EOP', 'EX', 'EY'] },
		insert: {
			'an entry by hand': {
				expect: nobody,
				sql: ({ tx, f, me }) => tx`insert into public.audit_entries (actor_id, actor_role, action, cluster_id)
					values (${me}, 'operator', 'cluster.updated', ${f.clusters.X})`
			}
		},
		update: {
			EX: { expect: nobody, sql: ({ tx, f }) => tx`update public.audit_entries set note = 'x' where id = ${f.audit.EX}` },
			EOP: { expect: nobody, sql: ({ tx, f }) => tx`update public.audit_entries set after = '{}' where id = ${f.audit.EOP}` }
		},
		delete: {
			EX: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.audit_entries where id = ${f.audit.EX}` },
			EOP: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.audit_entries where id = ${f.audit.EOP}` }
		}
	}
};

const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
const { as } = matrixTools(runner);
runMatrix(runner, matrix);
runOutsideRls(runner, Object.keys(matrix), ['anon', 'A', 'OP']);

describe('the audit trail', () => {
	it('is append-only even for the service role and the database owner', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			for (const statement of [
				() => tx`update public.audit_entries set note = 'x' where id = ${f.audit.EX}`,
				() => tx`delete from public.audit_entries where id = ${f.audit.EX}`,
				() => tx`truncate public.audit_entries`
			]) {
				const owner = await tx.savepoint((sp) => statement.call(sp)).catch((e: postgres.PostgresError) => e.code);
				expect(owner).toBe('42501');
				const service = await tx
					.savepoint(async () => {
						await tx`set local role service_role`;
						return statement();
					})
					.catch((e: postgres.PostgresError) => e.code);
				expect(service).toBe('42501');
			}
			expect((await tx`select 1 from public.audit_entries where id = ${f.audit.EX}`).length).toBe(1);
		}));

	it('records a decision with its before and after, and who made it', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const [entry] = await asActor(tx, f, 'MX', () => audit.list(tx, { workshopId: f.workshops.WB }));
			expect(entry).toMatchObject({
				action: 'application.approved',
				actor_id: f.users.MX,
				actor_role: 'manager',
				actor_name: 'user MX',
				cluster_id: f.clusters.X,
				before: { status: 'pending' },
				after: { status: 'approved' }
			});
		}));

	it('records an edit on behalf of a member with only the changed fields, and not the owner’s own edits', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await asActor(tx, f, 'MX', () => tx`update public.workshops set employees = 5, lead_time_days = 14 where id = ${f.workshops.WD}`);
			await asActor(tx, f, 'A', () => tx`update public.workshops set employees = 4 where id = ${f.workshops.WA}`);
			const entries = await asActor(tx, f, 'MX', () => audit.list(tx, { clusterId: f.clusters.X }));
			const edit = entries.find((e) => e.workshop_id === f.workshops.WD);
			expect(edit).toMatchObject({
				action: 'member.edited',
				before: { employees: 3, lead_time_days: null },
				after: { employees: 5, lead_time_days: 14 }
			});
			expect(entries.some((e) => e.workshop_id === f.workshops.WA)).toBe(false);
		}));

	it('records the verify flag as curation, and nothing for an action that failed', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const [curated] = await asActor(tx, f, 'MY', () => audit.list(tx, { workshopId: f.workshops.WC }));
			expect(curated).toMatchObject({ action: 'member.curated', before: { verified: false }, after: { verified: true } });
			// MY may not curate X's member: nothing changes, nothing is recorded.
			const before = (await tx`select count(*)::int as n from public.audit_entries`)[0].n;
			const ok = await as(tx, f, 'MY', () => workshops.setCuration(tx, f.workshops.WA, { verified: true, featured: true }));
			expect(ok).toBe(false);
			expect((await tx`select count(*)::int as n from public.audit_entries`)[0].n).toBe(before);
		}));
});
