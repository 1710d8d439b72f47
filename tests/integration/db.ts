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

/**
 * Removes the orders of these requests with everything that hangs on them, ledger included (only
 * tests do this: the ledger's trigger refuses deletes, so it is skipped with replication mode).
 */
export async function purgeOrders(sql: postgres.Sql | postgres.TransactionSql, requestIds: readonly string[]): Promise<void> {
	if (requestIds.length === 0) return;
	const purge = async (tx: postgres.TransactionSql) => {
		await tx`set local session_replication_role = replica`;
		const orders = (await tx<{ id: string }[]>`select id from public.orders where request_id = any(${requestIds}::uuid[])`).map(
			(o) => o.id
		);
		if (orders.length) {
			await tx`delete from public.review_reports where review_id in (select id from public.reviews where order_id = any(${orders}::uuid[]))`;
			await tx`delete from public.reviews where order_id = any(${orders}::uuid[])`;
			await tx`delete from public.tax_invoices where order_id = any(${orders}::uuid[])`;
			await tx`delete from public.ledger_entries where order_id = any(${orders}::uuid[])`;
			await tx`delete from public.payment_events where payment_id in (select id from public.payments where order_id = any(${orders}::uuid[]))`;
			await tx`delete from public.payments where order_id = any(${orders}::uuid[])`;
			await tx`delete from public.order_files where order_id = any(${orders}::uuid[])`;
			await tx`delete from public.order_events where order_id = any(${orders}::uuid[])`;
			await tx`delete from public.order_milestones where order_id = any(${orders}::uuid[])`;
			await tx`delete from public.orders where id = any(${orders}::uuid[])`;
		}
		await tx`set local session_replication_role = origin`;
	};
	if ('savepoint' in sql) await sql.savepoint(purge);
	else await sql.begin(purge);
}
