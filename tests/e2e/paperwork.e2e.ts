// Paperwork of an order, in Korean and in English: the workshop opens the purchase order as soon as
// the order exists (missing tax-invoice fields marked, with a link to its profile form, which checks
// the business registration number), the statement and the tax invoice answer with a sentence until
// delivery and payment, the tax invoice shows the deposit's share of the VAT and the workshop records
// it once; the buyer reads the same documents in English. The printed purchase order is kept as a
// screenshot of the print media (A4 width) and as a PDF.
import { e2ePorts } from './ports';
import { expect, signInAs, test } from './world';

test('purchase order, statement and tax invoice of an order, in Korean and English', async ({ browser, page, world }) => {
	test.setTimeout(120_000);
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster: 'mullae-machine-metal', owner: craftsman });
	const founder = await world.founder();
	const order = await world.order(founder, shop);
	const [deposit, balance] = order.milestones;
	const docs = `/orders/${order.id}/documents`;

	// The workshop, in Korean: the purchase order from the start, with what is missing marked.
	await signInAs(page, craftsman);
	await page.goto(`${docs}/purchase-order`);
	await expect(page.getByRole('heading', { name: '발주서' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'CNC 가공 하우징' })).toBeVisible();
	await expect(page.getByRole('cell', { name: '₩2,640,000' })).toBeVisible();
	const supplier = page.getByRole('table', { name: '공급자' });
	await expect(supplier.getByRole('cell', { name: shop.name })).toBeVisible();
	await expect(supplier.getByText('입력 필요')).toHaveCount(5); // registration number, representative, type, item, email
	await expect(page.getByRole('table', { name: '공급받는자' }).getByRole('link', { name: '프로필에서 입력' })).toHaveCount(0);

	// Not yet: the statement before delivery, the tax invoice before payment.
	let answer = await page.goto(`${docs}/statement`);
	expect(answer?.status()).toBe(404);
	await expect(page.getByText('거래명세서는 물품이 인도된 뒤에 볼 수 있습니다.')).toBeVisible();
	answer = await page.goto(`${docs}/tax-invoice/${deposit}`);
	expect(answer?.status()).toBe(404);
	await expect(page.getByText('세금계산서 자료는 이 결제가 완료된 뒤에 볼 수 있습니다.')).toBeVisible();

	// The workshop fills its details through the link; a wrong registration number is refused first.
	await page.goto(`${docs}/purchase-order`);
	await supplier.getByRole('link', { name: '프로필에서 입력' }).first().click();
	await expect(page).toHaveURL(/\/dashboard\/workshop#tax-details$/);
	await page.getByLabel('사업자등록번호').fill('123-45-67890');
	await page.getByLabel('대표자').fill('김문래');
	await page.getByLabel('업태').fill('제조업');
	await page.getByLabel('종목').fill('금속 절삭가공');
	await page.getByLabel('세금계산서 이메일').fill('not-an-email');
	await page.getByRole('button', { name: '저장', exact: true }).click();
	await expect(page.getByText(/사업자등록번호가 올바르지 않습니다/)).toBeVisible();
	await expect(page.getByLabel('대표자')).toHaveValue('김문래');
	await page.getByLabel('사업자등록번호').fill('220-81-62517');
	await page.getByLabel('세금계산서 이메일').fill('tax@munrae.example');
	await page.getByRole('button', { name: '저장', exact: true }).click();
	await expect(page.getByText('저장했습니다')).toBeVisible();
	await page.goto(`${docs}/purchase-order`);
	await expect(supplier.getByText('입력 필요')).toHaveCount(0);
	await expect(supplier.getByRole('cell', { name: '김문래' })).toBeVisible();

	// Printed: A4, without the site's header; kept as a screenshot and a PDF to look at.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.site')).toBeHidden();
	await page.setViewportSize({ width: 794, height: 1123 });
	await page.screenshot({ path: test.info().outputPath('purchase-order-print.png'), fullPage: true });
	await page.pdf({ path: test.info().outputPath('purchase-order.pdf'), format: 'A4', printBackground: true });
	await page.emulateMedia({ media: 'screen' });

	// The deposit is paid: its tax invoice shows its share of the VAT and is recorded once.
	await world.payMilestone(deposit);
	await page.goto(`${docs}/tax-invoice/${deposit}`);
	await expect(page.getByRole('heading', { name: '세금계산서' })).toBeVisible();
	await expect(page.getByTestId('supply')).toHaveText('727,273');
	await expect(page.getByTestId('vat')).toHaveText('72,727');
	await page.getByRole('button', { name: '세금계산서 발행 기록' }).click();
	await expect(page.getByText('발행을 기록했습니다.')).toBeVisible();
	await expect(page.getByText(/발행 기록됨/)).toBeVisible();
	await expect(page.getByRole('button', { name: '세금계산서 발행 기록' })).toHaveCount(0);

	// Paid in full and delivered: the statement of transaction.
	await world.payMilestone(balance);
	await world.deliver(order.id);
	await page.goto(`${docs}/statement`);
	await expect(page.getByRole('heading', { name: '거래명세서' })).toBeVisible();
	await expect(page.getByText('아래와 같이 공급(인도)하였음을 확인합니다.')).toBeVisible();

	// The buyer, in English: Korean documents with English labels; its own missing fields link to its form.
	const context = await browser.newContext({ locale: 'en-US' });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: `http://localhost:${e2ePorts().app}` }]);
	const buyer = await context.newPage();
	await signInAs(buyer, founder, 'en');
	await buyer.goto(`${docs}/purchase-order`);
	await expect(buyer.getByRole('heading', { name: '발주서 Purchase order' })).toBeVisible();
	const buyerBlock = buyer.getByRole('table', { name: 'Buyer' });
	await expect(buyerBlock.getByText('To be filled').first()).toBeVisible();
	await expect(buyerBlock.getByRole('link', { name: 'fill in the profile' }).first()).toHaveAttribute(
		'href',
		'/dashboard/company#tax-details'
	);
	await buyer.goto(`${docs}/statement`);
	await expect(buyer.getByRole('heading', { name: '거래명세서 Statement of transaction' })).toBeVisible();
	await buyer.goto(`${docs}/tax-invoice/${deposit}`);
	await expect(buyer.getByRole('heading', { name: '세금계산서 Tax invoice' })).toBeVisible();
	await expect(buyer.getByText(/Recorded as issued on/)).toBeVisible();
	await expect(buyer.getByRole('button', { name: 'Record tax invoice' })).toHaveCount(0);
	await buyer.screenshot({ path: test.info().outputPath('tax-invoice-en.png'), fullPage: true });
	await buyer.goto(`${docs}/tax-invoice/${balance}`);
	await expect(buyer.getByText('Not recorded as issued yet.')).toBeVisible();
	await context.close();

	// Someone else gets nothing at all.
	const strangerContext = await browser.newContext();
	const stranger = await strangerContext.newPage();
	await signInAs(stranger, await world.startup());
	expect((await stranger.goto(`${docs}/purchase-order`))?.status()).toBe(404);
	await strangerContext.close();
});
