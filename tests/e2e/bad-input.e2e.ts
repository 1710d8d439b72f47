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

	test('an oversized photo is refused when chosen, before anything is sent', async ({ page }) => {
		await fillWorkshop(page, '큰사진공방');
		const big = Buffer.concat([await jpeg(64, 64), Buffer.alloc(9 * 1024 * 1024, 1)]);
		const photos = page.getByLabel('포트폴리오 사진 추가');
		await photos.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: big });
		// The check loads with the first file chosen.
		await expect
			.poll(() => photos.evaluate((i: HTMLInputElement) => i.validationMessage))
			.toBe('파일이 너무 큽니다 (최대 8.0 MB): huge.jpg. 크기를 줄여 다시 선택해 주세요. 입력하신 다른 내용은 그대로 있습니다.');
		const posts: string[] = [];
		page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
		await page.getByRole('button', { name: '저장' }).click();
		await expect(page.getByLabel('공방 이름 (한국어)')).toHaveValue('큰사진공방');
		expect(posts).toEqual([]);
		// A photo that fits makes the form good again.
		await photos.setInputFiles({ name: 'ring.jpg', mimeType: 'image/jpeg', buffer: await jpeg() });
		await expect.poll(() => photos.evaluate((i: HTMLInputElement) => i.validity.valid)).toBe(true);
	});

	test('an oversized photo, without JavaScript: the server refuses it and keeps the rest', async ({ browser, world }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signInAs(page, await world.craftsman('이실수'));
		await page.goto('/dashboard/workshop');
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
		await context.close();
	});

	test('a post over the server’s body limit (a browser without JavaScript) is told to go back, where its input is', async ({ page }) => {
		const answer = await page.request.post('/dashboard/workshop?/save', {
			headers: { accept: 'text/html', origin: new URL(page.url()).origin },
			multipart: { name_ko: '너무큰공방', photos: { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(81 * 1024 * 1024, 1) } }
		});

		// Followed to the page that says what happened.
		expect(answer.status()).toBe(200);
		expect(answer.url()).toMatch(/\/too-large$/);
		const html = await answer.text();
		expect(html).toContain('보낸 파일이 너무 큽니다');
		expect(html).toContain('뒤로 가기로 돌아가면 입력하신 내용이 남아 있습니다');
		// Other clients are told 413.
		const api = await page.request.post('/dashboard/workshop?/save', {
			headers: { accept: 'application/json', origin: new URL(page.url()).origin },
			multipart: { photos: { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(81 * 1024 * 1024, 1) } }
		});
		expect(api.status()).toBe(413);
	});

	test('an account past its uploads for the hour is told when to come back, and a script gets 429', async ({ page, world, sql }) => {
		const craftsman = await world.craftsman('업로드많이');
		await page.context().clearCookies();
		await signInAs(page, craftsman);
		await page.goto('/dashboard/workshop');
		await fillWorkshop(page, '많이올린공방');
		// The hour's 300 posts with files already made (counted in the database, as every instance counts).
		await sql`insert into private.throttle (key, hits, window_ends) values (${`upload:account:${craftsman.id}`}, 300, now() + interval '20 minutes')`;
		const photo = Buffer.concat([await jpeg(), Buffer.alloc(64 * 1024, 7)]);
		await page.getByLabel('포트폴리오 사진 추가').setInputFiles({ name: 'ring.jpg', mimeType: 'image/jpeg', buffer: photo });
		await page.getByRole('button', { name: '저장' }).click();
		await expect(page).toHaveURL(/\/too-many\?minutes=20$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('파일을 너무 자주 올렸습니다');
		await expect(page.getByText('20분 뒤에 다시 올려 주세요')).toBeVisible();
		const api = await page.request.post('/dashboard/workshop?/save', {
			headers: { accept: 'application/json', origin: new URL(page.url()).origin },
			multipart: { photos: { name: 'ring.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(64 * 1024, 1) } }
		});
		expect(api.status()).toBe(429);
		expect(Number(api.headers()['retry-after'])).toBeGreaterThan(0);
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
