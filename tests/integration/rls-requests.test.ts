// The row-level security matrix of requests and what hangs off them (participants, routing, files and
// their access log, quotes and their history, conversations, notifications, the dev mailbox): every
// table × every actor × select, insert, update and delete, against the real database; then the rules a
// grid cannot show (who may open a drawing, the state machines, notifications and their mail).
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { quoteStates, quoteTransitions } from '../../src/lib/domain/quote-states';
import { requestStates, requestTransitions } from '../../src/lib/domain/request-states';
import { rollback, testSql } from './db';
import { matrixTools, runMatrix, runOutsideRls, type Outcome, type TableMatrix as Matrix } from './rls-runner';
import {
	actAs,
	actAsSuperuser,
	actorNames,
	actors,
	createFixtures,
	deleteFixtures,
	type Actor,
	type Fixtures
} from './rls-requests-fixtures';

type Tx = postgres.TransactionSql;
type Grid = Record<Actor, Outcome>;
type TableMatrix = Matrix<Fixtures, Actor>;

const only = (...who: Actor[]): Grid => Object.fromEntries(actors.map((a) => [a, who.includes(a) ? 'allowed' : 'denied'])) as Grid;
const nobody = only();
const users = actors.filter((a) => a !== 'anon');

const newRequest = (tx: Tx, owner: string | null, extra: { status?: string; company?: string | null } = {}) => tx`
	insert into public.requests (owner_id, company_id, title, status)
	values (${owner}, ${extra.company ?? null}, '새 의뢰', ${extra.status ?? 'draft'})`;
const join = (tx: Tx, request: string, workshop: string, source: string, by: string | null, note: string | null = null) => tx`
	insert into public.request_participants (request_id, workshop_id, source, invited_by, note)
	values (${request}, ${workshop}, ${source}, ${by}, ${note})`;
const newFile = (tx: Tx, request: string, by: string | null, extra: { quote?: string; message?: string } = {}) => tx`
	insert into public.attachments (request_id, quote_id, message_id, path, filename, content_type, size_bytes, uploaded_by)
	values (${request}, ${extra.quote ?? null}, ${extra.message ?? null}, ${`requests/${request}/new-${Math.random()}.pdf`},
		'new.pdf', 'application/pdf', 10, ${by})`;
const newQuote = (tx: Tx, request: string, workshop: string, by: string | null) => tx`
	insert into public.quotes (request_id, workshop_id, price_krw, lead_time_days, valid_until, submitted_by)
	values (${request}, ${workshop}, 500000, 7, current_date + 14, ${by})`;
const logOpening = (tx: Tx, attachment: string, user: string | null) => tx`
	insert into public.attachment_access_log (attachment_id, user_id) values (${attachment}, ${user})`;
const setQuote = (tx: Tx, quote: string, set: Record<string, unknown>) => tx`update public.quotes set ${tx(set)} where id = ${quote}`;

