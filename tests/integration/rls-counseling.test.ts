// The row-level security matrix of counseling appointments and their threads, on the base matrix's
// world plus: center CX serves cluster X (so its manager MX acts for it), center CY has MY appointed
// as staff. A asked CX for counseling (K1, requested) and wrote M1 in its thread; B asked CY (K2, a
// slot proposed). Moves out of turn are refused by the trigger, which counts as denied here too.
// Staff delete a machine nobody booked (M0), an event nobody registered for (E0) or a program nobody
// applied to (P0) at their center; rls-support.test.ts shows that the others are not deleted.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { runMatrix, runOutsideRls, type Outcome, type TableMatrix as Matrix } from './rls-runner';
import { actAs, actAsSuperuser, actorNames, actors, createFixtures as createBaseFixtures, type Actor, type Fixtures } from './rls-fixtures';

type Tx = postgres.TransactionSql;
type Grid = Record<Actor, Outcome>;

interface CounselingFixtures extends Fixtures {
	centers: { CX: string; CY: string };
	counseling: { K1: string; K2: string };
	messages: { M1: string };
	unused: { M0: string; E0: string; P0: string };
}
type TableMatrix = Matrix<CounselingFixtures, Actor>;

const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const nobody = only();

async function createFixtures(tx: Tx): Promise<CounselingFixtures> {
	const f = await createBaseFixtures(tx);
	const centers = { CX: randomUUID(), CY: randomUUID() };
	const counseling = { K1: randomUUID(), K2: randomUUID() };
	const messages = { M1: randomUUID() };
	const unused = { M0: randomUUID(), E0: randomUUID(), P0: randomUUID() };
	for (const [name, id] of Object.entries(centers))
		await tx`insert into public.support_centers (id, slug, name_ko, address_ko) values (${id}, ${`rls-k-${name.toLowerCase()}-${id.slice(0, 8)}`}, ${name}, '서울 중구 1')`;
	await tx`insert into public.support_center_clusters (center_id, cluster_id) values (${centers.CX}, ${f.clusters.X})`;
	await tx`insert into public.support_center_staff (center_id, user_id) values (${centers.CY}, ${f.users.MY})`;
	await tx`insert into public.support_machines (id, center_id, kind, name_ko) values (${unused.M0}, ${centers.CX}, 'cnc', 'CNC')`;
	await tx`insert into public.support_events (id, center_id, kind, title_ko, starts_at, ends_at, place_ko, capacity)
		values (${unused.E0}, ${centers.CX}, 'seminar', '세미나', now() + interval '3 days', now() + interval '3 days 1 hour', '세미나실', 10)`;
	await tx`insert into public.support_programs (id, center_id, slug, kind, title_ko, amount_max_krw, deadline)
		values (${unused.P0}, ${centers.CX}, ${`rls-p0-${unused.P0.slice(0, 8)}`}, 'consulting', '컨설팅', 0, now() + interval '30 days')`;
	// Written as the app's moves would leave them.
	await tx`set local session_replication_role = replica`;
	await tx`insert into public.support_counseling (id, center_id, requester_id, topic, question, preferred_times, status, starts_at, ends_at, place_ko) values
		(${counseling.K1}, ${centers.CX}, ${f.users.A}, 'export', '수출 절차', '평일 오후', 'requested', null, null, ''),
		(${counseling.K2}, ${centers.CY}, ${f.users.B}, 'financing', '특화자금', '오전', 'proposed', now() + interval '3 days', now() + interval '3 days 1 hour', '상담실')`;
	await tx`insert into public.support_counseling_messages (id, counseling_id, author_id, body) values (${messages.M1}, ${counseling.K1}, ${f.users.A}, '자료 첨부')`;
	await tx`set local session_replication_role = origin`;
	const names = new Map(f.names);
	for (const group of [centers, counseling, messages, unused]) for (const [name, id] of Object.entries(group)) names.set(id, name);
	return { ...f, centers, counseling, messages, unused, names };
}

const everyone = Object.fromEntries(actors.map((a) => [a, ['M0']])) as Partial<Record<Actor, string[]>>;

