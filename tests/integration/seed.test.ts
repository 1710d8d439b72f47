// The seed (supabase/seed.sql), as loaded by the global setup into this run's database.
import fs from 'node:fs/promises';
import path from 'node:path';
import { verify } from '@node-rs/bcrypt';
import { describe, expect, it } from 'vitest';
import { rollback, testSql } from './db';
import { LEGAL_VERSION } from '../../src/lib/legal/documents';

const PASSWORD = 'sogong-demo-1234';
const CRAFT = ['cheongju-printing', 'jongno-jewelry', 'mullae-machine-metal', 'seongsu-handmade-shoes'];
const STARTUP = [
	'dongdaemun-design',
	'g-valley',
	'ochang',
	'osong',
	'pangyo-techno-valley',
	'seongsu-social-venture-valley',
	'seoul-startup-hub',
	'teheran-valley'
];
const MANAGERS: Record<string, string> = {
	'manager.jongno@sogong.link': 'jongno-jewelry',
	'manager.seongsu@sogong.link': 'seongsu-handmade-shoes',
	'manager.mullae@sogong.link': 'mullae-machine-metal',
	'manager.cheongju@sogong.link': 'cheongju-printing'
};
const CRAFTSMEN: Record<string, string> = {
	'craftsman1@sogong.link': 'jongno-jewelry',
	'craftsman2@sogong.link': 'seongsu-handmade-shoes',
	'craftsman3@sogong.link': 'mullae-machine-metal',
	'craftsman4@sogong.link': 'cheongju-printing'
};
const STARTUPS = ['startup1@sogong.link', 'startup2@sogong.link', 'startup3@sogong.link'];
const ROLES: Record<string, string> = {
	'operator@sogong.link': 'operator',
	...Object.fromEntries(Object.keys(MANAGERS).map((e) => [e, 'manager'])),
	...Object.fromEntries(Object.keys(CRAFTSMEN).map((e) => [e, 'craftsman'])),
	...Object.fromEntries(STARTUPS.map((e) => [e, 'startup']))
};
const ACCOUNTS = Object.keys(ROLES).sort();

