// From an accepted quote to purchase confirmation, in Korean: the workshop quotes with VAT on top and
// a deposit + sample + balance plan (a deposit under 10% is refused, keeping what was typed); the
// startup accepts and the order appears; the deposit is paid by bank transfer and the operator
// reconciles it from the bank's statement CSV; the sample is submitted with a photo, sent back for
// changes, approved (the deposit is released); the interim payment by transfer and the balance by
// card through the Stripe double; the workshop ships (a tracking
// number with spaces is refused); the startup marks it delivered and confirms. The ledger balances.
import { expect, test, signInAs, tag, type Account } from './world';
import { jpeg } from './helpers';
import type { Browser, Page } from '@playwright/test';

async function as(browser: Browser, who: Account, locale: 'ko' | 'en' = 'ko'): Promise<Page> {
	const context = await browser.newContext({ locale: locale === 'ko' ? 'ko-KR' : 'en-US' });
	const page = await context.newPage();
	await signInAs(page, who, locale);
	return page;
}

async function move(page: Page, name: string, submit: string, fill?: (form: ReturnType<Page['locator']>) => Promise<void>) {
	await page.locator('summary', { hasText: name }).first().click();
	const form = page.locator('details[open] form').first();
	if (fill) await fill(form);
	await form.getByRole('button', { name: submit }).click();
}

