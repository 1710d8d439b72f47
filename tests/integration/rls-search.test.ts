// The row-level security matrix of search: the glossary managers edit, the outbox only the worker and
// the triggers touch, and the PostgreSQL engine's index (documents, vocabulary, facet codes), which
// anyone may read (it holds public data of approved members only) and only the engine writes.
// Then: no table in the public schema is without row-level security.
import type postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { rollback, testSql } from './db';
import { actAs, actAsSuperuser, actorNames, actors, createFixtures, type Actor, type Fixtures } from './rls-fixtures';
import { matrixTools, runMatrix, runOutsideRls, type Outcome, type Statement, type TableMatrix } from './rls-runner';

type Tx = postgres.TransactionSql;

/** The marketplace of rls-fixtures plus one row in each search table. */
interface SearchFixtures extends Fixtures {
	search: { SD: string; TT: string; FC: string; GS: string; OB: string };
}

async function createSearchFixtures(tx: Tx): Promise<SearchFixtures> {
	const f = await createFixtures(tx);
	const tag = f.workshops.WA.slice(0, 8);
	// SD: the index document of A's approved workshop.
	await tx`insert into public.search_documents (workshop_id, doc, name_norm, tsv, key_tsv, name_tsv)
		values (${f.workshops.WA}, '{}', 'wa', 'wa', 'wa', 'wa')`;
	const [tt] = await tx`insert into public.search_terms (term, jamo) values (${`rls-${tag}`}, 'ㄹ') returning term`;
	const [fc] = await tx`insert into public.search_facet_codes (value) values (${`x:rls-${tag}`}) returning code::text as id`;
	const [gs] = await tx`insert into public.search_synonyms (term, synonyms, created_by)
		values (${`rls ${tag}`}, '{시험}', ${f.users.MX}) returning id::text`;
	const [ob] = await tx`insert into public.outbox (topic, key) values ('rls.test', ${tag}) returning id::text`;
	const search = { SD: f.workshops.WA, TT: tt.term as string, FC: fc.id as string, GS: gs.id as string, OB: ob.id as string };
	const names = new Map(f.names);
	for (const [name, id] of Object.entries(search)) names.set(id, name);
	// SD is WA's document: named as the document here.
	names.set(f.workshops.WA, 'SD');
	return { ...f, search, names };
}

const only = (...who: Actor[]): Record<Actor, Outcome> =>
	Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Record<Actor, Outcome>;
const nobody = only();
const everyone = (rows: string[]) => Object.fromEntries(actors.map((a) => [a, rows])) as Record<Actor, string[]>;

type Matrix = TableMatrix<SearchFixtures, Actor>;

/** A table of the engine's index: everyone reads the fixture row, nobody writes it or adds one. */
function indexTable(row: string, statements: Record<'visible' | 'insert' | 'update' | 'delete', Statement<SearchFixtures>>): Matrix {
	return {
		visible: statements.visible,
		sees: everyone([row]),
		insert: { 'a row': { expect: nobody, sql: statements.insert } },
		update: { [row]: { expect: nobody, sql: statements.update } },
		delete: { [row]: { expect: nobody, sql: statements.delete } }
	};
}