describe('seed', () => {
	it('has every demo account agreed to the current terms, so none is asked again at sign-in', async () => {
		const agreed = await testSql()<{ email: string }[]>`
			select u.email from auth.users u
			where u.email = any(${ACCOUNTS}) and exists (
				select 1 from public.consents c where c.user_id = u.id and c.document = 'terms' and c.version = ${LEGAL_VERSION})
			order by u.email`;
		expect(agreed.map((u) => u.email)).toEqual(ACCOUNTS);
	});

	it('has the designated trades, within KSIC manufacturing (C10-C33)', async () => {
		const sql = testSql();
		const trades = await sql<{ ksic_code: string; name_ko: string; name_en: string }[]>`
			select ksic_code, name_ko, name_en from public.trades where designated`;
		expect(trades.length).toBeGreaterThanOrEqual(19);
		for (const t of trades) {
			const division = Number(t.ksic_code.slice(0, 2));
			expect(division, t.ksic_code).toBeGreaterThanOrEqual(10);
			expect(division, t.ksic_code).toBeLessThanOrEqual(33);
		}
		expect(trades.map((t) => t.ksic_code)).toEqual(expect.arrayContaining(['3311', '152', '181', '25', '259', '29']));
	});

	it('has the four craft clusters and the eight startup/IT clusters', async () => {
		const sql = testSql();
		const rows = await sql<{ slug: string; kind: string; trade_code: string | null; district_kind: string }[]>`
			select slug, kind, trade_code, district_kind from public.clusters order by slug`;
		expect(rows.filter((r) => r.kind === 'craft').map((r) => r.slug)).toEqual(CRAFT);
		expect(rows.filter((r) => r.kind === 'startup').map((r) => r.slug)).toEqual(STARTUP);
		for (const r of rows.filter((r) => r.kind === 'craft')) {
			expect(r.trade_code).not.toBeNull();
			expect(r.district_kind).toBe('district');
		}
		const [jongno] = await sql`select id, lat, lng from public.clusters where slug = 'jongno-jewelry'`;
		expect(jongno).toEqual({ id: '00000000-0000-4000-8000-00000000c001', lat: 37.5714, lng: 126.9918 });
	});

	it('has at least 40 workshops, at least 10 approved members and a short pending queue per craft cluster', async () => {
		const sql = testSql();
		const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from public.workshops`;
		expect(n).toBeGreaterThanOrEqual(40);
		const rows = await sql<{ slug: string; approved: number; pending: number }[]>`
			select c.slug,
			       count(*) filter (where m.status = 'approved')::int as approved,
			       count(*) filter (where m.status = 'pending')::int as pending
			from public.clusters c
			left join public.cluster_memberships m on m.cluster_id = c.id
			where c.kind = 'craft'
			group by c.slug order by c.slug`;
		expect(rows.map((r) => r.slug)).toEqual(CRAFT);
		for (const r of rows) {
			expect(r.approved, r.slug).toBeGreaterThanOrEqual(10);
			expect(r.pending, r.slug).toBeGreaterThanOrEqual(2);
			expect(r.pending, r.slug).toBeLessThanOrEqual(3);
		}
		// Every workshop is in exactly one cluster; approvals were made by that cluster's manager.
		const [orphans] = await sql<{ unplaced: number; twice: number; wrong_decider: number }[]>`
			select
			  (select count(*)::int from public.workshops w
			   where not exists (select 1 from public.cluster_memberships m where m.workshop_id = w.id)) as unplaced,
			  (select count(*)::int from (select workshop_id from public.cluster_memberships
			   group by workshop_id having count(*) > 1) t) as twice,
			  (select count(*)::int from public.cluster_memberships m
			   where m.status = 'approved' and (m.decided_at is null or not exists (
			     select 1 from public.cluster_managers cm where cm.cluster_id = m.cluster_id and cm.user_id = m.decided_by))) as wrong_decider`;
		expect(orphans).toEqual({ unplaced: 0, twice: 0, wrong_decider: 0 });
	});

	it('places workshops near their cluster and mostly under 10 employees', async () => {
		const sql = testSql();
		const rows = await sql<{ slug: string; metres: number; employees: number; trade_code: string }[]>`
			select w.slug, w.employees, w.trade_code,
			       2 * 6371000 * asin(sqrt(power(sin(radians(w.lat - c.lat) / 2), 2)
			         + cos(radians(c.lat)) * cos(radians(w.lat)) * power(sin(radians(w.lng - c.lng) / 2), 2))) as metres
			from public.workshops w
			join public.cluster_memberships m on m.workshop_id = w.id
			join public.clusters c on c.id = m.cluster_id`;
		for (const r of rows) expect(r.metres, r.slug).toBeLessThan(650);
		const large = rows.filter((r) => r.employees >= 10);
		expect(large.length).toBeGreaterThanOrEqual(2);
		expect(large.length).toBeLessThanOrEqual(3);
		for (const r of large) expect(r.employees).toBeLessThanOrEqual(14);
	});

	it('gives every workshop with a registration number a valid check digit', async () => {
		const sql = testSql();
		const [row] = await sql<{ total: number; with_brn: number; valid: number; distinct_brn: number }[]>`
			select count(*)::int as total,
			       count(business_registration_number)::int as with_brn,
			       count(*) filter (where public.is_valid_brn(business_registration_number))::int as valid,
			       count(distinct business_registration_number)::int as distinct_brn
			from public.workshops`;
		expect(row.with_brn).toBeGreaterThan(row.total * 0.9);
		expect(row.valid).toBe(row.with_brn);
		expect(row.distinct_brn).toBe(row.with_brn);
	});

	it('has at least 10 companies in startup clusters, three of them owned by the startup accounts', async () => {
		const sql = testSql();
		const rows = await sql<{ slug: string; kind: string; owner: string | null; website: string }[]>`
			select co.slug, c.kind, u.email as owner, co.website
			from public.companies co
			join public.clusters c on c.id = co.startup_cluster_id
			left join auth.users u on u.id = co.owner_id`;
		expect(rows.length).toBeGreaterThanOrEqual(10);
		for (const r of rows) {
			expect(r.kind, r.slug).toBe('startup');
			expect(r.website, r.slug).toMatch(/^https:\/\//);
		}
		expect(
			rows
				.map((r) => r.owner)
				.filter(Boolean)
				.sort()
		).toEqual(STARTUPS);
	});

	it('creates the demo accounts with the demo password and the right roles', async () => {
		const sql = testSql();
		const rows = await sql<{ email: string; role: string | null; hash: string; password_ok: boolean; confirmed: boolean }[]>`
			select u.email, p.role, u.encrypted_password as hash,
			       extensions.crypt(${PASSWORD}, u.encrypted_password) = u.encrypted_password as password_ok,
			       u.email_confirmed_at is not null as confirmed
			from auth.users u left join public.profiles p on p.id = u.id
			where u.email like '%@sogong.link' order by u.email`;
		expect(rows.map((r) => r.email)).toEqual(ACCOUNTS);
		for (const r of rows) {
			expect(r.role, r.email).toBe(ROLES[r.email]);
			expect(r.password_ok, r.email).toBe(true);
			expect(r.confirmed, r.email).toBe(true);
			// pgcrypto writes $2a$ bcrypt hashes; the embedded auth adapter (like Supabase Auth) must accept them.
			expect(await verify(PASSWORD, r.hash), r.email).toBe(true);
		}
	});

	it('has open requests in every trade, each in its cluster’s inbox from when it was published', async () => {
		const sql = testSql();
		const open = await sql<{ template: string; n: number }[]>`
			select template, count(*)::int as n from public.requests
			where status = 'open' and visibility = 'public' and id::text like '00000000-0000-4000-8000-0000000a%' group by template`;
		for (const template of ['jewelry', 'shoes', 'machine_metal', 'printing'])
			expect(open.find((o) => o.template === template)?.n ?? 0, template).toBeGreaterThanOrEqual(1);
		const unrouted = await sql`
			select r.id from public.requests r
			where r.status <> 'draft' and r.id::text like '00000000-0000-4000-8000-0000000a%'
			  and not exists (select 1 from public.request_clusters rc where rc.request_id = r.id and rc.created_at = r.published_at)`;
		expect(unrouted).toEqual([]);
	});

	it('has each manager manage exactly their cluster', async () => {
		const sql = testSql();
		const rows = await sql<{ email: string; slugs: string[] }[]>`
			select u.email, array_agg(c.slug order by c.slug) as slugs
			from public.cluster_managers cm
			join auth.users u on u.id = cm.user_id
			join public.clusters c on c.id = cm.cluster_id
			group by u.email`;
		expect(Object.fromEntries(rows.map((r) => [r.email, r.slugs]))).toEqual(
			Object.fromEntries(Object.entries(MANAGERS).map(([e, s]) => [e, [s]]))
		);
	});

	it('gives each craftsman one workshop, an approved member of its own cluster only', async () => {
		const sql = testSql();
		const rows = await sql<{ email: string; workshops: number; clusters: string[]; statuses: string[] }[]>`
			select u.email, count(distinct w.id)::int as workshops,
			       array_agg(c.slug) as clusters, array_agg(m.status) as statuses
			from auth.users u
			join public.workshops w on w.owner_id = u.id
			join public.cluster_memberships m on m.workshop_id = w.id
			join public.clusters c on c.id = m.cluster_id
			group by u.email order by u.email`;
		expect(rows).toEqual(
			Object.entries(CRAFTSMEN).map(([email, slug]) => ({ email, workshops: 1, clusters: [slug], statuses: ['approved'] }))
		);
	});

	it('also signs accounts in on a real Supabase project: identities and empty token columns', async () => {
		const seed = await fs.readFile(path.resolve('supabase/seed.sql'), 'utf8');
		await rollback(async (tx) => {
			// What Supabase Auth has and the shim lacks, then an empty database to seed again.
			await tx.unsafe(`
				alter table auth.users
				  add column confirmation_token varchar(255), add column recovery_token varchar(255),
				  add column email_change_token_new varchar(255), add column email_change varchar(255);
				create table auth.identities (
				  provider_id text not null,
				  user_id uuid not null references auth.users (id) on delete cascade,
				  identity_data jsonb not null,
				  provider text not null,
				  last_sign_in_at timestamptz,
				  created_at timestamptz,
				  updated_at timestamptz,
				  email text generated always as (lower(identity_data ->> 'email')) stored,
				  id uuid not null default gen_random_uuid() primary key,
				  unique (provider_id, provider));
				truncate public.trades, public.clusters, public.workshops, public.companies, public.profiles, auth.users cascade;`);
			await tx.unsafe(seed);
			const rows = await tx<{ email: string; ok: boolean; tokens: string[] }[]>`
				select u.email,
				       i.provider = 'email' and i.provider_id = u.id::text and i.identity_data ->> 'sub' = u.id::text
				         and i.email = u.email as ok,
				       array[u.confirmation_token, u.recovery_token, u.email_change_token_new, u.email_change] as tokens
				from auth.users u join auth.identities i on i.user_id = u.id
				order by u.email`;
			expect(rows.map((r) => r.email)).toEqual(ACCOUNTS);
			for (const r of rows) expect(r, r.email).toEqual({ email: r.email, ok: true, tokens: ['', '', '', ''] });
		});
	});

	it('has deals in the states a visitor should see, with a ledger that balances', async () => {
		const sql = testSql();
		const orders = await sql<{ status: string }[]>`
			select status from public.orders where request_id::text like '00000000-0000-4000-8000-0000000a1%' order by status`;
		expect(orders.map((o) => o.status)).toEqual(['awaiting_deposit', 'completed', 'delivered', 'sample_submitted']);
		const open = await sql<{ n: number }[]>`
			select count(*)::int as n from public.quotes where request_id = '00000000-0000-4000-8000-0000000a1005' and status = 'submitted'`;
		expect(open[0].n).toBe(2);
		expect(await sql`select private.ledger_problems()`).toHaveLength(0);
	});
});
