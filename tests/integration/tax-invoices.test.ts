// Paperwork on the real database, as seeded users with real claims (RLS on): startup1 (메탈웨어랩)
// accepts craftsman3's (대성정밀) quote routed to Mullae; the deposit is paid. The tax-invoice port's
// contract runs against the embedded adapter; then who may read and write business details and tax
// invoices, per role, and the paperwork data module (parties, VAT shares, documents by state).
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitVatOverMilestones } from '../../src/lib/domain/paperwork';
import * as businessDetails from '../../src/lib/server/business-details';
import { withUser, type Tx } from '../../src/lib/server/db';
import * as orderPayments from '../../src/lib/server/order-payments';
import * as orders from '../../src/lib/server/orders';
import * as paperwork from '../../src/lib/server/paperwork';
import * as quotes from '../../src/lib/server/quotes';
import { taxInvoiceContract } from '../../src/lib/server/tax-invoices/contract';
import { createEmbeddedTaxInvoices } from '../../src/lib/server/tax-invoices/embedded';
import { purgeOrders, testSql } from './db';

const S = '00000000-0000-4000-8000-000000000e01'; // startup1, owns 메탈웨어랩
const S2 = '00000000-0000-4000-8000-000000000e02'; // another startup
const COMPANY = '00000000-0000-4000-8000-00000000d001';
const A = '00000000-0000-4000-8000-000000000b03'; // craftsman3, owns 대성정밀 (Mullae)
const WA = '00000000-0000-4000-8000-00000000f301';
const B = '00000000-0000-4000-8000-000000000b01'; // craftsman1, owns 명가주얼리 (Jongno)
const MM = '00000000-0000-4000-8000-000000000a03'; // manager.mullae: the request is routed to Mullae
const MJ = '00000000-0000-4000-8000-000000000a01'; // manager.jongno: not routed
const OP = '00000000-0000-4000-8000-000000000a00';
const MULLAE = '00000000-0000-4000-8000-00000000c003';

const as = <T>(user: string, fn: (tx: Tx) => Promise<T>) => withUser({ sub: user, role: 'authenticated' }, fn);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const created: string[] = [];
const port = createEmbeddedTaxInvoices();

beforeAll(() => {
	testSql();
});

afterAll(async () => {
	const sql = testSql();
	await sql.begin(async (tx) => {
		await tx`set local session_replication_role = replica`;
		await tx`delete from public.tax_invoices where order_id in (select id from public.orders where request_id = any(${created}::uuid[]))`;
	});
	await purgeOrders(sql, created);
	await sql`delete from public.notifications where payload ->> 'order_title' like '서류 시험%' or payload ->> 'request_id' = any(${created})`;
	await sql`delete from public.requests where id = any(${created}::uuid[])`;
	await sql`delete from public.business_details where workshop_id = ${WA} or company_id = ${COMPANY}`;
});

/** An order of 3,000,003 won in three milestones of 1,000,001 (VAT included), the deposit paid. */
async function paidOrder(title = '서류 시험') {
	const request = await as(S, async (tx) => {
		const [r] = await tx<{ id: string }[]>`
			insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility)
			values (${S}, ${COMPANY}, 'machine_metal', '259', ${title}, '알루미늄 하우징 30개', 30, 'open', 'public') returning id`;
		return r.id;
	});
	created.push(request);
	await testSql()`insert into public.request_clusters (request_id, cluster_id) values (${request}, ${MULLAE})`;
	const quote = await as(A, (tx) =>
		quotes.submit(tx, {
			requestId: request,
			workshopId: WA,
			userId: A,
			price_krw: 2_727_275,
			vat_krw: 272_728,
			vat_included: true,
			deposit_krw: 1_000_001,
			sample_krw: 1_000_001,
			line_items: [],
			lead_time_days: 14,
			valid_until: inDays(14),
			notes: ''
		})
	);
	if (!quote.ok) throw new Error(quote.error);
	const accepted = await as(S, async (tx) =>
		quotes.move(tx, { quote: (await quotes.byId(tx, quote.id))!, move: 'accept', actor: 'startup' })
	);
	if (!accepted.ok) throw new Error(accepted.error);
	const orderId = (await as(S, (tx) => orders.idForRequest(tx, request)))!;
	const order = (await as(S, (tx) => orders.byId(tx, orderId)))!;
	const [deposit, sample] = order.milestones;
	const outcome = await orderPayments.apply('stripe', {
		type: 'paid',
		eventId: `evt_${randomUUID()}`,
		providerRef: `cs_${randomUUID()}`,
		milestoneId: deposit.id,
		amountKrw: deposit.amount_krw
	});
	expect(outcome).toBe('applied');
	return { orderId, paid: deposit.id, pending: sample.id };
}

async function dataFor(orderId: string, milestoneId: string) {
	const p = (await as(A, (tx) => paperwork.forOrder(tx, orderId, A)))!;
	return paperwork.taxInvoiceData(p, milestoneId)!;
}

