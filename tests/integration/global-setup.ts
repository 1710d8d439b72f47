// Vitest global setup: a fresh embedded PostgreSQL for this test run, migrated and seeded.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/lib/server/db';
import { migrate, seedIfEmpty } from '../../src/lib/server/db/migrate';

const dir = path.resolve('.data/test/pg');
const port = 54331;

export default async function setup(project: TestProject) {
	await fs.rm(path.dirname(dir), { recursive: true, force: true });
	const sql = await connect({ kind: 'embedded', dir, port });
	await migrate(sql);
	await seedIfEmpty(sql);
	await sql.end();
	project.provide('databaseUrl', `postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
}

declare module 'vitest' {
	export interface ProvidedContext {
		databaseUrl: string;
	}
}
