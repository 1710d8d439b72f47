// Orders made the way the app makes them, for the payment tests: startup1 (메탈웨어랩) requests,
// craftsman3's 대성정밀 quotes (2,400,000 + VAT 240,000; deposit and balance, no sample), startup1
// accepts. Every request made here is listed so that afterAll can purge its orders and ledger.
import { withUser, type Claims, type Tx } from '../../src/lib/server/db';
import * as orders from '../../src/lib/server/orders';
import * as quotes from '../../src/lib/server/quotes';
import { purgeOrders, testSql } from './db';

export const STARTUP = '00000000-0000-4000-8000-000000000e01';
const COMPANY = '00000000-0000-4000-8000-00000000d001';
export const CRAFTSMAN = '00000000-0000-4000-8000-000000000b03';
const WORKSHOP = '00000000-0000-4000-8000-00000000f301';
export const OPERATOR = '00000000-0000-4000-8000-000000000a00';

const claims = (sub: string): Claims => ({ sub, role: 'authenticated' });
export const as = <T>(user: string, fn: (tx: Tx) => Promise<T>) => withUser(claims(user), fn);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function orderFixtures(titlePrefix: string) {
	const requests: string[] = [];
	return {
		async accepted(title: string, deposit = 1_000_000): Promise<orders.Order> {
			const request = await as(STARTUP, async (tx) => {
				const [r] = await tx<{ id: string }[]>`
					insert into public.requests (owner_id, company_id, template, trade_code, title, description, quantity, status, visibility)
					values (${STARTUP}, ${COMPANY}, 'machine_metal', '259', ${`${titlePrefix} ${title}`}, '알루미늄 6061 하우징 200개', 200, 'open', 'public')
					returning id`;
				return r.id;
			});
			requests.push(request);
			const quote = await as(CRAFTSMAN, (tx) =>
				quotes.submit(tx, {
					requestId: request,
					workshopId: WORKSHOP,
					userId: CRAFTSMAN,
					price_krw: 2_400_000,
					vat_krw: 240_000,
					vat_included: false,
					deposit_krw: deposit,
					sample_krw: 0,
					line_items: [],
					lead_time_days: 21,
					valid_until: inDays(14),
					notes: ''
				})
			);
			if (!quote.ok) throw new Error(quote.error);
			const accepted = await as(STARTUP, async (tx) =>
				quotes.move(tx, { quote: (await quotes.byId(tx, quote.id))!, move: 'accept', actor: 'startup' })
			);
			if (!accepted.ok) throw new Error(`accept failed: ${JSON.stringify(accepted)}`);
			return (await this.load(STARTUP, (await as(STARTUP, (tx) => orders.idForRequest(tx, request)))!))!;
		},
		load: (user: string, id: string) => as(user, (tx) => orders.byId(tx, id)),
		async move(user: string, id: string, name: Parameters<typeof orders.move>[2], input = {}) {
			return as(user, async (tx) => {
				const order = (await orders.byId(tx, id))!;
				return orders.move(tx, order, name, (await orders.actorOf(tx, order, user))!, input);
			});
		},
		async purge() {
			const sql = testSql();
			await purgeOrders(sql, requests);
			await sql`delete from public.notifications where payload ->> 'request_id' = any(${requests}) or payload ->> 'order_title' like ${titlePrefix + '%'}`;
			await sql`delete from public.requests where id = any(${requests}::uuid[])`;
		}
	};
}