test('a quote with a payment plan becomes an order, paid by transfer and card, sampled, shipped and confirmed', async ({
	browser,
	world
}) => {
	test.slow();
	const founder = await world.founder();
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster: 'mullae-machine-metal', owner: craftsman });
	const operator = await world.operator();
	const title = `알루미늄 하우징 ${tag()}`;
	const requestId = await world.openRequest(founder, 'mullae-machine-metal', title);

	// The workshop quotes: 2,400,000 won with VAT on top; a deposit under 10% is refused, the rest kept.
	const workshop = await as(browser, craftsman);
	await workshop.goto(`/requests/${requestId}/quotes`);
	await workshop.getByLabel('견적가 (원)').fill('2,400,000');
	await expect(workshop.getByText('공급가액 ₩2,400,000 + 부가세 ₩240,000 = 합계 ₩2,640,000')).toBeVisible();
	await workshop.getByLabel('계약금 (원)').fill('100,000');
	await workshop.getByLabel('시제품 승인 후 중도금 (원, 선택)').fill('50만');
	await workshop.getByLabel('납기 (일)').fill('21');
	await workshop.getByRole('button', { name: '견적 보내기' }).click();
	await expect(workshop.getByText('계약금은 합계의 10% 이상이어야 합니다.')).toBeVisible();
	await expect(workshop.getByLabel('견적가 (원)')).toHaveValue('2,400,000');
	await expect(workshop.getByLabel('납기 (일)')).toHaveValue('21');
	await workshop.getByLabel('계약금 (원)').fill('800,000');
	await expect(workshop.locator('output.balance')).toHaveText('₩1,340,000');
	await workshop.getByRole('button', { name: '견적 보내기' }).click();
	await expect(workshop.getByText('견적을 보냈습니다.')).toBeVisible();

	// The startup sees the total with VAT and the plan, accepts, and opens the order.
	const startup = await as(browser, founder);
	await startup.goto(`/requests/${requestId}/quotes`);
	const quote = startup.getByRole('article', { name: shop.name });
	await expect(quote.getByText('₩2,640,000')).toBeVisible();
	for (const part of ['계약금 ₩800,000', '중도금 ₩500,000', '잔금 ₩1,340,000']) await expect(quote.getByText(part)).toBeVisible();
	await quote.getByRole('button', { name: '수락', exact: true }).click();
	await startup.getByRole('dialog', { name: '이 견적을 수락할까요?' }).getByRole('button', { name: '수락 확정' }).click();
	await expect(startup.getByText('견적을 수락했습니다.')).toBeVisible();
	await startup.getByRole('link', { name: '주문 보기' }).click();
	await expect(startup.getByRole('heading', { name: title })).toBeVisible();
	await expect(startup.getByText('계약금 대기')).toBeVisible();
	const deposit = startup.getByRole('listitem', { name: '계약금' });
	await expect(deposit.getByText(/국민은행 .* ₩800,000을 보내 주세요/)).toBeVisible();
	const reference = (await deposit.locator('code').textContent())!.trim();
	expect(reference).toMatch(/^SL[0-9A-Z]{6}$/);

	// The operator reconciles the bank's statement: the deposit line names the reference.
	const desk = await as(browser, operator);
	await desk.goto('/operator/payments');
	await expect(desk.getByRole('row', { name: new RegExp(reference) })).toBeVisible();
	const csv = [
		'거래일시,적요,입금자명,출금액,입금액,잔액',
		`2026-12-06 10:12:00,타행이체,${reference},0,"800,000","10,800,000"`,
		'2026-12-06 11:00:00,이체,모르는 입금,0,"50,000","10,850,000"'
	].join('\n');
	await desk.getByLabel('거래내역 CSV').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await desk.getByRole('button', { name: '대사하기' }).click();
	await expect(desk.getByText('반영 1건, 이미 반영 0건, 출금 0건 건너뜀')).toBeVisible();
	await expect(desk.getByText(/3번째 줄 · .* · 모르는 입금 · ₩50,000/)).toBeVisible();

	// Production starts; the workshop submits the sample with a photo.
	await workshop.goto('/orders');
	await workshop.getByRole('link', { name: title }).click();
	await expect(workshop.getByText('제작 중', { exact: true })).toBeVisible();
	await move(workshop, '시제품 보내기', '시제품 보내기', async (form) => {
		await form.getByLabel('시제품 설명 (선택)').fill('1차 시제품입니다. 아노다이징 색상 확인 부탁드립니다.');
		await form.getByLabel('시제품 사진').setInputFiles({ name: 'sample.jpg', mimeType: 'image/jpeg', buffer: await jpeg() });
	});
	await expect(workshop.getByText('시제품을 보냈습니다.')).toBeVisible();

	// The startup asks for a change (a reason is required), then approves the second sample.
	await startup.reload();
	await expect(startup.getByRole('link', { name: 'sample.jpg' })).toBeVisible();
	await move(startup, '수정 요청', '수정 요청 보내기');
	await expect(startup.getByText('이유를 적어 주세요. 상대방에게 전달됩니다.')).toBeVisible();
	await startup.locator('details[open] form').getByLabel('무엇을 바꿔야 하나요?').fill('모서리를 R1로 다듬어 주세요.');
	await startup.locator('details[open] form').getByRole('button', { name: '수정 요청 보내기' }).click();
	await expect(startup.getByText('수정 요청을 보냈습니다.')).toBeVisible();
	await workshop.reload();
	await expect(workshop.getByText('모서리를 R1로 다듬어 주세요.')).toBeVisible();
	await move(workshop, '시제품 보내기', '시제품 보내기');
	await expect(workshop.getByText('시제품을 보냈습니다.')).toBeVisible();
	await startup.reload();
	await move(startup, '시제품 승인', '승인하기');
	await expect(startup.getByText('시제품을 승인했습니다. 계약금이 공방에 지급됩니다.')).toBeVisible();
	await expect(startup.getByRole('listitem', { name: '계약금' }).getByText('지급됨')).toBeVisible();

	// The interim payment by transfer, confirmed by the operator by hand; the balance by card (Stripe).
	await desk.reload();
	const row = desk.getByRole('row').filter({ hasText: shop.name }).filter({ hasText: '중도금' });
	await row.locator('summary').click();
	await row.getByRole('button', { name: /입금 확인/ }).click();
	await expect(desk.getByText('입금을 반영했습니다.')).toBeVisible();
	await startup.reload();
	const balance = startup.getByRole('listitem', { name: '잔금' });
	// The pay button posted twice at once (a double click without JavaScript, a retried request): one
	// checkout session, and the button then leads to the same one.
	const payForm = balance.locator('form').filter({ has: startup.getByRole('button', { name: '카드로 결제 (Stripe)' }) });
	const fields = Object.fromEntries(
		await payForm
			.locator('input[type=hidden]')
			.evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]))
	);
	const origin = new URL(startup.url()).origin;
	const postPay = () =>
		startup.request.post(`${new URL(startup.url()).pathname}?/pay`, {
			form: fields,
			maxRedirects: 0,
			headers: { origin, accept: 'text/html' }
		});
	const [first, second] = await Promise.all([postPay(), postPay()]);
	expect([first.status(), second.status()]).toEqual([303, 303]);
	expect(second.headers()['location']).toBe(first.headers()['location']);
	await balance.getByRole('button', { name: '카드로 결제 (Stripe)' }).click();
	// The double's hosted checkout page, for exactly the balance.
	await expect(startup).toHaveURL(/\/pay\/cs_/);
	expect(startup.url()).toBe(first.headers()['location']);
	await expect(startup.getByText('₩1,340,000')).toBeVisible();
	await startup.getByRole('button', { name: '결제하기 / Pay' }).click();
	await expect(startup).toHaveURL(/\/orders\/[^?]+\?payment=stripe/);
	await expect(startup.getByRole('listitem', { name: '잔금' }).getByText(/결제 \(카드 \(Stripe\)\)/)).toBeVisible();

	// The workshop ships: a tracking number with spaces is refused, then accepted.
	await workshop.reload();
	await move(workshop, '발송', '발송 처리', async (form) => {
		await form.getByLabel('택배사').selectOption('cj');
		await form.getByLabel('운송장 번호').fill('6012 3456 7890');
	});
	await expect(workshop.getByText(/운송장 번호를 숫자로만, 띄어쓰기 없이/)).toBeVisible();
	await workshop.locator('details[open] form').getByLabel('운송장 번호').fill('601234567890');
	await workshop.locator('details[open] form').getByRole('button', { name: '발송 처리' }).click();
	await expect(workshop.getByText('발송 처리했습니다.')).toBeVisible();

	// The startup marks it delivered and confirms the purchase: everything held is released.
	await startup.reload();
	await expect(startup.getByText('CJ대한통운 · 601234567890').first()).toBeVisible();
	await move(startup, '배송 완료', '배송 완료로 표시');
	await expect(startup.getByText('배송 완료로 표시했습니다.')).toBeVisible();
	await move(startup, '구매확정', '구매확정하기');
	await expect(startup.getByText('구매확정했습니다. 감사합니다!')).toBeVisible();
	await expect(startup.getByText('구매확정', { exact: true }).first()).toBeVisible();
	const timeline = startup.getByRole('region', { name: '진행 기록' });
	for (const step of [
		'주문 생성',
		'결제 확인',
		'제작 시작',
		'시제품 수정 요청',
		'시제품 승인 · 계약금 지급',
		'발송',
		'구매확정 · 대금 지급'
	])
		await expect(timeline.getByText(step, { exact: true }).first()).toBeVisible();

	// The operator sees the three payments to settle with the workshop.
	await desk.reload();
	await expect(desk.getByRole('row').filter({ hasText: shop.name })).toHaveCount(3);
	expect(await world.ledgerProblems()).toEqual([]);
});
