// Two-way reviews after a completed order, through the pages. In Korean: the startup reviews the
// workshop and the workshop sees nothing of it until it has written its own; then both are published
// and shown on the workshop's page to anyone. In English: the workshop replies once, a third user
// reports the review, and the cluster's manager hides it with a reason shown in its place. The order
// itself is made and completed in the database the way accepting, paying and confirming would.
import type { Browser, Page } from '@playwright/test';
import { expect, signInAs, tag, test, type Account, type World } from './world';

async function as(browser: Browser, who: Account, locale: 'ko' | 'en'): Promise<Page> {
	const page = await (await browser.newContext({ locale: locale === 'ko' ? 'ko-KR' : 'en-US' })).newPage();
	await signInAs(page, who, locale);
	return page;
}

/** A completed order between the founder's company and a new workshop in this cluster. */
async function completedOrder(world: World, cluster: string) {
	const founder = await world.founder();
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster, owner: craftsman });
	const order = await world.order(founder, shop, `리뷰 시험 주문 ${tag()}`);
	for (const milestone of order.milestones) await world.payMilestone(milestone);
	await world.deliver(order.id);
	await world.runOrderTimers(8, order.id);
	return { founder, craftsman, shop, order };
}

async function rate(page: Page, criteria: string[], value: string, body: string) {
	for (const criterion of criteria) await page.getByRole('group', { name: criterion }).getByLabel(value).check();
	await page.getByRole('textbox', { name: /^(후기 내용|Your review)$/ }).fill(body);
}

test('blind until both have written, then both published on the workshop’s page, in Korean', async ({ browser, world }) => {
	const { founder, craftsman, shop, order } = await completedOrder(world, 'mullae-machine-metal');

	const buyer = await as(browser, founder, 'ko');
	await buyer.goto(`/orders/${order.id}`);
	await buyer.getByRole('link', { name: '후기 쓰기·보기' }).click();
	await expect(buyer.getByRole('heading', { name: '공방 평가' })).toBeVisible();
	// A missing rating is refused and keeps the text.
	await buyer.getByLabel('후기 내용').fill('도면대로 정확하게 가공해 주셨고 납기도 지켜 주셨습니다.');
	await buyer.getByRole('button', { name: '후기 보내기' }).click();
	await expect(buyer.getByLabel('후기 내용')).toHaveValue('도면대로 정확하게 가공해 주셨고 납기도 지켜 주셨습니다.');
	await expect(buyer.getByRole('group', { name: '품질' }).locator('.error, [role="alert"]').first()).toBeVisible();
	await rate(buyer, ['품질', '납기 준수', '소통'], '5 매우 좋음', '도면대로 정확하게 가공해 주셨고 납기도 지켜 주셨습니다.');
	await buyer.getByRole('button', { name: '후기 보내기' }).click();
	await expect(buyer.getByText('후기를 보냈습니다. 상대가 쓰거나 14일이 지나면 공개됩니다.')).toBeVisible();

	// The workshop sees nothing of it yet: not on its review page, not on its public page.
	const workshop = await as(browser, craftsman, 'ko');
	await workshop.goto(`/orders/${order.id}/review`);
	await expect(workshop.getByRole('heading', { name: '의뢰사 평가' })).toBeVisible();
	await expect(workshop.getByText('도면대로 정확하게')).toHaveCount(0);
	await workshop.goto(`/workshops/${shop.slug}`);
	await expect(workshop.getByText('도면대로 정확하게')).toHaveCount(0);

	// It writes its own: both are published at once.
	await workshop.goto(`/orders/${order.id}/review`);
	await rate(workshop, ['사양 명확성', '대금 지급', '소통'], '4 좋음', '사양서가 명확했고 대금도 제때 들어왔습니다.');
	await workshop.getByRole('button', { name: '후기 보내기' }).click();
	await expect(workshop.getByText('후기를 보냈습니다. 양쪽 후기가 모두 공개되었습니다.')).toBeVisible();
	await expect(workshop.getByText('도면대로 정확하게 가공해 주셨고 납기도 지켜 주셨습니다.')).toBeVisible();

	// Anyone, signed out, reads the buyer's review on the workshop's page, ratings in words.
	const visitor = await (await browser.newContext({ locale: 'ko-KR' })).newPage();
	await visitor.goto(`/workshops/${shop.slug}`);
	const review = visitor.getByRole('article', { name: /의 후기$/ }).filter({ hasText: '도면대로 정확하게' });
	await expect(review).toBeVisible();
	await expect(review.getByText('품질 5/5')).toBeVisible();
});

