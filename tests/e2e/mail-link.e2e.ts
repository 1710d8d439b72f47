// A notification mail is written in its reader's language (the one they switched the app to) and its
// link opens the item itself, which settles the notification: the bell counts one less.
import type { Browser, Page } from '@playwright/test';
import { expect, signInAs, tag, test, type Account } from './world';

async function signedIn(browser: Browser, who: Account): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'ko-KR' })).newPage();
	await signInAs(page, who);
	return page;
}

async function unread(page: Page): Promise<number> {
	const label =
		(await page
			.getByRole('banner')
			.getByRole('link', { name: /^(알림|Notifications)/ })
			.getAttribute('aria-label')) ?? '';
	return Number(/(\d+)/.exec(label)?.[1] ?? 0);
}

test('an invitation mail speaks its reader’s language and its link opens the request, marking it read', async ({ browser, world, sql }) => {
	test.setTimeout(120_000);
	const owner = await world.startup();
	await world.company(owner, 'ochang');
	const craftsman = await world.craftsman();
	const shop = await world.workshop({
		cluster: 'cheongju-printing',
		owner: craftsman,
		name: `${tag()} 한빛인쇄`,
		processes: ['오프셋 인쇄', '디지털 인쇄', '제본'],
		materials: ['아트지'],
		verified: true
	});
	// The dev mailbox is for operators (appointed, like managers).
	const operator = await world.startup();
	await sql`update public.profiles set role = 'operator' where id = ${operator.id}`;
	const title = `메일 링크 브로슈어 ${tag()}`;

	// The craftsman reads the app in English: the switch remembers it for mail too.
	const workshop = await signedIn(browser, craftsman);
	await workshop.getByRole('button', { name: '언어' }).click();
	await expect(workshop.getByRole('link', { name: 'Search' }).first()).toBeVisible();

	// The startup publishes a printing request and invites the workshop.
	const startup = await signedIn(browser, owner);
	await startup.goto('/requests/new');
	await startup.getByLabel('양식', { exact: true }).selectOption({ label: '인쇄·제본·패키지' });
	await startup.getByRole('button', { name: '이 양식으로 작성' }).click();
	await startup.getByLabel('제목').fill(title);
	await startup.getByLabel('용지').fill('아트지 150g');
	await startup.getByLabel('크기').fill('A4');
	await startup.getByLabel('인쇄 도수').selectOption({ label: '양면 컬러(4/4도)' });
	await startup.getByLabel('부수').fill('1000');
	await startup.getByRole('button', { name: '게시하기' }).click();
	await expect(startup.getByText('게시했습니다').first()).toBeVisible();
	const id = /\/requests\/([0-9a-f-]{36})/.exec(startup.url())![1];
	await startup
		.getByRole('region', { name: '추천 공방' })
		.getByRole('button', { name: `초대 ${shop.name}` })
		.click();
	await expect(startup.getByText('초대했습니다.')).toBeVisible();
	await startup.context().close();

	// The operator's dev mailbox shows what was sent (the outbox worker mails shortly after).
	const mailbox = await signedIn(browser, operator);
	const mail = mailbox.getByRole('listitem').filter({ hasText: title });
	await expect
		.poll(
			async () => {
				await mailbox.goto(`/dev/mailbox?to=${encodeURIComponent(craftsman.email)}`);
				return mail.count();
			},
			{ timeout: 30_000 }
		)
		.toBeGreaterThan(0);
	// The text sits in a closed <details>: read it whole.
	const text = ((await mail.first().textContent()) ?? '').replace(/\s+/g, ' ');
	expect(text).toContain(`[Sogong Link] ${shop.name} has been invited to quote on a request · ${title}`);
	expect(text).not.toContain('초대되었습니다');
	const link = new URL(/Open: (\S+)/.exec(text)?.[1] ?? 'http://invalid/');
	expect(link.pathname + link.search).toMatch(new RegExp(`^/requests/${id}\\?n=[0-9a-f-]{36}$`));
	await mailbox.context().close();

	// The link opens the request itself; the bell counts the invitation no more.
	await workshop.goto('/dashboard');
	const before = await unread(workshop);
	expect(before).toBeGreaterThan(0);
	await workshop.goto(link.pathname + link.search);
	await expect(workshop.getByRole('heading', { name: title })).toBeVisible();
	await expect.poll(() => unread(workshop)).toBe(before - 1);
	await workshop.context().close();
});
