// Every form action and every POST/PUT/DELETE endpoint of the app takes random and hostile input, as
// each kind of user (property-based, fast-check): empty and huge fields, numbers that are not,
// injection strings, control characters, ids that are not ids, posted as a browser posts (urlencoded
// or multipart, from the app's own origin). The actions and endpoints are found in the code
// (src/routes/**/+page.server.ts and +server.ts), so a new one is covered by being written. Their route
// ids are real ones made for the test (a cluster, workshop, request, order, inquiry, thread, support
// center, machine, event, program, counseling appointment, application), so a post reaches the action's
// validation instead of a 404.
//
// For every post: no server error (5xx). For every refusal (a form failure, an error, a redirect to
// sign in): nothing was written, checked on the database around the post (rows of the user-visible
// tables that mention the test's people and things: their number and content). And posted as a browser
// without JavaScript posts (the answer is the page; one bad value in every field the action's schemas
// know: a word, nothing, -1, far too long), every refusal's visible message is in the user's language:
// Korean on a Korean page, no Korean on an English one, never zod's English defaults nor a message key
// that was not translated, and a refused form says something.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { APIResponse, Page } from '@playwright/test';
import type postgres from 'postgres';
import { expect, signInAs, tag, test, type Account, type World } from './world';

function files(dir: string, name: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const full = path.join(dir, entry);
		if (statSync(full).isDirectory()) return files(full, name);
		return entry === name ? [full] : [];
	});
}

const routeOf = (file: string) =>
	path
		.dirname(file)
		.replace(/^src\/routes/, '')
		.replace(/\/\([^)]*\)/g, '') || '/';

/**
 * The field names an action's schemas know: the schemas beside it and in the folders above it, the
 * $lib schemas it imports and its own z.object. Posted among random names, they reach the checks of
 * each field (and its messages) rather than only the defaults.
 */
function fieldsOf(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const dirs: string[] = [];
	for (let dir = path.dirname(file); dir.startsWith('src/routes/'); dir = path.dirname(dir)) dirs.push(dir);
	const sources = [
		source,
		...readdirSync(path.dirname(file))
			.filter((f) => f.endsWith('.ts') && !f.startsWith('+'))
			.map((f) => readFileSync(path.join(path.dirname(file), f), 'utf8')),
		...dirs.slice(1).flatMap((dir) =>
			readdirSync(dir)
				.filter((f) => f === 'schema.ts')
				.map((f) => readFileSync(path.join(dir, f), 'utf8'))
		),
		...[...source.matchAll(/from '\$lib\/([\w/-]*schema[\w/-]*)'/g)].map((m) => readFileSync(`src/lib/${m[1]}.ts`, 'utf8'))
	];
	const names = sources.flatMap((text) => [...text.matchAll(/^\s*(\w+): (?:z\b|submissionKeyField)/gm)].map((m) => m[1]));
	return [...new Set(names)];
}

/** Route templates (with their [params]), action names and the fields their schemas know. */
const ACTIONS = files('src/routes', '+page.server.ts').flatMap((file) => {
	const block = readFileSync(file, 'utf8').split('export const actions')[1];
	if (!block) return [];
	const fields = fieldsOf(file);
	return [...block.matchAll(/^\t(\w+): async/gm)].map((m) => ({ route: routeOf(file), action: m[1], fields }));
});

/** Actions that may end the session (signing out, changing the password or email, closing the account): posted last. */
const endsSession = ({ route }: { route: string }) => ['/logout', '/account', '/reset-password'].includes(route);

/** Endpoints that take a body: every POST, PUT, PATCH or DELETE handler of a +server.ts. */
const ENDPOINTS = files('src/routes', '+server.ts').flatMap((file) =>
	[...readFileSync(file, 'utf8').matchAll(/export (?:const|async function) (POST|PUT|PATCH|DELETE)\b/g)].map((m) => ({
		route: routeOf(file),
		method: m[1] as 'POST' | 'PUT' | 'PATCH' | 'DELETE'
	}))
);

// ---------------------------------------------------------------- the things the routes' ids name

