// Member import and claim, in Korean and in English: a manager uploads a roster with errors, sees
// them row by row and nothing imported, uploads the fixed file and imports it; invites a member by
// email (Korean) or prints their claim code (English); the craftsman signs up or signs in with the
// code, enters the BRN and takes the listing over.
import type { Page } from '@playwright/test';
import { isValidBrn } from '../../src/lib/domain/brn';
import { expect, signInAs, tag, test } from './world';

/** A random BRN with a valid check digit (and one with a wrong one), fresh per run so imports never collide. */
function brns(): { good: string; bad: string } {
	const head = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
	const digit = [...'0123456789'].find((d) => isValidBrn(head + d))!;
	const wrong = String((Number(digit) + 1) % 10);
	const fmt = (s: string) => `${s.slice(0, 3)}-${s.slice(3, 5)}-${s.slice(5)}`;
	return { good: fmt(head + digit), bad: fmt(head + wrong) };
}

const csv = (rows: string[][]) => ({
	name: 'members.csv',
	mimeType: 'text/csv',
	// With a byte order mark, as Excel writes "CSV UTF-8".
	buffer: Buffer.from(
		'\ufeff' + ['상호,대표자,사업자등록번호,업종,주소,종업원 수,전화,이메일', ...rows.map((r) => r.join(','))].join('\r\n'),
		'utf8'
	)
});

async function upload(page: Page, file: ReturnType<typeof csv>, submit: string) {
	await page.locator('input[type=file]').setInputFiles(file);
	await page.getByRole('button', { name: submit }).click();
	await expect(page).toHaveURL(/upload=/);
}

test('a manager imports a roster with errors, fixes it, imports, invites by email; the craftsman signs up with the code (Korean)', async ({
	browser,
	world
}) => {
	const t = tag();
	const first = { name: `봉익공방${t}`, ...brns() };
	const second = { name: `묘동세공${t}`, ...brns() };
	const craftsmanEmail = `claim-${t}@e2e.test`;
	const fixed = csv([
		[first.name, '김민수', first.good, '3311', '서울 종로구 봉익동 12', '3', '02-741-1234', ''],
		[second.name, '이영희', second.good, '귀금속 및 관련제품 제조업', '서울 종로구 묘동 5', '9', '', '']
	]);
	const managerAccount = await world.manager('jongno-jewelry');
	const manager = await (await browser.newContext()).newPage();
	await signInAs(manager, managerAccount);
	await manager.goto('/manage/jongno-jewelry/import');
	await expect(manager.getByRole('heading', { level: 1, name: '회원 명부 가져오기' })).toBeVisible();

	await upload(
		manager,
		csv([
			[first.name, '김민수', first.bad, '3311', '서울 종로구 봉익동 12', '3', '02-741-1234', ''],
			[second.name, '이영희', second.good, '3311', '서울 종로구 묘동 5', '12', '', '']
		]),
		'올리고 미리 보기'
	);
	await expect(manager.getByText('2행 중 문제 있는 행 2개')).toBeVisible();
	await expect(manager.getByRole('row').filter({ hasText: first.name })).toContainText('사업자등록번호 검증번호가 맞지 않음');
	await expect(manager.getByRole('row').filter({ hasText: second.name })).toContainText('종업원 10명 이상');
	await expect(manager.getByRole('button', { name: /가져오기$/ })).toHaveCount(0);

	await manager.getByRole('link', { name: '취소하고 다른 파일 올리기' }).click();
	await upload(manager, fixed, '올리고 미리 보기');
	await expect(manager.getByRole('status')).toContainText('모든 행에 문제가 없습니다. 새 회원 2곳');
	await manager.getByRole('button', { name: '2행 가져오기' }).click();
	await expect(manager.getByRole('status')).toHaveText('가져오기를 마쳤습니다: 새 회원 2곳, 바뀐 회원 0곳, 그대로 0곳.');

	const member = manager.getByRole('listitem').filter({ hasText: first.name });
	await expect(member).toContainText(first.good);
	// A mistyped address is refused beside its row, and what was typed stays to be corrected.
	await member.getByRole('textbox').fill('craftsman-at-example');
	await member.getByRole('button', { name: '가입 안내 보내기' }).click();
	await expect(member.locator('.error')).toHaveText('올바른 이메일 주소를 입력해 주세요.');
	await expect(member.getByRole('textbox')).toHaveValue('craftsman-at-example');
	// The same without JavaScript (the page comes back from the server): the typed address is kept too.
	const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signInAs(plain, managerAccount);
	await plain.goto('/manage/jongno-jewelry/import');
	const plainRow = plain.getByRole('listitem').filter({ hasText: first.name });
	await plainRow.getByRole('textbox').fill('craftsman-at-example');
	await plainRow.getByRole('button', { name: '가입 안내 보내기' }).click();
	await expect(plain.getByRole('listitem').filter({ hasText: first.name }).locator('.error')).toHaveText(
		'올바른 이메일 주소를 입력해 주세요.'
	);
	await expect(plain.getByRole('listitem').filter({ hasText: first.name }).getByRole('textbox')).toHaveValue('craftsman-at-example');
	await plain.context().close();
	await member.getByRole('textbox').fill(craftsmanEmail);
	await member.getByRole('button', { name: '가입 안내 보내기' }).click();
	await expect(manager.getByRole('status').filter({ hasText: craftsmanEmail })).toHaveText(`${craftsmanEmail}에 가입 안내를 보냈습니다.`);
	const mail = await world.lastMailTo(craftsmanEmail);
	expect(mail?.subject).toContain('업체 정보를 직접 관리하세요');
	const link = mail!.text.match(/https?:\/\/\S+\/claim\?code=([A-Z0-9]{8})/);
	expect(link).not.toBeNull();

	const craftsman = await (await browser.newContext()).newPage();
	await craftsman.goto(new URL(link![0]).pathname + new URL(link![0]).search);
	await craftsman.getByRole('link', { name: '가입하고 인수하기' }).click();
	await expect(craftsman.getByText(/가입을 마치면 가입 코드/)).toBeVisible();
	await craftsman.getByLabel('이름 또는 상호').fill('김민수');
	await craftsman.getByLabel('이메일').fill(craftsmanEmail);
	await craftsman.getByLabel('비밀번호').fill('sogong-demo-1234');
	await craftsman.getByRole('checkbox', { name: /이용약관에 동의합니다/ }).check();
	await craftsman.getByRole('checkbox', { name: /개인정보 수집·이용에 동의합니다/ }).check();
	await craftsman.getByRole('button', { name: '가입하기' }).click();
	await expect(craftsman).toHaveURL(new RegExp(`/claim\\?code=${link![1]}$`));
	await expect(craftsman.getByLabel('가입 코드')).toHaveValue(link![1]);

	await craftsman.getByLabel('사업자등록번호').fill(second.good);
	await craftsman.getByRole('button', { name: '업체 인수하기' }).click();
	await expect(craftsman.getByText('사업자등록번호가 등록된 정보와 맞지 않습니다.')).toBeVisible();
	await craftsman.getByLabel('사업자등록번호').fill(first.good.replace(/-/g, ''));
	await craftsman.getByRole('button', { name: '업체 인수하기' }).click();
	await expect(craftsman.getByRole('status')).toHaveText(`${first.name} 업체 정보를 인수했습니다. 이제 직접 관리하세요.`);
	await craftsman.goto('/dashboard/workshop');
	await expect(craftsman.getByLabel('공방 이름 (한국어)')).toHaveValue(first.name);

	await manager.reload();
	await expect(manager.getByRole('listitem').filter({ hasText: second.name })).toBeVisible();
	await expect(manager.getByRole('listitem').filter({ hasText: first.name })).toHaveCount(0);
	// Importing the same file again changes nothing.
	await upload(manager, fixed, '올리고 미리 보기');
	await expect(manager.getByRole('status')).toContainText('새 회원 0곳, 바뀐 회원 0곳, 그대로 1곳, 가입을 마친 회원 1곳');
});

