// Pages kept in the app's process (page-cache.ts): the anonymous pages, the same for every visitor, and
// the signed-in dashboard, kept per user. A page and the data a client-side navigation asks for the
// same address are kept apart. What the user sees on a reload follows every change: one made outside
// the app (here straight in the database, as a background job or another instance would), the bell's
// count, and the dashboard is always the user's own.
import { test, expect, signInAs, tag } from './world';

/** A client-side navigation's data: one node per layout and page, 'skip' for those not asked again. */
type Nodes = { nodes: { type: string }[] };

test('a page asked for after a client-side navigation to it is still the page, not its data', async ({ page, request }) => {
	// A navigation's data for the cluster page, asked for first (its layout skipped, as the browser does).
	const data = await request.get('/clusters/jongno-jewelry/__data.json?x-sveltekit-invalidated=01');
	expect(data.headers()['content-type']).toContain('application/json');
	const skipped = (await data.json()) as Nodes;
	expect(skipped.nodes[0].type).toBe('skip');
	// The page at the same address: HTML, twice (the second kept).
	for (let i = 0; i < 2; i++) {
		const html = await request.get('/clusters/jongno-jewelry');
		expect(html.headers()['content-type']).toContain('text/html');
		expect(await html.text()).toMatch(/^<!doctype html>/i);
	}
	// The same data asked with its layout: not the one kept without it.
	const whole = (await (await request.get('/clusters/jongno-jewelry/__data.json?x-sveltekit-invalidated=11')).json()) as Nodes;
	expect(whole.nodes[0].type).toBe('data');
	// And a visitor who clicks through to the cluster, then reloads, sees the page.
	await page.goto('/clusters');
	await page.locator('a[href="/clusters/jongno-jewelry"]').first().click();
	await expect(page).toHaveURL(/\/clusters\/jongno-jewelry$/);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

for (const [locale, browserLocale] of [
	['ko', 'ko-KR'],
	['en', 'en-US']
] as const) {
	test.describe(`the kept dashboard (${locale})`, () => {
		test.use({ locale: browserLocale });
		test(`a reloaded dashboard follows changes and stays the user's own (${locale})`, async ({ page, browser, world, sql }) => {
			const founder = await world.founder();
			const title = `대시보드 의뢰 ${tag()}`;
			const id = await world.openRequest(founder, 'jongno-jewelry', title);
			await signInAs(page, founder, locale);
			const main = page.getByRole('main');
			await expect(main.getByRole('link', { name: title })).toBeVisible();
			// Reloaded: the second one is served kept.
			await page.reload();
			await page.reload();
			await expect(main.getByRole('link', { name: title })).toBeVisible();

			// Renamed outside the app: the next reloads show the new title (the notification arrives on commit).
			const renamed = `${title} 수정됨`;
			await sql`update public.requests set title = ${renamed} where id = ${id}`;
			await expect(async () => {
				await page.reload();
				await expect(main.getByRole('link', { name: renamed })).toBeVisible({ timeout: 500 });
			}).toPass({ timeout: 5_000 });

			// A notification for the founder: the bell counts it on the next reload.
			const bell = page.getByRole('link', { name: locale === 'ko' ? '알림, 읽지 않은 알림 1개' : 'Notifications, 1 unread' });
			await sql`insert into public.notifications (user_id, kind, payload) values (${founder.id}, 'message', '{}')`;
			await expect(async () => {
				await page.reload();
				await expect(bell).toBeVisible({ timeout: 500 });
			}).toPass({ timeout: 5_000 });

			// Another founder, signed in beside, sees their own (empty) dashboard, not the kept one.
			const other = await world.founder();
			const context = await browser.newContext({ locale: browserLocale });
			const second = await context.newPage();
			await signInAs(second, other, locale);
			await second.reload();
			await expect(second.getByRole('main')).toBeVisible();
			await expect(second.getByRole('main').getByRole('link', { name: renamed })).toHaveCount(0);
			await expect(second.getByRole('link', { name: locale === 'ko' ? '알림' : 'Notifications', exact: true })).toBeVisible();
			await context.close();
		});
	});
}
