// A craftsman applies to a support program with its documents and the center decides: the draft keeps
// what was typed, submitting without every document says which are missing, the center's desk lists
// the application, a rejection needs a reason, the approval reaches the craftsman (Korean); the same
// application read by the applicant in English after the decision.
import type { Browser, Page } from '@playwright/test';
import { expect, signInAs, test, type Account } from './world';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function as(browser: Browser, who: Account, locale: 'ko' | 'en'): Promise<Page> {
	const page = await (await browser.newContext({ locale: locale === 'ko' ? 'ko-KR' : 'en-US' })).newPage();
	await signInAs(page, who, locale);
	return page;
}

test('a craftsman applies to the smart-workshop grant with documents; the center reviews and approves it', async ({ browser, world }) => {
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster: 'jongno-jewelry', owner: craftsman });
	const page = await as(browser, craftsman, 'ko');
	await page.goto('/programs');
	const mine = page.locator('section').filter({ has: page.getByRole('heading', { name: new RegExp(shop.name) }) });
	await mine.getByRole('listitem').filter({ hasText: '스마트공방 기술보급사업' }).getByRole('button', { name: '신청하기' }).click();
	await expect(page).toHaveURL(/\/programs\/applications\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('application-status')).toHaveText('작성 중');

	// A bad amount is refused next to its field, and the note typed beside it is kept.
	await page.getByLabel('사업 계획·신청 내용').fill('주얼리 CAD·3D 프린터 도입으로 시제품 기간을 2주에서 3일로 줄이려 합니다.');
	await page.getByLabel('신청 금액(원)').fill('삼천만');
	await page.getByRole('button', { name: '임시 저장' }).click();
	await expect(page.locator('#amount-error')).toHaveText('숫자로 입력해 주세요.');
	await expect(page.getByLabel('사업 계획·신청 내용')).toHaveValue(/시제품 기간을 2주에서 3일로/);
	await page.getByLabel('신청 금액(원)').fill('30,000,000');

	// Submitting without the documents names the missing ones; nothing is submitted.
	await page.getByRole('button', { name: '제출하기' }).click();
	const refusal = page.getByRole('alert');
	await expect(refusal).toContainText('빠진 서류가 있어 제출하지 못했습니다');
	await expect(refusal).toContainText('사업자등록증');
	await expect(refusal).toContainText('도입 계획서');
	await expect(page.getByTestId('application-status')).toHaveText('작성 중');

	// Uploading keeps the typed note and amount (saved with the upload).
	await page.getByLabel('사업자등록증 파일').setInputFiles({ name: 'brc.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('listitem').filter({ hasText: '사업자등록증' }).getByRole('button', { name: '올리기' }).click();
	await expect(page.getByRole('status')).toHaveText('서류를 올렸습니다.');
	await expect(page.getByLabel('신청 금액(원)')).toHaveValue('30000000');
	await page.getByLabel('도입 계획서 파일').setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('listitem').filter({ hasText: '도입 계획서' }).getByRole('button', { name: '올리기' }).click();
	await expect(page.getByRole('link', { name: 'plan.pdf' })).toBeVisible();
	await page.getByRole('button', { name: '제출하기' }).click();
	await expect(page.getByRole('status')).toContainText('신청서를 제출했습니다');
	await expect(page.getByTestId('application-status')).toHaveText('제출됨');
	await expect(page.getByRole('button', { name: '제출하기' })).toHaveCount(0);
	const applicationUrl = page.url().replace(/\?.*$/, '');

	// The Jongno manager acts for the Jongno center: the desk lists it.
	const staff = await as(browser, await world.manager('jongno-jewelry'), 'ko');
	await staff.goto('/support/jongno-jewelry-center/staff');
	await staff.getByRole('region', { name: '지원사업 신청' }).getByRole('listitem').filter({ hasText: shop.name }).getByRole('link').click();
	await expect(staff.getByRole('link', { name: 'brc.pdf' })).toBeVisible();
	const document = await staff.request.get((await staff.getByRole('link', { name: 'brc.pdf' }).getAttribute('href'))!);
	expect(document.status()).toBe(200);
	await staff.getByRole('button', { name: '검토 시작' }).click();
	await expect(staff.getByTestId('application-status')).toHaveText('검토 중');
	await staff.getByRole('button', { name: '미선정…' }).click();
	await staff.getByRole('button', { name: '미선정 확정' }).click();
	await expect(staff.getByRole('alert')).toHaveText('미선정 사유를 적어 주세요.');
	await staff.getByLabel('결정 사유').fill('도입 계획이 구체적입니다. 3월 중 장비 업체와 연결해 드립니다.');
	await staff.getByRole('button', { name: '선정', exact: true }).click();
	await expect(staff.getByRole('status')).toContainText('선정했습니다');
	await expect(staff.getByTestId('application-status')).toHaveText('선정');

	// Another craftsman cannot open the application or its documents.
	const stranger = await as(browser, await world.craftsman(), 'ko');
	expect((await stranger.goto(applicationUrl))?.status()).toBe(404);

	await page.goto('/notifications');
	await page
		.getByRole('link', { name: /스마트공방 기술보급사업/ })
		.first()
		.click();
	await expect(page).toHaveURL(new RegExp(`${applicationUrl.replace(/^https?:\/\/[^/]+/, '')}`));
	await expect(page.getByTestId('application-status')).toHaveText('선정');
	await expect(page.getByText('3월 중 장비 업체와 연결해 드립니다')).toBeVisible();

	// In English, the applicant reads the same decision.
	const english = await as(browser, craftsman, 'en');
	await english.goto(applicationUrl);
	await expect(english.getByTestId('application-status')).toHaveText('Approved');
	await expect(english.getByText('Reason for the decision')).toBeVisible();
	await english.screenshot({ path: 'test-results/program-application-en.png', fullPage: true });
});
