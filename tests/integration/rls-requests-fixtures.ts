// Fixtures for the row-level security matrix of requests, quotes, conversations and notifications: a
// small marketplace created as the superuser inside a transaction the test rolls back, plus the way to
// act as one of its users. Ids are fresh per call; the trade code sits outside KSIC's C10-C33.
import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { purgeOrders } from './db';

type Tx = postgres.TransactionSql;

export const actors = ['anon', 'S', 'S2', 'A', 'B', 'C', 'MX', 'MY', 'OP'] as const;
export type Actor = (typeof actors)[number];
export type User = Exclude<Actor, 'anon'>;

export const actorNames: Record<Actor, string> = {
	anon: 'anonymous',
	S: 'startup S',
	S2: 'startup S2',
	A: 'craftsman A',
	B: 'craftsman B',
	C: 'craftsman C',
	MX: 'manager MX',
	MY: 'manager MY',
	OP: 'operator OP'
};

const userRoles: Record<User, string> = {
	S: 'startup',
	S2: 'startup',
	A: 'craftsman',
	B: 'craftsman',
	C: 'craftsman',
	MX: 'manager',
	MY: 'manager',
	OP: 'operator'
};

/**
 * - craft clusters X (MX) and Y (MY), startup cluster Z; companies CS (S, in Z) and CS2 (S2)
 * - workshops WA (A), WC (C) and WD (no account) are approved members of X; WB (B) of Y
 * - RP: S's invited-only open request with an NDA, routed to X. WA invited and accepted the NDA,
 *   WB invited without accepting, WD forwarded by MX with a note. Drawing DP.
 * - RO: S's public open request without NDA, not routed; WA joined it by itself. Drawing DO.
 * - RD: S's draft. Drawing DD.
 * - quotes QA (WA, by A), QB (WB, by B), QD (WD, by MX) on RP, each with revision 1; QFA a file of QA
 * - conversations CA, CB, CD on RP with WA, WB, WD; messages mA1 (S), mA2 (A) in CA, mB1 (B) in CB;
 *   MFA a file of mA2; read markers rSA (S on CA), rAA (A on CA)
 * - access log: LA (A opened DP), LMX (MX opened DP)
 * - notifications NS (for S), NA (for A); A's preference prefA (no message emails); dev mail DM1
 */
export interface Fixtures {
	users: Record<User, string>;
	trade: string;
	clusters: { X: string; Y: string; Z: string };
	companies: { CS: string; CS2: string };
	workshops: { WA: string; WB: string; WC: string; WD: string };
	requests: { RP: string; RO: string; RD: string };
	participants: { pA: string; pB: string; pD: string; pAO: string };
	routes: { rcPX: string };
	attachments: { DP: string; DO: string; DD: string; QFA: string; MFA: string };
	accessLog: { LA: string; LMX: string };
	quotes: { QA: string; QB: string; QD: string };
	revisions: { 'QA·1': string; 'QB·1': string; 'QD·1': string };
	conversations: { CA: string; CB: string; CD: string };
	messages: { mA1: string; mA2: string; mB1: string };
	reads: { rSA: string; rAA: string };
	notifications: { NS: string; NA: string };
	preferences: { prefA: string };
	mail: { DM1: string };
	/** Fixture id → its name above, to report visible rows by name. */
	names: Map<string, string>;
}

const pair = (a: string, b: string) => `${a}:${b}`;

