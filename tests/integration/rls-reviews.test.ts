// The row-level security matrix of reputation: reviews, review reports and the two scorecards — every
// table × every actor × select, insert, update and delete, on the requests matrix's world plus two
// completed orders: O (S bought from A's WA; S's review RB is submitted, still blind) and O2 (S bought
// from B's WB; S's review PB is published, B's review of S, PW, is hidden by MY with a reason; PB was
// reported once, RR). Who may make which move on a review is the guard trigger's (reviews.test.ts).
import postgres from 'postgres';
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

interface ReviewFixtures extends Fixtures {
	orders: { O: string; O2: string };
	reviews: { RB: string; PB: string; PW: string };
	reports: { RR: string };
}
type TableMatrix = Matrix<ReviewFixtures, Actor>;

const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const nobody = only();
const signedIn = only('S', 'S2', 'A', 'B', 'C', 'MX', 'MY', 'OP');

/** Accepts the quote and takes its order to completed, as the payment service and the parties would. */
async function completedOrder(tx: Tx, quote: string): Promise<string> {
	await tx`update public.quotes set status = 'accepted' where id = ${quote}`;
	const [o] = await tx<{ id: string }[]>`select id from public.orders where quote_id = ${quote}`;
	await tx`set local session_replication_role = replica`;
	await tx`update public.orders set status = 'completed', courier = 'direct', shipped_at = now() - interval '3 days',
		delivered_at = now() - interval '2 days', completed_at = now() - interval '1 day' where id = ${o.id}`;
	await tx`set local session_replication_role = origin`;
	return o.id;
}

async function createFixtures(tx: Tx): Promise<ReviewFixtures> {
	const f = await createRequestFixtures(tx);
	const O = await completedOrder(tx, f.quotes.QA);
	const [qo] = await tx<{ id: string }[]>`
		insert into public.quotes (request_id, workshop_id, price_krw, lead_time_days, valid_until, submitted_by)
		values (${f.requests.RO}, ${f.workshops.WB}, 800000, 7, current_date + 30, ${f.users.B}) returning id`;
	const O2 = await completedOrder(tx, qo.id);
	const review = async (order: string, side: 'buyer' | 'workshop', author: string, state: string) => {
		const [r] = await tx<{ id: string }[]>`
			insert into public.reviews (order_id, side, author_id, state, rating_quality, rating_on_time, rating_clarity, rating_payment,
				rating_communication, body, submitted_at, published_at)
			values (${order}, ${side}, ${author}, ${state}, ${side === 'buyer' ? 5 : null}, ${side === 'buyer' ? 4 : null},
				${side === 'workshop' ? 4 : null}, ${side === 'workshop' ? 5 : null}, 5, '꼼꼼하게 잘 해 주셨습니다.', now(),
				${state === 'published' ? new Date() : null})
			returning id`;
		return r.id;
	};
	const RB = await review(O, 'buyer', f.users.S, 'submitted');
	const PB = await review(O2, 'buyer', f.users.S, 'published');
	const PW = await review(O2, 'workshop', f.users.B, 'published');
	await tx`update public.reviews set state = 'hidden', hidden_reason = '연락처가 포함되어 가렸습니다' where id = ${PW}`;
	// A report by an account since deleted, so that every actor may still report PB once.
	const [rr] = await tx<{ id: string }[]>`
		insert into public.review_reports (review_id, reporter_id, reason) values (${PB}, null, '거래와 무관한 내용') returning id`;
	await tx`select private.recompute_scorecards(now(), ${[f.workshops.WA, f.workshops.WB]}::uuid[], ${[f.companies.CS]}::uuid[])`;
	const extra = { orders: { O, O2 }, reviews: { RB, PB, PW }, reports: { RR: rr.id } };
	const names = new Map(f.names);
	for (const group of Object.values(extra)) for (const [name, id] of Object.entries(group)) names.set(id, name);
	return { ...f, ...extra, names };
}

