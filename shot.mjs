import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const shots = [
	['startup2@sogong.link', 'ko', 390, '/orders', 'm-orders'],
	['startup2@sogong.link', 'ko', 390, 'first-order', 'm-order'],
	['craftsman4@sogong.link', 'en', 1280, 'first-order', 'en-order'],
	['operator@sogong.link', 'ko', 390, '/operator/payments', 'm-desk']
];
for (const [email, locale, width, path, name] of shots) {
	const ctx = await browser.newContext({ locale: locale === 'ko' ? 'ko-KR' : 'en-US', viewport: { width, height: 900 } });
	const page = await ctx.newPage();
	await page.goto('http://localhost:4281/login');
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill('sogong-demo-1234');
	await page.locator('form button[type=submit]').last().click();
	await page.waitForURL(/dashboard/);
	if (path === 'first-order') {
		await page.goto('http://localhost:4281/orders');
		await page.locator('tbody a').first().click();
		await page.waitForLoadState('networkidle');
	} else await page.goto('http://localhost:4281' + path);
	await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
	await ctx.close();
}
await browser.close();
