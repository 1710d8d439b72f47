// Support centers run from pages. In Korean: a craftsman asks the Jongno center for export counseling,
// the center's staff (the cluster's manager acts for it) proposes a slot, the craftsman confirms, and
// both see the confirmed appointment (with its calendar file) and its thread; in English the same
// with an online call. In English: the staff add a machine (with a photo), a course that unlocks it and
// a support program, and all appear on the center's page. In Korean: the
// operator imports centers from a CP949 CSV with a bad row (nothing imported), fixes it and imports.
import type { Browser, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, signInAs, tag, test, type Account } from './world';

const CENTER = 'jongno-jewelry-center'; // 종로 귀금속 소공인특화지원센터 (seed)

async function as(browser: Browser, who: Account, locale: 'ko' | 'en'): Promise<Page> {
	const page = await (await browser.newContext({ locale: locale === 'ko' ? 'ko-KR' : 'en-US' })).newPage();
	await signInAs(page, who, locale);
	return page;
}

/** A datetime-local value `days` ahead at a Seoul hour. */
function seoulInput(days: number, hour: number): string {
	const day = new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
	return `${day}T${String(hour).padStart(2, '0')}:00`;
}

test('a craftsman asks for counseling, the center proposes a slot, the craftsman confirms, in Korean', async ({ browser, world }) => {
	const t = tag();
	const craftsman = await world.craftsman(`수출장인 ${t}`);
	const staff = await world.manager('jongno-jewelry');

	const c = await as(browser, craftsman, 'ko');
	await c.goto(`/support/${CENTER}`);
	await c.getByRole('link', { name: '상담 신청' }).click();
	// Nothing chosen and nothing written: the form says what is missing and keeps what was typed.
	await c.getByLabel('희망 일시').fill('평일 오후 2시 이후');
	await c.getByRole('button', { name: '상담 신청하기' }).click();
	await expect(c.getByText('필수 항목입니다.')).toBeVisible();
	await expect(c.getByLabel('희망 일시')).toHaveValue('평일 오후 2시 이후');
	await c.getByLabel('수출').check();
	await c.getByLabel('상담 내용').fill(`미국 첫 수출 통관 절차 ${t}`);
	await c.getByRole('button', { name: '상담 신청하기' }).click();
	await expect(c.getByText('상담을 신청했습니다.')).toBeVisible();
	await expect(c.getByText('신청됨')).toBeVisible();
	const appointment = c.url().replace(/\?.*$/, '');

	// The staff find it in the center's list and propose a slot.
	const s = await as(browser, staff, 'ko');
	await s.goto(`/support/${CENTER}/staff`);
	await s.getByRole('link', { name: '센터 상담 신청' }).click();
	await s.getByRole('link', { name: new RegExp(`수출 · 수출장인 ${t}`) }).click();
	await expect(s.getByText(`미국 첫 수출 통관 절차 ${t}`)).toBeVisible();
	await s.getByLabel('시작 일시').fill(seoulInput(10, 14));
	await s.getByLabel('장소').fill('센터 2층 상담실');
	await s.getByRole('button', { name: '일정 제안하기' }).click();
	await expect(s.getByText('일정을 제안했습니다.')).toBeVisible();
	await s.getByLabel('메시지').fill('수출 서류를 미리 보내 주세요.');
	await s.getByRole('button', { name: '보내기' }).click();
	await expect(s.locator('.msg', { hasText: '수출 서류를 미리 보내 주세요.' })).toBeVisible();

	// The craftsman sees the proposal and the message, and confirms.
	await c.goto(appointment);
	await expect(c.getByRole('heading', { name: '제안된 일정' })).toBeVisible();
	await expect(c.getByText('수출 서류를 미리 보내 주세요.')).toBeVisible();
	await c.getByRole('button', { name: '이 일정으로 확정' }).click();
	await expect(c.getByText('상담 일정을 확정했습니다.')).toBeVisible();
	await expect(c.getByRole('heading', { name: '확정된 일정' })).toBeVisible();
	const ics = await c.request.get(`${appointment}/ics`);
	expect(ics.status()).toBe(200);
	const body = await ics.text();
	expect(body).toContain('BEGIN:VEVENT');
	expect(body).toContain('센터 2층 상담실');

	// Both see it confirmed: the craftsman on their support page, the staff on the appointment.
	await c.goto('/support/mine');
	await expect(c.locator('li', { hasText: '종로 귀금속' }).filter({ hasText: '확정' }).first()).toBeVisible();
	await s.goto(appointment);
	await expect(s.getByRole('heading', { name: '확정된 일정' })).toBeVisible();
	await expect(s.getByText(`신청자: 수출장인 ${t}`)).toBeVisible();
	// Another craftsman cannot open it.
	const other = await as(browser, await world.craftsman(), 'ko');
	expect((await other.goto(appointment))?.status()).toBe(404);
});

