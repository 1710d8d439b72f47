import { expect, test } from './world';
import { DEMO_PASSWORD, signUp, uniqueEmail } from './helpers';

test('a startup signs up, creates its company profile, signs out and back in', async ({ page }) => {
	const email = uniqueEmail('startup');
	await signUp(page, { email, name: '메이커스랩', role: 'startup' });
	await page.getByRole('link', { name: '기업 프로필 만들기' }).click();
	await page.getByLabel('기업명 (한국어)').fill('메이커스랩');
	await page.getByLabel('만드는 것 (한국어)').fill('금속 하우징이 들어가는 웨어러블 기기');
	await page.getByLabel('소속 창업·IT 집적지').selectOption({ label: '성수 소셜벤처밸리' });
	await page.getByLabel('웹사이트').fill('not a url');
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page.locator('#website-error')).toContainText('https://');
	await expect(page.getByLabel('만드는 것 (한국어)')).toHaveValue('금속 하우징이 들어가는 웨어러블 기기');
	await page.getByLabel('웹사이트').fill('https://makerslab.example');
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page.getByRole('status')).toHaveText('저장했습니다.');
	await page.getByRole('link', { name: '공개 페이지 보기' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '메이커스랩' })).toBeVisible();

	await page.getByRole('button', { name: '로그아웃' }).click();
	await expect(page.getByRole('link', { name: '로그인' })).toBeVisible();
	await page.goto('/dashboard');
	await expect(page).toHaveURL(/\/login/);

	await page.getByLabel('이메일').fill(email);
	await page.getByLabel('비밀번호').fill('wrong-password');
	await page.getByRole('button', { name: '로그인' }).click();
	await expect(page.getByRole('alert')).toHaveText('이메일 또는 비밀번호가 맞지 않습니다.');
	await expect(page.getByLabel('이메일')).toHaveValue(email);
	await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '로그인' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
});

test('signing up twice with one email says so', async ({ page }) => {
	const email = uniqueEmail('twice');
	await signUp(page, { email, name: '한번', role: 'craftsman' });
	await page.getByRole('button', { name: '로그아웃' }).click();
	await page.goto('/signup');
	await page.getByLabel('이름 또는 상호').fill('두번');
	await page.getByLabel('이메일').fill(email);
	await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
	await page.getByRole('checkbox', { name: /이용약관에 동의합니다/ }).check();
	await page.getByRole('checkbox', { name: /개인정보 수집·이용에 동의합니다/ }).check();
	await page.getByRole('button', { name: '가입하기' }).click();
	await expect(page.locator('#email-error')).toHaveText('이미 가입된 이메일입니다. 로그인해 주세요.');
	await expect(page.getByLabel('이름 또는 상호')).toHaveValue('두번');
});

test('the whole site switches to English and back', async ({ page, world }) => {
	const manager = await world.manager('mullae-machine-metal');
	await page.goto('/clusters');
	await page.getByRole('button', { name: '언어' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'Clusters' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Jongno Jewelry/i }).first()).toBeVisible();

	await page.getByRole('link', { name: 'Sign in' }).click();
	await page.getByLabel('Email').fill(manager.email);
	await page.getByLabel('Password').fill(manager.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: 'Clusters you manage' })).toBeVisible();
	await page.getByRole('link', { name: /Mullae/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Member curation');
	await expect(page.getByRole('heading', { name: /Pending applications/ })).toBeVisible();

	await page.getByRole('button', { name: 'Language' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('회원 관리');
});

test('signing up asks for consent to the terms and the privacy policy, and records it with its version', async ({ page, world }) => {
	const email = uniqueEmail('consent');
	await page.goto('/signup');
	await page.getByRole('radio', { name: /스타트업/ }).check();
	await page.getByLabel('이름 또는 상호').fill('동의 시험');
	await page.getByLabel('이메일').fill(email);
	await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '가입하기' }).click();
	await expect(page.locator('#terms-error')).toHaveText('동의해야 가입할 수 있습니다.');
	await expect(page.locator('#privacy-error')).toHaveText('동의해야 가입할 수 있습니다.');
	await expect(page.getByLabel('이름 또는 상호')).toHaveValue('동의 시험');
	await expect(page.getByLabel('이메일')).toHaveValue(email);

	// The documents open in their own tab, so nothing typed is lost.
	await expect(page.getByRole('link', { name: '읽기' }).first()).toHaveAttribute('target', '_blank');
	await page.getByRole('checkbox', { name: /이용약관에 동의합니다/ }).check();
	await page.getByRole('checkbox', { name: /개인정보 수집·이용에 동의합니다/ }).check();
	await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '가입하기' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	expect(await world.consentsOf(email)).toEqual([
		{ document: 'privacy', version: '2026-12-06' },
		{ document: 'terms', version: '2026-12-06' }
	]);

	await page.goto('/terms');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('이용약관');
	await page.goto('/privacy');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('개인정보 처리방침');
});

test('a new account confirms its email from the mailed link, pressing a button (a link opened by a scanner spends nothing)', async ({
	page,
	browser,
	world
}) => {
	const email = uniqueEmail('confirm');
	await signUp(page, { email, name: '확인장인', role: 'craftsman' });
	await expect(page.getByText('이메일 주소를 확인해 주세요. 확인 전에는 의뢰 게시와 견적 보내기를 할 수 없습니다.')).toBeVisible();
	const mail = await world.lastMailTo(email);
	expect(mail?.subject).toBe('[소공링크] 이메일 주소를 확인해 주세요');
	const link = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(mail!.text)![0];

	// Opened on another device, signed out: the page asks for the press, and a wrong token is refused.
	const phone = await (await browser.newContext({ locale: 'ko-KR' })).newPage();
	await phone.goto(new URL(link).pathname + '?token=not-the-right-token-at-all');
	await phone.getByRole('button', { name: '이메일 주소 확인' }).click();
	await expect(phone.getByText(/링크가 맞지 않거나 만료되었습니다/)).toBeVisible();
	await phone.goto(new URL(link).pathname + new URL(link).search);
	await phone.getByRole('button', { name: '이메일 주소 확인' }).click();
	await expect(phone.getByText('이메일 주소를 확인했습니다. 이제 의뢰를 올리고 견적을 보낼 수 있습니다.')).toBeVisible();

	// Back on the first device the banner is gone, and the page says the address is confirmed.
	await page.goto('/dashboard');
	await expect(page.getByText('이메일 주소를 확인해 주세요.', { exact: false })).toHaveCount(0);
	await page.goto('/verify-email');
	await expect(page.getByText(`${email} 주소는 확인되었습니다.`)).toBeVisible();
});