interface Targets {
	craftsman: Account;
	startup: Account;
	manager: Account;
	operator: Account;
	cluster: string;
	workshop: { id: string; slug: string };
	request: string;
	order: { id: string; request: string; milestones: string[] };
	inquiry: string;
	center: string;
	machine: string;
	event: string;
	program: string;
	counseling: string;
	application: string;
	/** Every id above and the people's: the rows a post could touch mention one of them. */
	ids: string[];
}

/**
 * A craft cluster of its own (copied from the seed's 문래 cluster, so the seed's members are never
 * announced to), its manager, a craftsman's workshop in it, a founder's open request and an order
 * between the two, an inquiry, and a support center whose staff the manager is, with a machine, an
 * event, a program the workshop applied to and a counseling appointment the craftsman asked for.
 */
async function makeTargets(sql: postgres.Sql, world: World): Promise<Targets> {
	const t = tag();
	const cluster = `e2e-hostile-${t}`;
	const [c] = await sql<{ id: string }[]>`
		insert into public.clusters (slug, kind, name_ko, name_en, trade_code, region_ko, region_en, district_ko, district_en, district_kind, lat, lng)
		select ${cluster}, kind, ${`시험 집적지 ${t}`}, ${`E2E cluster ${t}`}, trade_code, region_ko, region_en, district_ko, district_en,
			district_kind, lat, lng
		from public.clusters where slug = 'mullae-machine-metal'
		returning id`;
	const craftsman = await world.craftsman();
	const workshop = await world.workshop({ cluster, owner: craftsman, verified: true, processes: ['밀링'] });
	const startup = await world.founder();
	const manager = await world.manager(cluster);
	const operator = await world.operator();
	const request = await world.openRequest(startup, cluster);
	const order = await world.order(startup, workshop);
	const [{ request_id }] = await sql<{ request_id: string }[]>`select request_id from public.orders where id = ${order.id}`;
	const inquiry = randomUUID();
	await sql`insert into public.conversations (id, workshop_id, asker_id) values (${inquiry}, ${workshop.id}, ${startup.id})`;
	await sql`insert into public.messages (conversation_id, sender_id, body) values (${inquiry}, ${startup.id}, '시험 문의입니다.')`;
	const [center] = await sql<{ id: string }[]>`
		insert into public.support_centers (slug, name_ko, address_ko) values (${`e2e-center-${t}`}, ${`시험 지원센터 ${t}`}, '서울 종로구 시험로 1')
		returning id`;
	await sql`insert into public.support_center_staff (center_id, user_id) values (${center.id}, ${manager.id})`;
	const [machine] = await sql<{ id: string }[]>`
		insert into public.support_machines (center_id, kind, name_ko, slot_minutes, open_hour, close_hour)
		values (${center.id}, 'cnc', ${`시험 CNC ${t}`}, 60, 9, 18) returning id`;
	const [event] = await sql<{ id: string }[]>`
		insert into public.support_events (center_id, kind, title_ko, starts_at, ends_at, place_ko, capacity)
		values (${center.id}, 'seminar', ${`시험 설명회 ${t}`}, now() + interval '10 days', now() + interval '10 days 2 hours', '교육장', 20)
		returning id`;
	const [program] = await sql<{ id: string }[]>`
		insert into public.support_programs (center_id, slug, kind, title_ko, amount_max_krw, deadline)
		values (${center.id}, ${`e2e-program-${t}`}, 'grant', ${`시험 지원사업 ${t}`}, 1000000, now() + interval '30 days')
		returning id`;
	const [application] = await sql<{ id: string }[]>`
		insert into public.support_applications (program_id, workshop_id, applicant_id) values (${program.id}, ${workshop.id}, ${craftsman.id})
		returning id`;
	const [counseling] = await sql<{ id: string }[]>`
		insert into public.support_counseling (center_id, requester_id, topic, question, preferred_times)
		values (${center.id}, ${craftsman.id}, 'export', '시험 상담입니다.', '평일 오후') returning id`;
	const [company] = await sql<{ id: string }[]>`select id from public.companies where owner_id = ${startup.id}`;
	const things = {
		cluster,
		workshop: { id: workshop.id, slug: workshop.slug },
		request,
		order: { id: order.id, request: request_id, milestones: order.milestones },
		inquiry,
		center: `e2e-center-${t}`,
		machine: machine.id,
		event: event.id,
		program: program.id,
		counseling: counseling.id,
		application: application.id
	};
	return {
		craftsman,
		startup,
		manager,
		operator,
		...things,
		ids: [
			craftsman.id,
			startup.id,
			manager.id,
			operator.id,
			c.id,
			workshop.id,
			request,
			order.id,
			request_id,
			...order.milestones,
			inquiry,
			center.id,
			machine.id,
			event.id,
			program.id,
			application.id,
			counseling.id,
			company.id
		]
	};
}

