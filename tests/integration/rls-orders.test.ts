// The row-level security matrix of orders and money: orders, milestones, the timeline, order files,
// payment attempts, provider events and the ledger — every table × every actor × select, insert,
// update and delete, on the requests matrix's world plus one order: S accepted WA's quote QA on RP
// (routed to cluster X), the deposit was paid (held), the balance is pending.
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { rollback } from './db';
import { runMatrix, runOutsideRls, type Outcome, type TableMatrix as Matrix } from './rls-runner';
import {
	actAs,
	actAsSuperuser,
	actorNames,
	actors,
	createFixtures as createRequestFixtures,
	type Actor,
	type Fixtures
} from './rls-requests-fixtures';

type Tx = postgres.TransactionSql;
type Grid = Record<Actor, Outcome>;

interface OrderFixtures extends Fixtures {
	order: { O: string };
	milestones: { MDEP: string; MBAL: string };
	events: { E1: string; E2: string; E3: string };
	files: { OF: string };
	payments: { P: string };
	providerEvents: { PE: string };
	ledger: { L1: string; L2: string };
}
type TableMatrix = Matrix<OrderFixtures, Actor>;

const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const nobody = only();
const everyoneWhoSees = ['S', 'A', 'MX', 'OP'] as const;

async function createFixtures(tx: Tx): Promise<OrderFixtures> {
	const f = await createRequestFixtures(tx);
	// As the superuser, the way the app's triggers and the payment service do it.
	await tx`update public.quotes set status = 'accepted' where id = ${f.quotes.QA}`;
	const [o] = await tx<{ id: string }[]>`select id from public.orders where quote_id = ${f.quotes.QA}`;
	const ms = await tx<{ id: string; kind: string; amount_krw: number }[]>`
		select id, kind, amount_krw from public.order_milestones where order_id = ${o.id} order by seq`;
	const dep = ms.find((m) => m.kind === 'deposit')!;
	const bal = ms.find((m) => m.kind === 'balance')!;
	await tx`select private.apply_payment('stripe', 'evt_rls', 'paid', 'cs_rls', ${dep.id}::uuid, ${dep.amount_krw}, '{}')`;
	const events = await tx<{ id: string }[]>`select id::text from public.order_events where order_id = ${o.id} order by id`;
	const [file] = await tx<{ id: string }[]>`
		insert into public.order_files (order_id, path, filename, content_type, size_bytes, uploaded_by)
		values (${o.id}, ${`orders/${o.id}/sample.jpg`}, 'sample.jpg', 'image/jpeg', 10, ${f.users.A}) returning id`;
	const [payment] = await tx<{ id: string }[]>`select id from public.payments where order_id = ${o.id}`;
	const ledger = await tx<{ id: string }[]>`select id::text from public.ledger_entries where order_id = ${o.id} order by id`;
	const extra = {
		order: { O: o.id },
		milestones: { MDEP: dep.id, MBAL: bal.id },
		events: { E1: events[0].id, E2: events[1].id, E3: events[2].id },
		files: { OF: file.id },
		payments: { P: payment.id },
		providerEvents: { PE: 'evt_rls' },
		ledger: { L1: ledger[0].id, L2: ledger[1].id }
	};
	const names = new Map(f.names);
	for (const group of Object.values(extra)) for (const [name, id] of Object.entries(group)) names.set(id, name);
	return { ...f, ...extra, names };
}

