// Uploads posted twice (a double click without JavaScript, a retried request, two tabs): the form's
// submission key makes the second post answer as the first, and the file is kept once. The same form
// (its fields and key as rendered, the same file) is posted again; the workshop shows its photo once (Korean), the application lists its
// document once (English). A new form (after the save) adds again.
import type { Page } from '@playwright/test';
import { jpeg } from './helpers';
import { expect, signInAs, test } from './world';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The text fields of a rendered form (its submission key among them), as the browser would post them. */
const fieldsOf = (page: Page, selector: string) =>
	page
		.locator(selector)
		.evaluate((form: HTMLFormElement) =>
			Object.fromEntries([...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
		);

type Upload = { name: string; mimeType: string; buffer: Buffer };

/** Posts the same form once more, as a browser without JavaScript would (a double click, a retry). */
async function postAgain(page: Page, action: string, fields: Record<string, string>, file: [string, Upload]) {
	const url = new URL(action, page.url());
	const answer = await page.request.post(url.href, {
		headers: { origin: url.origin, accept: 'text/html' },
		multipart: { ...fields, [file[0]]: file[1] },
		maxRedirects: 0
	});
	expect(answer.status()).toBe(200);
	return answer.text();
}

test('a workshop save posted twice keeps its photo once; the next save adds another', async ({ page, world }) => {
	const craftsman = await world.craftsman();
	await world.workshop({ cluster: 'jongno-jewelry', owner: craftsman });
	await signInAs(page, craftsman);
	await page.goto('/dashboard/workshop');
	const photo = { name: 'ring.jpg', mimeType: 'image/jpeg', buffer: await jpeg() };
	await page.getByLabel('포트폴리오 사진 추가').setInputFiles(photo);
	const fields = await fieldsOf(page, 'form[action="?/save"]');
	expect(fields.submission_key).toMatch(/^[0-9a-f-]{36}$/);
	await page.getByRole('button', { name: '저장', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('저장했습니다.');
	await expect(page.getByRole('img', { name: /포트폴리오 사진/ })).toHaveCount(1);

	// The same post again: answered "saved", no second photo.
	expect(await postAgain(page, '?/save', fields, ['photos', photo])).toContain('저장했습니다.');
	await page.reload();
	await expect(page.getByRole('img', { name: /포트폴리오 사진/ })).toHaveCount(1);

	// The page's form is a new one: its save adds its photo.
	await page.getByLabel('포트폴리오 사진 추가').setInputFiles({ name: 'ring2.jpg', mimeType: 'image/jpeg', buffer: await jpeg(640, 480) });
	await page.getByRole('button', { name: '저장', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('저장했습니다.');
	await expect(page.getByRole('img', { name: /포트폴리오 사진/ })).toHaveCount(2);
});

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test("an application's document uploaded twice by the same form is listed once", async ({ page, world }) => {
		const craftsman = await world.craftsman();
		const shop = await world.workshop({ cluster: 'jongno-jewelry', owner: craftsman });
		await signInAs(page, craftsman, 'en');
		await page.goto('/programs');
		const mine = page.locator('section').filter({ has: page.getByRole('heading', { name: new RegExp(shop.name) }) });
		await mine.getByRole('listitem').filter({ hasText: 'Smart workshop grants' }).getByRole('button', { name: 'Apply' }).click();
		await expect(page).toHaveURL(/\/programs\/applications\/[0-9a-f-]{36}$/);

		const pdf = { name: 'brc.pdf', mimeType: 'application/pdf', buffer: PDF };
		await page.getByLabel('Business registration file').setInputFiles(pdf);
		const fields = await fieldsOf(page, '#upload-business_registration');
		expect(fields.submission_key).toMatch(/^[0-9a-f-]{36}$/);
		await page.getByRole('listitem').filter({ hasText: 'Business registration' }).getByRole('button', { name: 'Upload' }).click();
		await expect(page.getByRole('status')).toHaveText('Document uploaded.');
		await expect(page.getByRole('link', { name: 'brc.pdf' })).toHaveCount(1);

		expect(await postAgain(page, '?/upload', fields, ['file', pdf])).toContain('Document uploaded.');
		await page.reload();
		await expect(page.getByRole('link', { name: 'brc.pdf' })).toHaveCount(1);
	});
});
