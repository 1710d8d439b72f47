// Providers' events applied in batches (private.apply_payments, on the real database): a batch gives
// the outcomes one by one would (a second delivery inside the batch is a duplicate, a wrong amount and
// an unknown milestone are told apart, expiries and ignored events are recorded), batches running at
// once in two app instances over the same orders in opposite orders neither deadlock nor apply an
// event twice, and the notices are announced after the commit, not inside the transaction.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { announced } from '../../src/lib/server/announce';
import * as orderPayments from '../../src/lib/server/order-payments';
import type { Order } from '../../src/lib/server/orders';
import { testSql } from './db';
import { CRAFTSMAN, STARTUP, orderFixtures } from './order-fixtures';

const fixtures = orderFixtures('배치 결제 시험');

beforeAll(() => {
	testSql();
});

afterEach(async () => {
	expect(await orderPayments.ledgerProblems()).toEqual([]);
});

afterAll(async () => {
	await fixtures.purge();
});

interface Event {
	id: string;
	type: 'paid' | 'expired' | 'ignored';
	ref: string | null;
	milestone: string | null;
	amount: number | null;
}

const paid = (m: Order['milestones'][number], amount = m.amount_krw): Event => ({
	id: `evt_${randomUUID()}`,
	type: 'paid',
	ref: `pi_${randomUUID()}`,
	milestone: m.id,
	amount
});

/** One statement as the app's service connections run it (role and claims as connection settings). */
async function applyBatch(sql: postgres.Sql, events: Event[]) {
	const [row] = await sql<{ outcomes: string[]; users: string[]; mail: boolean }[]>`
		select outcomes, users, mail from private.apply_payments('stripe',
		  ${events.map((e) => e.id)}::text[], ${events.map((e) => e.type)}::text[], ${events.map((e) => e.ref)}::text[],
		  ${events.map((e) => e.milestone)}::uuid[], ${events.map((e) => e.amount)}::bigint[],
		  ${events.map((e) => JSON.stringify({ id: e.id }))}::jsonb[])`;
	return row;
}

function servicePool(max: number) {
	return postgres(inject('databaseUrl'), {
		max,
		onnotice: () => {},
		connection: { role: 'service_role', 'request.jwt.claims': JSON.stringify({ role: 'service_role' }) }
	});
}

async function escrowPayments(orderIds: string[]) {
	return testSql()<{ milestone_id: string; n: number }[]>`
		select milestone_id, count(*)::int as n from public.ledger_entries
		where order_id = any(${orderIds}::uuid[]) and kind = 'payment' and account = 'escrow' group by milestone_id`;
}

