import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a manager edits an offline member on their behalf and verifies it', async ({ page }) => {
	await signIn(page, 'manager.cheongju@sogong.link');
	await page.goto('/manage/cheongju-printing');
	const offline = page.getByRole('row').filter({ hasText: '매니저 관리' }).first();
	const name = (await offline.getByRole('link').first().textContent())!.trim();
	await offline.getByRole('link', { name: '대리 수정' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('대리 수정');

	const note = `2026년 12월부터 UV 인쇄기 도입 ${Date.now() % 10000}`;
	await page.getByLabel('소개 (한국어)').fill(note);
	await page.getByLabel('보통 납기(일)').fill('400');
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page.locator('#lead_time_days-error')).toBeVisible();
	await expect(page.getByLabel('소개 (한국어)')).toHaveValue(note);
	await page.getByLabel('보통 납기(일)').fill('7');
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page.getByRole('status')).toHaveText('저장했습니다.');

	await page.getByRole('link', { name: '공개 페이지 보기' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await expect(page.getByText(note)).toBeVisible();
	await expect(page.getByText('7일')).toBeVisible();

	// Verification is a toggle on the members table, and the public page follows it.
	await page.goto('/manage/cheongju-printing');
	const row = page.getByRole('row').filter({ hasText: name });
	const wasVerified = (await row.getByRole('button', { name: /인증하기|인증 해제/ }).textContent())!.includes('해제');
	await row.getByRole('button', { name: wasVerified ? '인증 해제' : '인증하기' }).click();
	await expect(row.getByRole('button', { name: wasVerified ? '인증하기' : '인증 해제' })).toBeVisible();
	await row.getByRole('link', { name }).click();
	await expect(page.getByText('인증 공방', { exact: true })).toHaveCount(wasVerified ? 0 : 1);
});

test('a member with an account of their own is not editable by the manager', async ({ page }) => {
	await signIn(page, 'manager.jongno@sogong.link');
	await page.goto('/manage/jongno-jewelry');
	const online = page.getByRole('row').filter({ hasText: '있음' }).first();
	await expect(online.getByRole('link', { name: '대리 수정' })).toHaveCount(0);
	// Craftsman 1's workshop id, from the seed: editing it on their behalf is refused.
	const response = await page.goto('/manage/jongno-jewelry/workshops/00000000-0000-4000-8000-00000000f101');
	expect(response?.status()).toBe(404);
});
