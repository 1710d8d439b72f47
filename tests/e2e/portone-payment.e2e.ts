// Paying a milestone through PortOne (the Korean PG rail) on the order page. PortOne's browser SDK
// loads its script from cdn.portone.io and opens the PG's window; here the journey serves that script
// itself (no network), and the window is played by the PortOne double (tests/doubles/portone.ts:
// POST /__window/complete marks the pre-registered payment paid, refusing a changed amount). The page
// never takes the window's word: it asks the app to settle, and the app asks PortOne's API (the double).
import type { Browser, Page } from '@playwright/test';
import type { Sql } from 'postgres';
import type { PortOneRequest } from '../../src/lib/server/payments/port';
import { e2ePortOneKeys, e2ePorts } from './ports';
import { expect, signInAs, tag, test, type Account } from './world';

const doubleUrl = `http://127.0.0.1:${e2ePorts().portone}`;

/** What the buyer does in the PG's window: pay, cancel, or (on a phone) leave for the PG's page and come back. */
type Choice = 'pay' | 'cancel' | 'pay-by-redirect';

// Stands in for https://cdn.portone.io/v2/browser-sdk.js: window.PortOne.requestPayment, as the SDK loads it.
const sdkScript = `window.PortOne = { requestPayment: async (request) => {
	const r = await window.__portoneWindow(request);
	if (r.redirect) { location.href = r.redirect; return new Promise(() => {}); }
	return r.response;
} };`;

async function buyerPage(browser: Browser, who: Account, locale: 'ko' | 'en', choice: () => Choice): Promise<Page> {
	const page = await (await browser.newContext({ locale: locale === 'ko' ? 'ko-KR' : 'en-US' })).newPage();
	await page.route('https://cdn.portone.io/v2/browser-sdk.js', (route) =>
		route.fulfill({ contentType: 'text/javascript', body: sdkScript })
	);
	await page.exposeFunction('__portoneWindow', async (request: PortOneRequest) => {
		const what = choice();
		if (what === 'cancel')
			return { response: { paymentId: request.paymentId, code: 'FAILURE_TYPE_PG', message: '사용자가 결제를 취소하였습니다' } };
		const done = await fetch(`${doubleUrl}/__window/complete`, {
			method: 'POST',
			headers: { authorization: `PortOne ${e2ePortOneKeys.PORTONE_API_SECRET}`, 'content-type': 'application/json' },
			body: JSON.stringify({ request })
		});
		if (!done.ok) throw new Error(`the PortOne double refused: ${await done.text()}`);
		if (what === 'pay-by-redirect') return { redirect: `${request.redirectUrl}&paymentId=${encodeURIComponent(request.paymentId)}` };
		return { response: { paymentId: request.paymentId, transactionType: 'PAYMENT', txId: 'tx-e2e' } };
	});
	await signInAs(page, who, locale);
	return page;
}

/** A quote by the workshop accepted on the request (no sample): the order waits for its deposit. */
async function acceptedOrder(sql: Sql, requestId: string, workshopId: string): Promise<string> {
	const [q] = await sql<{ id: string }[]>`
		insert into public.quotes (request_id, workshop_id, price_krw, vat_krw, deposit_krw, lead_time_days, valid_until)
		values (${requestId}, ${workshopId}, 1500000, 150000, 500000, 14, current_date + 10) returning id`;
	await sql`update public.quotes set status = 'accepted' where id = ${q.id}`;
	const [o] = await sql<{ id: string }[]>`select id from public.orders where quote_id = ${q.id}`;
	return o.id;
}

test('the deposit paid in PortOne’s window and the balance after a phone’s redirect, in Korean', async ({ browser, world, sql }) => {
	const founder = await world.founder();
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster: 'jongno-jewelry', owner: craftsman });
	const title = `은 반지 시제품 ${tag()}`;
	const orderId = await acceptedOrder(sql, await world.openRequest(founder, 'jongno-jewelry', title), shop.id);

	let choice: Choice = 'pay';
	const buyer = await buyerPage(browser, founder, 'ko', () => choice);
	await buyer.goto(`/orders/${orderId}`);
	const deposit = buyer.getByRole('listitem', { name: '계약금' });
	await deposit.getByRole('button', { name: '카드·가상계좌로 결제 (PortOne)' }).click();
	await expect(buyer.getByText('결제가 확인되었습니다. 공방에 알렸습니다.')).toBeVisible();
	await expect(deposit.getByText('보관 중')).toBeVisible();
	await expect(deposit.getByText(/결제 \(카드·가상계좌 \(PortOne\)\)/)).toBeVisible();
	await expect(buyer.getByText('제작 중', { exact: true })).toBeVisible();

	// The balance on a phone: the PG's page, then back with the payment id; the page settles it by itself.
	choice = 'pay-by-redirect';
	const balance = buyer.getByRole('listitem', { name: '잔금' });
	await balance.getByRole('button', { name: '카드·가상계좌로 결제 (PortOne)' }).click();
	await buyer.waitForURL(/payment=portone&paymentId=/);
	await expect(buyer.getByText('결제가 확인되었습니다. 공방에 알렸습니다.')).toBeVisible();
	await expect(buyer.getByRole('listitem', { name: '잔금' }).getByText('보관 중')).toBeVisible();

	// PortOne's webhooks may come too: the same payments, applied once each. The ledger holds both.
	const held = await sql<{ kind: string; status: string; paid_via: string }[]>`
		select kind, status, paid_via from public.order_milestones where order_id = ${orderId} order by seq`;
	expect(held).toEqual([
		{ kind: 'deposit', status: 'held', paid_via: 'portone' },
		{ kind: 'balance', status: 'held', paid_via: 'portone' }
	]);
	const [{ n }] = await sql<{ n: number }[]>`
		select count(*)::int as n from public.ledger_entries where order_id = ${orderId} and kind = 'payment' and account = 'escrow'`;
	expect(n).toBe(2);
	expect(await world.ledgerProblems()).toEqual([]);
});

test('a payment cancelled in PortOne’s window leaves the milestone unpaid and says why, in English', async ({ browser, world, sql }) => {
	const founder = await world.founder();
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster: 'cheongju-printing', owner: craftsman });
	const title = `Event posters ${tag()}`;
	const orderId = await acceptedOrder(sql, await world.openRequest(founder, 'cheongju-printing', title), shop.id);

	const buyer = await buyerPage(browser, founder, 'en', () => 'cancel');
	await buyer.goto(`/orders/${orderId}`);
	const deposit = buyer.getByRole('listitem', { name: 'Deposit' });
	await deposit.getByRole('button', { name: 'Pay by card or virtual account (PortOne)' }).click();
	await expect(buyer.getByRole('alert')).toHaveText('The payment did not go through: 사용자가 결제를 취소하였습니다');
	await buyer.reload();
	await expect(buyer.getByRole('listitem', { name: 'Deposit' }).getByText('To pay', { exact: true })).toBeVisible();
	const [{ status }] = await sql<{ status: string }[]>`select status from public.orders where id = ${orderId}`;
	expect(status).toBe('awaiting_deposit');
	// A forged return (someone else's payment id) is refused, and pays nothing.
	await buyer.goto(`/orders/${orderId}?payment=portone&paymentId=sl-${'0'.repeat(32)}`);
	await expect(buyer.getByRole('alert')).toHaveText("This payment attempt is not one of this order's. Reload the page.");
});
