// Support centers through the pages. In Korean: the safety course of a machine has one seat; the first
// craftsman registers, the second goes on the waiting list and moves up when the first cancels; the
// center's staff (the cluster's manager acts for its center) marks the second attended, which unlocks
// the machine; the craftsman books a slot, the first craftsman sees it taken, and cancelling less than
// two days ahead records a penalty. In English: the programs page says which programs a workshop may
// apply to and which rule excludes the others. The course, event and machine are this test's own rows
// at the seeded Jongno center.
import type { Browser, Page } from '@playwright/test';
import { expect, signInAs, tag, test, type Account } from './world';

const CENTER = '00000000-0000-4000-8000-0000000c0001'; // 종로 귀금속 소공인특화지원센터 (seed)

async function as(browser: Browser, who: Account, locale: 'ko' | 'en'): Promise<Page> {
	const page = await (await browser.newContext({ locale: locale === 'ko' ? 'ko-KR' : 'en-US' })).newPage();
	await signInAs(page, who, locale);
	return page;
}

/** The Seoul calendar day `days` from now, and the Monday of its week (the machine page's ?week=). */
function seoulDay(days: number): { day: string; monday: string } {
	const day = new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000);
	const iso = day.toISOString().slice(0, 10);
	const back = (day.getUTCDay() + 6) % 7;
	return { day: iso, monday: new Date(day.getTime() - back * 86_400_000).toISOString().slice(0, 10) };
}

test('safety course with a waiting list, then a booking, a taken slot and a late cancellation, in Korean', async ({
	browser,
	world,
	sql
}) => {
	const t = tag();
	const first = await world.craftsman();
	const second = await world.craftsman();
	const staff = await world.manager('jongno-jewelry');
	const [course] = await sql<{ id: string }[]>`
		insert into public.support_courses (center_id, title_ko, title_en) values (${CENTER}, ${`3D 프린터 안전교육 ${t}`}, 'Safety') returning id`;
	const [event] = await sql<{ id: string }[]>`
		insert into public.support_events (center_id, kind, course_id, title_ko, title_en, starts_at, ends_at, place_ko, capacity)
		values (${CENTER}, 'course', ${course.id}, ${`3D 프린터 안전교육 ${t}`}, 'Safety course', now() + interval '3 days',
		        now() + interval '3 days 2 hours', '센터 2층 교육장', 1) returning id`;
	const [machine] = await sql<{ id: string }[]>`
		insert into public.support_machines (center_id, kind, name_ko, name_en, prerequisite_course_id, slot_minutes, open_hour, close_hour)
		values (${CENTER}, '3d_printer', ${`왁스 3D 프린터 ${t}`}, 'Wax 3D printer', ${course.id}, 60, 9, 18) returning id`;

	// One seat: the first craftsman gets it, the second waits.
	const a = await as(browser, first, 'ko');
	await a.goto(`/support/events/${event.id}`);
	await a.getByRole('button', { name: '신청하기' }).click();
	await expect(a.getByText('신청이 확정되었습니다.')).toBeVisible();
	const b = await as(browser, second, 'ko');
	await b.goto(`/support/events/${event.id}`);
	await b.getByRole('button', { name: '대기 신청하기' }).click();
	await expect(b.getByText('정원이 차서 대기 명단에 올랐습니다. 자리가 나면 자동으로 확정됩니다.')).toBeVisible();

	// The first cancels (after confirming): the second moves up by itself.
	await a.reload();
	await a.locator('summary', { hasText: '신청 취소' }).click();
	await a.getByRole('button', { name: '신청 취소 확정' }).click();
	const status = async (user: string) =>
		(
			await sql<
				{ status: string }[]
			>`select status from public.support_event_registrations where event_id = ${event.id} and user_id = ${user}`
		)[0]?.status;
	await expect.poll(() => status(first.id)).toBe('cancelled');
	expect(await status(second.id)).toBe('registered');

	// The center's staff marks the second attended: the course is recorded and the machine unlocked.
	const desk = await as(browser, staff, 'ko');
	await desk.goto(`/support/events/${event.id}`);
	await desk.getByRole('button', { name: `${second.name} 출석` }).click();
	await expect.poll(() => status(second.id)).toBe('attended');

	// Booking tomorrow 10:00 (Seoul): less than two days ahead, so a cancellation will cost a penalty.
	const { day, monday } = seoulDay(1);
	const slot = new Date(`${day}T10:00:00+09:00`).toISOString();
	await b.goto(`/support/machines/${machine.id}?week=${monday}`);
	await b.locator(`input[name="start"][value="${slot}"]`).check();
	await b.getByRole('button', { name: '예약하기' }).click();
	await expect(b.getByText('예약되었습니다.')).toBeVisible();

	// The first craftsman sees that slot taken, without who took it.
	await a.goto(`/support/machines/${machine.id}?week=${monday}`);
	await expect(a.locator(`input[name="start"][value="${slot}"]`)).toHaveCount(0);
	await expect(a.getByText(second.name)).toHaveCount(0);

	// Cancelling now is late: the page warns first, then records the penalty.
	await b.goto('/support/mine');
	const booking = b.getByRole('listitem').filter({ hasText: `왁스 3D 프린터 ${t}` });
	await booking.locator('summary', { hasText: '예약 취소' }).click();
	await expect(booking.getByText('이용 2일 전이 지나 지금 취소하면 벌점이 부과됩니다.')).toBeVisible();
	await booking.getByRole('button', { name: '취소 확정' }).click();
	await expect(b.getByText('예약을 취소했습니다. 늦은 취소로 벌점이 부과되었습니다.')).toBeVisible();
	const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from public.support_penalties where user_id = ${second.id}`;
	expect(n).toBe(1);
});

test('the programs page says which programs a workshop may apply to and why not the others, in English', async ({
	browser,
	world,
	sql
}) => {
	const craftsman = await world.craftsman();
	const shop = await world.workshop({ cluster: 'jongno-jewelry', owner: craftsman });
	await sql`update public.workshops set employees = 12 where id = ${shop.id}`;
	const page = await as(browser, craftsman, 'en');
	await page.goto('/programs');
	const mine = page.locator('section').filter({ has: page.getByRole('heading', { name: new RegExp(shop.name) }) });
	const smart = mine.getByRole('listitem').filter({ hasText: 'Smart workshop grants' });
	await expect(smart.first()).toContainText('Not eligible (10 or more employees)');
	await sql`update public.workshops set employees = 4 where id = ${shop.id}`;
	await page.reload();
	await expect(smart.first()).toContainText('Eligible');
	await expect(smart.first()).not.toContainText('Not eligible');
});