/** The route with its params filled with the targets' ids (what a param names follows the segment before it). */
function fill(route: string, t: Targets): string {
	const segments = route.split('/');
	return segments
		.map((segment, i) => {
			const param = /^\[(\.\.\.)?(\w+)\]/.exec(segment);
			if (!param) return segment;
			if (param[1]) return 'x';
			const before = segments[i - 1];
			switch (param[2]) {
				case 'workshopId':
					return t.workshop.id;
				case 'milestoneId':
					return t.order.milestones[0];
				case 'slug':
					return before === 'support' ? t.center : before === 'workshops' ? t.workshop.slug : t.cluster;
				case 'id': {
					const ids: Record<string, string> = {
						requests: route.includes('/thread/') ? t.order.request : t.request,
						orders: t.order.id,
						inquiries: t.inquiry,
						applications: t.application,
						counseling: t.counseling,
						events: t.event,
						machines: t.machine,
						programs: t.program,
						workshops: t.workshop.id
					};
					return ids[before] ?? randomUUID();
				}
				default:
					return randomUUID();
			}
		})
		.join('/');
}

// ---------------------------------------------------------------- nothing half-written

/** The tables people see (and what a refused post could have half-written). */
const TABLES = [
	'attachments',
	'business_details',
	'cluster_announcements',
	'cluster_memberships',
	'clusters',
	'companies',
	'consents',
	'conversations',
	'messages',
	'notifications',
	'order_files',
	'order_milestones',
	'orders',
	'profiles',
	'quotes',
	'request_participants',
	'requests',
	'review_reports',
	'reviews',
	'roster_uploads',
	'support_application_documents',
	'support_applications',
	'support_bookings',
	'support_centers',
	'support_counseling',
	'support_counseling_messages',
	'support_event_registrations',
	'support_events',
	'support_machines',
	'support_programs',
	'workshop_photos',
	'workshops'
];
/** Rows the app's own workers change after the fact (mail sent, read marks): counted, not compared. */
const COUNTED_ONLY = new Set(['notifications', 'profiles']);

type Snapshot = Map<string, string>;

/** Reads, for each table, the number and a digest of the rows that mention any of the ids. */
/**
 * `everyone`: accounts told of things other journeys running meanwhile do (the operator hears of every
 * reported review; the test's cluster, a copy of Mullae's, is sent every machine-metal request others
 * publish): their notifications are not counted.
 */
async function snapshotter(sql: postgres.Sql, ids: string[], everyone: string[]): Promise<() => Promise<Snapshot>> {
	const columns = await sql<{ table_name: string; columns: string[] }[]>`
		select table_name, array_agg(column_name::text order by column_name) as columns from information_schema.columns
		where table_schema = 'public' and data_type = 'uuid' and table_name = any(${TABLES})
		group by table_name order by table_name`;
	expect(columns.map((c) => c.table_name)).toEqual([...TABLES].sort());
	const query = columns
		.map(({ table_name: table, columns: cols }) => {
			const mentions = cols.map((col) => `"${col}" = any($1::uuid[])`).join(' or ');
			const where = table === 'notifications' ? `(${mentions}) and user_id <> all($2::uuid[])` : mentions;
			const digest = COUNTED_ONLY.has(table) ? `''` : `coalesce(md5(string_agg(x::text, ',' order by x::text)), '')`;
			return `select '${table}' as t, count(*)::int || ':' || ${digest} as v from public."${table}" x where ${where}`;
		})
		.join(' union all ');
	return async () => new Map((await sql.unsafe<{ t: string; v: string }[]>(query, [ids, everyone])).map((r) => [r.t, r.v]));
}

