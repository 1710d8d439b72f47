// On a phone the header is one short bar: the links fold into a menu that opens by keyboard or touch,
// works without JavaScript, and reaches every link.
import { expect, signInAs, test } from './world';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

async function headerHeight(page: import('@playwright/test').Page): Promise<number> {
	return (await page.getByRole('banner').boundingBox())!.height;
}

test('a 390px phone gets a short header whose menu opens by keyboard and reaches the links', async ({ page, world }) => {
	await signInAs(page, await world.startup());

	expect(await headerHeight(page)).toBeLessThanOrEqual(80);
	const banner = page.getByRole('banner');
	// The bell stays in the bar; the links wait behind the menu button.
	await expect(banner.getByRole('link', { name: /^알림/ })).toBeVisible();
	await expect(banner.getByRole('link', { name: '내 의뢰' })).toBeHidden();

	// A <summary>: browsers expose it as a button with its expanded state (Playwright's role table does not).
	const menu = banner.locator('summary', { hasText: '메뉴' });
	await menu.focus();
	await page.keyboard.press('Enter');
	await expect(banner.locator('details')).toHaveAttribute('open', '');
	for (const name of ['검색', '집적지', '내 대시보드', '내 의뢰']) await expect(banner.getByRole('link', { name })).toBeVisible();
	await expect(banner.getByRole('button', { name: '로그아웃' })).toBeVisible();
	// Open, it lies over the page: the bar keeps its height.
	expect(await headerHeight(page)).toBeLessThanOrEqual(80);

	// Escape closes it and gives focus back to its button.
	await page.keyboard.press('Escape');
	await expect(banner.getByRole('link', { name: '내 의뢰' })).toBeHidden();
	await expect(menu).toBeFocused();

	// Following a link closes it.
	await menu.click();
	await banner.getByRole('link', { name: '내 의뢰' }).click();
	await expect(page).toHaveURL(/\/requests$/);
	await expect(banner.getByRole('link', { name: '내 의뢰' })).toBeHidden();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the phone menu still opens and its links work', async ({ page }) => {
		await page.goto('/');
		expect(await headerHeight(page)).toBeLessThanOrEqual(80);
		const banner = page.getByRole('banner');
		await banner.locator('summary', { hasText: '메뉴' }).click();
		await banner.getByRole('link', { name: '집적지' }).click();
		await expect(page).toHaveURL(/\/clusters$/);
	});
});
