import { fillWorkshop, jpeg, signUp, uniqueEmail } from './helpers';
import { expect, signInAs, test } from './world';

test('a craftsman signs up, builds a profile with a photo, applies to Jongno jewelry and appears once approved', async ({
	browser,
	world
}) => {
	const craftsman = await (await browser.newContext()).newPage();
	const workshopName = `종로금빛공방 ${Date.now() % 100000}`;

	await signUp(craftsman, { email: uniqueEmail('craftsman'), name: '김장인', role: 'craftsman' });
	await craftsman.getByRole('link', { name: '공방 프로필 만들기' }).click();
	await fillWorkshop(craftsman, workshopName);
	await craftsman.getByLabel('사업자등록번호').fill('2208162517');
	await craftsman.getByLabel('포트폴리오 사진 추가').setInputFiles({ name: 'ring.jpg', mimeType: 'image/jpeg', buffer: await jpeg() });
	await craftsman.getByRole('button', { name: '저장' }).click();
	await expect(craftsman.getByRole('status')).toHaveText('저장했습니다.');
	await expect(craftsman.getByRole('img', { name: '포트폴리오 사진 1' })).toBeVisible();
	// The stored photo is re-encoded WebP, served through the access-checked endpoint.
	const src = await craftsman.getByRole('img', { name: '포트폴리오 사진 1' }).getAttribute('src');
	const photo = await craftsman.request.get(src!);
	expect(photo.headers()['content-type']).toBe('image/webp');

	await craftsman.goto('/dashboard');
	await craftsman.getByLabel('신청할 집적지').selectOption({ label: '종로 주얼리 집적지' });
	await craftsman.getByLabel('매니저에게 한마디(선택)').fill('종로3가에서 20년째 반지를 만듭니다.');
	await craftsman.getByRole('button', { name: '가입 신청' }).click();
	await expect(craftsman.getByText('가입 신청을 보냈습니다')).toBeVisible();
	await expect(craftsman.getByText('검토 중')).toBeVisible();

	// Not on the cluster page while pending.
	await craftsman.goto('/clusters/jongno-jewelry');
	await expect(craftsman.getByRole('link', { name: workshopName })).toHaveCount(0);

	const manager = await (await browser.newContext()).newPage();
	await signInAs(manager, await world.manager('jongno-jewelry'));
	await manager.getByRole('link', { name: '종로 주얼리' }).click();
	const application = manager.getByRole('listitem').filter({ hasText: workshopName });
	await expect(application).toContainText('종로3가에서 20년째 반지를 만듭니다.');
	await application.getByRole('button', { name: '승인' }).click();
	await expect(manager.getByRole('status')).toContainText('승인했습니다');

	await craftsman.goto('/clusters/jongno-jewelry');
	await craftsman.getByRole('link', { name: workshopName }).click();
	await expect(craftsman.getByRole('heading', { level: 1, name: workshopName })).toBeVisible();
	await expect(craftsman.getByRole('link', { name: '종로 주얼리' })).toBeVisible();
	await craftsman.goto('/dashboard');
	await expect(craftsman.getByText('승인됨')).toBeVisible();
});

test('a manager rejects an application with a reason the craftsman can read', async ({ browser, world }) => {
	const craftsman = await (await browser.newContext()).newPage();
	const workshopName = `성수가죽공방 ${Date.now() % 100000}`;
	await signUp(craftsman, { email: uniqueEmail('shoes'), name: '박제화', role: 'craftsman' });
	await craftsman.goto('/dashboard/workshop');
	await fillWorkshop(craftsman, workshopName);
	await craftsman.getByRole('button', { name: '저장' }).click();
	await expect(craftsman.getByRole('status')).toHaveText('저장했습니다.');
	await craftsman.goto('/dashboard');
	await craftsman.getByLabel('신청할 집적지').selectOption({ label: '성수 수제화 집적지' });
	await craftsman.getByRole('button', { name: '가입 신청' }).click();
	await expect(craftsman.getByText('검토 중')).toBeVisible();

	const manager = await (await browser.newContext()).newPage();
	await signInAs(manager, await world.manager('seongsu-handmade-shoes'));
	await manager.goto('/manage/seongsu-handmade-shoes');
	const application = manager.getByRole('listitem').filter({ hasText: workshopName });
	await application.getByRole('button', { name: '거절…' }).click();
	// An empty reason is refused with a message.
	await application.getByRole('button', { name: '거절 확정' }).click();
	await expect(application.getByRole('alert')).toContainText('거절 사유를 적어 주세요');
	await application.getByLabel('거절 사유').fill('수제화 공정이 확인되지 않습니다. 작업 사진을 추가해 주세요.');
	await application.getByRole('button', { name: '거절 확정' }).click();
	await expect(manager.getByRole('status')).toContainText('거절했습니다');

	await craftsman.reload();
	await expect(craftsman.getByText('거절됨')).toBeVisible();
	await expect(craftsman.getByText('수제화 공정이 확인되지 않습니다')).toBeVisible();
});
