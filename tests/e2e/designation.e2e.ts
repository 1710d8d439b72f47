// The designation tracker (issue 16): a verified member in a designated trade with fewer than 10
// employees counts; an unverified one waits apart until the manager verifies it; one with 10 or more
// employees is listed as not counted, with the reason — in Korean and in English.
import { expect, signInAs, tag, test } from './world';

test('a member counts towards designation once verified; a large one is not counted, with the reason', async ({ page, world, sql }) => {
	const group = `지정${tag()}`;
	const manager = await world.manager('cheongju-printing');
	const counted = await world.workshop({ cluster: 'cheongju-printing', owner: null, name: `${group} 활판`, verified: true });
	const waiting = await world.workshop({ cluster: 'cheongju-printing', owner: null, name: `${group} 제본` });
	const large = await world.workshop({ cluster: 'cheongju-printing', owner: null, name: `${group} 대형인쇄`, verified: true });
	await sql`update public.workshops set employees = 12 where id = ${large.id}`;
	await signInAs(page, manager);
	await page.goto('/manage/cheongju-printing');
	await page.getByRole('link', { name: '지정 현황' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('집적지 지정 현황');

	const eligible = page.getByRole('region', { name: /요건 충족 회원/ });
	const unverified = page.getByRole('region', { name: /인증 대기 회원/ });
	const notCounted = page.getByRole('region', { name: /요건 미충족 회원/ });
	await expect(eligible.getByRole('row').filter({ hasText: counted.name })).toBeVisible();
	await expect(unverified.getByText(waiting.name)).toBeVisible();
	await expect(notCounted.getByText(`${large.name} — 종업원 10명 이상`)).toBeVisible();
	const before = Number((await page.getByText(/요건 충족 소공인 \d+명/).textContent())?.match(/(\d+)명 \//)?.[1]);

	// Verifying the waiting member moves it into the count.
	await page.goto(`/manage/cheongju-printing?q=${encodeURIComponent(group)}`);
	await page.getByRole('row').filter({ hasText: waiting.name }).getByRole('button', { name: '인증하기' }).click();
	await expect(page.getByRole('row').filter({ hasText: waiting.name }).getByRole('button', { name: '인증 해제' })).toBeVisible();
	await page.goto('/manage/cheongju-printing/designation');
	await expect(eligible.getByRole('row').filter({ hasText: waiting.name })).toBeVisible();
	await expect(unverified.getByText(waiting.name)).toHaveCount(0);
	const after = Number((await page.getByText(/요건 충족 소공인 \d+명/).textContent())?.match(/(\d+)명 \//)?.[1]);
	expect(after).toBeGreaterThanOrEqual(before + 1);
});

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test('the tracker lists eligible members for printing and says why others are not counted', async ({ page, world, sql }) => {
		const manager = await world.manager('jongno-jewelry');
		const large = await world.workshop({ cluster: 'jongno-jewelry', owner: null, verified: true });
		await sql`update public.workshops set employees = 15 where id = ${large.id}`;
		const counted = await world.workshop({ cluster: 'jongno-jewelry', owner: null, verified: true });
		await signInAs(page, manager, 'en');
		await page.goto('/manage/jongno-jewelry/designation');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Designation tracker');
		await expect(
			page
				.getByRole('region', { name: /Eligible members/ })
				.getByRole('row')
				.filter({ hasText: counted.name })
		).toBeVisible();
		await expect(page.getByRole('region', { name: /Not counted/ }).getByText(`${large.name} — 10 or more employees`)).toBeVisible();
	});
});