const matrix: Record<string, TableMatrix> = {
	requests: {
		visible: ({ tx, f }) => tx`select id from public.requests where id in ${tx(Object.values(f.requests))}`,
		sees: {
			S: ['RD', 'RO', 'RP'],
			S2: ['RO'],
			A: ['RO', 'RP'], // invited to RP
			B: ['RO', 'RP'], // invited to RP, NDA not accepted: sees the request, not its drawing
			C: ['RO'],
			MX: ['RO', 'RP'], // RP is routed to X
			MY: ['RO'],
			OP: ['RO']
		},
		insert: {
			'own draft': { expect: only('S', 'S2'), sql: ({ tx, me }) => newRequest(tx, me) },
			'own open request': { expect: only('S', 'S2'), sql: ({ tx, me }) => newRequest(tx, me, { status: 'open' }) },
			'a request owned by S': { expect: only('S'), sql: ({ tx, f }) => newRequest(tx, f.users.S) },
			'own request already closed': { expect: nobody, sql: ({ tx, me }) => newRequest(tx, me, { status: 'closed' }) },
			"own request for S2's company": {
				expect: only('S2'),
				sql: ({ tx, f, me }) => newRequest(tx, me, { company: f.companies.CS2 })
			}
		},
		update: {
			'RP title': { expect: only('S'), sql: ({ tx, f }) => tx`update public.requests set title = '새 제목' where id = ${f.requests.RP}` },
			'RD title': { expect: only('S'), sql: ({ tx, f }) => tx`update public.requests set title = '새 제목' where id = ${f.requests.RD}` },
			'RD published': {
				expect: only('S'),
				sql: ({ tx, f }) => tx`update public.requests set title = '완성', status = 'open' where id = ${f.requests.RD}`
			},
			'RP cancelled': {
				expect: only('S'),
				sql: ({ tx, f }) => tx`update public.requests set status = 'cancelled' where id = ${f.requests.RP}`
			},
			// Awarding is accepting a quote; nobody sets the status or the quote by hand.
			'RP awarded by hand': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.requests set status = 'awarded' where id = ${f.requests.RP}`
			},
			'RP owner to S2': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.requests set owner_id = ${f.users.S2} where id = ${f.requests.RP}`
			},
			'RP published_at': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.requests set published_at = now() where id = ${f.requests.RP}`
			}
		},
		delete: {
			'draft RD': { expect: only('S'), sql: ({ tx, f }) => tx`delete from public.requests where id = ${f.requests.RD}` },
			'published RO': { expect: nobody, sql: ({ tx, f }) => tx`delete from public.requests where id = ${f.requests.RO}` }
		}
	},

	request_participants: {
		visible: ({ tx, f }) => tx`
			select request_id || ':' || workshop_id as id from public.request_participants
			where request_id in ${tx(Object.values(f.requests))}`,
		sees: {
			S: ['pA', 'pAO', 'pB', 'pD'],
			A: ['pA', 'pAO'],
			B: ['pB'],
			MX: ['pA', 'pD'] // X's members in RP (routed to X); not WA's self-join of the unrouted RO
		},
		insert: {
			'WC invited to RP': { expect: only('S'), sql: ({ tx, f, me }) => join(tx, f.requests.RP, f.workshops.WC, 'invited', me) },
			'WC invited to draft RD': { expect: nobody, sql: ({ tx, f, me }) => join(tx, f.requests.RD, f.workshops.WC, 'invited', me) },
			'WC forwarded to RP': {
				expect: only('MX'),
				sql: ({ tx, f, me }) => join(tx, f.requests.RP, f.workshops.WC, 'forwarded', me, '추천합니다')
			},
			'WC forwarded to unrouted RO': {
				expect: nobody,
				sql: ({ tx, f, me }) => join(tx, f.requests.RO, f.workshops.WC, 'forwarded', me, '추천합니다')
			},
			'WC joins public RO': { expect: only('C'), sql: ({ tx, f }) => join(tx, f.requests.RO, f.workshops.WC, 'self', null) },
			'WC joins invited-only RP': { expect: nobody, sql: ({ tx, f }) => join(tx, f.requests.RP, f.workshops.WC, 'self', null) },
			'WB joins RO': { expect: only('B'), sql: ({ tx, f }) => join(tx, f.requests.RO, f.workshops.WB, 'self', null) },
			'WB joins RO with the NDA accepted': {
				expect: nobody,
				sql: ({ tx, f }) => tx`
					insert into public.request_participants (request_id, workshop_id, source, nda_accepted_at)
					values (${f.requests.RO}, ${f.workshops.WB}, 'self', now())`
			}
		},
		update: {
			'pB accepts the NDA': {
				expect: only('B'),
				sql: ({ tx, f }) => tx`
					update public.request_participants set nda_accepted_at = now()
					where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WB}`
			},
			// WD has no account: the manager of its cluster accepts on its behalf.
			'pD accepts the NDA': {
				expect: only('MX'),
				sql: ({ tx, f }) => tx`
					update public.request_participants set nda_accepted_at = now()
					where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WD}`
			},
			// pAO, not pA: WA has a live quote on RP, and a workshop withdraws a quote rather than declining.
			'pAO declines with a reason': {
				expect: only('A'),
				sql: ({ tx, f }) => tx`
					update public.request_participants set declined_at = now(), decline_reason = '일정이 맞지 않습니다'
					where request_id = ${f.requests.RO} and workshop_id = ${f.workshops.WA}`
			},
			"pD's note": {
				expect: nobody,
				sql: ({ tx, f }) => tx`
					update public.request_participants set note = '바뀐 추천'
					where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WD}`
			},
			'pB source to forwarded': {
				expect: nobody,
				sql: ({ tx, f }) => tx`
					update public.request_participants set source = 'forwarded'
					where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WB}`
			}
		},
		delete: {
			'invitation pB': {
				expect: only('S'),
				sql: ({ tx, f }) => tx`
					delete from public.request_participants where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WB}`
			},
			'forward pD': {
				expect: only('MX'),
				sql: ({ tx, f }) => tx`
					delete from public.request_participants where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WD}`
			},
			'self-join pAO': {
				expect: nobody,
				sql: ({ tx, f }) => tx`
					delete from public.request_participants where request_id = ${f.requests.RO} and workshop_id = ${f.workshops.WA}`
			}
		}
	},

	request_clusters: {
		visible: ({ tx, f }) => tx`
			select request_id || ':' || cluster_id as id from public.request_clusters
			where request_id in ${tx(Object.values(f.requests))}`,
		sees: { S: ['rcPX'], A: ['rcPX'], B: ['rcPX'], MX: ['rcPX'] },
		insert: {
			'RO to Y': {
				expect: only('S'),
				sql: ({ tx, f }) => tx`insert into public.request_clusters (request_id, cluster_id) values (${f.requests.RO}, ${f.clusters.Y})`
			},
			'RD to X': {
				expect: only('S'),
				sql: ({ tx, f }) => tx`insert into public.request_clusters (request_id, cluster_id) values (${f.requests.RD}, ${f.clusters.X})`
			},
			'RO to startup cluster Z': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.request_clusters (request_id, cluster_id) values (${f.requests.RO}, ${f.clusters.Z})`
			}
		},
		update: {
			'rcPX to Y': {
				expect: nobody,
				sql: ({ tx, f }) => tx`
					update public.request_clusters set cluster_id = ${f.clusters.Y}
					where request_id = ${f.requests.RP} and cluster_id = ${f.clusters.X}`
			}
		},
		delete: {
			rcPX: {
				expect: only('S'),
				sql: ({ tx, f }) => tx`
					delete from public.request_clusters where request_id = ${f.requests.RP} and cluster_id = ${f.clusters.X}`
			}
		}
	},

	attachments: {
		visible: ({ tx, f }) => tx`select id from public.attachments where id in ${tx(Object.values(f.attachments))}`,
		sees: {
			S: ['DD', 'DO', 'DP', 'MFA', 'QFA'],
			S2: ['DO'],
			A: ['DO', 'DP', 'MFA', 'QFA'],
			B: ['DO', 'DP'], // the metadata of RP's drawing; opening it needs the NDA
			C: ['DO'],
			MX: ['DO', 'DP'],
			MY: ['DO'],
			OP: ['DO']
		},
		insert: {
			'a drawing of RP': { expect: only('S'), sql: ({ tx, f, me }) => newFile(tx, f.requests.RP, me) },
			'a drawing of draft RD': { expect: only('S'), sql: ({ tx, f, me }) => newFile(tx, f.requests.RD, me) },
			'a drawing of RP uploaded as S': { expect: only('S'), sql: ({ tx, f }) => newFile(tx, f.requests.RP, f.users.S) },
			'a file of quote QA': { expect: only('A'), sql: ({ tx, f, me }) => newFile(tx, f.requests.RP, me, { quote: f.quotes.QA }) },
			'a file of quote QD': { expect: only('MX'), sql: ({ tx, f, me }) => newFile(tx, f.requests.RP, me, { quote: f.quotes.QD }) },
			"a file of A's message mA2": {
				expect: only('A'),
				sql: ({ tx, f, me }) => newFile(tx, f.requests.RP, me, { message: f.messages.mA2 })
			},
			"a file of S's message mA1": {
				expect: only('S'),
				sql: ({ tx, f, me }) => newFile(tx, f.requests.RP, me, { message: f.messages.mA1 })
			}
		},
		update: {
			'DP filename': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.attachments set filename = 'x.pdf' where id = ${f.attachments.DP}`
			}
		},
		delete: {
			'DD of a draft': { expect: only('S'), sql: ({ tx, f }) => tx`delete from public.attachments where id = ${f.attachments.DD}` },
			'DP of a published request': { expect: nobody, sql: ({ tx, f }) => tx`delete from public.attachments where id = ${f.attachments.DP}` }
		}
	},

	attachment_access_log: {
		visible: ({ tx, f }) =>
			tx`select id::text as id from public.attachment_access_log where request_id in ${tx(Object.values(f.requests))}`,
		sees: { S: ['LA', 'LMX'], A: ['LA'], MX: ['LMX'] },
		insert: {
			'own opening of DP': { expect: only('S', 'A', 'MX'), sql: ({ tx, f, me }) => logOpening(tx, f.attachments.DP, me) },
			// Public without NDA, but files are for participants: WA joined RO, C has not.
			'own opening of DO': { expect: only('S', 'A'), sql: ({ tx, f, me }) => logOpening(tx, f.attachments.DO, me) },
			'own opening of QFA': { expect: only('S', 'A'), sql: ({ tx, f, me }) => logOpening(tx, f.attachments.QFA, me) },
			'own opening of MFA': { expect: only('S', 'A'), sql: ({ tx, f, me }) => logOpening(tx, f.attachments.MFA, me) },
			'an opening of DP by A': { expect: only('A'), sql: ({ tx, f }) => logOpening(tx, f.attachments.DP, f.users.A) }
		},
		update: {
			'LA time': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.attachment_access_log set opened_at = now() - interval '1 day' where id = ${f.accessLog.LA}`
			}
		},
		delete: {
			LA: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.attachment_access_log where id = ${f.accessLog.LA}` }
		}
	},

	quotes: {
		visible: ({ tx, f }) => tx`select id from public.quotes where id in ${tx(Object.values(f.quotes))}`,
		// Each workshop sees its own quote only; the request's owner sees them all.
		sees: { S: ['QA', 'QB', 'QD'], A: ['QA'], B: ['QB'], MX: ['QD'] },
		insert: {
			'a quote of WA on RO (joined)': { expect: only('A'), sql: ({ tx, f, me }) => newQuote(tx, f.requests.RO, f.workshops.WA, me) },
			'a quote of WC on RO (not joined)': { expect: nobody, sql: ({ tx, f, me }) => newQuote(tx, f.requests.RO, f.workshops.WC, me) },
			'a quote of WC on RP (not invited)': { expect: nobody, sql: ({ tx, f, me }) => newQuote(tx, f.requests.RP, f.workshops.WC, me) },
			'a quote of WA on RO submitted as B': {
				expect: nobody,
				sql: ({ tx, f }) => newQuote(tx, f.requests.RO, f.workshops.WA, f.users.B)
			}
		},
		update: {
			'QA price (revise)': { expect: only('A'), sql: ({ tx, f }) => setQuote(tx, f.quotes.QA, { price_krw: 2300000 }) },
			'QD price (revise)': { expect: only('MX'), sql: ({ tx, f }) => setQuote(tx, f.quotes.QD, { price_krw: 2500000 }) },
			'QA revision requested': {
				expect: only('S'),
				sql: ({ tx, f }) => setQuote(tx, f.quotes.QA, { status: 'revision_requested', revision_note: '200만원이면 좋겠습니다' })
			},
			'QA accepted': { expect: only('S'), sql: ({ tx, f }) => setQuote(tx, f.quotes.QA, { status: 'accepted' }) },
			'QA declined': { expect: only('S'), sql: ({ tx, f }) => setQuote(tx, f.quotes.QA, { status: 'declined', reason: '예산 초과' }) },
			'QA withdrawn': { expect: only('A'), sql: ({ tx, f }) => setQuote(tx, f.quotes.QA, { status: 'withdrawn', reason: '일정 불가' }) },
			'QA not selected by hand': { expect: nobody, sql: ({ tx, f }) => setQuote(tx, f.quotes.QA, { status: 'not_selected' }) },
			'QA revision number': { expect: nobody, sql: ({ tx, f }) => setQuote(tx, f.quotes.QA, { revision: 5 }) },
			'QA moved to WC': { expect: nobody, sql: ({ tx, f }) => setQuote(tx, f.quotes.QA, { workshop_id: f.workshops.WC }) }
		},
		delete: {
			QA: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.quotes where id = ${f.quotes.QA}` }
		}
	},

	quote_revisions: {
		visible: ({ tx, f }) => tx`
			select quote_id || ':' || revision as id from public.quote_revisions where quote_id in ${tx(Object.values(f.quotes))}`,
		sees: { S: ['QA·1', 'QB·1', 'QD·1'], A: ['QA·1'], B: ['QB·1'], MX: ['QD·1'] },
		insert: {
			'QA revision 2': {
				expect: nobody,
				sql: ({ tx, f }) => tx`
					insert into public.quote_revisions (quote_id, revision, price_krw, lead_time_days, valid_until, notes)
					values (${f.quotes.QA}, 2, 1, 1, current_date, '')`
			}
		},
		update: {
			'QA·1 price': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.quote_revisions set price_krw = 1 where quote_id = ${f.quotes.QA}`
			}
		},
		delete: {
			'QA·1': { expect: nobody, sql: ({ tx, f }) => tx`delete from public.quote_revisions where quote_id = ${f.quotes.QA}` }
		}
	},

	conversations: {
		visible: ({ tx, f }) => tx`select id from public.conversations where id in ${tx(Object.values(f.conversations))}`,
		sees: { S: ['CA', 'CB', 'CD'], A: ['CA'], B: ['CB'], MX: ['CD'] },
		insert: {
			'RO with WA (joined)': {
				expect: only('S', 'A'),
				sql: ({ tx, f }) => tx`insert into public.conversations (request_id, workshop_id) values (${f.requests.RO}, ${f.workshops.WA})`
			},
			'RO with WC (not joined)': {
				expect: nobody,
				sql: ({ tx, f }) => tx`insert into public.conversations (request_id, workshop_id) values (${f.requests.RO}, ${f.workshops.WC})`
			}
		},
		update: {
			'CA last message time': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.conversations set last_message_at = now() where id = ${f.conversations.CA}`
			}
		},
		delete: {
			CA: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.conversations where id = ${f.conversations.CA}` }
		}
	},

	messages: {
		visible: ({ tx, f }) => tx`select id from public.messages where id in ${tx(Object.values(f.messages))}`,
		sees: { S: ['mA1', 'mA2', 'mB1'], A: ['mA1', 'mA2'], B: ['mB1'] },
		insert: {
			'own message in CA': {
				expect: only('S', 'A'),
				sql: ({ tx, f, me }) =>
					tx`insert into public.messages (conversation_id, sender_id, body) values (${f.conversations.CA}, ${me}, '안녕하세요')`
			},
			'own message in CD (WD has no account)': {
				expect: only('S', 'MX'),
				sql: ({ tx, f, me }) =>
					tx`insert into public.messages (conversation_id, sender_id, body) values (${f.conversations.CD}, ${me}, '안녕하세요')`
			},
			'a message in CA as S': {
				expect: only('S'),
				sql: ({ tx, f }) =>
					tx`insert into public.messages (conversation_id, sender_id, body) values (${f.conversations.CA}, ${f.users.S}, '안녕하세요')`
			}
		},
		update: {
			'mA2 body': { expect: nobody, sql: ({ tx, f }) => tx`update public.messages set body = '수정' where id = ${f.messages.mA2}` }
		},
		delete: {
			mA2: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.messages where id = ${f.messages.mA2}` }
		}
	},

	conversation_reads: {
		visible: ({ tx, f }) => tx`
			select conversation_id || ':' || user_id as id from public.conversation_reads
			where conversation_id in ${tx(Object.values(f.conversations))}`,
		sees: { S: ['rSA'], A: ['rAA'] },
		insert: {
			'own marker on CB': {
				expect: only('S', 'B'),
				sql: ({ tx, f, me }) => tx`insert into public.conversation_reads (conversation_id, user_id) values (${f.conversations.CB}, ${me})`
			},
			"B's marker on CB": {
				expect: only('B'),
				sql: ({ tx, f }) =>
					tx`insert into public.conversation_reads (conversation_id, user_id) values (${f.conversations.CB}, ${f.users.B})`
			}
		},
		update: {
			'own marker on CA': {
				expect: only('S', 'A'),
				sql: ({ tx, f, me }) => tx`
					update public.conversation_reads set last_read_at = now() where conversation_id = ${f.conversations.CA} and user_id = ${me}`
			},
			"A's marker moved to B": {
				expect: nobody,
				sql: ({ tx, f }) => tx`
					update public.conversation_reads set user_id = ${f.users.B} where conversation_id = ${f.conversations.CA} and user_id = ${f.users.A}`
			}
		},
		delete: {
			'own marker on CA': {
				expect: nobody,
				sql: ({ tx, f, me }) => tx`delete from public.conversation_reads where conversation_id = ${f.conversations.CA} and user_id = ${me}`
			}
		}
	},

	notifications: {
		visible: ({ tx, f }) => tx`select id from public.notifications where id in ${tx(Object.values(f.notifications))}`,
		sees: { S: ['NS'], A: ['NA'] },
		insert: {
			'own notification': {
				expect: nobody,
				sql: ({ tx, me }) => tx`insert into public.notifications (user_id, kind) values (${me}, 'quote')`
			}
		},
		update: {
			'NA read': {
				expect: only('A'),
				sql: ({ tx, f }) => tx`update public.notifications set read_at = now() where id = ${f.notifications.NA}`
			},
			'NA kind': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.notifications set kind = 'message' where id = ${f.notifications.NA}`
			},
			'NA emailed': {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.notifications set emailed_at = now() where id = ${f.notifications.NA}`
			}
		},
		delete: {
			NA: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.notifications where id = ${f.notifications.NA}` }
		}
	},

	notification_preferences: {
		visible: ({ tx, f }) => tx`
			select user_id || ':' || kind as id from public.notification_preferences where user_id in ${tx(Object.values(f.users))}`,
		sees: { A: ['prefA'] },
		insert: {
			'own preference for quote emails': {
				expect: only(...users),
				sql: ({ tx, me }) => tx`insert into public.notification_preferences (user_id, kind, email) values (${me}, 'quote', false)`
			},
			"A's preference for quote emails": {
				expect: only('A'),
				sql: ({ tx, f }) => tx`insert into public.notification_preferences (user_id, kind, email) values (${f.users.A}, 'quote', false)`
			}
		},
		update: {
			"A's message emails back on": {
				expect: only('A'),
				sql: ({ tx, f }) => tx`update public.notification_preferences set email = true where user_id = ${f.users.A} and kind = 'message'`
			},
			"A's preference moved to B": {
				expect: nobody,
				sql: ({ tx, f }) => tx`update public.notification_preferences set user_id = ${f.users.B} where user_id = ${f.users.A}`
			}
		},
		delete: {
			"A's message preference": {
				expect: only('A'),
				sql: ({ tx, f }) => tx`delete from public.notification_preferences where user_id = ${f.users.A} and kind = 'message'`
			}
		}
	},

	dev_mailbox: {
		visible: ({ tx, f }) => tx`select id::text as id from public.dev_mailbox where id = ${f.mail.DM1}`,
		sees: { OP: ['DM1'] },
		insert: {
			'a mail': {
				expect: nobody,
				sql: ({ tx }) => tx`insert into public.dev_mailbox (to_email, subject, text) values ('x@example.test', 's', 't')`
			}
		},
		update: {
			DM1: { expect: nobody, sql: ({ tx, f }) => tx`update public.dev_mailbox set subject = 'x' where id = ${f.mail.DM1}` }
		},
		delete: {
			DM1: { expect: nobody, sql: ({ tx, f }) => tx`delete from public.dev_mailbox where id = ${f.mail.DM1}` }
		}
	}
};

// ---------------------------------------------------------------- runner

const runner = { actors, actorNames, anonymous: 'anon' as const, createFixtures, actAs, actAsSuperuser };
const { as } = matrixTools(runner);
runMatrix(runner, matrix);
runOutsideRls(runner, Object.keys(matrix), ['anon', 'A']);

// ---------------------------------------------------------------- rules a grid cannot show

describe('who may open a request’s files', () => {
	// RP: invited-only with an NDA, routed to X. RO: public, no NDA, WA joined. RD: draft.
	const canOpen: Record<'RP' | 'RO' | 'RD', Actor[]> = {
		RP: ['S', 'A', 'MX'], // owner; WA accepted the NDA; MX manages X. Not B (no NDA yet), not C (uninvited).
		RO: ['S', 'A'], // owner; WA joined. Public does not mean the files are: C must join first.
		RD: ['S']
	};
	for (const [request, allowed] of Object.entries(canOpen) as [keyof typeof canOpen, Actor[]][]) {
		for (const actor of users) {
			const outcome = allowed.includes(actor);
			it(`can_open_attachments(${request}) · ${actorNames[actor]} → ${outcome}`, () =>
				rollback(async (tx) => {
					const f = await createFixtures(tx);
					const result = await as(tx, f, actor, (sp) =>
						sp<{ ok: boolean }[]>`select private.can_open_attachments(${f.requests[request]}) as ok`.then((r) => r[0].ok)
					);
					expect(result).toBe(outcome);
				}));
		}
	}

	it('an uninvited workshop never opens a private request’s drawing', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const open = (actor: Actor) => as(tx, f, actor, (sp) => sp`select * from private.open_attachment(${f.attachments.DP})`);
			expect(await open('C')).toMatchObject({ error: '42501' });
			// Joining by itself is for public requests only, so C has no way in.
			const joined = await as(tx, f, 'C', (sp) => join(sp, f.requests.RP, f.workshops.WC, 'self', null));
			expect(joined).toMatchObject({ error: '42501' });
			expect(await open('C')).toMatchObject({ error: '42501' });
			expect(await open('MY')).toMatchObject({ error: '42501' });
			expect(await open('S2')).toMatchObject({ error: '42501' });
			const [{ n }] = await tx`select count(*)::int as n from public.attachment_access_log where attachment_id = ${f.attachments.DP}`;
			expect(n).toBe(2); // the fixtures' LA and LMX only: refused openings leave no trace
		}));

	it('an invited workshop opens the drawing only after accepting the NDA, and the owner sees the opening', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const open = () => as(tx, f, 'B', async (sp) => [...(await sp`select * from private.open_attachment(${f.attachments.DP})`)]);
			expect(await open()).toMatchObject({ error: '42501' });
			await as(
				tx,
				f,
				'B',
				(sp) => sp`
				update public.request_participants set nda_accepted_at = '2001-01-01'
				where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WB}`
			);
			const [row] = (await tx`
				select nda_accepted_at > now() - interval '1 minute' as now_ish, nda_accepted_by
				from public.request_participants where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WB}`) as postgres.Row[];
			expect(row).toEqual({ now_ish: true, nda_accepted_by: f.users.B }); // the database's clock, not the client's
			expect(await open()).toEqual([
				{
					path: `requests/${f.requests.RP}/${f.attachments.DP}.pdf`,
					filename: 'drawing.pdf',
					content_type: 'application/pdf',
					size_bytes: 1024
				}
			]);
			const log = await as(tx, f, 'S', async (sp) => [
				...(await sp`
					select user_id, workshop_id, request_id from public.attachment_access_log
					where attachment_id = ${f.attachments.DP} order by opened_at, id`)
			]);
			expect(log).toEqual([
				{ user_id: f.users.A, workshop_id: f.workshops.WA, request_id: f.requests.RP },
				{ user_id: f.users.MX, workshop_id: null, request_id: f.requests.RP },
				{ user_id: f.users.B, workshop_id: f.workshops.WB, request_id: f.requests.RP }
			]);
			const again = await as(
				tx,
				f,
				'B',
				(sp) => sp`
				update public.request_participants set nda_accepted_at = '2030-01-01'
				where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WB}`
			);
			expect(again).toMatchObject({ error: '23514', message: expect.stringMatching(/already accepted/) });
		}));
});

describe('quotes stay between the workshop and the startup', () => {
	for (const actor of ['A', 'B', 'C', 'MX', 'MY'] as const) {
		it(`a craftsman never sees another workshop's quote · ${actorNames[actor]}`, () =>
			rollback(async (tx) => {
				const f = await createFixtures(tx);
				const result = await as(tx, f, actor, async (sp) => ({
					quotes: (await sp`select workshop_id from public.quotes`).map((r) => r.workshop_id as string),
					revisions: (await sp`select q.workshop_id from public.quote_revisions r join public.quotes q on q.id = r.quote_id`).length,
					quoteFiles: (await sp`select quote_id from public.attachments where quote_id is not null`).map((r) => r.quote_id as string),
					acts: (await sp`select id from public.workshops where private.acts_for_workshop(id)`).map((r) => r.id as string)
				}));
				if ('error' in result) throw new Error(result.message);
				expect(result.quotes.every((w) => result.acts.includes(w))).toBe(true);
				expect(result.revisions).toBe(result.quotes.length);
				expect(result.quoteFiles.every((q) => q === f.quotes.QA && actor === 'A')).toBe(true);
				const own = { A: 1, B: 1, C: 0, MX: 1, MY: 0 }[actor];
				expect(result.quotes).toHaveLength(own);
			}));
	}

	it('anonymous visitors see nothing of requests and what hangs off them', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			for (const table of Object.keys(matrix)) {
				const result = await as(tx, f, 'anon', (sp) => sp`select count(*)::int as n from ${sp('public.' + table)}`);
				const n = Array.isArray(result) ? result[0].n : 0; // no privilege at all is also nothing
				expect({ table, n }).toEqual({ table, n: 0 });
			}
		}));
});

