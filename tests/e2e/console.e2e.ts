import { expect, signInAs, tag, test } from './world';

test('the operator lands on the console, registers a cluster and appoints its manager', async ({ page, world }) => {
	const operator = await world.operator();
	const future = await world.startup(`센터 직원 ${tag()}`);
	await signInAs(page, operator);
	await expect(page).toHaveURL(/\/admin$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('운영 콘솔');
	await page.getByRole('link', { name: /집적지 관리/ }).click();

	const slug = `e2e-cl-${tag()}`;
	await page.getByLabel('집적지 이름 (한국어)').fill('을지로 인쇄');
	await page.getByLabel('집적지 이름 (영어)').fill('Euljiro printing');
	await page.getByLabel('주소용 이름').fill('Not A Slug');
	await page.getByLabel('지정 업종').selectOption({ index: 1 });
	await page.getByLabel('시·도 (한국어)').fill('서울');
	await page.getByLabel('시·도 (영어)').fill('Seoul');
	await page.getByLabel('구·군 (한국어)').fill('중구');
	await page.getByLabel('구·군 (영어)').fill('Jung-gu');
	await page.getByLabel('지정 동·가').fill('을지로3가, 을지로4가');
	await page.getByLabel('중심 위도').fill('37.566');
	await page.getByLabel('중심 경도').fill('126.991');
	await page.getByRole('button', { name: '집적지 등록' }).click();
	await expect(page.locator('#slug-error')).toHaveText('영문 소문자, 숫자, 하이픈만 쓸 수 있습니다.');
	await expect(page.getByLabel('집적지 이름 (한국어)')).toHaveValue('을지로 인쇄');
	await page.getByLabel('주소용 이름').fill(slug);
	await page.getByRole('button', { name: '집적지 등록' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/clusters/${slug}`));
	await expect(page.getByRole('status')).toContainText('집적지를 등록했습니다');

	await page.getByLabel('매니저로 지정할 이메일').fill('nobody-here@e2e.test');
	await page.getByRole('button', { name: '매니저 지정' }).click();
	await expect(page.locator('#email-error')).toContainText('계정이 없습니다');
	await page.getByLabel('매니저로 지정할 이메일').fill(future.email);
	await page.getByRole('button', { name: '매니저 지정' }).click();
	await expect(page.getByText('매니저로 지정했습니다.')).toBeVisible();
	await expect(page.getByText(future.email)).toBeVisible();

	await page.goto('/admin/audit');
	await expect(page.getByText('매니저 지정').first()).toBeVisible();
	await expect(page.getByText('집적지 등록').first()).toBeVisible();
});

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test('a manager hears of a new application and approves it; the craftsman is told (English)', async ({ page, world, sql }) => {
		const manager = await world.manager('cheongju-printing');
		const craftsman = await world.craftsman();
		const workshop = await world.workshop({ cluster: 'mullae-machine-metal', owner: craftsman });
		await sql`insert into public.cluster_memberships (cluster_id, workshop_id, message)
			select id, ${workshop.id}, '청주에서도 일하고 싶습니다.' from public.clusters where slug = 'cheongju-printing'`;

		await signInAs(page, manager, 'en');
		await page.goto('/notifications');
		const note = page.getByRole('link', { name: new RegExp(`${workshop.name} applied to join`) });
		await expect(note).toBeVisible();
		await note.click();
		await expect(page).toHaveURL(/\/manage\/cheongju-printing/);
		const app = page.getByRole('listitem').filter({ hasText: workshop.nameEn });
		await app.getByRole('button', { name: 'Approve' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		await page.getByRole('link', { name: 'Audit trail' }).click();
		await expect(page.getByText('Application approved').first()).toBeVisible();

		await page.context().clearCookies();
		await signInAs(page, craftsman, 'en');
		await page.goto('/notifications');
		await expect(page.getByRole('link', { name: /application to .* was approved/ })).toBeVisible();
	});
});

test('a suspended user is refused at sign-in', async ({ page, world }) => {
	const operator = await world.operator();
	const craftsman = await world.craftsman();
	await signInAs(page, operator);
	await page.goto(`/admin/users?q=${encodeURIComponent(craftsman.email)}`);
	const card = page.getByRole('listitem').filter({ hasText: craftsman.email });
	await card.getByRole('button', { name: '계정 정지' }).click();
	await card.getByRole('button', { name: '정지하기' }).click();
	await expect(card.getByRole('alert')).toHaveText('정지 사유를 적어 주세요.');
	await card.getByLabel('정지 사유').fill('허위 업체 정보를 반복해서 올림');
	await card.getByRole('button', { name: '정지하기' }).click();
	await expect(page.getByText('계정을 정지했습니다.')).toBeVisible();

	await page.context().clearCookies();
	await page.goto('/login');
	await page.getByLabel('이메일').fill(craftsman.email);
	await page.getByLabel('비밀번호').fill(craftsman.password);
	await page.getByRole('button', { name: '로그인' }).click();
	await expect(page.getByText('운영자가 이 계정을 정지했습니다.', { exact: false })).toBeVisible();
	await expect(page).toHaveURL(/\/login/);
});

test('the member table stays usable on a 390-px phone', async ({ page, world }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	const manager = await world.manager('jongno-jewelry');
	const offline = await world.workshop({ cluster: 'jongno-jewelry', owner: null });
	await signInAs(page, manager);
	await page.goto('/manage/jongno-jewelry');
	const row = page.getByRole('row').filter({ hasText: offline.name });
	const verify = row.getByRole('button', { name: '인증하기' });
	await verify.scrollIntoViewIfNeeded();
	await verify.click();
	await expect(row.getByRole('button', { name: '인증 해제' })).toBeVisible();
});