const changed = (before: Snapshot, after: Snapshot) => [...before.keys()].filter((table) => before.get(table) !== after.get(table));

// ---------------------------------------------------------------- hostile input

const FIELDS = [
	'title',
	'body',
	'name_ko',
	'name_en',
	'email',
	'password',
	'quantity',
	'price_krw',
	'vat_krw',
	'deposit_krw',
	'id',
	'ids',
	'workshopId',
	'workshop',
	'program',
	'center',
	'clusterId',
	'requestId',
	'note',
	'reason',
	'message',
	'question',
	'preferred_times',
	'start',
	'starts_at',
	'slots',
	'amount_krw',
	'deadline',
	'lat',
	'lng',
	'address_ko',
	'delivery_place',
	'template',
	'visibility',
	'status',
	'op',
	'to',
	'kind',
	'topic',
	'redirectTo',
	'locale',
	'submission_key',
	'code',
	'token',
	'confirmed',
	'intent',
	'move',
	'tracking_number',
	'courier',
	'rating_quality',
	'week'
];
const hostile = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.constantFrom('', ' ', '-1', '0', '1e309', 'NaN', 'Infinity', '9'.repeat(40), '2026-02-30', 'null', '[]', '{}', 'true'),
	fc.constantFrom("' or 1=1 --", '"; drop table requests; --', '<script>alert(1)</script>', '\u0000', '\r\nBcc: x@example.test'),
	fc.constantFrom('//evil.example/x', '/\\evil.example', 'javascript:alert(1)', randomUUID(), 'a'.repeat(5000))
);
/** A form of hostile values, mostly under the names the action's schemas know. */
const formArb = (known: string[]) =>
	fc.dictionary(
		fc.oneof(
			{ arbitrary: fc.constantFrom(...(known.length ? known : FIELDS)), weight: 3 },
			fc.constantFrom(...FIELDS),
			fc.string({ minLength: 1, maxLength: 12 })
		),
		hostile,
		{ maxKeys: 10 }
	);
const bodyArb = fc.oneof(
	fc.json(),
	fc.jsonValue().map((v) => JSON.stringify(v)),
	fc.string(),
	fc.constantFrom('', '{', 'null', '[]', '{"path": "//evil.example"}', '{"kind":"view","ids":["x"]}', 'a'.repeat(100_000))
);

/** Forms that put one bad value in every field the action knows (a word, nothing, -1, far too long, a NUL): each field's own check answers. */
const probes = (known: string[]): Record<string, string>[] =>
	['abc', '', '-1', 'a'.repeat(5000), 'a\u0000'].map((value) => Object.fromEntries(known.map((name) => [name, value])));

/** Whether an action's JSON answer (as use:enhance gets it) refuses: a failure, an error, a way to sign in. */
async function refusedAction(answer: APIResponse): Promise<boolean> {
	if (answer.status() >= 400) return true;
	const result = (await answer.json().catch(() => null)) as { type?: string; location?: string } | null;
	if (!result) return false;
	return result.type === 'failure' || result.type === 'error' || (result.type === 'redirect' && !!result.location?.startsWith('/login'));
}

interface Run {
	page: Page;
	who: string;
	targets: Targets;
	snapshot: () => Promise<Snapshot>;
	failures: string[];
}

const show = (fields: unknown) => JSON.stringify(fields).slice(0, 240);

