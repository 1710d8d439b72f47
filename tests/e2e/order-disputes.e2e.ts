// Orders in English: a dispute the operator resolves with a partial refund (a refund above what is
// held is refused), and an order nobody confirms that confirms itself seven days after delivery,
// with the reminder two days before. The orders are set up in the database the way accepting a quote
// and a provider's payment would; every step after that goes through the pages.
import type { Browser, Page } from '@playwright/test';
import type { Sql } from 'postgres';
import { expect, test, signInAs, tag, type Account } from './world';

async function as(browser: Browser, who: Account): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
	await signInAs(page, who, 'en');
	return page;
}

/** A quote by the workshop accepted on the request, and the deposit paid: the order is in production. */
async function orderInProduction(sql: Sql, requestId: string, workshopId: string, deposit: number, price = 2_000_000) {
	const [q] = await sql<{ id: string }[]>`
		insert into public.quotes (request_id, workshop_id, price_krw, vat_krw, deposit_krw, lead_time_days, valid_until)
		values (${requestId}, ${workshopId}, ${price}, ${price / 10}, ${deposit}, 14, current_date + 10) returning id`;
	await sql`update public.quotes set status = 'accepted' where id = ${q.id}`;
	const [o] = await sql<{ id: string }[]>`select id from public.orders where quote_id = ${q.id}`;
	const milestones = await sql<
		{ id: string; amount_krw: number }[]
	>`select id, amount_krw from public.order_milestones where order_id = ${o.id} order by seq`;
	return { id: o.id, milestones };
}
const pay = (sql: Sql, m: { id: string; amount_krw: number }) =>
	sql`select private.apply_payment('bank_transfer', ${`e2e:${m.id}`}, 'paid', ${`e2e:${m.id}`}, ${m.id}::uuid, ${m.amount_krw}, '{}')`;

async function move(page: Page, name: string, submit: string, fill?: (form: ReturnType<Page['locator']>) => Promise<void>) {
	await page.locator('summary', { hasText: name }).first().click();
	const form = page.locator('details[open] form').first();
	if (fill) await fill(form);
	await form.getByRole('button', { name: submit }).click();
}

