// Each journey makes the people and workshops it needs, straight in the e2e database (as the seed and an
// operator would), so no test signs in as a demo account or edits the demo's rows, and the journeys pass
// in any order and on any number of workers. Everything made here carries a unique tag in its name.
import { test as base, expect, type Page } from '@playwright/test';
import postgres from 'postgres';
import { e2ePorts } from './ports';
import { LEGAL_VERSION } from '../../src/lib/legal/documents';

export const PASSWORD = 'e2e-password-1234';

export interface Account {
	id: string;
	email: string;
	password: string;
	name: string;
}

export interface Workshop {
	id: string;
	slug: string;
	name: string;
	nameEn: string;
}

export interface WorkshopInput {
	cluster: string;
	/** null: a member the cluster's managers keep on the member's behalf (no account). */
	owner: Account | null;
	name?: string;
	processes?: string[];
	materials?: string[];
	description?: string;
	verified?: boolean;
}

type Sql = postgres.Sql;

/** A short tag unique to this test run and worker, for names and emails. */
export function tag(): string {
	return `${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 6)}`;
}

function world(sql: Sql) {
	async function account(role: 'craftsman' | 'startup' | 'manager', name: string): Promise<Account> {
		const email = `${role}-${tag()}@e2e.test`;
		// Cost 4 keeps the suite fast; the app verifies any bcrypt cost.
		const [user] = await sql<{ id: string }[]>`
			insert into auth.users (instance_id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
			values ('00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${email},
				extensions.crypt(${PASSWORD}, extensions.gen_salt('bf', 4)), now(),
				${sql.json({ provider: 'email', providers: ['email'] })},
				${sql.json({ role: role === 'manager' ? 'startup' : role, display_name: name })})
			returning id`;
		// Managers are appointed, as the seed does: the sign-up trigger only makes craftsmen and startups.
		if (role === 'manager') await sql`update public.profiles set role = 'manager' where id = ${user.id}`;
		// Agreed to the current terms at sign-up, as the form records it.
		await sql`insert into public.consents (user_id, document, version)
			select ${user.id}, d, ${LEGAL_VERSION} from unnest(array['terms', 'privacy']) d`;
		return { id: user.id, email, password: PASSWORD, name };
	}

	return {
		craftsman: (name = `장인 ${tag()}`) => account('craftsman', name),
		startup: (name = `창업자 ${tag()}`) => account('startup', name),

		/** A manager of the cluster with this slug. */
		async manager(cluster: string, name = `매니저 ${tag()}`): Promise<Account> {
			const manager = await account('manager', name);
			const appointed = await sql`
				insert into public.cluster_managers (cluster_id, user_id) select id, ${manager.id} from public.clusters where slug = ${cluster}`;
			expect(appointed.count, `cluster ${cluster} exists`).toBe(1);
			return manager;
		},

		/** An approved member of a craft cluster, in that cluster's trade and district, near its centre. */
		async workshop(input: WorkshopInput): Promise<Workshop> {
			const t = tag();
			const name = input.name ?? `시험공방 ${t}`;
			const nameEn = `E2E Workshop ${t}`;
			const slug = `e2e-${t}`;
			const [w] = await sql<{ id: string }[]>`
				insert into public.workshops (owner_id, slug, name_ko, name_en, trade_code, employees, address_ko, district_ko, lat, lng,
					description_ko, processes, materials, min_order_units, lead_time_days, verified)
				select ${input.owner?.id ?? null}, ${slug}, ${name}, ${nameEn}, c.trade_code, 4,
					${`시험로 ${t}`}, c.district_ko, c.lat + 0.002, c.lng + 0.002,
					${input.description ?? '시험용으로 만든 공방입니다.'}, ${input.processes ?? []}, ${input.materials ?? []}, 10, 14,
					${input.verified ?? false}
				from public.clusters c where c.slug = ${input.cluster}
				returning id`;
			expect(w, `cluster ${input.cluster} exists`).toBeTruthy();
			await sql`
				insert into public.cluster_memberships (cluster_id, workshop_id, status, decided_at)
				select id, ${w.id}, 'approved', now() from public.clusters where slug = ${input.cluster}`;
			return { id: w.id, slug, name, nameEn };
		},

		/** A startup founder whose company sits in the startup cluster with this slug (requests need a company). */
		async founder(startupCluster = 'seoul-startup-hub'): Promise<Account> {
			const founder = await account('startup', `창업자 ${tag()}`);
			await this.company(founder, startupCluster);
			return founder;
		},

		/** The newest mail the app sent to this address (the embedded mail adapter keeps it in dev_mailbox). */
		async lastMailTo(email: string): Promise<{ subject: string; text: string } | undefined> {
			const [mail] = await sql<{ subject: string; text: string }[]>`
				select subject, text from public.dev_mailbox where to_email = ${email} order by id desc limit 1`;
			return mail;
		},

		/** The consents recorded for the account with this email. */
		consentsOf(email: string): Promise<{ document: string; version: string }[]> {
			return sql<{ document: string; version: string }[]>`
				select c.document, c.version from public.consents c join auth.users u on u.id = c.user_id
				where u.email = ${email} order by c.document`;
		},

		/** The platform's operator (appointed, as the seed does). */
		async operator(name = `운영자 ${tag()}`): Promise<Account> {
			const operator = await account('startup', name);
			await sql`update public.profiles set role = 'operator' where id = ${operator.id}`;
			return operator;
		},

		/** An open public request of the founder's company in this craft cluster's trade; returns its id. */
		async openRequest(founder: Account, cluster: string, title = `시험 의뢰 ${tag()}`): Promise<string> {
			const [r] = await sql<{ id: string }[]>`
				insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility, published_at)
				select ${founder.id}, co.id, 'general', cl.trade_code, ${title}, '시험용 의뢰입니다. 알루미늄 하우징 200개.', 200, 'open', 'public', now()
				from public.companies co, public.clusters cl where co.owner_id = ${founder.id} and cl.slug = ${cluster}
				limit 1
				returning id`;
			expect(r, `founder has a company and cluster ${cluster} exists`).toBeTruthy();
			return r.id;
		},

		/** The operator's periodic timers, run now as if `days` had passed (automatic confirmation, reminders). */
		async runOrderTimers(days: number, orderId: string): Promise<void> {
			await sql`select private.order_timers(now() + ${days} * interval '1 day', ${[orderId]}::uuid[])`;
		},

		/** Rows breaking the ledger's rules (none when it balances). */
		async ledgerProblems(): Promise<string[]> {
			return (await sql<{ p: string }[]>`select private.ledger_problems() as p`).map((r) => r.p);
		},

		/** The startup's company, in the startup cluster with this slug. */
		async company(owner: Account, startupCluster: string, name = `시험회사 ${tag()}`): Promise<{ id: string; name: string }> {
			const t = tag();
			const [c] = await sql<{ id: string }[]>`
				insert into public.companies (owner_id, slug, name_ko, name_en, builds_ko, startup_cluster_id, lat, lng)
				select ${owner.id}, ${`e2e-co-${t}`}, ${name}, ${`E2E Company ${t}`}, '시험용 회사입니다.', c.id, c.lat, c.lng
				from public.clusters c where c.slug = ${startupCluster}
				returning id`;
			return { id: c.id, name };
		},

		/**
		 * An order between the founder's company and the workshop, as accepting a quote makes it (the
		 * database's own trigger creates the order and its milestones): 2,400,000 won + VAT in two line
		 * items, a deposit of 800,000 won and the balance. Returns the order and its milestones in order.
		 */
		async order(founder: Account, workshop: Workshop, title = `시험 주문 ${tag()}`): Promise<{ id: string; milestones: string[] }> {
			const [r] = await sql<{ id: string }[]>`
				insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility, published_at)
				select ${founder.id}, co.id, 'general', w.trade_code, ${title}, '시험용 의뢰입니다. 알루미늄 하우징 200개.', 200, 'open', 'public', now()
				from public.companies co, public.workshops w where co.owner_id = ${founder.id} and w.id = ${workshop.id}
				limit 1
				returning id`;
			expect(r, 'the founder has a company').toBeTruthy();
			const items = [
				{ label: 'CNC 가공 하우징', unit_price_krw: 11_000, quantity: 200 },
				{ label: '지그 제작', unit_price_krw: 200_000, quantity: 1 }
			];
			const [q] = await sql<{ id: string }[]>`
				insert into public.quotes (request_id, workshop_id, price_krw, vat_krw, vat_included, deposit_krw, sample_krw, line_items,
					lead_time_days, valid_until, submitted_by)
				values (${r.id}, ${workshop.id}, 2400000, 240000, false, 800000, 0, ${sql.json(items)}, 21, current_date + 14,
					(select owner_id from public.workshops where id = ${workshop.id}))
				returning id`;
			await sql`update public.quotes set status = 'accepted' where id = ${q.id}`;
			const [o] = await sql<{ id: string }[]>`select id from public.orders where quote_id = ${q.id}`;
			const milestones = await sql<{ id: string }[]>`select id from public.order_milestones where order_id = ${o.id} order by seq`;
			return { id: o.id, milestones: milestones.map((m) => m.id) };
		},

		/** A milestone paid by bank transfer, as the operator's reconciliation records it. */
		async payMilestone(milestoneId: string): Promise<void> {
			const [row] = await sql<{ outcome: string }[]>`
				select private.apply_payment('bank_transfer', ${`e2e-${tag()}`}, 'paid', null, ${milestoneId}::uuid,
					(select amount_krw from public.order_milestones where id = ${milestoneId})::bigint, '{}') as outcome`;
			expect(row.outcome).toBe('applied');
		},

		/** The order handed over in person and received (shipped directly, then delivered). */
		async deliver(orderId: string): Promise<void> {
			await sql`update public.orders set status = 'shipped', courier = 'direct' where id = ${orderId}`;
			await sql`update public.orders set status = 'delivered' where id = ${orderId}`;
		}
	};
}

export type World = ReturnType<typeof world>;

/** Signs in through the login form, in Korean or English. */
export async function signInAs(page: Page, who: Account, locale: 'ko' | 'en' = 'ko') {
	await page.goto('/login');
	await page.getByLabel(locale === 'ko' ? '이메일' : 'Email').fill(who.email);
	await page.getByLabel(locale === 'ko' ? '비밀번호' : 'Password').fill(who.password);
	await page.getByRole('button', { name: locale === 'ko' ? '로그인' : 'Sign in' }).click();
	// The operator lands on the console, everyone else on the dashboard.
	await expect(page).toHaveURL(/\/(dashboard|admin)$/);
}

export const test = base.extend<{ world: World }, { sql: Sql }>({
	sql: [
		// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
		async ({}, use) => {
			const sql = postgres(`postgres://postgres:postgres@127.0.0.1:${e2ePorts().pg}/postgres`, { max: 2, onnotice: () => {} });
			await use(sql);
			await sql.end();
		},
		{ scope: 'worker' }
	],
	world: async ({ sql }, use) => {
		await use(world(sql));
	}
});

export { expect };