/** Posts hostile forms to every action as use:enhance does: no 5xx, and a refusal writes nothing. */
async function postActions({ page, who, targets, snapshot, failures }: Run, actions: typeof ACTIONS, numRuns: number) {
	const origin = new URL(page.url()).origin;
	let before = await snapshot();
	for (const { route, action, fields: known } of actions) {
		const path = fill(route, targets);
		const url = action === 'default' ? path : `${path}?/${action}`;
		await fc
			.assert(
				fc.asyncProperty(formArb(known), fc.boolean(), async (fields, multipart) => {
					const answer = await page.request.post(url, {
						headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
						maxRedirects: 0,
						...(multipart ? { multipart: fields } : { form: fields })
					});
					if (answer.status() >= 500) failures.push(`${who} ${route}?/${action} ${show(fields)} → ${answer.status()}`);
					const refused = await refusedAction(answer);
					const after = await snapshot();
					if (refused && changed(before, after).length)
						failures.push(`${who} ${route}?/${action} ${show(fields)} refused but wrote ${changed(before, after).join(', ')}`);
					before = after;
					return answer.status() < 500;
				}),
				{
					numRuns,
					endOnFailure: true,
					examples: probes(known).map((fields, i) => [fields, i % 2 === 1] as [Record<string, string>, boolean])
				}
			)
			.catch(() => {});
	}
}

/** Hostile bodies to every endpoint that takes one: no 5xx, and an answer of 4xx writes nothing. */
async function postEndpoints({ page, who, targets, snapshot, failures }: Run, numRuns: number) {
	const origin = new URL(page.url()).origin;
	let before = await snapshot();
	for (const { route, method } of ENDPOINTS) {
		const url = fill(route, targets);
		await fc
			.assert(
				fc.asyncProperty(
					bodyArb,
					fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
					async (body, type) => {
						const answer = await page.request.fetch(url, {
							method,
							headers: { origin, 'content-type': type },
							data: body,
							maxRedirects: 0
						});
						if (answer.status() >= 500) failures.push(`${who} ${method} ${route} ${body.slice(0, 200)} → ${answer.status()}`);
						const after = await snapshot();
						if (answer.status() >= 400 && changed(before, after).length)
							failures.push(`${who} ${method} ${route} ${body.slice(0, 200)} refused but wrote ${changed(before, after).join(', ')}`);
						before = after;
						return answer.status() < 500;
					}
				),
				{ numRuns, endOnFailure: true }
			)
			.catch(() => {});
	}
}