describe('request and quote state machines', () => {
	// The trigger and the app's state machines must be the same table, or the app offers a move the
	// database refuses (or the database lets through one the app would not).
	it('the database allows exactly the request moves of request-states.ts', () =>
		rollback(async (tx) => {
			const states = [...requestStates];
			const rows = await tx`
				select f, t, private.request_transition_actor(f, t) as actor
				from unnest(${states}::text[]) f cross join unnest(${states}::text[]) t`;
			const inDb = rows.filter((r) => r.actor).map((r) => `${r.f} → ${r.t}`);
			const inApp = Object.values(requestTransitions).flatMap((m) => m.from.map((from) => `${from} → ${m.to}`));
			expect(inDb.sort()).toEqual(inApp.sort());
		}));

	it('the database allows exactly the quote moves of quote-states.ts, to the same actors', () =>
		rollback(async (tx) => {
			const stored = quoteStates.filter((q) => q !== 'expired'); // computed from valid_until, never stored
			const rows = await tx`
				select f, t, private.quote_transition_actor(f, t) as actor
				from unnest(${stored}::text[]) f cross join unnest(${stored}::text[]) t`;
			const inDb = rows.filter((r) => r.actor).map((r) => `${r.f} → ${r.t} by ${r.actor}`);
			const inApp = Object.values(quoteTransitions).flatMap((m) =>
				m.from.filter((from) => from !== 'expired').map((from) => `${from} → ${m.to} by ${m.by === 'startup' ? 'owner' : m.by}`)
			);
			expect(inDb.sort()).toEqual(inApp.sort());
		}));

	it('a closed request keeps its quotes waiting and can reopen; an awarded one cannot be cancelled', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const move = (status: string) =>
				as(tx, f, 'S', (sp) => sp`update public.requests set status = ${status} where id = ${f.requests.RP}`);
			expect(await move('closed')).toHaveProperty('count', 1);
			const closedQuote = await as(tx, f, 'S', (sp) => setQuote(sp, f.quotes.QA, { status: 'accepted' }));
			expect(closedQuote).toMatchObject({ error: '23514', message: 'the request is not open' });
			expect(await move('open')).toHaveProperty('count', 1);
			const [quotes] = await tx`select array_agg(distinct status) as s from public.quotes where request_id = ${f.requests.RP}`;
			expect(quotes.s).toEqual(['submitted']);
			await as(tx, f, 'S', (sp) => setQuote(sp, f.quotes.QA, { status: 'accepted' }));
			expect(await move('cancelled')).toMatchObject({ error: '23514', message: 'a request cannot go from awarded to cancelled' });
		}));

	it('a quote under revision cannot be accepted: its price is changing', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await as(tx, f, 'S', (sp) => setQuote(sp, f.quotes.QA, { status: 'revision_requested', revision_note: '단가 조정 부탁드립니다' }));
			const accepted = await as(tx, f, 'S', (sp) => setQuote(sp, f.quotes.QA, { status: 'accepted' }));
			expect(accepted).toMatchObject({ error: '23514', message: 'a quote cannot go from revision_requested to accepted' });
		}));

	it('a cancelled draft stays private and can still be deleted', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await tx`insert into public.request_clusters (request_id, cluster_id) values (${f.requests.RD}, ${f.clusters.X})`;
			await as(tx, f, 'S', (sp) => sp`update public.requests set status = 'cancelled' where id = ${f.requests.RD}`);
			const seen = await as(tx, f, 'MX', (sp) => sp`select id from public.requests where id = ${f.requests.RD}`);
			expect(seen).toHaveLength(0);
			const deleted = await as(tx, f, 'S', (sp) => sp`delete from public.requests where id = ${f.requests.RD}`);
			expect(deleted).toHaveProperty('count', 1);
		}));

	it('refuses an illegal request status change: awarded → open', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await as(tx, f, 'S', (sp) => setQuote(sp, f.quotes.QA, { status: 'accepted' }));
			const back = await as(tx, f, 'S', (sp) => sp`update public.requests set status = 'open' where id = ${f.requests.RP}`);
			expect(back).toMatchObject({ error: '23514', message: 'a request cannot go from awarded to open' });
			// The service role is bound by the state machine too.
			await tx`set local role service_role`;
			await expect(tx.savepoint((sp) => sp`update public.requests set status = 'draft' where id = ${f.requests.RP}`)).rejects.toThrow(
				/cannot go from awarded to draft/
			);
			await tx`reset role`;
		}));

	it('accepting a quote awards the request, closes it to the others and tells everyone who quoted', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await tx`delete from public.notifications where user_id in ${tx(Object.values(f.users))}`;
			const accepted = await as(tx, f, 'S', (sp) => setQuote(sp, f.quotes.QA, { status: 'accepted' }));
			expect(accepted).toHaveProperty('count', 1);
			const [request] = await tx`select status, awarded_quote_id from public.requests where id = ${f.requests.RP}`;
			expect(request).toEqual({ status: 'awarded', awarded_quote_id: f.quotes.QA });
			const quotes = await tx<
				{ id: string; status: string }[]
			>`select id, status from public.quotes where request_id = ${f.requests.RP} order by id`;
			expect(Object.fromEntries(quotes.map((q) => [f.names.get(q.id), q.status]))).toEqual({
				QA: 'accepted',
				QB: 'not_selected',
				QD: 'not_selected'
			});
			const told = await tx<
				{ user_id: string; kind: string }[]
			>`select user_id, kind from public.notifications where user_id in ${tx(Object.values(f.users))}`;
			expect(told.map((n) => `${f.names.get(n.user_id)} ${n.kind}`).sort()).toEqual([
				'A quote_accepted',
				'B quote_not_selected',
				'MX quote_not_selected' // for WD, which has no account
			]);
			// Nothing more is accepted, quoted or withdrawn on an awarded request.
			const second = await as(tx, f, 'S', (sp) => setQuote(sp, f.quotes.QB, { status: 'accepted' }));
			expect(second).toMatchObject({ error: '23514' });
			const late = await as(tx, f, 'B', (sp) => newQuote(sp, f.requests.RP, f.workshops.WB, f.users.B));
			expect(late).toMatchObject({ error: '42501' });
		}));

	it('a workshop cannot accept its own quote, and nobody accepts an expired one', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const own = await as(tx, f, 'A', (sp) => setQuote(sp, f.quotes.QA, { status: 'accepted' }));
			expect(own).toMatchObject({ error: '42501', message: expect.stringMatching(/only the request's owner/) });
			await tx`update public.quotes set valid_until = current_date - 1 where id = ${f.quotes.QB}`;
			const expired = await as(tx, f, 'S', (sp) => setQuote(sp, f.quotes.QB, { status: 'accepted' }));
			expect(expired).toMatchObject({ error: '23514', message: expect.stringMatching(/expired/) });
		}));

	it('a counter-offer and the revision that answers it are both kept', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await as(tx, f, 'S', (sp) => setQuote(sp, f.quotes.QA, { status: 'revision_requested', revision_note: '200만원 가능할까요?' }));
			const revised = await as(tx, f, 'A', (sp) =>
				setQuote(sp, f.quotes.QA, { status: 'submitted', price_krw: 2000000, lead_time_days: 16 })
			);
			expect(revised).toHaveProperty('count', 1);
			const [quote] = await tx`select status, revision, price_krw from public.quotes where id = ${f.quotes.QA}`;
			expect(quote).toEqual({ status: 'submitted', revision: 2, price_krw: 2000000 });
			const history = await as(tx, f, 'S', async (sp) => [
				...(await sp`
					select revision, price_krw, lead_time_days, answered_note, created_by from public.quote_revisions
					where quote_id = ${f.quotes.QA} order by revision`)
			]);
			expect(history).toEqual([
				{ revision: 1, price_krw: 2400000, lead_time_days: 14, answered_note: null, created_by: null },
				{ revision: 2, price_krw: 2000000, lead_time_days: 16, answered_note: '200만원 가능할까요?', created_by: f.users.A }
			]);
			const kinds = await tx<{ user_id: string; kind: string; note: string | null }[]>`
				select user_id, kind, payload ->> 'revision_note' as note from public.notifications
				where kind in ('quote_revision_requested', 'quote_revised') and user_id in ${tx(Object.values(f.users))}
				order by kind`;
			expect(kinds.map((n) => [f.names.get(n.user_id), n.kind, n.note])).toEqual([
				['S', 'quote_revised', null],
				['A', 'quote_revision_requested', '200만원 가능할까요?']
			]);
		}));

	it('cancelling a request leaves no quote waiting', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await as(tx, f, 'S', (sp) => sp`update public.requests set status = 'cancelled' where id = ${f.requests.RP}`);
			const quotes = await tx<{ status: string }[]>`select distinct status from public.quotes where request_id = ${f.requests.RP}`;
			expect(quotes.map((q) => q.status)).toEqual(['not_selected']);
		}));

	it('the confidentiality terms of a published request do not change', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const result = await as(tx, f, 'S', (sp) => sp`update public.requests set nda_text = '다른 조건' where id = ${f.requests.RP}`);
			expect(result).toMatchObject({ error: '23514', message: expect.stringMatching(/confidentiality/) });
		}));

	it('a request takes its location from the company, and publishing stamps it', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const [rp] = await tx`select lat, lng, published_at is not null as published from public.requests where id = ${f.requests.RP}`;
			expect(rp).toEqual({ lat: 37.53, lng: 127, published: true }); // CS has no location: its cluster Z's
			await as(tx, f, 'S', (sp) => sp`update public.requests set title = '완성', status = 'open' where id = ${f.requests.RD}`);
			const [rd] = await tx`select published_at is not null as published from public.requests where id = ${f.requests.RD}`;
			expect(rd.published).toBe(true);
		}));
});

