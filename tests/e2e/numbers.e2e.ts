// The cluster's numbers (issue 16): a manager opens them, switches the period, reads the tables
// beside the charts and downloads a CSV; a visitor's look at a member's profile shows up as a view;
// a manager of another cluster finds nothing there; on a 390-px phone the page stays readable; an
// owner who stops taking orders shows in the flags' changes with who switched it.
import { readFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import type postgres from 'postgres';
import { expect, signInAs, tag, test } from './world';

const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** A craft cluster of the test's own (copied from a seeded one), so its numbers are only this test's. */
async function ownCluster(sql: postgres.Sql): Promise<string> {
	const slug = `e2e-num-${tag()}`;
	await sql`
		insert into public.clusters (slug, kind, name_ko, name_en, trade_code, region_ko, region_en, district_ko, district_en,
			district_kind, lat, lng)
		select ${slug}, 'craft', ${`숫자 집적지 ${slug.slice(-6)}`}, ${`Numbers cluster ${slug.slice(-6)}`}, trade_code, region_ko,
			region_en, district_ko, district_en, district_kind, lat, lng
		from public.clusters where slug = 'jongno-jewelry'`;
	return slug;
}

/** A visitor in an ordinary browser (the test browser says HeadlessChrome, which is not counted). */
async function visit(browser: Browser, path: string) {
	const context = await browser.newContext({ userAgent: BROWSER_UA });
	const page = await context.newPage();
	// The page reports the view itself once it runs (POST /api/counts): wait for that before leaving.
	const reported = page.waitForResponse((r) => r.url().endsWith('/api/counts') && r.status() === 204);
	await page.goto(path);
	await reported;
	await context.close();
}

test('a manager reads the cluster’s numbers, switches the period and downloads a CSV', async ({ page, world, sql, browser }) => {
	const slug = await ownCluster(sql);
	const manager = await world.manager(slug);
	const craftsman = await world.craftsman();
	const member = await world.workshop({ cluster: slug, owner: craftsman, name: `숫자공방 ${tag()}` });
	await visit(browser, `/workshops/${member.slug}`);
	// The count is written beside the page, not awaited: give it a moment.
	await expect
		.poll(
			async () =>
				(
					await sql<
						{ n: number }[]
					>`select coalesce(sum(views), 0)::int as n from public.workshop_daily_counts where workshop_id = ${member.id}`
				)[0].n
		)
		.toBe(1);

	await signInAs(page, manager);
	await page.goto(`/manage/${slug}/numbers`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('집적지 숫자');
	await expect(page.getByRole('link', { name: '최근 12개월' })).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('img', { name: '회원 추이' })).toBeVisible();

	// The member's view in the per-member table.
	const perMember = page.locator('table[data-table="member-views"]');
	await expect(perMember.getByRole('row', { name: new RegExp(member.name) })).toContainText('1');

	await page.getByRole('link', { name: '최근 30일' }).click();
	await expect(page).toHaveURL(/period=30d/);
	await expect(page.getByRole('link', { name: '최근 30일' })).toHaveAttribute('aria-current', 'page');
	const members = page.locator('table[data-table="members"]');
	await expect(members.getByRole('row')).toHaveCount(31);
	await expect(members.getByRole('columnheader').first()).toHaveText('날짜');
	// Today: one application, approved, accepting orders.
	await expect(members.getByRole('row').last()).toContainText('1');

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '회원 추이 CSV 내려받기' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe(`${slug}-members-30d.csv`);
	const csv = await readFile(await file.path(), 'utf8');
	expect(csv.startsWith('\uFEFF날짜,신청,승인,인증,주문 받음,최근 90일 활동\r\n')).toBe(true);
	expect(csv.trimEnd().split('\r\n')).toHaveLength(31);
	expect(csv.trimEnd().split('\r\n').at(-1)).toMatch(/^\d{4}-\d{2}-\d{2},1,1,0,1,0$/);

	const views = page.waitForEvent('download');
	await page.getByRole('link', { name: '회원별 조회와 노출 CSV 내려받기' }).click();
	const viewsCsv = await readFile(await (await views).path(), 'utf8');
	expect(viewsCsv).toContain(`${member.name},1,0\r\n`);

	// No orders yet: said so instead of an empty chart.
	await expect(page.getByText('아직 회원의 주문이 없습니다.')).toBeVisible();
});

test('an owner stops taking orders and the cluster’s manager sees who switched it', async ({ browser, world, sql }) => {
	const slug = await ownCluster(sql);
	const manager = await world.manager(slug);
	const craftsman = await world.craftsman();
	const member = await world.workshop({ cluster: slug, owner: craftsman, name: `주문공방 ${tag()}`, processes: ['주조', '연마'] });

	const owner = await (await browser.newContext()).newPage();
	await signInAs(owner, craftsman);
	await owner.goto('/dashboard/workshop');
	await owner.getByLabel('새 주문을 받고 있습니다').uncheck();
	await owner.getByRole('button', { name: '저장' }).click();
	await expect(owner.getByRole('status')).toHaveText('저장했습니다.');

	const page = await (await browser.newContext()).newPage();
	await signInAs(page, manager);
	await page.goto(`/manage/${slug}/numbers?period=30d`);
	await expect(page.getByText('공방 주인·관리자·운영자가 바꾼 것')).toBeVisible();
	const change = page.locator('table[data-table="flag-changes"]').getByRole('row', { name: new RegExp(member.name) });
	await expect(change).toContainText('주문 받음');
	await expect(change).toContainText('끔');
	await expect(change).toContainText('공방 주인');
	// Today the member does not take orders: counted so in the members over time.
	const membersCsv = page.waitForEvent('download');
	await page.getByRole('link', { name: '회원 추이 CSV 내려받기' }).click();
	const members = await readFile(await (await membersCsv).path(), 'utf8');
	expect(members.trimEnd().split('\r\n').at(-1)).toMatch(/^\d{4}-\d{2}-\d{2},1,1,0,0,0$/);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '인증·주문 받음 변경 기록 CSV 내려받기' }).click();
	const csv = await readFile(await (await download).path(), 'utf8');
	expect(csv).toContain(`,${member.name},주문 받음,끔,공방 주인\r\n`);
});

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test('the numbers on a 390-px phone, all time; another cluster’s manager finds nothing (English)', async ({ page, world, sql }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		const slug = await ownCluster(sql);
		const manager = await world.manager(slug);
		await world.workshop({ cluster: slug, owner: null });

		await signInAs(page, manager, 'en');
		await page.goto(`/manage/${slug}/numbers?period=all`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("The cluster's numbers");
		await expect(page.getByRole('link', { name: 'All time' })).toHaveAttribute('aria-current', 'page');
		// Nothing wider than the phone: the tables scroll inside their own box.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		const requests = page.locator('table[data-table="requests"]');
		await expect(requests.getByRole('columnheader').nth(1)).toHaveText('Routed');
		await expect(page.getByRole('img', { name: 'Requests routed and what came of them' })).toBeVisible();
		await expect(page.getByText("No member's flags changed in this period.")).toBeVisible();
		await page.getByRole('link', { name: 'Last 30 days' }).click();
		await expect(page).toHaveURL(/period=30d/);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Download Requests routed and what came of them as CSV' }).click();
		const csv = await readFile(await (await download).path(), 'utf8');
		expect(csv.split('\r\n')[0]).toBe(
			'\uFEFFDay,Routed,Forwarded to members,Quoted by members,Awarded to members,Value quoted (won),Value awarded (won)'
		);

		const stranger = await world.manager('cheongju-printing');
		await page.context().clearCookies();
		await signInAs(page, stranger, 'en');
		const response = await page.goto(`/manage/${slug}/numbers`);
		expect(response?.status()).toBe(404);
		const csvResponse = await page.request.get(`/manage/${slug}/numbers/members.csv`);
		expect(csvResponse.status()).toBe(404);
	});
});
