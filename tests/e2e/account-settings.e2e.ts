// Account settings, as a craftsman uses them: a new name, a new password (other devices signed out),
// a download of their data, a new email (a note to the old address), the devices list, and finally
// deleting the account: their workshop leaves the public pages and the email is free again.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, signInAs, tag, test } from './world';

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('a craftsman renames, changes password and email, downloads their data and deletes the account', async ({
	page,
	browser,
	world,
	sql
}) => {
	const craftsman = await world.craftsman();
	const workshop = await world.workshop({ cluster: 'mullae-machine-metal', owner: craftsman });
	const someoneElse = await world.founder();
	// A thread between the startup and the craftsman's workshop, with a message from the craftsman.
	const [request] = await sql<{ id: string }[]>`
		insert into public.requests (owner_id, template, title, description, status, published_at, visibility)
		values (${someoneElse.id}, 'general', ${`브래킷 ${tag()}`}, '시험 의뢰입니다.', 'open', now(), 'invited') returning id`;
	await sql`insert into public.request_participants (request_id, workshop_id, source, invited_by)
		values (${request.id}, ${workshop.id}, 'invited', ${someoneElse.id})`;
	const [conversation] = await sql<{ id: string }[]>`
		insert into public.conversations (request_id, workshop_id) values (${request.id}, ${workshop.id}) returning id`;
	await sql`insert into public.messages (conversation_id, sender_id, body)
		values (${conversation.id}, ${craftsman.id}, '도면 확인했습니다. 다음 주에 견적 드리겠습니다.')`;
	const elsewhere = await browser.newContext();
	const other = await elsewhere.newPage();
	await signInAs(other, craftsman);
	await signInAs(page, craftsman);

	await page.getByRole('banner').getByRole('link', { name: '계정 설정' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '계정 설정' })).toBeVisible();
	const devices = region(page, '로그인된 기기');
	await expect(devices.getByRole('listitem')).toHaveCount(2);
	await expect(devices.getByText('이 기기')).toHaveCount(1);

	// Name.
	const name = region(page, '이름');
	const newName = `새이름 ${tag()}`;
	await name.getByLabel('이름 또는 상호').fill(newName);
	await name.getByRole('button', { name: '이름 저장' }).click();
	await expect(name.getByRole('status')).toHaveText('이름을 저장했습니다.');

	// Password: the current one is asked, a short one is refused, then the other device is signed out.
	const password = region(page, '비밀번호 바꾸기');
	await password.getByLabel('현재 비밀번호').fill('not-my-password');
	await password.getByLabel('새 비밀번호 (8자 이상)').fill('a-new-password-1');
	await password.getByRole('button', { name: '비밀번호 바꾸기' }).click();
	await expect(password.getByText('비밀번호가 맞지 않습니다.')).toBeVisible();
	await password.getByLabel('현재 비밀번호').fill(craftsman.password);
	await password.getByLabel('새 비밀번호 (8자 이상)').fill('short');
	await password.getByRole('button', { name: '비밀번호 바꾸기' }).click();
	await expect(password.getByText('비밀번호는 8자 이상이어야 합니다.')).toBeVisible();
	await password.getByLabel('현재 비밀번호').fill(craftsman.password);
	await password.getByLabel('새 비밀번호 (8자 이상)').fill('a-new-password-1');
	await password.getByRole('button', { name: '비밀번호 바꾸기' }).click();
	await expect(password.getByRole('status')).toContainText('비밀번호를 바꿨습니다.');
	await other.goto('/dashboard');
	await expect(other).toHaveURL(/\/login/);
	await expect(devices.getByRole('listitem')).toHaveCount(1);

	// The download holds the account and its workshop.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		region(page, '내 데이터 내려받기').getByRole('link', { name: 'JSON 파일 내려받기' }).click()
	]);
	const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
		account: { email: string; display_name: string };
		workshops: { slug: string }[];
	};
	expect(exported.account).toMatchObject({ email: craftsman.email, display_name: newName });
	expect(exported.workshops.map((w) => w.slug)).toEqual([workshop.slug]);

	// Email: someone else's address is refused and what was typed stays; then a free one works.
	const email = region(page, '이메일 바꾸기');
	await email.getByLabel('새 이메일').fill(someoneElse.email);
	await email.getByLabel('비밀번호 확인').fill('a-new-password-1');
	await email.getByRole('button', { name: '이메일 바꾸기' }).click();
	await expect(email.getByText('이미 가입된 이메일입니다.')).toBeVisible();
	await expect(email.getByLabel('새 이메일')).toHaveValue(someoneElse.email);
	const newEmail = `moved-${tag()}@e2e.test`;
	await email.getByLabel('새 이메일').fill(newEmail);
	await email.getByLabel('비밀번호 확인').fill('a-new-password-1');
	await email.getByRole('button', { name: '이메일 바꾸기' }).click();
	await expect(email.getByRole('status')).toContainText('이메일을 바꿨습니다.');
	await expect(email.getByText(`지금 이메일: ${newEmail}`)).toBeVisible();
	expect((await world.lastMailTo(craftsman.email))?.text).toContain(newEmail);

	// Sign out everywhere else.
	await signInAs(other, { ...craftsman, email: newEmail, password: 'a-new-password-1' });
	await page.reload();
	await expect(devices.getByRole('listitem')).toHaveCount(2);
	await devices.getByRole('button', { name: '다른 모든 기기에서 로그아웃' }).click();
	await expect(devices.getByRole('status')).toHaveText('다른 모든 기기에서 로그아웃했습니다.');
	await other.goto('/dashboard');
	await expect(other).toHaveURL(/\/login/);

	await page.screenshot({ path: test.info().outputPath('account-ko.png'), fullPage: true });

	// Deleting: behind a disclosure (opened by keyboard), the email typed out and the password.
	const danger = region(page, '회원 탈퇴');
	await danger.getByText('탈퇴 절차 열기').focus();
	await page.keyboard.press('Enter');
	await danger.getByLabel(/확인을 위해 계정 이메일을/).fill('wrong@e2e.test');
	await danger.getByLabel('비밀번호 확인').fill('a-new-password-1');
	await danger.getByRole('button', { name: '계정 영구 삭제' }).click();
	await expect(danger.getByText('입력한 이메일이 계정의 이메일과 다릅니다.')).toBeVisible();
	await danger.screenshot({ path: test.info().outputPath('account-delete-ko.png') });
	await danger.getByLabel(/확인을 위해 계정 이메일을/).fill(newEmail);
	await danger.getByLabel('비밀번호 확인').fill('a-new-password-1');
	await danger.getByRole('button', { name: '계정 영구 삭제' }).click();
	await expect(page).toHaveURL(/\/account\/deleted$/);
	await expect(page.getByRole('heading', { level: 1, name: '계정을 삭제했습니다' })).toBeVisible();

	// Signed out, the workshop gone from the public pages, the account no longer signs in.
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login/);
	expect((await page.goto(`/workshops/${workshop.slug}`))?.status()).toBe(404);
	await page.goto('/login');
	await page.getByLabel('이메일').fill(newEmail);
	await page.getByLabel('비밀번호').fill('a-new-password-1');
	await page.getByRole('button', { name: '로그인' }).click();
	await expect(page.getByRole('alert')).toContainText('이메일 또는 비밀번호가 맞지 않습니다.');

	// The startup still has the thread, the message shown as by a former member.
	await signInAs(page, someoneElse);
	await page.goto(`/requests/${request.id}/thread/${workshop.id}`);
	const message = page.getByRole('listitem').filter({ hasText: '도면 확인했습니다.' });
	await expect(message).toContainText('탈퇴한 회원');
	await elsewhere.close();
});

