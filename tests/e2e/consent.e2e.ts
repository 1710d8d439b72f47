// A new version of the terms asks again (issue 11): someone who agreed to an earlier version is sent to
// the consent page at the next page after signing in, cannot go around it, and goes on where they
// were headed once they agree; the new version is recorded. In Korean and in English.
import { LEGAL_VERSION } from '../../src/lib/legal/documents';
import { expect, test } from './world';

test('a craftsman who agreed to an earlier version agrees again before going on', async ({ page, world, sql }) => {
	const craftsman = await world.craftsman();
	await sql`update public.consents set version = '2026-01-01' where user_id = ${craftsman.id}`;
	await page.goto('/login?redirectTo=%2Fsearch%3Fq%3D%EC%A3%BC%EC%96%BC%EB%A6%AC');
	await page.getByLabel('이메일').fill(craftsman.email);
	await page.getByLabel('비밀번호').fill(craftsman.password);
	await page.getByRole('button', { name: '로그인' }).click();
	await expect(page).toHaveURL(/\/consent\?redirectTo=/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('바뀐 약관에 동의해 주세요');
	await expect(page.getByText('이전에 동의한 판', { exact: false })).toBeVisible();

	// No way around it but the terms themselves, signing out, or the account.
	await page.goto('/dashboard');
	await expect(page).toHaveURL(/\/consent\?redirectTo=%2Fdashboard/);
	expect((await page.goto('/terms'))?.status()).toBe(200);
	await page.goto('/consent?redirectTo=%2Fsearch%3Fq%3D%EC%A3%BC%EC%96%BC%EB%A6%AC');

	await page.getByLabel('이용약관에 동의합니다 (필수)').check();
	await page.getByRole('button', { name: '동의하고 계속' }).click();
	await expect(page.locator('#privacy-error')).toHaveText('동의해야 계속 쓸 수 있습니다.');
	await expect(page.getByLabel('이용약관에 동의합니다 (필수)')).toBeChecked();
	await page.getByLabel('개인정보 수집·이용에 동의합니다 (필수)').check();
	await page.getByRole('button', { name: '동의하고 계속' }).click();
	await expect(page).toHaveURL(/\/search\?q=/);
	expect(await world.consentsOf(craftsman.email)).toEqual(
		expect.arrayContaining([
			{ document: 'privacy', version: LEGAL_VERSION },
			{ document: 'terms', version: LEGAL_VERSION }
		])
	);
	await page.goto('/dashboard');
	await expect(page).toHaveURL(/\/dashboard$/);
});

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test('an account with no consent on record is asked, and may sign out instead', async ({ page, world, sql }) => {
		const startup = await world.startup();
		await sql`delete from public.consents where user_id = ${startup.id}`;
		await page.goto('/login');
		await page.getByLabel('Email').fill(startup.email);
		await page.getByLabel('Password').fill(startup.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/consent/);
		await expect(page.getByText('To go on using Sogong Link, please agree', { exact: false })).toBeVisible();
		await page.locator('#main').getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/$/);
		expect((await page.goto('/dashboard'))?.url()).toContain('/login');
		expect(await world.consentsOf(startup.email)).toEqual([]);
	});
});
