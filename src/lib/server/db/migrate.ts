// Applies supabase/migrations/*.sql in order and records them where the Supabase CLI does,
// after the shim that gives a plain PostgreSQL what Supabase provides (roles, auth schema).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Sql, TransactionSql } from 'postgres';

const MIGRATION_NAME = /^(\d{14})_(.+)\.sql$/;

export interface MigrationResult {
	applied: string[];
	shim: boolean;
}

async function isSupabase(sql: Sql | TransactionSql): Promise<boolean> {
	// Supabase ships GoTrue's own migration table; our shim never creates it.
	const [row] = await sql<{ present: boolean }[]>`
		select to_regclass('auth.schema_migrations') is not null as present`;
	return row.present;
}

export async function migrate(sql: Sql, root = process.cwd()): Promise<MigrationResult> {
	const dir = path.join(root, 'supabase');
	const files = (await fs.readdir(path.join(dir, 'migrations'))).filter((f) => MIGRATION_NAME.test(f)).sort();
	return sql.begin(async (tx) => {
		// Several app instances may start at once; one migrates, the others wait here.
		await tx`select pg_advisory_xact_lock(hashtext('sogong-link:migrate'))`;
		const shim = !(await isSupabase(tx));
		if (shim) await tx.unsafe(await fs.readFile(path.join(dir, 'shims', 'supabase.sql'), 'utf8'));
		await tx.unsafe(`
			create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (
				version text primary key, statements text[], name text);`);
		const done = new Set(
			(await tx<{ version: string }[]>`select version from supabase_migrations.schema_migrations`).map((r) => r.version)
		);
		const applied: string[] = [];
		for (const file of files) {
			const [, version, name] = MIGRATION_NAME.exec(file)!;
			if (done.has(version)) continue;
			const text = await fs.readFile(path.join(dir, 'migrations', file), 'utf8');
			await tx.unsafe(text);
			await tx`insert into supabase_migrations.schema_migrations (version, statements, name)
				values (${version}, ${[text]}, ${name})`;
			applied.push(file);
		}
		return { applied, shim };
	});
}

/** Loads supabase/seed.sql once, into an empty marketplace. */
export async function seedIfEmpty(sql: Sql, root = process.cwd()): Promise<boolean> {
	return sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(hashtext('sogong-link:seed'))`;
		const [{ n }] = await tx<{ n: number }[]>`select count(*)::int as n from public.clusters`;
		if (n > 0) return false;
		await tx.unsafe(await fs.readFile(path.join(root, 'supabase', 'seed.sql'), 'utf8'));
		return true;
	});
}