test.describe('in English on a phone', () => {
	test.use({ locale: 'en-US', viewport: { width: 390, height: 844 } });

	test('the page speaks English and refuses a wrong password with a message', async ({ page, world }) => {
		const startup = await world.startup();
		await signInAs(page, startup, 'en');
		await page.goto('/account');
		await expect(page.getByRole('heading', { level: 1, name: 'Account settings' })).toBeVisible();
		const email = region(page, 'Change email');
		await email.getByLabel('New email').fill(`new-${tag()}@e2e.test`);
		await email.getByLabel('Confirm with your password').fill('not-my-password');
		await email.getByRole('button', { name: 'Change email' }).click();
		await expect(email.getByText('The password is not right.')).toBeVisible();
		await page.screenshot({ path: test.info().outputPath('account-en-phone.png'), fullPage: true });
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the forms still answer beside themselves, keeping what was typed', async ({ page, world }) => {
		const craftsman = await world.craftsman();
		await signInAs(page, craftsman);
		await page.goto('/account');
		const email = region(page, '이메일 바꾸기');
		const typed = `kept-${tag()}@e2e.test`;
		await email.getByLabel('새 이메일').fill(typed);
		await email.getByLabel('비밀번호 확인').fill('not-my-password');
		await email.getByRole('button', { name: '이메일 바꾸기' }).click();
		await expect(region(page, '이메일 바꾸기').getByText('비밀번호가 맞지 않습니다.')).toBeVisible();
		await expect(region(page, '이메일 바꾸기').getByLabel('새 이메일')).toHaveValue(typed);
		// The deletion step stays open with its answer.
		const danger = region(page, '회원 탈퇴');
		await danger.getByText('탈퇴 절차 열기').click();
		await danger.getByLabel(/확인을 위해 계정 이메일을/).fill('wrong@e2e.test');
		await danger.getByLabel('비밀번호 확인').fill(craftsman.password);
		await danger.getByRole('button', { name: '계정 영구 삭제' }).click();
		await expect(region(page, '회원 탈퇴').getByText('입력한 이메일이 계정의 이메일과 다릅니다.')).toBeVisible();
		const name = region(page, '이름');
		await name.getByLabel('이름 또는 상호').fill('스크립트 없이 바꾼 이름');
		await name.getByRole('button', { name: '이름 저장' }).click();
		await expect(region(page, '이름').getByRole('status')).toHaveText('이름을 저장했습니다.');
	});
});
