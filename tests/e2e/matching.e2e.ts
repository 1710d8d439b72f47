// Matching as people see it (issues 14, 15): a startup's titanium bracket request lists the Mullae
// titanium shop with its reasons in words (titanium, brackets, distance from the company's address),
// a jewelry engraver that also lists titanium is told apart by its trade; the Mullae manager's inbox
// offers the members best match first, with their scores and reasons, the titanium shop among the best.
// In Korean, then the manager's side in English.
import type { Locator, Page } from '@playwright/test';
import type { Sql } from 'postgres';
import { expect, signInAs, tag, test, type World } from './world';

async function titaniumRequest(world: World, sql: Sql) {
	const founder = await world.startup();
	await world.company(founder, 'g-valley');
	const titanium = await world.workshop({
		cluster: 'mullae-machine-metal',
		owner: null,
		name: `티타늄가공 ${tag()}`,
		processes: ['CNC 밀링', '5축 가공'],
		materials: ['티타늄 Gr5']
	});
	const engraver = await world.workshop({
		cluster: 'jongno-jewelry',
		owner: null,
		name: `각인공방 ${tag()}`,
		processes: ['레이저 각인', '밀링'],
		materials: ['티타늄', '금'],
		verified: true
	});
	const title = `티타늄 안경 브래킷 200개 ${tag()}`;
	const [r] = await sql<{ id: string }[]>`
		insert into public.requests (owner_id, company_id, template, title, description, details, quantity, required_processes)
		select ${founder.id}, co.id, 'machine_metal', ${title}, '티타늄으로 깎는 안경 브래킷입니다.',
		       ${sql.json({ material: '티타늄 Gr5', tolerance: '±0.02', process: ['milling'], drawing: '3d' })}, 200, ${['밀링']}
		from public.companies co where co.owner_id = ${founder.id}
		returning id`;
	return { founder, titanium, engraver, title, id: r.id };
}

/**
 * The members offered for forwarding, as their radios name them ("name … 88점"), best first: other
 * tests' shops may tie with ours, so the order is checked by score and ours by having the best one.
 */
async function expectBestFirst(scope: Locator | Page, group: string, name: string) {
	const labels = await scope
		.getByRole('group', { name: group })
		.getByRole('radio')
		.evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
	const scores = labels.map((l) => Number(/(\d+)\s*(점|points)/.exec(l)?.[1] ?? -1));
	expect(scores.length).toBeGreaterThan(1);
	expect(scores).toEqual([...scores].sort((a, b) => b - a));
	const ours = labels.findIndex((l) => l.includes(name));
	expect(scores[ours], labels.join(' | ')).toBe(scores[0]);
	return ours;
}

/** The list item of a workshop in a list of matches or members. */
const itemOf = (page: Page, region: string, name: string) =>
	page.getByRole('region', { name: region }).getByRole('listitem').filter({ hasText: name }).first();

test('the startup sees why the titanium shop matches, and the manager forwards to a best match (Korean)', async ({
	page,
	browser,
	world,
	sql
}) => {
	test.setTimeout(120_000);
	const { founder, titanium, engraver, title, id } = await titaniumRequest(world, sql);
	const manager = await world.manager('mullae-machine-metal');

	await signInAs(page, founder);
	await page.goto(`/requests/${id}`);
	await page.getByRole('button', { name: '게시하기' }).click();
	await expect(page.getByText('의뢰 상태를 바꿨습니다.')).toBeVisible();

	const shop = itemOf(page, '추천 공방', titanium.name);
	await expect(shop.getByText('티타늄을 다룹니다')).toBeVisible();
	await expect(shop.getByText('브래킷을 만드는 업종')).toBeVisible();
	await expect(shop.getByText(/회사 주소에서 [\d.]+km/)).toBeVisible();
	// The jewelry engraver lists titanium too, but its trade does not make brackets.
	const other = itemOf(page, '추천 공방', engraver.name);
	if (await other.count()) await expect(other.getByText('브래킷을 만드는 업종이 아님')).toBeVisible();

	// The Mullae manager forwards it from the inbox: members best match first, with their reasons.
	const managerPage = await (await browser.newContext({ locale: 'ko-KR' })).newPage();
	await signInAs(managerPage, manager);
	await managerPage.goto('/inbox');
	const item = managerPage.getByRole('listitem').filter({ has: managerPage.getByRole('link', { name: title }) });
	await item.getByText('회원에게 전달').click();
	await expect(item.getByText('적합도 순입니다.')).toBeVisible();
	await expect(item.getByText('티타늄을 다룹니다').first()).toBeVisible();
	const ours = await expectBestFirst(item, '회원 공방', titanium.name);
	await item.getByRole('group', { name: '회원 공방' }).getByRole('radio').nth(ours).check();
	await item.getByLabel('추천 메모').fill('티타늄 5축 가공 경험이 많은 곳입니다.');
	await item.getByRole('button', { name: '전달하기' }).click();
	await expect(item.getByText('전달했습니다.')).toBeVisible();
});

test.describe('in English', () => {
	test.use({ locale: 'en-US' });

	test("the manager's members come best match first, with the reasons in English", async ({ page, world, sql }) => {
		test.setTimeout(120_000);
		const { founder, titanium, id } = await titaniumRequest(world, sql);
		const manager = await world.manager('mullae-machine-metal');
		await signInAs(page, founder, 'en');
		await page.goto(`/requests/${id}`);
		await page.getByRole('button', { name: 'Publish' }).click();
		await expect(page.getByText("The request's status has changed.")).toBeVisible();
		const shop = itemOf(page, 'Matched workshops', titanium.nameEn);
		await expect(shop.getByText('Works with titanium')).toBeVisible();
		await expect(shop.getByText('Its trade makes what is asked: bracket')).toBeVisible();
		await expect(shop.getByText(/km from the company's address/)).toBeVisible();

		await page.context().clearCookies();
		await signInAs(page, manager, 'en');
		await page.goto(`/requests/${id}`);
		await expectBestFirst(page, 'Member workshop', titanium.nameEn);
		await expect(page.getByText('Best match first; read the reasons and pick a member workshop.')).toBeVisible();
	});
});
