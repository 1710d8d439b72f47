// Test helper: connects the app's db module to the run's embedded database.
import postgres, { type Sql } from 'postgres';
import { afterAll, inject } from 'vitest';
import { use } from '../../src/lib/server/db';

let shared: Sql | undefined;

// Each test file gets its own module instance; close its pool so the run can exit promptly.
afterAll(async () => {
	await shared?.end({ timeout: 5 });
	shared = undefined;
});

export function testSql(): Sql {
	shared ??= postgres(inject('databaseUrl'), { max: 5, onnotice: () => {} });
	use(shared);
	return shared;
}

/** Rolls back whatever fn does: tests change the database without leaking into each other. */
export async function rollback(fn: (tx: postgres.TransactionSql) => Promise<void>): Promise<void> {
	const sql = testSql();
	await sql
		.begin(async (tx) => {
			await fn(tx);
			throw new RolledBack();
		})
		.catch((e) => {
			if (!(e instanceof RolledBack)) throw e;
		});
}

class RolledBack extends Error {}
