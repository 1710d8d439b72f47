// The outbox worker on the real database: a notification wakes it; with settleMs, a burst of
// notifications is drained together once the burst has settled, not once per change; another topic's
// notifications do not wake it.
import { afterAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/lib/server/outbox';
import { testSql } from './db';

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const stop of stops) await stop();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function worker(settleMs: number, topic = 'test') {
	const drains: number[] = [];
	const stop = await startWorker(
		`test-${settleMs}-${topic}`,
		[topic],
		async () => {
			drains.push(Date.now());
			return { claimed: 0, processed: 0 };
		},
		{ intervalMs: 60_000, settleMs, onError: () => {} }
	);
	stops.push(stop);
	await wait(100); // the first drain at start
	drains.length = 0;
	return drains;
}

describe('the outbox worker', () => {
	it('drains a burst of notifications once it settles, and at once without settleMs', async () => {
		const sql = testSql();
		const settled = await worker(300);
		const eager = await worker(0);
		const otherTopic = await worker(0, 'test.other');
		for (let i = 0; i < 5; i++) {
			await sql`select pg_notify('outbox', 'test')`;
			await wait(20);
		}
		await wait(700);
		// Other test files share the database and may notify too: at most a couple of drains settle.
		expect(settled.length).toBeGreaterThanOrEqual(1);
		expect(settled.length).toBeLessThanOrEqual(2);
		// Without settling, each notification that finds the worker idle starts a drain.
		expect(eager.length).toBeGreaterThanOrEqual(5);
		// A worker of another topic stays asleep (its poll is a minute away).
		expect(otherTopic).toEqual([]);
		await sql`select pg_notify('outbox', 'test.other')`;
		await wait(200);
		expect(otherTopic.length).toBe(1);
	});
});
