// A forgotten password: asked for from the login page, the link arrives by mail, the new password is
// set once, every old session ends, and the same answer is given for an email without an account.
import { expect, signInAs, test } from './world';

test('a forgotten password is reset through the mailed link, and old sessions end', async ({ page, browser, world }) => {
	const founder = await world.founder();
	// Signed in elsewhere before forgetting: that session must not survive the reset.
	const elsewhere = await browser.newContext();
	await signInAs(await elsewhere.newPage(), founder);

	await page.goto('/login');
	await page.getByRole('link', { name: '비밀번호를 잊으셨나요?' }).click();
	// The login page has an email field too: type only once the reset page is there.
	await expect(page.getByRole('heading', { level: 1, name: '비밀번호 재설정' })).toBeVisible();
	await page.getByLabel('이메일').fill(founder.email.toUpperCase());
	await page.getByRole('button', { name: '재설정 링크 받기' }).click();
	await expect(page.getByText('가입된 이메일이라면 재설정 링크를 보냈습니다. 메일함을 확인해 주세요.')).toBeVisible();

	// An unknown email gets the very same answer, and no mail.
	await page.goto('/forgot-password');
	await page.getByLabel('이메일').fill('nobody-here@e2e.test');
	await page.getByRole('button', { name: '재설정 링크 받기' }).click();
	await expect(page.getByText('가입된 이메일이라면 재설정 링크를 보냈습니다. 메일함을 확인해 주세요.')).toBeVisible();
	expect(await world.lastMailTo('nobody-here@e2e.test')).toBeUndefined();

	const mail = await world.lastMailTo(founder.email);
	expect(mail?.subject).toBe('[소공링크] 비밀번호 재설정 링크');
	const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail!.text)![0];
	await page.goto(link);
	await page.getByLabel('새 비밀번호 (8자 이상)').fill('short');
	await page.getByRole('button', { name: '비밀번호 바꾸기' }).click();
	await expect(page.locator('#password-error, [id$="password-error"]').first()).toBeVisible();
	await page.getByLabel('새 비밀번호 (8자 이상)').fill('a-brand-new-password');
	await page.getByRole('button', { name: '비밀번호 바꾸기' }).click();
	await expect(page.getByRole('status')).toContainText('비밀번호를 바꿨습니다.');

	// The other session is over; the link works once; the new password signs in.
	const old = await elsewhere.newPage();
	await old.goto('/dashboard');
	await expect(old).toHaveURL(/\/login/);
	await page.goto(link);
	await page.getByLabel('새 비밀번호 (8자 이상)').fill('yet-another-password');
	await page.getByRole('button', { name: '비밀번호 바꾸기' }).click();
	await expect(page.getByRole('alert')).toContainText('링크가 만료되었거나 이미 쓰였습니다.');
	await signInAs(page, { ...founder, password: 'a-brand-new-password' });
	await elsewhere.close();
});