test('a dispute resolved with a partial refund, in English', async ({ browser, world, sql }) => {
	const founder = await world.founder();
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster: 'seongsu-handmade-shoes', owner: craftsman });
	const operator = await world.operator();
	const title = `Leather loafers ${tag()}`;
	const requestId = await world.openRequest(founder, 'seongsu-handmade-shoes', title);
	const order = await orderInProduction(sql, requestId, shop.id, 1_000_000);
	await pay(sql, order.milestones[0]);

	const buyer = await as(browser, founder);
	await buyer.goto('/orders');
	await buyer.getByRole('link', { name: title }).click();
	await expect(buyer.getByText('In production', { exact: true })).toBeVisible();
	await move(buyer, 'Open a dispute', 'Open the dispute');
	await expect(buyer.getByText('Please say why; the other side will see it.')).toBeVisible();
	await buyer.locator('details[open] form').getByLabel('What went wrong?').fill('Two weeks late and the stitching is loose.');
	await buyer.locator('details[open] form').getByRole('button', { name: 'Open the dispute' }).click();
	await expect(buyer.getByText('Dispute opened; the operator will be in touch.')).toBeVisible();

	const desk = await as(browser, operator);
	await desk.goto('/operator/payments');
	await desk
		.getByRole('region', { name: /Disputes/ })
		.getByRole('link', { name: new RegExp(title) })
		.click();
	await move(desk, 'Resolve the dispute', 'Confirm the decision', async (form) => {
		await expect(form.getByText('Held now: ₩1,000,000')).toBeVisible();
		await form.getByLabel('Refund to the buyer (won)').fill('2,000,000');
		await form.getByLabel('Reason for the decision').fill('Late delivery: part of the deposit goes back.');
	});
	await expect(desk.getByText('The refund is between 0 and what is held.')).toBeVisible();
	await desk.locator('details[open] form').getByLabel('Refund to the buyer (won)').fill('400,000');
	await desk.locator('details[open] form').getByRole('button', { name: 'Confirm the decision' }).click();
	await expect(desk.getByText('The dispute is resolved.')).toBeVisible();

	await buyer.reload();
	await expect(buyer.getByText('Resolved', { exact: true }).first()).toBeVisible();
	const timeline = buyer.getByRole('region', { name: 'Timeline' });
	await expect(timeline.getByText('Refunded ₩400,000')).toBeVisible();
	await expect(timeline.getByText('Late delivery: part of the deposit goes back.')).toBeVisible();
	// ₩400,000 back to the buyer, ₩600,000 released to the workshop, in the ledger.
	const moved = await sql<{ kind: string; total: string }[]>`
		select kind, sum(amount_krw)::text as total from public.ledger_entries
		where order_id = ${order.id} and account in ('external', 'payable') and amount_krw > 0 and kind in ('refund', 'release')
		group by kind order by kind`;
	expect(moved).toEqual([
		{ kind: 'refund', total: '400000' },
		{ kind: 'release', total: '600000' }
	]);
	expect(await world.ledgerProblems()).toEqual([]);

	// The deposit came by bank transfer: the operator sends the ₩400,000 back by hand and records it.
	await desk.goto('/operator/payments');
	const refunds = desk.getByRole('region', { name: /Money to give back/ });
	const [{ number }] = await sql<{ number: string }[]>`select number from public.orders where id = ${order.id}`;
	const row = refunds.getByRole('row').filter({ hasText: number });
	await expect(row).toContainText('Dispute refund');
	await expect(row).toContainText('₩400,000');
	await expect(row).toHaveCount(1);
	await row.locator('summary', { hasText: 'Refund' }).click();
	await expect(row.getByText(/Did you transfer ₩400,000 back to/)).toBeVisible();
	await row.getByRole('button', { name: 'I transferred it' }).click();
	await expect(desk.getByText('The refund is recorded.')).toBeVisible();
	await expect(refunds.getByRole('row').filter({ hasText: number })).toHaveCount(0);
});

test('an order nobody confirms confirms itself seven days after delivery, reminded two days before', async ({ browser, world, sql }) => {
	const founder = await world.founder();
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster: 'cheongju-printing', owner: craftsman });
	const title = `Product catalogue ${tag()}`;
	const requestId = await world.openRequest(founder, 'cheongju-printing', title);
	const order = await orderInProduction(sql, requestId, shop.id, 2_200_000);
	await pay(sql, order.milestones[0]);

	// The workshop ships (handed over in person) and marks it delivered.
	const workshop = await as(browser, craftsman);
	await workshop.goto(`/orders/${order.id}`);
	await move(workshop, 'Ship', 'Mark as shipped', async (form) => {
		await form.getByLabel('Courier').selectOption('direct');
	});
	await expect(workshop.getByText('Marked as shipped.')).toBeVisible();
	await move(workshop, 'Mark delivered', 'Mark delivered');
	await expect(workshop.getByText('Marked as delivered.')).toBeVisible();
	await expect(workshop.getByText('Confirms itself on')).toBeVisible();

	// Five and a half days later both are reminded; after seven the order confirms itself.
	await world.runOrderTimers(5.5, order.id);
	const buyer = await as(browser, founder);
	await buyer.goto('/notifications');
	await expect(buyer.getByText(`“${title}” confirms itself in two days.`)).toBeVisible();
	await world.runOrderTimers(7.1, order.id);
	await buyer.goto(`/orders/${order.id}`);
	await expect(buyer.getByText('Completed', { exact: true }).first()).toBeVisible();
	await expect(buyer.getByRole('region', { name: 'Timeline' }).getByText('Confirmed automatically · money released')).toBeVisible();
	await expect(buyer.getByRole('listitem', { name: 'Deposit' }).getByText('Released')).toBeVisible();
	expect(await world.ledgerProblems()).toEqual([]);
});