export async function createFixtures(tx: Tx, trade = '99921'): Promise<Fixtures> {
	const ids = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, randomUUID()])) as Record<K, string>;
	const users = ids('S', 'S2', 'A', 'B', 'C', 'MX', 'MY', 'OP');
	const clusters = ids('X', 'Y', 'Z');
	const companies = ids('CS', 'CS2');
	const workshops = ids('WA', 'WB', 'WC', 'WD');
	const requests = ids('RP', 'RO', 'RD');
	const attachments = ids('DP', 'DO', 'DD', 'QFA', 'MFA');
	const quotes = ids('QA', 'QB', 'QD');
	const conversations = ids('CA', 'CB', 'CD');
	const messages = ids('mA1', 'mA2', 'mB1');
	const notifications = ids('NS', 'NA');
	const { RP, RO, RD } = requests;
	const { WA, WB, WC, WD } = workshops;

	for (const [key, id] of Object.entries(users) as [User, string][]) {
		const chosen = userRoles[key] === 'craftsman' ? 'craftsman' : 'startup';
		await tx`insert into auth.users (id, email, raw_user_meta_data)
			values (${id}, ${`rlsr-${key.toLowerCase()}-${id}@example.test`},
			        ${tx.json({ role: chosen, display_name: `user ${key}` })})`;
		if (userRoles[key] !== chosen) await tx`update public.profiles set role = ${userRoles[key]} where id = ${id}`;
	}

	await tx`insert into public.trades (ksic_code, name_ko, name_en) values (${trade}, '시험 업종', 'Test trade')`;
	const cluster = (id: string, slug: string, kind: 'craft' | 'startup', lat: number) => tx`
		insert into public.clusters (id, slug, kind, name_ko, name_en, trade_code, region_ko, region_en,
			district_ko, district_en, district_kind, lat, lng)
		values (${id}, ${`rlsr-${slug}-${id.slice(0, 8)}`}, ${kind}, ${slug}, ${slug},
			${kind === 'craft' ? trade : null}, '서울', 'Seoul', '중구', 'Jung-gu', 'district', ${lat}, 127)`;
	await cluster(clusters.X, 'x', 'craft', 37.51);
	await cluster(clusters.Y, 'y', 'craft', 37.52);
	await cluster(clusters.Z, 'z', 'startup', 37.53);
	await tx`insert into public.cluster_managers (cluster_id, user_id)
		values (${clusters.X}, ${users.MX}), (${clusters.Y}, ${users.MY})`;

	const workshop = (id: string, owner: string | null, name: string) => tx`
		insert into public.workshops (id, owner_id, slug, name_ko, trade_code, employees)
		values (${id}, ${owner}, ${`rlsr-${name.toLowerCase()}-${id.slice(0, 8)}`}, ${name}, ${trade}, 3)`;
	await workshop(WA, users.A, 'WA');
	await workshop(WB, users.B, 'WB');
	await workshop(WC, users.C, 'WC');
	await workshop(WD, null, 'WD');
	await tx`insert into public.cluster_memberships (cluster_id, workshop_id, status, decided_by, decided_at) values
		(${clusters.X}, ${WA}, 'approved', ${users.MX}, now()),
		(${clusters.X}, ${WC}, 'approved', ${users.MX}, now()),
		(${clusters.X}, ${WD}, 'approved', ${users.MX}, now()),
		(${clusters.Y}, ${WB}, 'approved', ${users.MY}, now())`;

	await tx`insert into public.companies (id, owner_id, slug, name_ko, startup_cluster_id) values
		(${companies.CS}, ${users.S}, ${`rlsr-cs-${companies.CS.slice(0, 8)}`}, 'CS', ${clusters.Z}),
		(${companies.CS2}, ${users.S2}, ${`rlsr-cs2-${companies.CS2.slice(0, 8)}`}, 'CS2', null)`;

	await tx`insert into public.requests (id, owner_id, company_id, template, trade_code, title, quantity,
			budget_min_krw, budget_max_krw, visibility, nda_required, nda_text, required_processes, status) values
		(${RP}, ${users.S}, ${companies.CS}, 'machine_metal', ${trade}, '알루미늄 브래킷 200개', 200,
		 1000000, 3000000, 'invited', true, '도면을 제3자에게 공개하지 않습니다.', ${['milling', 'anodizing']}, 'open'),
		(${RO}, ${users.S}, ${companies.CS}, 'printing', ${trade}, '브로슈어 1000부', 1000,
		 null, null, 'public', false, null, '{}', 'open'),
		(${RD}, ${users.S}, null, 'general', null, '', null, null, null, 'invited', false, null, '{}', 'draft')`;
	await tx`insert into public.request_clusters (request_id, cluster_id) values (${RP}, ${clusters.X})`;
	await tx`insert into public.request_participants (request_id, workshop_id, source, invited_by, note, nda_accepted_at, nda_accepted_by) values
		(${RP}, ${WA}, 'invited', ${users.S}, null, now(), ${users.A}),
		(${RP}, ${WB}, 'invited', ${users.S}, null, null, null),
		(${RP}, ${WD}, 'forwarded', ${users.MX}, '밀링 장비가 좋은 곳입니다', null, null),
		(${RO}, ${WA}, 'self', null, null, null, null)`;

	await tx`insert into public.quotes (id, request_id, workshop_id, price_krw, lead_time_days, valid_until, submitted_by) values
		(${quotes.QA}, ${RP}, ${WA}, 2400000, 14, current_date + 30, ${users.A}),
		(${quotes.QB}, ${RP}, ${WB}, 2100000, 21, current_date + 30, ${users.B}),
		(${quotes.QD}, ${RP}, ${WD}, 2600000, 10, current_date + 30, ${users.MX})`;

	await tx`insert into public.conversations (id, request_id, workshop_id) values
		(${conversations.CA}, ${RP}, ${WA}), (${conversations.CB}, ${RP}, ${WB}), (${conversations.CD}, ${RP}, ${WD})`;
	await tx`insert into public.messages (id, conversation_id, sender_id, body) values
		(${messages.mA1}, ${conversations.CA}, ${users.S}, '공차는 ±0.05 입니다.'),
		(${messages.mA2}, ${conversations.CA}, ${users.A}, '확인했습니다.'),
		(${messages.mB1}, ${conversations.CB}, ${users.B}, '재질 문의드립니다.')`;
	await tx`insert into public.conversation_reads (conversation_id, user_id) values
		(${conversations.CA}, ${users.S}), (${conversations.CA}, ${users.A})`;

	const file = (id: string, request: string, uploader: string, extra: { quote?: string; message?: string } = {}) => tx`
		insert into public.attachments (id, request_id, quote_id, message_id, path, filename, content_type, size_bytes, uploaded_by)
		values (${id}, ${request}, ${extra.quote ?? null}, ${extra.message ?? null}, ${`requests/${request}/${id}.pdf`},
			'drawing.pdf', 'application/pdf', 1024, ${uploader})`;
	await file(attachments.DP, RP, users.S);
	await file(attachments.DO, RO, users.S);
	await file(attachments.DD, RD, users.S);
	await file(attachments.QFA, RP, users.A, { quote: quotes.QA });
	await file(attachments.MFA, RP, users.A, { message: messages.mA2 });

	const [la] = await tx<{ id: string }[]>`
		insert into public.attachment_access_log (attachment_id, user_id, workshop_id)
		values (${attachments.DP}, ${users.A}, ${WA}) returning id::text`;
	const [lmx] = await tx<{ id: string }[]>`
		insert into public.attachment_access_log (attachment_id, user_id) values (${attachments.DP}, ${users.MX}) returning id::text`;

	await tx`insert into public.notifications (id, user_id, kind, payload) values
		(${notifications.NS}, ${users.S}, 'quote', ${tx.json({ request_id: RP })}),
		(${notifications.NA}, ${users.A}, 'invitation', ${tx.json({ request_id: RP })})`;
	await tx`insert into public.notification_preferences (user_id, kind, email) values (${users.A}, 'message', false)`;
	const [dm] = await tx<{ id: string }[]>`
		insert into public.dev_mailbox (to_email, subject, text) values ('a@example.test', '테스트', '본문') returning id::text`;

	const f: Omit<Fixtures, 'names'> = {
		users,
		trade,
		clusters,
		companies,
		workshops,
		requests,
		participants: { pA: pair(RP, WA), pB: pair(RP, WB), pD: pair(RP, WD), pAO: pair(RO, WA) },
		routes: { rcPX: pair(RP, clusters.X) },
		attachments,
		accessLog: { LA: la.id, LMX: lmx.id },
		quotes,
		revisions: { 'QA·1': `${quotes.QA}:1`, 'QB·1': `${quotes.QB}:1`, 'QD·1': `${quotes.QD}:1` },
		conversations,
		messages,
		reads: { rSA: pair(conversations.CA, users.S), rAA: pair(conversations.CA, users.A) },
		notifications,
		preferences: { prefA: pair(users.A, 'message') },
		mail: { DM1: dm.id }
	};
	const names = new Map<string, string>();
	for (const group of Object.values(f)) {
		if (typeof group !== 'object') continue;
		for (const [name, id] of Object.entries(group)) names.set(id, name);
	}
	return { ...f, names };
}

