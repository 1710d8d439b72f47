// Reading a thread is something the reader does: hovering a link to it (which preloads the page's
// data) leaves the message unread; opening the thread marks it read and the bell counts one less.
import { postRequest } from './helpers';
import { expect, signInAs, test } from './world';

test('hovering a thread link does not mark it read; opening it does', async ({ browser, world }) => {
	test.setTimeout(120_000);
	const owner = await world.founder('g-valley');
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster: 'mullae-machine-metal', owner: craftsman, processes: ['CNC 밀링', '선반'] });
	const startupContext = await browser.newContext({ locale: 'ko-KR' });
	const workshopContext = await browser.newContext({ locale: 'ko-KR' });
	const startup = await startupContext.newPage();
	const workshop = await workshopContext.newPage();
	const title = `읽음 표시 시험 ${Date.now().toString(36)}`;

	await signInAs(startup, owner);
	const id = await postRequest(startup, title);

	// The workshop takes part and writes to the startup.
	await signInAs(workshop, craftsman);
	await workshop.goto(`/requests/${id}`);
	await workshop.getByRole('button', { name: '동의합니다' }).click();
	await workshop.getByRole('link', { name: '대화', exact: true }).click();
	await workshop.getByLabel('메시지').fill('도면 확인했습니다. 질문이 있습니다.');
	await workshop.getByRole('button', { name: '보내기' }).click();
	await expect(workshop.getByRole('list', { name: '대화 내용' }).getByText('도면 확인했습니다.')).toBeVisible();

	// The startup's bell counts the message.
	await startup.goto(`/requests/${id}`);
	const bell = startup.getByRole('link', { name: /^알림/ });
	const count = async () => Number(/읽지 않은 알림 (\d+)개/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
	await expect.poll(count).toBeGreaterThan(0);
	const before = await count();

	// Hovering the thread link preloads its data; the message stays unread.
	const link = startup.getByRole('region', { name: '참여 공방' }).getByRole('link', { name: '대화', exact: true });
	const preloaded = startup.waitForResponse((r) => r.url().includes(`/thread/`) && r.url().includes('__data.json'));
	await link.hover();
	expect((await preloaded).ok()).toBe(true);
	await startup.reload();
	expect(await count()).toBe(before);

	// Opening it is reading it.
	await link.click();
	await expect(startup.getByRole('heading', { name: `대화 상대: ${shop.name}` })).toBeVisible();
	await expect.poll(count).toBe(before - 1);
	await startup.reload();
	expect(await count()).toBe(before - 1);

	await startupContext.close();
	await workshopContext.close();
});