test('a reply, a report and a manager hiding the review with a reason, in English', async ({ browser, world, sql }) => {
	const cluster = 'cheongju-printing';
	const { founder, craftsman, shop, order } = await completedOrder(world, cluster);
	const manager = await world.manager(cluster);
	const body = `Colours were off on half the batch ${tag()}`;
	const why = `It names a person who is not part of the deal (${tag()}).`;

	const buyer = await as(browser, founder, 'en');
	await buyer.goto(`/orders/${order.id}/review`);
	await rate(buyer, ['Quality', 'On-time delivery', 'Communication'], '2 poor', body);
	await buyer.getByRole('button', { name: 'Send review' }).click();
	await expect(buyer.getByText('Sent. It is published when the other side writes theirs, or in 14 days.')).toBeVisible();
	// Nobody answers: 14 days later it is published by the clock.
	await sql`select private.review_timers(now() + interval '15 days', ${[order.id]}::uuid[])`;
	const [{ id: reviewId }] = await sql<{ id: string }[]>`select id from public.reviews where order_id = ${order.id} and side = 'buyer'`;

	// The workshop replies, once.
	const workshop = await as(browser, craftsman, 'en');
	await workshop.goto(`/reviews/${reviewId}`);
	await workshop.getByRole('textbox', { name: 'Reply', exact: true }).fill('We reprinted the batch at our cost within a week.');
	await workshop.getByRole('button', { name: 'Post reply' }).click();
	await expect(workshop.getByText('Your reply is posted.')).toBeVisible();
	await expect(workshop.getByRole('button', { name: 'Post reply' })).toHaveCount(0);

	// A third user reports it.
	const stranger = await as(browser, await world.founder(), 'en');
	await stranger.goto(`/reviews/${reviewId}`);
	await stranger.locator('summary', { hasText: 'Report this review' }).click();
	await stranger.getByLabel('Why are you reporting it?').fill(why);
	await stranger.getByRole('button', { name: 'Send report' }).click();
	await expect(stranger.getByText('Reported. The managers and the operator will look at it.')).toBeVisible();

	// The cluster's manager finds it among the reports and hides it with a reason.
	const desk = await as(browser, manager, 'en');
	await desk.goto(`/manage/${cluster}/reviews`);
	await expect(desk.getByText(why)).toBeVisible();
	await desk.goto(`/reviews/${reviewId}`);
	await desk.locator('summary', { hasText: 'Hide this review' }).click();
	await desk.getByLabel('Reason (shown publicly)').fill('Names a private person.');
	await desk.getByRole('button', { name: 'Hide with this reason' }).click();
	await expect(desk.getByText('The review is hidden; its reason is shown in its place.')).toBeVisible();

	// In its place on the workshop's page: the reason, not the text.
	const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
	await visitor.goto(`/workshops/${shop.slug}`);
	await expect(visitor.getByText(/Reason: Names a private person\./)).toBeVisible();
	await expect(visitor.getByText(body)).toHaveCount(0);
});

test('ratings chosen before the review page comes alive (a slow phone) are kept and sent', async ({ browser, world }) => {
	const { founder, order } = await completedOrder(world, 'jongno-jewelry');
	const buyer = await as(browser, founder, 'ko');
	// The app's scripts held back for a moment, as a slow connection does.
	await buyer.route('**/_app/immutable/**', async (route) => {
		await new Promise((r) => setTimeout(r, 1500));
		await route.continue();
	});
	await buyer.goto(`/orders/${order.id}/review`, { waitUntil: 'commit' });
	await rate(buyer, ['품질', '납기 준수', '소통'], '4 좋음', '포장이 꼼꼼했습니다.');
	await buyer.waitForLoadState('load');
	await buyer.waitForTimeout(2000);
	for (const criterion of ['품질', '납기 준수', '소통'])
		await expect(buyer.getByRole('group', { name: criterion }).getByLabel('4 좋음')).toBeChecked();
	await buyer.getByRole('button', { name: '후기 보내기' }).click();
	await expect(buyer.getByText('후기를 보냈습니다. 상대가 쓰거나 14일이 지나면 공개됩니다.')).toBeVisible();
});
