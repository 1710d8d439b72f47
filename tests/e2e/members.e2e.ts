// The managers' member table (issue 16): find members by name and state, act on several at once, and
// tell them something, in Korean and in English; the craftsman receives the announcement in the app
// and by email.
import { expect, signInAs, tag, test } from './world';

test('a manager verifies the selected members together and sends them an announcement', async ({ page, world }) => {
	const group = `묶음${tag()}`;
	const manager = await world.manager('mullae-machine-metal');
	const craftsman = await world.craftsman();
	const online = await world.workshop({ cluster: 'mullae-machine-metal', owner: craftsman, name: `${group} 선반` });
	const offline = await world.workshop({ cluster: 'mullae-machine-metal', owner: null, name: `${group} 판금` });
	const untouched = await world.workshop({ cluster: 'mullae-machine-metal', owner: null, name: `${group} 용접` });
	await signInAs(page, manager);
	await page.goto('/manage/mullae-machine-metal');

	await page.getByLabel('공방 이름 또는 사업자등록번호').fill(group);
	await page.getByLabel('인증', { exact: true }).selectOption('no');
	await page.getByRole('button', { name: '적용' }).click();
	await expect(page).toHaveURL(/verified=no/);
	await expect(page.getByText('3곳 중 1–3')).toBeVisible();

	// Nothing selected: told so, nothing changes.
	await page.locator('#bulk').getByRole('button', { name: '인증하기' }).click();
	await expect(page.locator('#bulk-error')).toHaveText('먼저 표에서 회원을 선택하세요.');

	await page.getByRole('checkbox', { name: `${online.name} 선택` }).check();
	await page.getByRole('checkbox', { name: `${offline.name} 선택` }).check();
	await expect(page.getByText('선택한 회원 2곳')).toBeVisible();
	await page.locator('#bulk').getByRole('button', { name: '인증하기' }).click();
	await expect(page.getByRole('status').filter({ hasText: '2곳을 바꿨습니다.' })).toBeVisible();
	// Still filtered to the unverified: only the one left alone remains.
	await expect(page.getByRole('row').filter({ hasText: group })).toHaveCount(1);
	await expect(page.getByRole('row').filter({ hasText: untouched.name })).toBeVisible();

	await page.getByLabel('인증', { exact: true }).selectOption('yes');
	await page.getByRole('button', { name: '적용' }).click();
	await expect(page.getByRole('row').filter({ hasText: group })).toHaveCount(2);

	// An announcement to the selected members: the title is required, and the text typed is kept.
	await page.getByRole('checkbox', { name: `${online.name} 선택` }).check();
	await page.getByText('회원에게 공지 보내기').click();
	await page.getByLabel('선택한 회원 (1곳)').check();
	const body = `다음 주 화요일 공용 CNC 교육이 있습니다. ${tag()}`;
	await page.getByLabel('내용').fill(body);
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: '공지 보내기' }).click();
	await expect(page.locator('#bulk [role=alert]')).toHaveText('필수 항목입니다.');
	await expect(page.getByLabel('내용')).toHaveValue(body);
	await page.getByLabel('제목').fill('공용 장비 교육 안내');
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: '공지 보내기' }).click();
	await expect(page.getByRole('status').filter({ hasText: '공지를 1명에게 보냈습니다.' })).toBeVisible();
	await page.getByText('보낸 공지 (').click();
	await expect(page.getByText(body)).toBeVisible();

	await page.context().clearCookies();
	await signInAs(page, craftsman);
	await page.goto('/notifications');
	await expect(page.getByText('공용 장비 교육 안내').first()).toBeVisible();
	await expect(page.getByText(body)).toBeVisible();
	expect((await world.lastMailTo(craftsman.email))?.text).toContain(body);
});

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test('the member table sorts by last activity and refuses a bulk action with nothing selected', async ({ page, world }) => {
		const group = `Batch${tag()}`;
		const manager = await world.manager('cheongju-printing');
		const active = await world.craftsman();
		await world.workshop({ cluster: 'cheongju-printing', owner: null, name: `${group} offset` });
		const busy = await world.workshop({ cluster: 'cheongju-printing', owner: active, name: `${group} letterpress` });
		await signInAs(page, active, 'en');
		await page.context().clearCookies();
		await signInAs(page, manager, 'en');
		await page.goto(`/manage/cheongju-printing?q=${group}`);
		await page.getByRole('link', { name: 'Last active' }).click();
		await expect(page.getByRole('columnheader', { name: /Last active/ })).toHaveAttribute('aria-sort', 'descending');
		// The search keeps the page to this test's members (shown by their English names).
		const rows = page.locator('table.members tbody tr');
		await expect(rows).toHaveCount(2);
		await expect(rows.first()).toContainText(busy.nameEn);
		await expect(rows.last()).toContainText('No record');

		await page.locator('#bulk').getByRole('button', { name: 'Feature', exact: true }).click();
		await expect(page.locator('#bulk-error')).toHaveText('Select members in the table first.');
		await page.getByRole('checkbox', { name: 'Select every member on this page' }).check();
		await expect(page.getByText('2 selected')).toBeVisible();
		await page.locator('#bulk').getByRole('button', { name: 'Feature', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Changed 2 members.' })).toBeVisible();
		await expect(rows.getByText('Featured', { exact: true })).toHaveCount(2);
	});
});