test('a craftsman asks for financing counseling online and confirms the proposed call, in English', async ({ browser, world }) => {
	const t = tag();
	const craftsman = await world.craftsman(`Maker ${t}`);
	const staff = await world.manager('jongno-jewelry');
	const c = await as(browser, craftsman, 'en');
	await c.goto(`/support/${CENTER}`);
	await c.getByRole('link', { name: 'Ask for counseling' }).click();
	await c.getByLabel('Financing').check();
	await c.getByLabel('Your question').fill(`Which loan fits a new kiln? ${t}`);
	await c.getByLabel('Preferred times').fill('Mornings');
	await c.getByRole('button', { name: 'Send the request' }).click();
	await expect(c.getByText('Your request is sent.')).toBeVisible();
	const appointment = c.url().replace(/\?.*$/, '');

	const s = await as(browser, staff, 'en');
	await s.goto(appointment);
	await expect(s.getByText(`Asked by Maker ${t}`)).toBeVisible();
	await s.getByLabel('Starts').fill(seoulInput(9, 10));
	await s.getByLabel('Length').selectOption('30');
	await s.getByLabel('Online link').fill('http://meet.example/room');
	await s.getByRole('button', { name: 'Propose this time' }).click();
	await expect(s.getByText('An online link starts with https://.')).toBeVisible();
	await s.getByLabel('Online link').fill('https://meet.example/room');
	await s.getByRole('button', { name: 'Propose this time' }).click();
	await expect(s.getByText('Time proposed.')).toBeVisible();

	await c.reload();
	await c.getByRole('button', { name: 'Confirm this time' }).click();
	await expect(c.getByText('The appointment is confirmed.')).toBeVisible();
	await expect(c.getByRole('link', { name: 'https://meet.example/room' })).toBeVisible();
	await s.goto(`/support/${CENTER}/staff/counseling`);
	await expect(s.locator('li', { hasText: `Maker ${t}` })).toContainText('Confirmed');
});