const matrix: Record<string, TableMatrix> = {
	orders: {
		visible: ({ tx, f }) => tx`select id from public.orders where id = ${f.order.O}`,
		// Both parties, the manager of the cluster RP was routed to, the operator; not B (quoted, not chosen).
		sees: { S: ['O'], A: ['O'], MX: ['O'], OP: ['O'] },
		insert: {
			'an order by hand': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.orders (number, request_id, quote_id, workshop_id, buyer_id, title, supply_krw,
					vat_krw, total_krw, vat_included, lead_time_days, due_date, has_sample)
					values ('SL-0000-999999', ${f.requests.RO}, ${f.quotes.QB}, ${f.workshops.WB}, ${f.users.S}, 'x', 1000, 100, 1100,
					false, 7, current_date, false)`
			}
		},
		update: {
			'O disputed with a reason': {
				expect: only('S', 'A'),
				sql: ({ tx, f }) => tx`update public.orders set status = 'disputed', reason = '납기 지연' where id = ${f.order.O}`
			},
			// Shipping facts come with the shipping move, never on their own.
			'O tracking number without a move': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.orders set courier = 'cj', tracking_number = '601234567890' where id = ${f.order.O}`
			},
			'O total lowered': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.orders set total_krw = 1000, supply_krw = 900 where id = ${f.order.O}`
			},
			'O resolved with a refund': {
				expect: only('OP'),
				prepare: (tx, f) => tx`update public.orders set status = 'disputed', reason = '품질 문제' where id = ${f.order.O}`,
				sql: ({ tx, f }) =>
					tx`update public.orders set status = 'resolved', refund_krw = 1000, resolution_note = '일부 환불' where id = ${f.order.O}`
			}
		},
		delete: { O: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.orders where id = ${f.order.O}` } }
	},
	order_milestones: {
		visible: ({ tx, f }) => tx`select id from public.order_milestones where order_id = ${f.order.O}`,
		sees: Object.fromEntries(everyoneWhoSees.map((a) => [a, ['MBAL', 'MDEP']])),
		insert: {
			'a milestone on O': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.order_milestones (order_id, seq, kind, amount_krw, reference)
					values (${f.order.O}, 3, 'sample', 5000, 'SLZZZZZZ')`
			}
		},
		update: {
			'MBAL marked paid by hand': {
				expect: nobody,
				sql: ({ tx, f }) =>
					tx`update public.order_milestones set status = 'held', paid_at = now(), paid_via = 'bank_transfer' where id = ${f.milestones.MBAL}`
			},
			'MDEP paid out once released': {
				expect: only('OP'),
				prepare: (tx, f) => tx`select private.release_milestones(${f.order.O}, array['deposit'])`,
				sql: ({ tx, f }) => tx`update public.order_milestones set paid_out_at = now() where id = ${f.milestones.MDEP}`
			}
		},
		delete: { MBAL: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.order_milestones where id = ${f.milestones.MBAL}` } }
	},
	order_events: {
		visible: ({ tx, f }) => tx`select id::text from public.order_events where order_id = ${f.order.O}`,
		sees: Object.fromEntries(everyoneWhoSees.map((a) => [a, ['E1', 'E2', 'E3']])),
		insert: {
			'an event on O': {
				expect: nobody,
				sql: ({ tx, f, me }) => tx`insert into public.order_events (order_id, kind, actor_id) values (${f.order.O}, 'confirmed', ${me})`
			}
		},
		update: {
			E1: { expect: nobody, sql: ({ tx, f }) => tx`update public.order_events set kind = 'cancelled' where id = ${f.events.E1}` }
		},
		delete: { E1: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.order_events where id = ${f.events.E1}` } }
	},
	order_files: {
		visible: ({ tx, f }) => tx`select id from public.order_files where order_id = ${f.order.O}`,
		sees: Object.fromEntries(everyoneWhoSees.map((a) => [a, ['OF']])),
		insert: {
			'own file on O': {
				expect: only('S', 'A'),
				sql: ({ tx, f, me }) => tx`insert into public.order_files (order_id, path, filename, content_type, size_bytes, uploaded_by)
					values (${f.order.O}, ${`orders/${f.order.O}/x-${Math.random()}.jpg`}, 'x.jpg', 'image/jpeg', 1, ${me})`
			},
			"a file in A's name": {
				expect: only('A'),
				sql: ({ tx, f }) => tx`insert into public.order_files (order_id, path, filename, content_type, size_bytes, uploaded_by)
					values (${f.order.O}, ${`orders/${f.order.O}/y-${Math.random()}.jpg`}, 'y.jpg', 'image/jpeg', 1, ${f.users.A})`
			}
		},
		update: {
			OF: { expect: nobody, sql: ({ tx, f }) => tx`update public.order_files set filename = 'z.jpg' where id = ${f.files.OF}` }
		},
		delete: { OF: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.order_files where id = ${f.files.OF}` } }
	},
	payments: {
		visible: ({ tx, f }) => tx`select id from public.payments where order_id = ${f.order.O}`,
		sees: Object.fromEntries(everyoneWhoSees.map((a) => [a, ['P']])),
		insert: {
			'a paid attempt for MBAL': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.payments (milestone_id, order_id, provider, provider_ref, amount_krw, status)
					values (${f.milestones.MBAL}, ${f.order.O}, 'stripe', 'cs_fake', 1000, 'paid')`
			}
		},
		update: {
			P: { expect: nobody, sql: ({ tx, f }) => tx`update public.payments set status = 'refunded' where id = ${f.payments.P}` },
			// Money the operator gave back by hand is recorded by the operator alone.
			'P: money returned': {
				expect: only('OP'),
				sql: ({ tx, f }) => tx`update public.payments set refunded_krw = 1000 where id = ${f.payments.P}`
			}
		},
		delete: { P: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.payments where id = ${f.payments.P}` } }
	},
	payment_events: {
		visible: ({ tx }) => tx`select event_id as id from public.payment_events where event_id = 'evt_rls'`,
		sees: { OP: ['PE'] },
		insert: {
			'a forged event': {
				expect: nobody,
				sql: ({ tx }) =>
					tx`insert into public.payment_events (provider, event_id, type, outcome) values ('stripe', 'evt_forged', 'paid', 'applied')`
			}
		},
		update: {
			PE: { expect: nobody, sql: ({ tx }) => tx`update public.payment_events set outcome = 'ignored' where event_id = 'evt_rls'` }
		},
		delete: { PE: { expect: nobody, sql: ({ tx }) => tx`delete from public.payment_events where event_id = 'evt_rls'` } }
	},
	ledger_entries: {
		visible: ({ tx, f }) => tx`select id::text from public.ledger_entries where order_id = ${f.order.O}`,
		sees: { OP: ['L1', 'L2'] },
		insert: {
			'a movement to payable': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.ledger_entries (txn_id, order_id, kind, account, amount_krw)
					values (gen_random_uuid(), ${f.order.O}, 'release', 'payable', 1000)`
			}
		},
		update: {
			L1: { expect: nobody, sql: ({ tx, f }) => tx`update public.ledger_entries set amount_krw = 1 where id = ${f.ledger.L1}` }
		},
		delete: { L1: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.ledger_entries where id = ${f.ledger.L1}` } }
	}
};

const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
runMatrix(runner, matrix);
runOutsideRls(runner, Object.keys(matrix), ['anon', 'A']);

describe('the ledger cannot be changed, even by the platform', () => {
	it('refuses an update or delete of an entry by the superuser too', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await actAsSuperuser(tx);
			await expect(tx.savepoint((sp) => sp`delete from public.ledger_entries where id = ${f.ledger.L1}`)).rejects.toThrow(/never changed/);
			await expect(tx.savepoint((sp) => sp`update public.ledger_entries set amount_krw = 5 where id = ${f.ledger.L1}`)).rejects.toThrow(
				/never changed/
			);
		}));
});
