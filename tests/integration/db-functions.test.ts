// Functions that row-level security calls are PL/pgSQL: one written in SQL with `set search_path` is
// neither inlined nor kept planned, so PostgreSQL plans it again in every statement that reads rows
// through the policy (README, "Database helpers in PL/pgSQL"; migration 20261211000100).
import { describe, expect, it } from 'vitest';
import { testSql } from './db';

describe('database helpers', () => {
	it('that policies call are not SQL functions planned again at every statement', async () => {
		const rows = await testSql()<{ name: string }[]>`
			select distinct p.proname as name
			from pg_policies pol
			cross join pg_proc p
			join pg_namespace n on n.oid = p.pronamespace
			join pg_language l on l.oid = p.prolang
			where n.nspname = 'private' and l.lanname = 'sql' and p.proconfig is not null
			  and (pol.qual ~ ('private\\.' || p.proname || '\\(') or pol.with_check ~ ('private\\.' || p.proname || '\\('))
			order by 1`;
		expect(rows.map((r) => r.name)).toEqual([]);
	});
});