/** Removes fixtures that a test had to commit (LISTEN/NOTIFY is only delivered on commit). */
export async function deleteFixtures(sql: postgres.Sql, f: Fixtures): Promise<void> {
	await sql.begin(async (tx) => {
		const userIds = Object.values(f.users);
		const workshopIds = Object.values(f.workshops);
		const notificationIds = (
			await tx<{ id: string }[]>`
			select id::text from public.notifications where user_id in ${tx(userIds)}`
		).map((r) => r.id);
		await purgeOrders(tx, Object.values(f.requests));
		await tx`delete from public.requests where owner_id in ${tx(userIds)}`;
		await tx`delete from public.companies where id in ${tx(Object.values(f.companies))}`;
		await tx`delete from public.workshops where id in ${tx(workshopIds)}`;
		await tx`delete from auth.users where id in ${tx(userIds)}`;
		await tx`delete from public.clusters where id in ${tx(Object.values(f.clusters))}`;
		await tx`delete from public.trades where ksic_code = ${f.trade}`;
		await tx`delete from public.dev_mailbox where id = ${f.mail.DM1}`;
		await tx`delete from public.outbox where key = any(${[...workshopIds, ...notificationIds]})`;
	});
}

/** Switches the transaction to the actor, the way the app's withUser() does. */
export async function actAs(tx: Tx, actor: Actor, f: Fixtures): Promise<void> {
	const role = actor === 'anon' ? 'anon' : 'authenticated';
	const claims = actor === 'anon' ? { role } : { sub: f.users[actor], role };
	await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
		set_config('role', ${role}, true)`;
}

/** Back to the superuser, with no claims. */
export async function actAsSuperuser(tx: Tx): Promise<void> {
	await tx`reset role`;
	await tx`select set_config('request.jwt.claims', '', true)`;
}