describe('payment batches', () => {
	it('gives each event of a batch the outcome it would have alone, and whom to tell', async () => {
		const order = await fixtures.accepted('한 묶음');
		const [deposit, balance] = order.milestones;
		const depositPaid = paid(deposit);
		const events: Event[] = [
			depositPaid,
			{ ...depositPaid }, // the same delivery twice in one batch
			paid(balance, balance.amount_krw - 1),
			paid({ ...deposit, id: randomUUID() }),
			{ id: `evt_${randomUUID()}`, type: 'expired', ref: `cs_${randomUUID()}`, milestone: null, amount: null },
			{ id: `evt_${randomUUID()}`, type: 'ignored', ref: null, milestone: null, amount: null }
		];
		const service = servicePool(1);
		try {
			const result = await applyBatch(service, events);
			expect(result.outcomes).toEqual(['applied', 'duplicate', 'amount_mismatch', 'unmatched', 'ignored', 'ignored']);
			expect(result.users).toEqual(expect.arrayContaining([STARTUP, CRAFTSMAN]));
			expect(result.mail).toBe(true);
			// Delivered again in a later batch: nothing changes.
			expect((await applyBatch(service, events)).outcomes).toEqual(Array(6).fill('duplicate'));
		} finally {
			await service.end({ timeout: 5 });
		}
		const after = (await fixtures.load(STARTUP, order.id))!;
		expect(after.status).toBe('in_production');
		expect(after.milestones.map((m) => m.status)).toEqual(['held', 'pending']);
		expect(await escrowPayments([order.id])).toEqual([{ milestone_id: deposit.id, n: 1 }]);
		const recorded = await testSql()<{ event_id: string; outcome: string }[]>`
			select event_id, outcome from public.payment_events where event_id = any(${events.map((e) => e.id)}::text[])`;
		expect(recorded).toHaveLength(5);
	});

	it('runs batches of two app instances over the same orders, in opposite orders, without a deadlock or a double payment', async () => {
		const orders: Order[] = [];
		for (let i = 0; i < 6; i++) orders.push(await fixtures.accepted(`동시 묶음 ${i}`));
		const events = orders.flatMap((o) => o.milestones.map((m) => paid(m)));
		const a = servicePool(3);
		const b = servicePool(3);
		try {
			// Every event twice, each instance's batches in its own order: a forward, b backward.
			const forward = [0, 4, 8].map((i) => events.slice(i, i + 4));
			const backward = [...events].reverse();
			const results = await Promise.all([
				...forward.map((part) => applyBatch(a, part)),
				...[0, 4, 8].map((i) => applyBatch(b, backward.slice(i, i + 4)))
			]);
			const outcomes = results.flatMap((r) => r.outcomes);
			expect(outcomes.filter((o) => o === 'applied')).toHaveLength(events.length);
			expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(events.length);
		} finally {
			await Promise.all([a.end({ timeout: 5 }), b.end({ timeout: 5 })]);
		}
		const ledger = await escrowPayments(orders.map((o) => o.id));
		expect(ledger.map((r) => r.n)).toEqual(events.map(() => 1));
		for (const order of orders) {
			const after = (await fixtures.load(STARTUP, order.id))!;
			expect(after.milestones.map((m) => m.status)).toEqual(order.milestones.map(() => 'held'));
		}
	});

	it('announces the notices after the commit, by the app: the function itself NOTIFYs nothing; the buyer, the workshop and the mail worker hear of a webhook', async () => {
		const order = await fixtures.accepted('알림 나중');
		const listener = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
		const heard: string[] = [];
		const notifications = await listener.listen('notifications', (p) => heard.push(`notifications:${p}`));
		const outbox = await listener.listen('outbox', (p) => heard.push(`outbox:${p}`));
		try {
			// Called directly and committed: nobody hears a thing (the caller announces).
			await testSql().begin(async (tx) => {
				await tx`select set_config('role', 'service_role', true)`;
				const [row] = await tx<{ outcomes: string[] }[]>`
					select outcomes from private.apply_payments('stripe', ${[`evt_${randomUUID()}`]}::text[], '{paid}'::text[],
					  ${[`pi_${randomUUID()}`]}::text[], ${[order.milestones[0].id]}::uuid[], ${[order.milestones[0].amount_krw]}::bigint[],
					  '{"{}"}'::jsonb[])`;
				expect(row.outcomes).toEqual(['applied']);
			});
			await new Promise((r) => setTimeout(r, 300));
			expect(heard).toEqual([]);
			// Through the app: announced once the webhook's batch committed.
			const second = order.milestones[1];
			expect(
				await orderPayments.apply('stripe', {
					type: 'paid',
					eventId: `evt_${randomUUID()}`,
					providerRef: `pi_${randomUUID()}`,
					milestoneId: second.id,
					amountKrw: second.amount_krw
				})
			).toBe('applied');
			await announced();
			await expect
				.poll(() => heard.sort(), { timeout: 3_000 })
				.toEqual(expect.arrayContaining([`notifications:${STARTUP}`, `notifications:${CRAFTSMAN}`, 'outbox:mail.notification']));
		} finally {
			await notifications.unlisten();
			await outbox.unlisten();
			await listener.end({ timeout: 5 });
		}
	});

	it('is the service role’s alone: a signed-in user or a visitor cannot apply a payment', async () => {
		const order = await fixtures.accepted('권한');
		for (const role of ['authenticated', 'anon']) {
			const attempt = testSql().begin(async (tx) => {
				await tx`select set_config('role', ${role}, true), set_config('request.jwt.claims', ${JSON.stringify({ sub: STARTUP, role })}, true)`;
				await tx`select private.apply_payments('stripe', ${[`evt_${randomUUID()}`]}::text[], '{paid}'::text[], ${[`pi_${randomUUID()}`]}::text[],
				  ${[order.milestones[0].id]}::uuid[], ${[order.milestones[0].amount_krw]}::bigint[], '{"{}"}'::jsonb[])`;
			});
			await expect(attempt).rejects.toMatchObject({ code: '42501' });
		}
		expect((await fixtures.load(STARTUP, order.id))!.milestones[0].status).toBe('pending');
	});
});