// ---------------------------------------------------------------- refusals in the user's language

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };
const text = (html: string) =>
	html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&(#?\w+);/g, (all, name: string) => ENTITIES[name] ?? all)
		.replace(/\s+/g, ' ')
		.trim();

/** The refusal a person reads on the answered page: form errors (alerts, field errors) or the error page. */
function refusalTexts(html: string): string[] {
	const main = html.split('<main')[1] ?? html;
	const alerts = [
		...main.matchAll(/<(p|div|span|li)\b[^>]*(?:role="alert"|class="[^"]*\b(?:error|alert)\b[^"]*")[^>]*>([\s\S]*?)<\/\1>/g)
	].map((m) => text(m[2]));
	// The error page: its title and what it says, each read on its own.
	const errorPage = /<section class="card stack[^"]*">([\s\S]*?)<\/section>/.exec(main);
	const page =
		errorPage && /href="\/"/.test(errorPage[1]) && !alerts.length
			? [...errorPage[1].matchAll(/<(h1|p)\b[^>]*>([\s\S]*?)<\/\1>/g)]
					.map((m) => text(m[2]))
					.filter((words) => !words.includes('홈으로') && !/home/i.test(words))
			: [];
	return [...alerts, ...page].filter(Boolean);
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
/** zod's own English (no message of ours was given), and message keys that were not translated. */
const UNTRANSLATED = /^Invalid |Invalid input|Too (?:small|big):|expected .+, received|^Error: \d|^\s*[a-z]+(?:_[a-z0-9]+)+\s*$/;

/** Whether a refusal's words are not in the page's language (what is wrong with them), or null. */
function wrongLanguage(words: string, locale: 'ko' | 'en'): string | null {
	if (UNTRANSLATED.test(words)) return 'untranslated';
	if (locale === 'ko' && !HANGUL.test(words)) return 'not Korean';
	// Amounts written the Korean way are examples English pages give too ("240만 원").
	if (locale === 'en' && HANGUL.test(words.replace(/\d[\d,.]*\s*만(?:\s*원)?/g, ''))) return 'Korean on an English page';
	return null;
}

/** Posts hostile forms as a browser without JavaScript does and reads the refusal on the answered page. */
async function readRefusals(
	{ page, who, targets, failures }: Run,
	actions: typeof ACTIONS,
	locale: 'ko' | 'en',
	numRuns: number,
	probing: number
) {
	const origin = new URL(page.url()).origin;
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: origin }]);
	for (const { route, action, fields: known } of actions) {
		const path = fill(route, targets);
		const url = action === 'default' ? path : `${path}?/${action}`;
		await fc
			.assert(
				fc.asyncProperty(formArb(known), async (fields) => {
					const answer = await page.request.post(url, { headers: { origin, accept: 'text/html' }, maxRedirects: 0, form: fields });
					if (answer.status() < 400 || !/text\/html/.test(answer.headers()['content-type'] ?? '')) return true;
					const said = refusalTexts(await answer.text());
					if (answer.status() === 400 && !said.length)
						failures.push(`${who} ${locale} ${route}?/${action} ${show(fields)} refused without a message`);
					for (const words of said) {
						const wrong = wrongLanguage(words, locale);
						if (wrong)
							failures.push(`${who} ${locale} ${route}?/${action} ${show(fields)} → ${answer.status()} "${words.slice(0, 120)}": ${wrong}`);
					}
					return true;
				}),
				{
					numRuns,
					endOnFailure: true,
					examples: probes(known)
						.slice(0, probing)
						.map((fields) => [fields] as [Record<string, string>])
				}
			)
			.catch(() => {});
	}
}

// ---------------------------------------------------------------- as each kind of user

type Role = 'anonymous' | 'craftsman' | 'startup' | 'manager' | 'operator';

for (const role of ['anonymous', 'craftsman', 'startup', 'manager', 'operator'] as Role[]) {
	test(`hostile input to every form action and endpoint as ${role === 'anonymous' ? 'a visitor' : `a ${role}`}: no 5xx, no partial write, refusals in Korean and English`, async ({
		page,
		world,
		sql
	}) => {
		test.setTimeout(150_000);
		expect(ACTIONS.length).toBeGreaterThan(40);
		expect(ENDPOINTS.length).toBeGreaterThanOrEqual(5);
		const targets = await makeTargets(sql, world);
		if (role === 'anonymous') await page.goto('/');
		else await signInAs(page, targets[role]);
		const run: Run = {
			page,
			who: role,
			targets,
			snapshot: await snapshotter(sql, targets.ids, [targets.operator.id, targets.manager.id]),
			failures: []
		};
		// The snapshot sees a write (a message in the test's inquiry).
		const clean = await run.snapshot();
		const [probe] = await sql<{ id: string }[]>`
			insert into public.messages (conversation_id, sender_id, body) values (${targets.inquiry}, ${targets.startup.id}, '스냅숏 확인') returning id`;
		expect(changed(clean, await run.snapshot())).toContain('messages');
		await sql`delete from public.messages where id = ${probe.id}`;
		const [kept, last] = [ACTIONS.filter((a) => !endsSession(a)), ACTIONS.filter(endsSession)];
		await postActions(run, kept, 6);
		await postEndpoints(run, role === 'anonymous' || role === 'startup' ? 6 : 3);
		await readRefusals(run, kept, 'ko', 3, 3);
		await readRefusals(run, kept, 'en', 2, 2);
		// Still signed in: every post above was made as this user.
		if (role !== 'anonymous') expect((await page.request.get('/account', { maxRedirects: 0 })).status()).toBe(200);
		await readRefusals(run, last, 'ko', 3, 3);
		await readRefusals(run, last, 'en', 2, 2);
		await postActions(run, last, 6);
		expect(run.failures).toEqual([]);
	});
}