const matrix: Record<string, TableMatrix> = {
	support_machines: {
		visible: ({ tx, f }) => tx`select id from public.support_machines where id = ${f.unused.M0}`,
		sees: everyone,
		insert: {},
		update: {},
		delete: {
			'M0 (never booked)': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`delete from public.support_machines where id = ${f.unused.M0}`
			}
		}
	},
	support_programs: {
		visible: ({ tx, f }) => tx`select id from public.support_programs where id = ${f.unused.P0}`,
		sees: Object.fromEntries(actors.map((a) => [a, ['P0']])),
		insert: {},
		update: {},
		delete: {
			'P0 (nobody applied)': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`delete from public.support_programs where id = ${f.unused.P0}`
			}
		}
	},
	support_events: {
		visible: ({ tx, f }) => tx`select id from public.support_events where id = ${f.unused.E0}`,
		sees: Object.fromEntries(actors.map((a) => [a, ['E0']])),
		insert: {},
		update: {},
		delete: {
			'E0 (nobody registered)': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`delete from public.support_events where id = ${f.unused.E0}`
			}
		}
	},
	support_counseling: {
		visible: ({ tx, f }) => tx`select id from public.support_counseling where id in (${f.counseling.K1}, ${f.counseling.K2})`,
		sees: { A: ['K1'], B: ['K2'], MX: ['K1'], MY: ['K2'], OP: ['K1', 'K2'] },
		insert: {
			"A's request at CY": {
				expect: only('A'),
				sql: ({ tx, f }) => tx`insert into public.support_counseling (center_id, requester_id, topic, question, preferred_times)
					values (${f.centers.CY}, ${f.users.A}, 'marketing', '온라인 판매', '화요일')`
			},
			'a request in my own name': {
				// Startups, managers and the operator do not ask for counseling; craftsmen do.
				expect: only('A', 'B'),
				sql: ({ tx, f, me }) => tx`insert into public.support_counseling (center_id, requester_id, topic, question, preferred_times)
					values (${f.centers.CX}, ${me}, 'technology', '금형', '언제든')`
			}
		},
		update: {
			'K1 slot proposed': {
				expect: only('MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_counseling set status = 'proposed', starts_at = now() + interval '2 days',
					ends_at = now() + interval '2 days 1 hour', place_ko = '상담실' where id = ${f.counseling.K1}`
			},
			'K2 confirmed': {
				expect: only('B'),
				sql: ({ tx, f }) => tx`update public.support_counseling set status = 'confirmed' where id = ${f.counseling.K2}`
			},
			'K2 declined': {
				expect: only('MY', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_counseling set status = 'declined', reason = '부재' where id = ${f.counseling.K2}`
			},
			'K1 cancelled': {
				expect: only('A', 'MX', 'OP'),
				sql: ({ tx, f }) => tx`update public.support_counseling set status = 'cancelled' where id = ${f.counseling.K1}`
			},
			'K1 question rewritten': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.support_counseling set question = '다른 질문' where id = ${f.counseling.K1}`
			}
		},
		delete: { K1: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_counseling where id = ${f.counseling.K1}` } }
	},
	support_counseling_messages: {
		visible: ({ tx, f }) => tx`select id from public.support_counseling_messages where id = ${f.messages.M1}`,
		sees: { A: ['M1'], MX: ['M1'], OP: ['M1'] },
		insert: {
			'a message on K1 in my name': {
				expect: only('A', 'MX', 'OP'),
				sql: ({ tx, f, me }) =>
					tx`insert into public.support_counseling_messages (counseling_id, author_id, body) values (${f.counseling.K1}, ${me}, '확인했습니다')`
			},
			"a message on K1 in A's name": {
				expect: only('A'),
				sql: ({ tx, f }) =>
					tx`insert into public.support_counseling_messages (counseling_id, author_id, body) values (${f.counseling.K1}, ${f.users.A}, '대신 씀')`
			}
		},
		update: {
			'M1 rewritten': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.support_counseling_messages set body = '고침' where id = ${f.messages.M1}`
			}
		},
		delete: { M1: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.support_counseling_messages where id = ${f.messages.M1}` } }
	}
};

const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
runMatrix(runner, matrix);
runOutsideRls(runner, Object.keys(matrix), ['anon', 'A']);