describe('notifications and their mail', () => {
	const outboxFor = (tx: Tx, ids: string[]) =>
		tx<{ key: string }[]>`select key from public.outbox where topic = 'mail.notification' and key = any(${ids})`;

	it('an invitation notifies the workshop and queues its email in the same transaction', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await as(tx, f, 'S', (sp) => join(sp, f.requests.RP, f.workshops.WC, 'invited', f.users.S));
			const [n] = await tx<
				{ id: string; kind: string; payload: unknown }[]
			>`select id, kind, payload from public.notifications where user_id = ${f.users.C}`;
			expect(n).toMatchObject({
				kind: 'invitation',
				payload: { request_id: f.requests.RP, request_title: '알루미늄 브래킷 200개', workshop_id: f.workshops.WC }
			});
			expect((await outboxFor(tx, [n.id])).map((r) => r.key)).toEqual([n.id]);
		}));

	it('a forward tells the workshop with the manager’s note; inviting a member without an account tells its managers', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await as(tx, f, 'MX', (sp) => join(sp, f.requests.RP, f.workshops.WC, 'forwarded', f.users.MX, '정밀 가공 추천'));
			const [c] = await tx`select kind, payload ->> 'note' as note from public.notifications where user_id = ${f.users.C}`;
			expect(c).toEqual({ kind: 'forwarded', note: '정밀 가공 추천' });
			await tx`delete from public.request_participants where request_id = ${f.requests.RP} and workshop_id = ${f.workshops.WD}`;
			await as(tx, f, 'S', (sp) => join(sp, f.requests.RP, f.workshops.WD, 'invited', f.users.S));
			const mx = await tx<{ kind: string }[]>`select kind from public.notifications where user_id = ${f.users.MX} and kind <> 'routed'`;
			expect(mx.map((n) => n.kind)).toEqual(['invitation']);
		}));

	it('no email is queued for a kind the user turned off; messages coalesce while unread', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await tx`update public.notifications set read_at = now() where user_id = ${f.users.A}`;
			const send = (body: string) =>
				as(
					tx,
					f,
					'S',
					(sp) => sp`
				insert into public.messages (conversation_id, sender_id, body) values (${f.conversations.CA}, ${f.users.S}, ${body})`
				);
			await send('첫 번째');
			await send('두 번째');
			const unread = await tx<{ id: string; payload: unknown }[]>`
				select id, payload from public.notifications where user_id = ${f.users.A} and kind = 'message' and read_at is null`;
			expect(unread).toHaveLength(1);
			expect(unread[0].payload).toMatchObject({ conversation_id: f.conversations.CA, excerpt: '두 번째', count: 2 });
			expect(await outboxFor(tx, [unread[0].id])).toEqual([]); // A turned message emails off
			// B did not: B's message notification is mailed.
			await as(
				tx,
				f,
				'S',
				(sp) => sp`
				insert into public.messages (conversation_id, sender_id, body) values (${f.conversations.CB}, ${f.users.S}, '답변입니다')`
			);
			const [b] = await tx<{ id: string }[]>`select id from public.notifications where user_id = ${f.users.B} and kind = 'message'`;
			expect((await outboxFor(tx, [b.id])).length).toBe(1);
			// The sender is never notified of their own message, and the conversation knows its latest.
			const [s] =
				await tx`select count(*)::int as n from public.notifications where user_id = ${f.users.S} and kind = 'message' and payload ->> 'excerpt' = '두 번째'`;
			expect(s.n).toBe(0);
			const [conv] = await tx`select last_message_at is not null as set from public.conversations where id = ${f.conversations.CB}`;
			expect(conv.set).toBe(true);
		}));

	it('a new message is announced on channel messages with its conversation id once committed', async () => {
		const sql = testSql();
		let f: Fixtures | undefined;
		const listener = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
		try {
			f = await sql.begin((tx) => createFixtures(tx, '99922'));
			const heard: string[] = [];
			await listener.listen('messages', (payload) => heard.push(payload));
			const fx = f;
			await sql.begin(async (tx) => {
				await actAs(tx, 'A', fx);
				await tx`insert into public.messages (conversation_id, sender_id, body) values (${fx.conversations.CA}, ${fx.users.A}, '실시간')`;
				expect(heard).toEqual([]); // nothing before commit
			});
			await expect.poll(() => heard, { timeout: 5000 }).toEqual([f.conversations.CA]);
		} finally {
			await listener.end();
			if (f) await deleteFixtures(sql, f);
		}
	});
});