taxInvoiceContract('tax-invoice port: embedded adapter', async () => {
	const made = new Map<string, Awaited<ReturnType<typeof dataFor>>>();
	return {
		port,
		as,
		workshopUser: A,
		buyerUser: S,
		strangerUser: B,
		async order() {
			const o = await paidOrder('서류 시험: 계약');
			made.set(o.paid, await dataFor(o.orderId, o.paid));
			return { ...o, data: (id: string) => made.get(id) ?? made.get(o.paid)! };
		}
	};
});

describe('the paperwork data module', () => {
	it('gives both parties and the milestone VAT shares that add up to the order', async () => {
		await as(A, (tx) =>
			businessDetails.save(
				tx,
				{ workshop_id: WA },
				{
					representative_name: '김대성',
					business_type: '제조업',
					business_item: '금속 절삭가공',
					tax_email: 'tax@daesung.example'
				}
			)
		);
		const o = await paidOrder('서류 시험: 데이터');
		const p = (await as(S, (tx) => paperwork.forOrder(tx, o.orderId, S)))!;
		expect(p.parties.supplier).toMatchObject({ name: '대성정밀', representative_name: '김대성', business_item: '금속 절삭가공' });
		expect(p.parties.buyer).toMatchObject({ company_id: COMPANY, representative_name: '', tax_email: '' });
		const data = paperwork.taxInvoiceData(p, o.paid)!;
		expect(data.amounts).toEqual({ supply_krw: 909_092, vat_krw: 90_909, total_krw: 1_000_001 });
		expect(data.supply_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(paperwork.taxInvoiceData(p, o.pending)).toBeNull();
		const shares = splitVatOverMilestones(
			p.order,
			p.order.milestones.map((m) => m.amount_krw)
		);
		expect(shares.reduce((s, x) => s + x.vat_krw, 0)).toBe(p.order.vat_krw);
		// Others see nothing; the routed manager and the operator see it all.
		expect(await as(S2, (tx) => paperwork.forOrder(tx, o.orderId, S2))).toBeNull();
		expect(await as(MJ, (tx) => paperwork.forOrder(tx, o.orderId, MJ))).toBeNull();
		expect((await as(MM, (tx) => paperwork.forOrder(tx, o.orderId, MM)))?.parties.supplier.representative_name).toBe('김대성');
		expect((await as(OP, (tx) => paperwork.forOrder(tx, o.orderId, OP)))?.parties.supplier.representative_name).toBe('김대성');
	});
});

type Outcome = 'allowed' | 'denied';
/** One statement as the user inside a savepoint that is rolled back; a 42501 or no row touched is denied. */
async function attempt(user: string, fn: (tx: Tx) => postgres.PendingQuery<postgres.Row[]>): Promise<Outcome> {
	try {
		return await as(user, async (tx) => {
			let outcome: Outcome = 'denied';
			await tx
				.savepoint(async (sp) => {
					const result = await fn(sp);
					outcome = result.count > 0 ? 'allowed' : 'denied';
					throw new Error('rollback');
				})
				.catch((e: unknown) => {
					if (e instanceof postgres.PostgresError && e.code !== '42501') throw e;
				});
			return outcome;
		});
	} catch (e) {
		if (e instanceof postgres.PostgresError && e.code === '42501') return 'denied';
		throw e;
	}
}

describe('row-level security of tax invoices and business details, per role', () => {
	const actors = { buyer: S, workshop: A, otherStartup: S2, otherWorkshop: B, routedManager: MM, otherManager: MJ, operator: OP };
	type Actor = keyof typeof actors;
	const grid = (...who: Actor[]) =>
		Object.fromEntries(Object.keys(actors).map((a) => [a, who.includes(a as Actor) ? 'allowed' : 'denied']));
	const run = async (fn: (user: string) => Promise<Outcome>) => {
		const result: Record<string, Outcome> = {};
		for (const [name, user] of Object.entries(actors)) result[name] = await fn(user);
		return result;
	};
	let o: Awaited<ReturnType<typeof paidOrder>>;
	let invoice: string;

	beforeAll(async () => {
		o = await paidOrder('서류 시험: 권한');
		const issued = await as(A, async (tx) =>
			port.issue(tx, { orderId: o.orderId, milestoneId: o.paid, userId: A, data: await dataFor(o.orderId, o.paid) })
		);
		if (!issued.ok) throw new Error(issued.error);
		invoice = issued.invoice.id;
	});

	it('tax_invoices: both parties, routed managers and the operator read; the workshop inserts; nobody updates or deletes', async () => {
		expect(await run((u) => attempt(u, (tx) => tx`select id from public.tax_invoices where id = ${invoice}`))).toEqual(
			grid('buyer', 'workshop', 'routedManager', 'operator')
		);
		// A second paid milestone, so an insert is possible at all.
		await testSql()`update public.order_milestones set status = 'held', paid_at = now(), paid_via = 'bank_transfer' where id = ${o.pending}`;
		expect(
			await run((u) =>
				attempt(
					u,
					(tx) => tx`insert into public.tax_invoices (order_id, milestone_id, issued_by, data, supply_krw, vat_krw)
					values (${o.orderId}, ${o.pending}, ${u}, '{}', 909092, 90909)`
				)
			)
		).toEqual(grid('workshop'));
		await testSql()`update public.order_milestones set status = 'pending', paid_at = null, paid_via = null where id = ${o.pending}`;
		expect(await run((u) => attempt(u, (tx) => tx`update public.tax_invoices set vat_krw = 0 where id = ${invoice}`))).toEqual(grid());
		expect(await run((u) => attempt(u, (tx) => tx`delete from public.tax_invoices where id = ${invoice}`))).toEqual(grid());
		// Not even the service role changes a recorded invoice.
		await expect(testSql()`update public.tax_invoices set vat_krw = 0 where id = ${invoice}`).rejects.toThrow(/never changed/);
	});

	it("tax_invoices: the workshop cannot record an unpaid milestone, another order's milestone or in someone else's name", async () => {
		const other = await paidOrder('서류 시험: 다른 주문');
		const insert = (milestone: string, by: string) =>
			attempt(
				A,
				(tx) => tx`insert into public.tax_invoices (order_id, milestone_id, issued_by, data, supply_krw, vat_krw)
				values (${o.orderId}, ${milestone}, ${by}, '{}', 1, 0)`
			);
		expect(await insert(o.pending, A)).toBe('denied');
		expect(await insert(other.paid, A)).toBe('denied');
		expect(await insert(o.paid, S)).toBe('denied');
		await expect(
			as(
				A,
				(tx) => tx`insert into public.tax_invoices (order_id, milestone_id, issued_by, data, supply_krw, vat_krw, issued_at)
				values (${other.orderId}, ${other.paid}, ${A}, '{}', 1, 0, '2020-01-01')`
			)
		).rejects.toThrow(/permission denied/);
	});

	it('business_details: the business writes (a member without an account: its managers); the counterparts of its orders read; strangers see nothing', async () => {
		await as(S, (tx) =>
			businessDetails.save(tx, { company_id: COMPANY }, { ...businessDetails.emptyDetails, representative_name: '이메탈' })
		);
		const workshopRow = (u: string) => attempt(u, (tx) => tx`select id from public.business_details where workshop_id = ${WA}`);
		const companyRow = (u: string) => attempt(u, (tx) => tx`select id from public.business_details where company_id = ${COMPANY}`);
		// Mullae's manager is also 대성정밀's cluster manager, but 대성정밀 speaks for itself (it has an account).
		expect(await run(workshopRow)).toEqual(grid('buyer', 'workshop', 'routedManager', 'operator'));
		expect(await run(companyRow)).toEqual(grid('buyer', 'workshop', 'routedManager', 'operator'));
		expect(
			await run((u) => attempt(u, (tx) => tx`update public.business_details set business_type = '제조' where workshop_id = ${WA}`))
		).toEqual(grid('workshop'));
		expect(
			await run((u) => attempt(u, (tx) => tx`update public.business_details set business_type = '서비스' where company_id = ${COMPANY}`))
		).toEqual(grid('buyer'));
		expect(await run((u) => attempt(u, (tx) => tx`delete from public.business_details where company_id = ${COMPANY}`))).toEqual(grid());
		// For 신흥용접, a Mullae member without an account, Mullae's manager writes the details.
		const OFFLINE = '00000000-0000-4000-8000-00000000f302';
		expect(
			await run((u) =>
				attempt(u, (tx) => tx`insert into public.business_details (workshop_id, representative_name) values (${OFFLINE}, '박신흥')`)
			)
		).toEqual(grid('routedManager'));
		// A stranger cannot add details for someone else's business.
		expect(
			await attempt(
				S2,
				(tx) => tx`insert into public.business_details (company_id, representative_name)
				select id, '남' from public.companies where id = ${COMPANY}`
			)
		).toBe('denied');
		// Anonymous visitors read nothing of it.
		await expect(withUser(null, (tx) => tx`select * from public.business_details`)).rejects.toThrow(/permission denied/);
	});

	it("companies: the business registration number is checked like a workshop's", async () => {
		await expect(
			as(S, (tx) => tx`update public.companies set business_registration_number = '123-45-67890' where id = ${COMPANY}`)
		).rejects.toThrow(/check constraint/);
		await as(S, async (tx) => {
			await tx`update public.companies set business_registration_number = '220-81-62517' where id = ${COMPANY}`;
			await tx`update public.companies set business_registration_number = null where id = ${COMPANY}`;
		});
	});
});
