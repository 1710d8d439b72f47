import { fillWorkshop, jpeg } from './helpers';
import { expect, signInAs, test } from './world';

test.describe('bad input gets a clear message and loses nothing typed', () => {
	// A fresh craftsman without a workshop (made in the database: sign-ups from one address are
	// limited to 10 an hour, and the sign-up form has its own tests).
	test.beforeEach(async ({ page, world }) => {
		await signInAs(page, await world.craftsman('이실수'));
		await page.goto('/dashboard/workshop');
	});

	test('an invalid business registration number', async ({ page }) => {
		await fillWorkshop(page, '실수공방');
		await page.getByLabel('사업자등록번호').fill('220-81-62518');
		await page.getByRole('button', { name: '저장' }).click();
		await expect(page.locator('#business_registration_number-error')).toContainText('사업자등록번호가 올바르지 않습니다');
		await expect(page.getByLabel('사업자등록번호')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('공방 이름 (한국어)')).toHaveValue('실수공방');
		await expect(page.getByLabel('소개 (한국어)')).toHaveValue(/30년 경력의 금세공 공방/);
		await expect(page.getByLabel('공정')).toHaveValue('주조\n연마\n세팅');
		await expect(page.getByLabel('최소 주문 수량')).toHaveValue('10');

		await page.getByLabel('사업자등록번호').fill('220-81-62517');
		await page.getByRole('button', { name: '저장' }).click();
		await expect(page.getByRole('status')).toHaveText('저장했습니다.');
	});

	test('an oversized photo', async ({ page }) => {
		await fillWorkshop(page, '큰사진공방');
		const big = Buffer.concat([await jpeg(64, 64), Buffer.alloc(9 * 1024 * 1024, 1)]);
		await page.getByLabel('포트폴리오 사진 추가').setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: big });
		await page.getByRole('button', { name: '저장' }).click();
		await expect(page.locator('#photos-error')).toContainText('8MB 이하');
		await expect(page.getByLabel('공방 이름 (한국어)')).toHaveValue('큰사진공방');
		await expect(page.getByLabel('주소')).toHaveValue('서울특별시 종로구 돈화문로11길 28');
		await expect(page.getByLabel('보통 납기(일)')).toHaveValue('14');
		// Nothing was saved: the dashboard still offers to create the profile.
		await page.goto('/dashboard');
		await expect(page.getByRole('link', { name: '공방 프로필 만들기' })).toBeVisible();
	});

	test('a text file disguised as a photo', async ({ page }) => {
		await fillWorkshop(page, '가짜사진공방');
		await page
			.getByLabel('포트폴리오 사진 추가')
			.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a jpeg') });
		await page.getByRole('button', { name: '저장' }).click();
		await expect(page.locator('#photos-error')).toContainText('사진 파일이 아닙니다');
		await expect(page.getByLabel('공방 이름 (한국어)')).toHaveValue('가짜사진공방');
	});
});
