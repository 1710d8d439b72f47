// From a new profile to a quote: a new craftsman builds a profile and joins a cluster, is told the profile
// shows in search once approved, and is told when that happens; a startup finds the workshop on page one
// by its processes, opens it and requests a quote from it (a private request with it invited). In English:
// a question asked before any request and answered, and a search with no results that offers to post the
// query as a request.
import { fillWorkshop } from './helpers';
import { expect, signInAs, tag, test } from './world';

test('a new craftsman is approved, shows in search, and a startup requests a quote from the profile', async ({ browser, world }) => {
	const t = tag();
	const workshopName = `새빛공방 ${t}`;
	const craftsman = await world.craftsman();
	const page = await (await browser.newContext()).newPage();
	await signInAs(page, craftsman);
	await page.goto('/dashboard/workshop');
	await fillWorkshop(page, workshopName);
	await page.getByLabel('업종').selectOption('3311');
	await page.getByLabel('공정').fill('왁스 카빙\n로듐 도금\n핸드 인그레이빙');
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page.getByRole('status')).toHaveText('저장했습니다.');

	await page.goto('/dashboard');
	await expect(page.getByTestId('searchable')).toHaveText('집적지에 가입을 신청하고 승인되면 공방이 검색에 나타납니다.');
	await page.getByLabel('신청할 집적지').selectOption({ label: '종로 주얼리 집적지' });
	await page.getByRole('button', { name: '가입 신청' }).click();
	await expect(page.getByTestId('searchable')).toContainText('매니저가 가입을 승인하면 공방이 검색에 나타납니다');

	const manager = await (await browser.newContext()).newPage();
	await signInAs(manager, await world.manager('jongno-jewelry'));
	await manager.goto('/manage/jongno-jewelry');
	await manager.getByRole('listitem').filter({ hasText: workshopName }).getByRole('button', { name: '승인' }).click();
	await expect(manager.getByRole('status')).toContainText('승인했습니다');
	await manager.context().close();

	await page.goto('/notifications');
	await expect(page.getByRole('link', { name: /종로 주얼리.*가입 신청이 승인되었습니다\. 이제 공방이 검색에 나타납니다\./ })).toBeVisible();
	await page.goto('/dashboard');
	await expect(page.getByTestId('searchable')).toContainText('공방이 검색에 나타납니다.');

	const startup = await (await browser.newContext()).newPage();
	const founder = await world.founder();
	await signInAs(startup, founder);
	// Search follows the outbox: the approval reaches the index within moments.
	await expect(async () => {
		await startup.goto(`/search?q=${encodeURIComponent('왁스 카빙 로듐 도금 인그레이빙')}`);
		await expect(startup.getByRole('link', { name: workshopName })).toBeVisible({ timeout: 2000 });
	}).toPass({ timeout: 30_000 });
	await startup.getByRole('link', { name: workshopName }).click();
	await expect(startup.getByRole('heading', { level: 1, name: workshopName })).toBeVisible();
	await startup.getByRole('link', { name: '견적 요청' }).click();

	// The workshop's trade template, for invited workshops only, and saying who is invited.
	await expect(startup.getByTestId('quote-target')).toContainText(`${workshopName}에 보내는 비공개 의뢰입니다`);
	await expect(startup.getByRole('group', { name: /제작 사양 · 주얼리·귀금속/ })).toBeVisible();
	await expect(startup.getByRole('radio', { name: /초대한 공방만/ })).toBeChecked();
	const title = `커플링 30쌍 ${t}`;
	await startup.getByLabel('제목').fill(title);
	await startup.getByLabel('소재 금속').selectOption({ label: '은' });
	await startup.getByLabel('수량(개)').fill('60');
	await startup.getByRole('button', { name: '게시하기' }).click();
	await expect(startup.getByText('게시했습니다')).toBeVisible();
	await expect(startup.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(startup.getByRole('region', { name: '참여 공방' }).getByRole('listitem').filter({ hasText: workshopName })).toContainText(
		'초대'
	);

	// The craftsman is invited and sees the request among the open requests of the menu.
	await page.goto('/dashboard');
	await page.getByRole('navigation', { name: '주 메뉴' }).first().getByRole('link', { name: '받을 수 있는 의뢰' }).click();
	await expect(page.getByRole('link', { name: title })).toBeVisible();
});

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test('a startup asks a workshop a question before any request, and the craftsman answers', async ({ browser, world }) => {
		const craftsman = await world.craftsman();
		const workshop = await world.workshop({ cluster: 'mullae-machine-metal', owner: craftsman, processes: ['CNC 선반'] });
		const founder = await world.founder();
		const startup = await (await browser.newContext({ locale: 'en-US' })).newPage();
		await signInAs(startup, founder, 'en');
		await startup.goto(`/workshops/${workshop.slug}`);
		await startup.getByRole('link', { name: 'Ask a question' }).click();
		// An empty question is refused next to the field.
		await startup.getByRole('button', { name: 'Send' }).click();
		await expect(startup.locator('#body-error')).toBeVisible();
		const question = `Can you turn 200 titanium pins, 4 mm? ${tag()}`;
		await startup.getByLabel('Your question').fill(question);
		await startup.getByRole('button', { name: 'Send' }).click();
		await expect(startup.getByRole('status')).toContainText(`Your question went to ${workshop.nameEn}`);
		await expect(startup.getByText(question)).toBeVisible();

		const shop = await (await browser.newContext({ locale: 'en-US' })).newPage();
		await signInAs(shop, craftsman, 'en');
		await shop.goto('/notifications');
		await shop
			.getByRole('link', { name: /New message in your questions with/ })
			.first()
			.click();
		await expect(shop).toHaveURL(/\/inquiries\/[0-9a-f-]{36}/);
		await expect(shop.getByText(question)).toBeVisible();
		await shop.getByLabel('Reply').fill('Yes: titanium grade 5, two weeks.');
		await shop.getByRole('button', { name: 'Send' }).click();
		await expect(shop.getByText('Yes: titanium grade 5, two weeks.')).toBeVisible();

		await startup.goto('/inquiries');
		await expect(startup.getByRole('listitem').filter({ hasText: workshop.nameEn })).toContainText('1 new');
		await startup.getByRole('link', { name: workshop.nameEn }).click();
		await expect(startup.getByText('Yes: titanium grade 5, two weeks.')).toBeVisible();
		// Asking again from the profile goes to the same conversation.
		await startup.goto(`/workshops/${workshop.slug}/ask`);
		await expect(startup).toHaveURL(/\/inquiries\/[0-9a-f-]{36}$/);
	});

	test('a search with no results offers to post the query as a request', async ({ page, world }) => {
		await signInAs(page, await world.founder(), 'en');
		const q = `zqxv widget ${tag()}`;
		await page.goto(`/search?q=${encodeURIComponent(q)}`);
		await page.getByRole('link', { name: `Post a request for “${q}”` }).click();
		await page.getByRole('button', { name: /Continue|Use this template/ }).click();
		await expect(page.getByLabel('Title')).toHaveValue(q);
	});
});
