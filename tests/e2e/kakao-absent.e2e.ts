// With local accounts (the embedded auth adapter, which these journeys run on) there is no Kakao
// sign-in: neither sign-in page shows the button, and its start answers 404.
import { expect, test } from '@playwright/test';

test('the sign-in and sign-up pages offer no Kakao button without Supabase Auth', async ({ page, request }) => {
	for (const path of ['/login', '/signup']) {
		await page.goto(path);
		await expect(page.getByRole('textbox', { name: '이메일' })).toBeVisible();
		await expect(page.getByText('카카오로 시작하기')).toHaveCount(0);
	}
	expect((await request.get('/auth/kakao', { maxRedirects: 0 })).status()).toBe(404);
});