const matrix: Record<string, Matrix> = {
	search_documents: indexTable('SD', {
		visible: ({ tx, f }) => tx`select workshop_id::text as id from public.search_documents where workshop_id = ${f.search.SD}`,
		insert: ({ tx, f }) => tx`insert into public.search_documents (workshop_id, doc, name_norm, tsv, key_tsv, name_tsv)
			values (${f.workshops.WB}, '{}', 'wb', 'wb', 'wb', 'wb')`,
		update: ({ tx, f }) => tx`update public.search_documents set name_norm = 'x' where workshop_id = ${f.search.SD}`,
		delete: ({ tx, f }) => tx`delete from public.search_documents where workshop_id = ${f.search.SD}`
	}),
	search_terms: indexTable('TT', {
		visible: ({ tx, f }) => tx`select term as id from public.search_terms where term = ${f.search.TT}`,
		insert: ({ tx, f }) => tx`insert into public.search_terms (term, jamo) values (${f.search.TT + '-new'}, 'ㄴ')`,
		update: ({ tx, f }) => tx`update public.search_terms set jamo = 'ㅁ' where term = ${f.search.TT}`,
		delete: ({ tx, f }) => tx`delete from public.search_terms where term = ${f.search.TT}`
	}),
	search_facet_codes: indexTable('FC', {
		visible: ({ tx, f }) => tx`select code::text as id from public.search_facet_codes where code = ${f.search.FC}`,
		insert: ({ tx, f }) => tx`insert into public.search_facet_codes (value) values (${'x:new-' + f.search.FC})`,
		update: ({ tx, f }) => tx`update public.search_facet_codes set value = 'x:other' where code = ${f.search.FC}`,
		delete: ({ tx, f }) => tx`delete from public.search_facet_codes where code = ${f.search.FC}`
	}),

	// Any manager or the operator curates the glossary (it serves every cluster's search).
	search_synonyms: {
		visible: ({ tx, f }) => tx`select id::text as id from public.search_synonyms where id = ${f.search.GS}`,
		sees: everyone(['GS']),
		insert: {
			'a term': {
				expect: only('MX', 'MY', 'OP'),
				sql: ({ tx, me }) => tx`insert into public.search_synonyms (term, synonyms, created_by) values ('rls 새 용어', '{새말}', ${me})`
			}
		},
		update: {
			GS: {
				expect: only('MX', 'MY', 'OP'),
				sql: ({ tx, f }) => tx`update public.search_synonyms set synonyms = '{바뀐말}' where id = ${f.search.GS}`
			}
		},
		delete: {
			GS: { expect: only('MX', 'MY', 'OP'), sql: ({ tx, f }) => tx`delete from public.search_synonyms where id = ${f.search.GS}` }
		}
	},

	// Names what changed: for the worker (service_role) and the triggers (security definer) only.
	outbox: {
		visible: ({ tx, f }) => tx`select id::text as id from public.outbox where id = ${f.search.OB}`,
		sees: {},
		insert: {
			'a change': { expect: nobody, sql: ({ tx }) => tx`insert into public.outbox (topic, key) values ('workshop.changed', 'x')` }
		},
		update: {
			OB: { expect: nobody, sql: ({ tx, f }) => tx`update public.outbox set processed_at = now() where id = ${f.search.OB}` }
		},
		delete: {
			OB: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.outbox where id = ${f.search.OB}` }
		}
	}
};

const runner = {
	actors,
	actorNames,
	anonymous: 'anon' as const,
	createFixtures: createSearchFixtures,
	actAs: (tx: Tx, actor: Actor, f: SearchFixtures) => actAs(tx, actor, f),
	actAsSuperuser
};
runMatrix<SearchFixtures, Actor>(runner, matrix);
runOutsideRls<SearchFixtures, Actor>(runner, Object.keys(matrix), ['anon', 'A']);

describe('the engine’s slice runner', () => {
	// It executes the statements it is given: only the engine's own role may call it.
	const { as } = matrixTools(runner);
	for (const actor of ['anon', 'A', 'OP'] as const) {
		it(`private.search_slices · ${actorNames[actor]} → denied`, () =>
			rollback(async (tx) => {
				const f = await createSearchFixtures(tx);
				const result = await as(tx, f, actor, (sp) => sp`select * from private.search_slices(array['select null::uuid'], 5)`);
				expect(result).toMatchObject({ error: '42501' });
			}));
	}
});

describe('row-level security everywhere', () => {
	it('is enabled on every table of the public schema', async () => {
		const tables = await testSql()<{ name: string; rls: boolean }[]>`
			select c.relname as name, c.relrowsecurity as rls from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`;
		expect(tables.length).toBeGreaterThan(20);
		expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
	});
});