test('staff add a machine and a course that unlocks it, and both show on the center page, in English', async ({ browser, world }) => {
	const t = tag();
	const staff = await world.manager('jongno-jewelry');
	const s = await as(browser, staff, 'en');
	await s.goto(`/support/${CENTER}/staff`);
	await s.getByRole('link', { name: 'Machines', exact: true }).click();
	await s.getByRole('link', { name: 'Add a machine' }).click();
	await s.getByLabel('Kind').selectOption('laser_cutter');
	await s.getByLabel('Name (English)').fill(`Laser cutter ${t}`);
	await s.getByRole('button', { name: 'Add the machine' }).click();
	// The Korean name is required; what was typed stays.
	await expect(s.getByText('This field is required.')).toBeVisible();
	await expect(s.getByLabel('Name (English)')).toHaveValue(`Laser cutter ${t}`);
	await s.getByLabel('Name (Korean)').fill(`레이저 커터 ${t}`);
	await s.getByLabel('Fee per hour (KRW)').fill('3000');
	await s.getByRole('button', { name: 'Add the machine' }).click();
	await expect(s.getByText('Added. It now shows on the center')).toBeVisible();
	// An optional photo.
	const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#a63' } })
		.png()
		.toBuffer();
	await s.getByLabel('Photo file').setInputFiles({ name: 'laser.png', mimeType: 'image/png', buffer: photo });
	await s.getByRole('button', { name: 'Upload the photo' }).click();
	await expect(s.getByText('Photo uploaded.')).toBeVisible();

	await s.goto(`/support/${CENTER}/staff/events/new`);
	await s.getByLabel('Unlocks the machine').selectOption({ label: `Laser cutter ${t}` });
	await s.getByLabel('Title (Korean)').fill(`레이저 안전교육 ${t}`);
	await s.getByLabel('Title (English)').fill(`Laser safety ${t}`);
	await s.getByLabel('Starts').fill(seoulInput(8, 10));
	await s.getByLabel('Ends').fill(seoulInput(8, 8)); // before the start
	await s.getByLabel('Seats').fill('12');
	await s.getByLabel('Place').fill('Training room, 2F');
	await s.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(s.getByText('The end must be after the start.')).toBeVisible();
	await s.getByLabel('Ends').fill(seoulInput(8, 12));
	await s.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(s.getByText('Added. It now shows on the center')).toBeVisible();

	// Everyone sees both; the machine now requires the course.
	const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
	await visitor.goto('/');
	await visitor.goto(`/support/${CENTER}`);
	const machine = visitor.locator('li', { hasText: `Laser cutter ${t}` });
	await expect(machine).toBeVisible();
	await expect.poll(() => machine.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
	await expect(machine.getByText(`Laser safety ${t}`)).toBeVisible();
	await expect(visitor.getByRole('link', { name: `Laser safety ${t}` })).toBeVisible();

	// A support program, with the documents an application needs.
	await s.goto(`/support/${CENTER}/staff`);
	await s.getByRole('link', { name: 'Programs', exact: true }).click();
	await s.getByRole('link', { name: 'Add a program' }).click();
	await s.getByLabel('Address name').fill(`export-voucher-${t}`);
	await s.getByLabel('Title (Korean)').fill(`수출 바우처 ${t}`);
	await s.getByLabel('Title (English)').fill(`Export voucher ${t}`);
	await s.getByLabel('Maximum amount (KRW)').fill('30000000');
	await s.getByLabel('Required documents').fill('business_registration');
	await s.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(s.getByText("Write each line as 'key | Korean name | English name'")).toBeVisible();
	await s.getByLabel('Required documents').fill('business_registration | 사업자등록증 | Business registration');
	await s.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(s.getByText('Added. It now shows on the center')).toBeVisible();
	await visitor.reload();
	await expect(visitor.getByRole('link', { name: `Export voucher ${t}` })).toBeVisible();

	// Nobody registered: the event can be deleted, after a confirmation.
	await s.goto(`/support/${CENTER}/staff/events`);
	await s.getByRole('link', { name: `Laser safety ${t}` }).click();
	await s.locator('summary', { hasText: 'Delete the event' }).click();
	await s.getByRole('button', { name: 'Confirm' }).click();
	await expect(s).toHaveURL(new RegExp(`/support/${CENTER}/staff/events$`));
	await expect(s.getByRole('link', { name: `Laser safety ${t}` })).toHaveCount(0);
});

/** CP949 bytes as data.go.kr publishes, with an ASCII tag in the names (ASCII is the same in CP949). */
const hex = (h: string) => Buffer.from(h, 'hex');
const CP949 = {
	// "연번,지역,센터명,운영기관,주소\r\n"
	header: hex('bfacb9f82cc1f6bfaa2cbcbec5cdb8ed2cbfeebfb5b1e2b0fc2cc1d6bcd20d0a'),
	// "1,부산,부산 센터 "
	busan: hex('312cbacebbea2cbacebbea20bcbec5cd20'),
	// ",부산상공회의소,"
	busanOperator: hex('2cbacebbeabbf3b0f8c8b8c0c7bcd22c'),
	// "부산 동구 1\r\n"
	busanAddress: hex('bacebbea20b5bfb1b820310d0a'),
	// "2,대구,대구 센터 "
	daegu: hex('322cb4ebb1b82cb4ebb1b820bcbec5cd20'),
	// ",대구경북 협동조합,"
	daeguOperator: hex('2cb4ebb1b8b0e6bacf20c7f9b5bfc1b6c7d52c'),
	// "대구 중구 2\r\n"
	daeguAddress: hex('b4ebb1b820c1dfb1b820320d0a')
};

test('the operator imports centers from the public CSV: an error first, then the fixed file, in Korean', async ({ browser, world }) => {
	const t = tag();
	const csv = (daeguAddress: boolean) =>
		Buffer.concat([
			CP949.header,
			CP949.busan,
			Buffer.from(t),
			CP949.busanOperator,
			CP949.busanAddress,
			CP949.daegu,
			Buffer.from(t),
			CP949.daeguOperator,
			daeguAddress ? CP949.daeguAddress : Buffer.from('\r\n')
		]);
	const op = await as(browser, await world.operator(), 'ko');
	await op.goto('/admin');
	await op.getByRole('link', { name: /지원센터 가져오기/ }).click();

	await op.getByLabel('CSV 파일').setInputFiles({ name: 'centers.csv', mimeType: 'text/csv', buffer: csv(false) });
	await op.getByRole('button', { name: '미리 보기' }).click();
	await expect(op.getByText('오류가 있는 행 1개')).toBeVisible();
	await expect(op.locator('tr', { hasText: `대구 센터 ${t}` })).toContainText('주소가 비어 있습니다.');
	await expect(op.locator('tr', { hasText: `부산 센터 ${t}` })).toContainText('새로 추가');
	await expect(op.getByRole('button', { name: /가져오기$/ })).toHaveCount(0);

	await op.getByLabel('CSV 파일').setInputFiles({ name: 'centers.csv', mimeType: 'text/csv', buffer: csv(true) });
	await op.getByRole('button', { name: '미리 보기' }).click();
	await expect(op.locator('tr', { hasText: `대구 센터 ${t}` })).toContainText('대구경북 협동조합');
	await op.getByRole('button', { name: '2곳 가져오기' }).click();
	await expect(op.getByText('가져왔습니다: 새 센터 2곳, 갱신 0곳, 변경 없음 0곳.')).toBeVisible();

	// Importing the same file again changes nothing.
	await op.getByLabel('CSV 파일').setInputFiles({ name: 'centers.csv', mimeType: 'text/csv', buffer: csv(true) });
	await op.getByRole('button', { name: '미리 보기' }).click();
	await expect(op.getByText('새 센터 0곳, 갱신 0곳, 변경 없음 2곳.')).toBeVisible();
	await expect(op.getByText('바뀐 내용이 없습니다.')).toBeVisible();

	await op.goto('/support');
	await expect(op.getByRole('link', { name: `대구 센터 ${t}` })).toBeVisible();
});