const matrix: Record<string, TableMatrix> = {
	reviews: {
		visible: ({ tx, f }) => tx`select id from public.reviews where order_id in (${f.orders.O}, ${f.orders.O2})`,
		// Published: everyone. Submitted (blind): its author only. Hidden: its author and the moderators of WB.
		sees: {
			anon: ['PB'],
			S: ['PB', 'RB'],
			S2: ['PB'],
			A: ['PB'],
			B: ['PB', 'PW'],
			C: ['PB'],
			MX: ['PB'],
			MY: ['PB', 'PW'],
			OP: ['PB', 'PW']
		},
		insert: {
			"the workshop's review of O, in one's own name": {
				expect: only('A'),
				sql: ({ tx, f, me }) =>
					tx`insert into public.reviews (order_id, side, author_id, state) values (${f.orders.O}, 'workshop', ${me}, 'draft')`
			},
			"the workshop's review of O, in A's name": {
				expect: only('A'),
				sql: ({ tx, f }) =>
					tx`insert into public.reviews (order_id, side, author_id, state) values (${f.orders.O}, 'workshop', ${f.users.A}, 'draft')`
			},
			'a review of O published straight away': {
				expect: nobody,
				sql: ({ tx, f, me }) => tx`insert into public.reviews (order_id, side, author_id, state, rating_clarity, rating_payment,
					rating_communication, submitted_at, published_at) values (${f.orders.O}, 'workshop', ${me}, 'published', 5, 5, 5, now(), now())`
			}
		},
		update: {
			'RB published by hand': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.reviews set state = 'published' where id = ${f.reviews.RB}`
			},
			'RB edited once before publishing': {
				expect: only('S'),
				sql: ({ tx, f }) => tx`update public.reviews set body = '다시 보니 포장도 훌륭했습니다.' where id = ${f.reviews.RB}`
			},
			'PB rewritten after publishing': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.reviews set body = '별로였습니다', rating_quality = 1 where id = ${f.reviews.PB}`
			},
			'PB replied to': {
				expect: only('B'),
				sql: ({ tx, f }) => tx`update public.reviews set reply = '좋은 말씀 감사합니다.' where id = ${f.reviews.PB}`
			},
			'PB hidden with a reason': {
				expect: only('MY', 'OP'),
				sql: ({ tx, f }) => tx`update public.reviews set state = 'hidden', hidden_reason = '욕설' where id = ${f.reviews.PB}`
			},
			'PW shown again': {
				expect: only('MY', 'OP'),
				sql: ({ tx, f }) => tx`update public.reviews set state = 'published', hidden_reason = null where id = ${f.reviews.PW}`
			}
		},
		delete: {
			PB: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.reviews where id = ${f.reviews.PB}` },
			PW: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.reviews where id = ${f.reviews.PW}` }
		}
	},
	review_reports: {
		visible: ({ tx, f }) => tx`select id from public.review_reports where review_id = ${f.reviews.PB}`,
		// The managers of WB's cluster and the operator; not the reporter, the author or the workshop.
		sees: { MY: ['RR'], OP: ['RR'] },
		insert: {
			"a report of PB in one's own name": {
				expect: signedIn,
				sql: ({ tx, f, me }) =>
					tx`insert into public.review_reports (review_id, reporter_id, reason) values (${f.reviews.PB}, ${me}, '광고성 글')`
			},
			"a report of PB in S2's name": {
				expect: only('S2'),
				sql: ({ tx, f }) =>
					tx`insert into public.review_reports (review_id, reporter_id, reason) values (${f.reviews.PB}, ${f.users.S2}, '광고성 글')`
			}
		},
		update: {
			RR: { expect: nobody, sql: ({ tx, f }) => tx`update public.review_reports set reason = '수정' where id = ${f.reports.RR}` }
		},
		delete: { RR: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.review_reports where id = ${f.reports.RR}` } }
	},
	workshop_scorecards: {
		visible: ({ tx, f }) =>
			tx`select workshop_id as id from public.workshop_scorecards where workshop_id in (${f.workshops.WA}, ${f.workshops.WB})`,
		sees: Object.fromEntries(actors.map((a) => [a, ['WA', 'WB']])),
		insert: {
			'a scorecard for WC': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.workshop_scorecards (workshop_id, period_days, completed, on_time, sample_first_try,
					sample_orders, responses, quotes_accepted, quotes_decided, disputes, reviews, computed_at)
					values (${f.workshops.WC}, 365, 50, 50, 0, 0, 0, 50, 50, 0, 0, now())`
			}
		},
		update: {
			'WA made perfect': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.workshop_scorecards set completed = 99, on_time = 99 where workshop_id = ${f.workshops.WA}`
			}
		},
		delete: { WB: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.workshop_scorecards where workshop_id = ${f.workshops.WB}` } }
	},
	buyer_scorecards: {
		visible: ({ tx, f }) => tx`select company_id as id from public.buyer_scorecards where company_id = ${f.companies.CS}`,
		sees: Object.fromEntries(actors.map((a) => [a, ['CS']])),
		insert: {
			'a scorecard for CS2': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.buyer_scorecards (company_id, period_days, requests_decided, requests_awarded,
					deposits_paid, deposits_on_time, disputes, completed, reviews, computed_at)
					values (${f.companies.CS2}, 730, 9, 9, 9, 9, 0, 9, 0, now())`
			}
		},
		update: {
			'CS disputes wiped': {
				expect: nobody,
				sql: ({ tx, f }) =>
					tx`update public.buyer_scorecards set disputes = 0, requests_awarded = requests_decided where company_id = ${f.companies.CS}`
			}
		},
		delete: { CS: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.buyer_scorecards where company_id = ${f.companies.CS}` } }
	}
};

const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
runMatrix(runner, matrix);
runOutsideRls(runner, Object.keys(matrix), ['anon', 'A']);
