// Forms answer bad input with a clear message beside the form and keep what was typed, also without
// JavaScript, where the server's answer ({ form } with its errors and data) is the page.
import { postRequest } from './helpers';
import { expect, signInAs, test } from './world';

test('without JavaScript, a message with too many files is refused and its text kept', async ({ browser, world }) => {
	test.setTimeout(120_000);
	const owner = await world.founder('g-valley');
	const craftsman = await world.craftsman();
	await world.workshop({ cluster: 'mullae-machine-metal', owner: craftsman, processes: ['CNC 밀링', '선반'] });
	const startupContext = await browser.newContext({ locale: 'ko-KR' });
	const workshopContext = await browser.newContext({ locale: 'ko-KR', javaScriptEnabled: false });
	const startup = await startupContext.newPage();
	const workshop = await workshopContext.newPage();

	await signInAs(startup, owner);
	const id = await postRequest(startup, `입력 유지 시험 ${Date.now().toString(36)}`);

	await signInAs(workshop, craftsman);
	await workshop.goto(`/requests/${id}`);
	await workshop.getByRole('button', { name: '동의합니다' }).click();
	await workshop.getByRole('link', { name: '대화', exact: true }).click();

	// Four files where three are allowed: the message says so and the text stays in the box.
	const text = '도면 잘 받았습니다. 재질 사양 문의드립니다.';
	await workshop.getByLabel('메시지').fill(text);
	const file = (n: number) => ({ name: `photo-${n}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${n}`) });
	await workshop.locator('input[name="files"]').setInputFiles([1, 2, 3, 4].map(file));
	await workshop.getByRole('button', { name: '보내기' }).click();
	await expect(workshop.getByRole('alert')).toContainText('파일은 최대 3개까지 첨부할 수 있습니다.');
	await expect(workshop.getByLabel('메시지')).toHaveValue(text);
	await expect(workshop.getByLabel('메시지')).toHaveAttribute('aria-invalid', 'true');

	// The same text without the extra files goes out.
	await workshop.getByRole('button', { name: '보내기' }).click();
	await expect(workshop.getByRole('list', { name: '대화 내용' }).getByText(text)).toBeVisible();

	await startupContext.close();
	await workshopContext.close();
});