describe('a workshop declines a request', () => {
	const decline = (sp: Tx, request: string, workshop: string, reason: string | null = null) => sp`
		update public.request_participants set declined_at = now(), decline_reason = ${reason}
		where request_id = ${request} and workshop_id = ${workshop}`;

	it('the owner sees when and why, and is notified with the reason (and its email is queued)', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			expect(await as(tx, f, 'A', (sp) => decline(sp, f.requests.RO, f.workshops.WA, '  이번 달은 일정이 꽉 찼습니다 '))).toHaveProperty(
				'count',
				1
			);
			const seen = await as(
				tx,
				f,
				'S',
				(sp) => sp`
				select declined_at is not null as declined, decline_reason from public.request_participants
				where request_id = ${f.requests.RO} and workshop_id = ${f.workshops.WA}`
			);
			expect(seen).toEqual([{ declined: true, decline_reason: '이번 달은 일정이 꽉 찼습니다' }]);
			const told = await tx<
				{ id: string; kind: string; payload: unknown }[]
			>`select id, kind, payload from public.notifications where user_id = ${f.users.S} and kind = 'participation_declined'`;
			expect(told).toHaveLength(1);
			expect(told[0].payload).toMatchObject({
				request_id: f.requests.RO,
				workshop_id: f.workshops.WA,
				workshop_name: 'WA',
				reason: '이번 달은 일정이 꽉 찼습니다'
			});
			const [mail] = await tx`select count(*)::int as n from public.outbox where topic = 'mail.notification' and key = ${told[0].id}`;
			expect(mail.n).toBe(1);
			// The workshop that declined is not notified of its own decline.
			const [own] =
				await tx`select count(*)::int as n from public.notifications where user_id = ${f.users.A} and kind = 'participation_declined'`;
			expect(own.n).toBe(0);
		}));

	it('without a reason the notification says nothing more', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await as(tx, f, 'A', (sp) => decline(sp, f.requests.RO, f.workshops.WA, '   '));
			const [n] = await tx`select payload from public.notifications where user_id = ${f.users.S} and kind = 'participation_declined'`;
			expect(n.payload).not.toHaveProperty('reason');
			const [p] =
				await tx`select decline_reason from public.request_participants where request_id = ${f.requests.RO} and workshop_id = ${f.workshops.WA}`;
			expect(p.decline_reason).toBeNull();
		}));

	it('a workshop with a live quote withdraws it instead; once withdrawn it may decline', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			expect(await as(tx, f, 'A', (sp) => decline(sp, f.requests.RP, f.workshops.WA))).toMatchObject({
				error: '23514',
				message: 'withdraw the quote on this request instead of declining it'
			});
			await as(tx, f, 'A', (sp) => setQuote(sp, f.quotes.QA, { status: 'withdrawn', reason: '재료 수급 문제' }));
			expect(await as(tx, f, 'A', (sp) => decline(sp, f.requests.RP, f.workshops.WA))).toHaveProperty('count', 1);
			// Declined, it may not quote again.
			const again = await as(
				tx,
				f,
				'A',
				(sp) => sp`
				insert into public.quotes (request_id, workshop_id, price_krw, lead_time_days, valid_until, submitted_by)
				values (${f.requests.RP}, ${f.workshops.WA}, 100000, 5, current_date + 7, ${f.users.A})`
			);
			expect(again).toMatchObject({ error: '42501' });
		}));

	it('declining is final, and a reason goes only with declining', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			const reasonAlone = await as(
				tx,
				f,
				'A',
				(sp) => sp`
				update public.request_participants set decline_reason = '사유만' where request_id = ${f.requests.RO} and workshop_id = ${f.workshops.WA}`
			);
			expect(reasonAlone).toMatchObject({ error: '23514', message: 'a reason goes with declining' });
			await as(tx, f, 'A', (sp) => decline(sp, f.requests.RO, f.workshops.WA, '처음 사유'));
			const undo = await as(
				tx,
				f,
				'A',
				(sp) => sp`
				update public.request_participants set declined_at = null where request_id = ${f.requests.RO} and workshop_id = ${f.workshops.WA}`
			);
			expect(undo).toMatchObject({ error: '23514', message: 'this workshop already declined the request' });
			const newReason = await as(
				tx,
				f,
				'A',
				(sp) => sp`
				update public.request_participants set decline_reason = '바꾼 사유' where request_id = ${f.requests.RO} and workshop_id = ${f.workshops.WA}`
			);
			expect(newReason).toMatchObject({ error: '23514' });
		}));

	it('a forwarded workshop that declines tells the owner and the manager who forwarded it', () =>
		rollback(async (tx) => {
			const f = await createFixtures(tx);
			await as(tx, f, 'MX', (sp) => join(sp, f.requests.RP, f.workshops.WC, 'forwarded', f.users.MX, '정밀 가공 추천'));
			await as(tx, f, 'C', (sp) => decline(sp, f.requests.RP, f.workshops.WC, '설비가 맞지 않습니다'));
			const told = await tx<{ user_id: string }[]>`
				select user_id from public.notifications where kind = 'participation_declined' and payload ->> 'workshop_id' = ${f.workshops.WC}`;
			expect(told.map((n) => n.user_id).sort()).toEqual([f.users.S, f.users.MX].sort());
		}));
});

describe('live unread badges', () => {
	it('reading a notification is announced on channel notifications with the user id once committed', async () => {
		const sql = testSql();
		let f: Fixtures | undefined;
		const listener = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
		try {
			f = await sql.begin((tx) => createFixtures(tx, '99923'));
			const heard: string[] = [];
			await listener.listen('notifications', (payload) => heard.push(payload));
			const fx = f;
			await sql.begin(async (tx) => {
				await actAs(tx, 'A', fx);
				await tx`update public.notifications set read_at = now() where id = ${fx.notifications.NA}`;
			});
			await expect.poll(() => heard, { timeout: 5000 }).toEqual([f.users.A]);
			// Reading it again changes nothing, and nothing is announced.
			await sql.begin(async (tx) => {
				await actAs(tx, 'A', fx);
				await tx`update public.notifications set read_at = read_at where id = ${fx.notifications.NA}`;
			});
			await new Promise((r) => setTimeout(r, 300));
			expect(heard).toEqual([f.users.A]);
		} finally {
			await listener.end();
			if (f) await deleteFixtures(sql, f);
		}
	});
});
