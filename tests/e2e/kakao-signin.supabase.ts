// Kakao sign-in in a browser, with the app on Supabase Auth (the GoTrue double, whose Kakao consent
// page plays Kakao): the yellow button on /login → Kakao's consent → back through /auth/callback →
// the terms → the role and name → the dashboard; a second sign-in goes straight in; cancelling at
// Kakao comes back to /login with a message. In Korean and in English. Run with supabase.config.ts.
import { expect, test, type Page } from '@playwright/test';

const uniqueKakaoEmail = () => `kakao-${crypto.randomUUID().slice(0, 12)}@kakao.test`;

const text = {
	ko: {
		kakao: '카카오로 시작하기',
		agree: '동의하고 계속하기',
		cancel: '취소',
		consent: '동의하고 계속',
		role: '가입을 마무리해 주세요',
		craftsman: '소공인(공방)',
		name: '이름 또는 상호',
		start: '시작하기',
		cancelled: '카카오 로그인을 취소했습니다',
		email: '이메일'
	},
	en: {
		kakao: 'Continue with Kakao',
		agree: '동의하고 계속하기',
		cancel: '취소',
		consent: 'Agree and continue',
		role: 'Finish signing up',
		craftsman: 'Craftsman (workshop)',
		name: 'Your name or business name',
		start: 'Get started',
		cancelled: 'You cancelled signing in with Kakao',
		email: 'Email'
	}
} as const;

/** At the double's Kakao page: the account to share, then one of its two buttons. */
async function atKakao(page: Page, email: string, button: '동의하고 계속하기' | '취소') {
	await expect(page.getByRole('heading', { name: '카카오계정으로 로그인' })).toBeVisible();
	await page.getByLabel('카카오계정 이메일').fill(email);
	await page.getByLabel('닉네임').fill('정카카오');
	await page.getByRole('button', { name: button }).click();
}

for (const locale of ['ko', 'en'] as const) {
	const t = text[locale];
	test.describe(locale === 'ko' ? 'in Korean' : 'in English', () => {
		test.use({ locale: locale === 'ko' ? 'ko-KR' : 'en-US' });

		test('a first Kakao sign-in agrees to the terms, chooses the craftsman role and lands on the dashboard; the next goes straight in', async ({
			page
		}) => {
			const email = uniqueKakaoEmail();
			await page.goto('/login');
			const button = page.getByRole('link', { name: t.kakao });
			await expect(button).toHaveCSS('background-color', 'rgb(254, 229, 0)');
			await button.click();
			await atKakao(page, email, t.agree);
			// The terms first (the root layout asks everyone who has not agreed), then the role.
			await expect(page).toHaveURL(/\/consent\?redirectTo=/);
			for (const box of await page.getByRole('checkbox').all()) if (!(await box.isChecked())) await box.check();
			await page.getByRole('button', { name: t.consent }).click();
			await expect(page.getByRole('heading', { name: t.role })).toBeVisible();
			await expect(page.getByLabel(t.name)).toHaveValue('정카카오');
			await page.getByRole('radio', { name: t.craftsman }).check();
			await page.getByLabel(t.name).fill('정공방');
			await page.getByRole('button', { name: t.start }).click();
			await expect(page).toHaveURL(/\/dashboard$/);
			await expect(page.getByText('정공방').first()).toBeVisible();

			// Signed out and in again with the same Kakao account: no more questions.
			await page.context().clearCookies();
			await page.goto('/login');
			await page.getByRole('link', { name: t.kakao }).click();
			await atKakao(page, email, t.agree);
			await expect(page).toHaveURL(/\/dashboard$/);
		});

		test('cancelling at Kakao comes back to the sign-in page with a message, signed out', async ({ page }) => {
			await page.goto('/signup');
			await page.getByRole('link', { name: t.kakao }).click();
			await atKakao(page, uniqueKakaoEmail(), t.cancel);
			await expect(page).toHaveURL(/\/login\?error=cancelled/);
			await expect(page.getByRole('alert')).toContainText(t.cancelled);
			// Still signed out: the email form is there to try another way.
			await expect(page.getByRole('textbox', { name: t.email })).toBeVisible();
			await expect(page.getByRole('link', { name: t.kakao })).toBeVisible();
		});
	});
}
