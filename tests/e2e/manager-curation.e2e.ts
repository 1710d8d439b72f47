import { expect, signInAs, test } from './world';

test('a manager edits an offline member on their behalf and verifies it', async ({ page, world }) => {
	const manager = await world.manager('cheongju-printing');
	const offline = await world.workshop({ cluster: 'cheongju-printing', owner: null });
	await signInAs(page, manager);
	await page.goto('/manage/cheongju-printing');
	const member = page.getByRole('row').filter({ hasText: offline.name });
	await expect(member).toContainText('매니저 관리');
	await member.getByRole('link', { name: '대리 수정' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('대리 수정');

	const note = '2026년 12월부터 UV 인쇄기를 들였습니다. 소량 명함과 스티커를 당일 출고합니다.';
	await page.getByLabel('소개 (한국어)').fill(note);
	await page.getByLabel('보통 납기(일)').fill('400');
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page.locator('#lead_time_days-error')).toBeVisible();
	await expect(page.getByLabel('소개 (한국어)')).toHaveValue(note);
	await page.getByLabel('보통 납기(일)').fill('7');
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page.getByRole('status')).toHaveText('저장했습니다.');

	await page.getByRole('link', { name: '공개 페이지 보기' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(offline.name);
	await expect(page.getByText(note)).toBeVisible();
	await expect(page.getByText('7일')).toBeVisible();

	// Verification is a toggle on the members table, and the public page follows it.
	await page.goto('/manage/cheongju-printing');
	const row = page.getByRole('row').filter({ hasText: offline.name });
	await row.getByRole('button', { name: '인증하기' }).click();
	await expect(row.getByRole('button', { name: '인증 해제' })).toBeVisible();
	await row.getByRole('link', { name: offline.name }).click();
	await expect(page.getByText('인증 공방', { exact: true })).toHaveCount(1);
});

test('a member with an account of their own is not editable by the manager', async ({ page, world }) => {
	const manager = await world.manager('jongno-jewelry');
	const online = await world.workshop({ cluster: 'jongno-jewelry', owner: await world.craftsman() });
	await signInAs(page, manager);
	await page.goto('/manage/jongno-jewelry');
	const row = page.getByRole('row').filter({ hasText: online.name });
	await expect(row).toContainText('회원이 직접 관리');
	await expect(row.getByRole('link', { name: '대리 수정' })).toHaveCount(0);
	// Editing it on their behalf by address is refused too.
	const response = await page.goto(`/manage/jongno-jewelry/workshops/${online.id}`);
	expect(response?.status()).toBe(404);
});
