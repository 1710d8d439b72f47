// The row-level security matrix of member import (issue 16): roster uploads, imports and imported
// members — every table × every actor × select, insert, update and delete, on the base matrix's world
// plus: MX uploaded UX and ran import IX for cluster X, which made the unclaimed workshop WR (member
// RX, with a claim code); MY uploaded UY for Y. A manager sees only their clusters' imports; the
// writing goes through public.roster_import and public.roster_claim, checked at the end.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { rollback } from './db';
import { matrixTools, runMatrix, runOutsideRls, type Outcome, type TableMatrix as Matrix } from './rls-runner';
import { actAs, actAsSuperuser, actorNames, actors, createFixtures as createBaseFixtures, type Actor, type Fixtures } from './rls-fixtures';

type Tx = postgres.TransactionSql;
type Grid = Record<Actor, Outcome>;

interface RosterFixtures extends Fixtures {
	uploads: { UX: string; UY: string };
	imports: { IX: string };
	rosterWorkshops: { WR: string };
	rosterMembers: { 'X·RX': string };
	brn: string;
	code: string;
}
type TableMatrix = Matrix<RosterFixtures, Actor>;

const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const nobody = only();
const BRN = '110-81-23459';

async function createFixtures(tx: Tx): Promise<RosterFixtures> {
	const f = await createBaseFixtures(tx);
	const ids = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, randomUUID()])) as Record<K, string>;
	const uploads = ids('UX', 'UY');
	const imports = ids('IX');
	const rosterWorkshops = ids('WR');
	const code = 'RSTRCD23';
	await tx`insert into public.roster_uploads (id, cluster_id, uploaded_by, file_name, headers, rows) values
		(${uploads.UX}, ${f.clusters.X}, ${f.users.MX}, 'x.csv', '["상호"]', '[["가"]]'),
		(${uploads.UY}, ${f.clusters.Y}, ${f.users.MY}, 'y.csv', '["상호"]', '[["나"]]')`;
	await tx`insert into public.roster_imports (id, cluster_id, imported_by, file_name, row_count, created_count)
		values (${imports.IX}, ${f.clusters.X}, ${f.users.MX}, 'x.csv', 1, 1)`;
	await tx`insert into public.workshops (id, slug, name_ko, trade_code, employees, business_registration_number)
		values (${rosterWorkshops.WR}, ${`rls-test-wr-${rosterWorkshops.WR.slice(0, 8)}`}, 'WR', ${f.trades.T}, 2, ${BRN})`;
	await tx`insert into public.cluster_memberships (cluster_id, workshop_id, status, decided_by, decided_at)
		values (${f.clusters.X}, ${rosterWorkshops.WR}, 'approved', ${f.users.MX}, now())`;
	await tx`delete from public.roster_members where claim_code = ${code}`;
	await tx`insert into public.roster_members (cluster_id, brn, workshop_id, representative, claim_code, import_id)
		values (${f.clusters.X}, ${BRN}, ${rosterWorkshops.WR}, '김', ${code}, ${imports.IX})`;
	const extra = { uploads, imports, rosterWorkshops, rosterMembers: { 'X·RX': `${f.clusters.X}:${BRN}` } };
	const names = new Map(f.names);
	for (const group of Object.values(extra)) for (const [name, id] of Object.entries(group)) names.set(id, name);
	return { ...f, ...extra, brn: BRN, code, names };
}

