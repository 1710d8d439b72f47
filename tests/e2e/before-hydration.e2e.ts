// On a slow phone people type before the page's script has run. What they typed must survive the page
// coming alive (hydration), whether the field is plain (the home search box) or bound to a form.
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, uniqueEmail } from './helpers';
import { expect, test } from './world';

/** Holds the app's scripts back for a moment, as a slow connection does. */
async function slowScripts(page: Page) {
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((r) => setTimeout(r, 1500));
		await route.continue();
	});
}

test('a search typed before the home page comes alive is the search that runs', async ({ page }) => {
	await slowScripts(page);
	await page.goto('/', { waitUntil: 'commit' });
	const box = page.getByRole('searchbox', { name: '공방 검색' });
	await box.fill('ㅈㅇㄹ');
	await page.waitForLoadState('load');
	await page.waitForTimeout(2000);
	await expect(box).toHaveValue('ㅈㅇㄹ');
	await page.getByRole('search').getByRole('button', { name: '검색' }).click();
	await expect(page).toHaveURL(/\/search\?q=%E3%85%88%E3%85%87%E3%84%B9$/);
});

test('an email typed before the password page comes alive is kept and sent', async ({ page, world }) => {
	const founder = await world.founder();
	await slowScripts(page);
	await page.goto('/forgot-password', { waitUntil: 'commit' });
	await page.getByLabel('이메일').fill(founder.email);
	await page.waitForLoadState('load');
	await page.waitForTimeout(2000);
	await expect(page.getByLabel('이메일')).toHaveValue(founder.email);
	await page.getByRole('button', { name: '재설정 링크 받기' }).click();
	await expect(page.getByText('가입된 이메일이라면 재설정 링크를 보냈습니다. 메일함을 확인해 주세요.')).toBeVisible();
});

test('a role chosen before the sign-up page comes alive is the role the account gets', async ({ page }) => {
	await slowScripts(page);
	await page.goto('/signup', { waitUntil: 'commit' });
	await page.getByRole('radio', { name: /스타트업/ }).check();
	await page.waitForLoadState('load');
	await page.waitForTimeout(2000);
	await expect(page.getByRole('radio', { name: /스타트업/ })).toBeChecked();
	await expect(page.getByRole('radio', { name: /소공인/ })).not.toBeChecked();
	await page.getByLabel('이름 또는 상호').fill('느린 연결 스타트업');
	await page.getByLabel('이메일').fill(uniqueEmail('slow'));
	await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
	await page.getByRole('checkbox', { name: /이용약관에 동의합니다/ }).check();
	await page.getByRole('checkbox', { name: /개인정보 수집·이용에 동의합니다/ }).check();
	await page.getByRole('button', { name: '가입하기' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	await expect(page.getByRole('link', { name: '기업 프로필 만들기' })).toBeVisible();
});
