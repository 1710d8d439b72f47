// Headers a browser acts on: no page can be framed by another site (the managers' curation page was),
// scripts only from the app itself, and uploaded files never run as pages.
import { expect, signInAs, test } from './world';

test('a signed-in manager’s page refuses to be framed by another site', async ({ page, world, baseURL }) => {
	const manager = await world.manager('cheongju-printing');
	await signInAs(page, manager);
	const response = await page.goto('/manage/cheongju-printing');
	const headers = response!.headers();
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	// Scripts: our own (inline ones by hash) and PortOne's SDK, nothing else; no 'unsafe-inline'.
	expect(headers['content-security-policy']).toMatch(/script-src 'self' https:\/\/cdn\.portone\.io( 'sha256-[^']+')+;/);
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['x-content-type-options']).toBe('nosniff');

	// A page on another port of the same host (same site, so the manager's cookies go along) frames it.
	const attacker = await page.context().newPage();
	await attacker.route('http://localhost:9/**', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><iframe src="${baseURL}/manage/cheongju-printing" width="800" height="600"></iframe>`
		})
	);
	await attacker.goto('http://localhost:9/prize');
	await attacker.waitForLoadState('load');
	const framed = attacker.frames().find((f) => f !== attacker.mainFrame());
	expect(framed).toBeDefined();
	// Chromium swaps the refused page for its own error page.
	expect(framed!.url()).not.toContain('/manage/');
	expect(await framed!.getByText('회원 관리').count()).toBe(0);
	await attacker.close();
});

test('pages keep working under the policy: no script or style is refused', async ({ page }) => {
	const refused: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
	});
	await page.goto('/');
	await page.getByRole('searchbox', { name: '공방 검색' }).fill('주얼리');
	await page.getByRole('search').getByRole('button', { name: '검색' }).click();
	await expect(page.getByRole('list', { name: '검색 결과' })).toBeVisible();
	await page.getByRole('link', { name: '지도' }).click();
	await expect(page.getByRole('region', { name: '검색 결과 지도' })).toBeVisible();
	await page.goto('/clusters/jongno-jewelry');
	expect(refused).toEqual([]);
});

test('the language switch only ever goes back to a page of this site', async ({ request, baseURL }) => {
	for (const [redirectTo, expected] of [
		['/clusters?page=1', '/clusters?page=1'],
		['/\\evil.example/x', '/'],
		['//evil.example', '/'],
		['/x\r\nSet-Cookie: taken=1', '/']
	]) {
		const response = await request.post('/locale', {
			form: { locale: 'en', redirectTo },
			headers: { origin: baseURL! },
			maxRedirects: 0
		});
		expect(response.status(), redirectTo).toBe(303);
		expect(response.headers()['location'], redirectTo).toBe(expected);
	}
});

test('signing out ends the session: a copy of its cookie no longer opens the dashboard', async ({ page, browser, world }) => {
	const startup = await world.founder();
	await signInAs(page, startup);
	const copied = (await page.context().cookies()).filter((c) => c.name === 'sl_session');
	expect(copied).toHaveLength(1);
	await page.getByRole('button', { name: '로그아웃' }).click();
	await expect(page.getByRole('link', { name: '로그인' })).toBeVisible();

	const thief = await browser.newContext();
	await thief.addCookies(copied);
	const stolen = await thief.newPage();
	await stolen.goto('/dashboard');
	await expect(stolen).toHaveURL(/\/login/);
	await thief.close();
});

test('guessing a password stops after five tries, even when the sixth is right, and says when to retry', async ({ page, world }) => {
	const victim = await world.founder();
	await page.goto('/login');
	for (let i = 0; i < 5; i++) {
		await page.getByLabel('이메일').fill(victim.email);
		await page.getByLabel('비밀번호').fill(`wrong-${i}-password`);
		const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login'));
		await page.getByRole('button', { name: '로그인' }).click();
		await answered;
		await expect(page.getByRole('alert')).toContainText('이메일 또는 비밀번호');
		await expect(page.getByLabel('비밀번호')).toHaveValue('');
	}
	await page.getByLabel('비밀번호').fill(victim.password);
	await page.getByRole('button', { name: '로그인' }).click();
	await expect(page.getByRole('alert')).toContainText('요청이 너무 많습니다');
	await expect(page.getByRole('alert')).toContainText(/\d+분 뒤에 다시 시도할 수 있습니다/);
	await expect(page.getByLabel('이메일')).toHaveValue(victim.email);
	await expect(page).toHaveURL(/\/login/);
});

test('a NUL character in a form (no keyboard types one; PostgreSQL text cannot hold one) is dropped, not a server error', async ({
	page,
	world,
	sql
}) => {
	const craftsman = await world.craftsman('널문자');
	await signInAs(page, craftsman);
	await page.goto('/account');
	const origin = new URL(page.url()).origin;
	const answer = await page.request.post('/account?/name', {
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'display_name=%EB%84%90%00%EB%AC%B8%EC%9E%90%00%20%EA%B3%B5%EB%B0%A9',
		maxRedirects: 0
	});
	expect(answer.status()).toBeLessThan(500);
	const [profile] = await sql<{ display_name: string }[]>`select display_name from public.profiles where id = ${craftsman.id}`;
	expect(profile.display_name).toBe('널문자 공방');
});