const matrix: Record<string, TableMatrix> = {
	roster_uploads: {
		visible: ({ tx, f }) => tx`select id from public.roster_uploads where id in (${f.uploads.UX}, ${f.uploads.UY})`,
		sees: { MX: ['UX'], MY: ['UY'] },
		insert: {
			'an upload for X': {
				expect: only('MX'),
				sql: ({ tx, f }) => tx`insert into public.roster_uploads (cluster_id, headers, rows) values (${f.clusters.X}, '[]', '[]')`
			}
		},
		update: {
			'UX renamed': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.roster_uploads set file_name = 'z.csv' where id = ${f.uploads.UX}`
			}
		},
		delete: { UX: { expect: only('MX'), sql: ({ tx, f }) => tx`delete from public.roster_uploads where id = ${f.uploads.UX}` } }
	},
	roster_imports: {
		visible: ({ tx, f }) => tx`select id from public.roster_imports where id = ${f.imports.IX}`,
		sees: { MX: ['IX'], OP: ['IX'] },
		insert: {
			'an import into X': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.roster_imports (cluster_id, row_count) values (${f.clusters.X}, 0)`
			}
		},
		update: {
			'IX counts': { expect: nobody, sql: ({ tx, f }) => tx`update public.roster_imports set created_count = 9 where id = ${f.imports.IX}` }
		},
		delete: { IX: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.roster_imports where id = ${f.imports.IX}` } }
	},
	roster_members: {
		visible: ({ tx, f }) =>
			tx`select cluster_id::text || ':' || brn as id from public.roster_members where workshop_id = ${f.rosterWorkshops.WR}`,
		sees: { MX: ['X·RX'], OP: ['X·RX'] },
		insert: {
			'a member of X': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.roster_members (cluster_id, brn, workshop_id, claim_code)
					values (${f.clusters.X}, '220-85-67811', ${f.workshops.WA}, 'ABCDEFGH')`
			}
		},
		update: {
			'RX invited': {
				expect: only('MX'),
				sql: ({ tx, f }) =>
					tx`update public.roster_members set invited_email = 'a@example.com', invited_at = now() where workshop_id = ${f.rosterWorkshops.WR}`
			},
			'RX claimed by hand': {
				expect: nobody,
				sql: ({ tx, f, me }) =>
					tx`update public.roster_members set claimed_by = ${me}, claimed_at = now() where workshop_id = ${f.rosterWorkshops.WR}`
			}
		},
		delete: {
			RX: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.roster_members where workshop_id = ${f.rosterWorkshops.WR}` }
		}
	}
};

const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
runMatrix(runner, matrix);
runOutsideRls(runner, Object.keys(matrix), ['anon', 'A']);

describe('roster functions', () => {
	const { as } = matrixTools(runner);
	const row = (f: RosterFixtures) => [
		{ brn: '220-85-67811', name: '새공방', trade_code: f.trades.T, employees: 3, code: 'NEWCD234', slug: `rls-new-${f.code}` }
	];
	const importInto = (sp: Tx, cluster: string, f: RosterFixtures, dry: boolean) =>
		sp`select public.roster_import(${cluster}, 'x.csv', ${sp.json(row(f))}::jsonb, ${dry}) as r`;

	it('only a manager of the cluster imports into it', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const mx = await as(
				tx,
				f,
				'MX',
				async (sp) => (await importInto(sp, f.clusters.X, f, true))[0] as { r: { counts: Record<string, number> } }
			);
			expect('error' in mx ? mx : mx.r.counts).toMatchObject({ new: 1 });
			for (const actor of ['anon', 'A', 'S', 'MY', 'OP'] as const) {
				expect(await as(tx, f, actor, (sp) => importInto(sp, f.clusters.X, f, false)), actor).toMatchObject({ error: '42501' });
			}
		}));

	it('a claim needs a craftsman without a workshop, the code and the BRN', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const claim = (actor: Actor, code: string, brn: string) =>
				as(tx, f, actor, (sp) => sp`select public.roster_claim(${code}, ${brn}) as id`);
			expect(await claim('anon', f.code, f.brn)).toMatchObject({ error: '42501' });
			expect(await claim('MX', f.code, f.brn)).toMatchObject({ message: 'not_craftsman' });
			// A owns WA already.
			expect(await claim('A', f.code, f.brn)).toMatchObject({ message: 'has_workshop' });
			await tx`update public.workshops set status = 'suspended' where id = ${f.workshops.WA}`;
			expect(await claim('A', 'WRONGCD2', f.brn)).toMatchObject({ message: 'bad_code' });
			expect(await claim('A', f.code, '220-85-67811')).toMatchObject({ message: 'brn_mismatch' });
			expect(await claim('A', f.code, f.brn)).toEqual([{ id: f.rosterWorkshops.WR }]);
		}));
});