test('a manager imports a roster, prints a claim code and the craftsman claims with it (English)', async ({ browser, world }) => {
	const t = tag();
	const shop = { name: `Seongsu Leather ${t}`, ...brns() };
	const manager = await (await browser.newContext({ locale: 'en-US' })).newPage();
	await signInAs(manager, await world.manager('seongsu-handmade-shoes'), 'en');
	await manager.goto('/manage/seongsu-handmade-shoes/import');

	await upload(manager, csv([[shop.name, 'Hong', shop.good, '152', 'Atlantis 12', '4', '', '']]), 'Upload and preview');
	await expect(manager.getByText('1 of 1 rows have problems')).toBeVisible();
	await expect(manager.getByRole('row').filter({ hasText: shop.name })).toContainText('Address: no district found in the address');

	await manager.getByRole('link', { name: 'Cancel and upload another file' }).click();
	await upload(manager, csv([[shop.name, 'Hong', shop.good, '152', '서울 성동구 성수동2가 277', '4', '', '']]), 'Upload and preview');
	await manager.getByRole('button', { name: 'Import 1 rows' }).click();
	await expect(manager.getByRole('status')).toHaveText('Import done: 1 new members, 0 updated, 0 unchanged.');

	const member = manager.getByRole('listitem').filter({ hasText: shop.name });
	const code = (await member.locator('code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	const printHref = await member.getByRole('link', { name: 'Print code' }).getAttribute('href');
	await manager.goto(printHref!);
	const card = manager.getByRole('article', { name: shop.name });
	await expect(card).toContainText(`Claim code: ${code}`);
	await expect(card.locator('svg')).toBeVisible();

	const craftsman = await world.craftsman();
	const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
	await page.goto('/claim');
	await page.getByRole('link', { name: 'I have an account — sign in' }).click();
	await page.getByLabel('Email').fill(craftsman.email);
	await page.getByLabel('Password').fill(craftsman.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/claim$/);
	await page.getByLabel('Claim code').fill('AAAA-AAAA');
	await page.getByLabel('Business registration number').fill(shop.good);
	await page.getByRole('button', { name: 'Claim the listing' }).click();
	await expect(page.getByText('The claim code is wrong or has already been used.')).toBeVisible();
	await page.getByLabel('Claim code').fill(code.toLowerCase());
	await page.getByRole('button', { name: 'Claim the listing' }).click();
	await expect(page.getByRole('status')).toHaveText(`You now manage ${shop.name}.`);

	await manager.goto('/manage/seongsu-handmade-shoes/import');
	await expect(manager.getByRole('listitem').filter({ hasText: shop.name })).toHaveCount(0);
});
