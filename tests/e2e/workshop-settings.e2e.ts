// Account settings for a craftsman (issue 11): leave a cluster, and delete the workshop — refused while
// an order runs, asked to type its name, then gone from the cluster and search — in Korean and English.
import { expect, signInAs, test } from './world';

test('a craftsman leaves a cluster, then deletes the workshop after typing its name', async ({ page, world }) => {
	const craftsman = await world.craftsman();
	const workshop = await world.workshop({ cluster: 'seongsu-handmade-shoes', owner: craftsman });
	await signInAs(page, craftsman);
	await page.goto('/account');
	const card = page.getByRole('region', { name: '공방과 집적지' });
	await expect(card.getByRole('link', { name: '성수 수제화 집적지' })).toBeVisible();
	await card.getByText('탈퇴…').click();
	await expect(card.getByText('이 집적지로 들어오는 의뢰를 더는 받지 않습니다', { exact: false })).toBeVisible();
	await card.getByRole('button', { name: '탈퇴하기' }).click();
	await expect(card.getByRole('status')).toHaveText('정리했습니다.');
	await expect(card.getByText('가입했거나 신청 중인 집적지가 없습니다.')).toBeVisible();

	await card.getByText('공방 삭제…').click();
	await card.getByLabel(/공방 이름을 그대로 입력하세요/).fill('다른 이름');
	await card.getByRole('button', { name: '공방 삭제' }).click();
	await expect(card.getByText('공방 이름이 일치하지 않습니다.')).toBeVisible();
	await card.getByLabel(/공방 이름을 그대로 입력하세요/).fill(workshop.name);
	await card.getByRole('button', { name: '공방 삭제' }).click();
	await expect(page.getByRole('status').filter({ hasText: '공방을 삭제했습니다.' })).toBeVisible();

	await page.goto('/dashboard');
	await expect(page.getByRole('link', { name: '공방 프로필 만들기' })).toBeVisible();
	// Gone for everyone else.
	await page.context().clearCookies();
	expect((await page.goto(`/workshops/${workshop.slug}`))?.status()).toBe(404);
});

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test('deleting a workshop with a running order is refused with the reason', async ({ page, world }) => {
		const craftsman = await world.craftsman();
		const founder = await world.founder();
		const workshop = await world.workshop({ cluster: 'mullae-machine-metal', owner: craftsman });
		await world.order(founder, workshop);
		await signInAs(page, craftsman, 'en');
		await page.goto('/account');
		const card = page.getByRole('region', { name: 'Workshop and clusters' });
		await card.getByText('Delete the workshop…').click();
		await card.getByLabel(/type the workshop's name exactly/).fill(workshop.name);
		await card.getByRole('button', { name: 'Delete the workshop' }).click();
		await expect(card.getByRole('alert')).toContainText('An order is running, so the workshop cannot be deleted.');
		await page.goto(`/workshops/${workshop.slug}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	});
});
