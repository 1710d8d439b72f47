// The request form without JavaScript: a startup picks a template, fills its trade's own fields (metal
// and karat, last and leathers, material and processes, paper and finishes), changes the template
// without losing what it typed, sees its mistakes next to the fields, and posts; the request page
// shows every answer. Changing the template keeps what was typed with JavaScript too. Requests here
// are for invited workshops only, so they are nobody's recommendation.
import type { Browser, Page } from '@playwright/test';
import { expect, signInAs, test, type Account } from './world';

const suffix = () => Date.now().toString(36);

async function noScript(browser: Browser, who: Account, locale: 'ko-KR' | 'en-US' = 'ko-KR'): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false, locale });
	const page = await context.newPage();
	// The sign-in form posts without JavaScript too.
	await page.goto('/login');
	await page.getByLabel(locale === 'ko-KR' ? '이메일' : 'Email').fill(who.email);
	await page.getByLabel(locale === 'ko-KR' ? '비밀번호' : 'Password').fill(who.password);
	await page.getByRole('button', { name: locale === 'ko-KR' ? '로그인' : 'Sign in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	return page;
}

/** The answer the request page shows for a fact. */
const fact = (page: Page, label: string) =>
	page
		.locator('dl > div')
		.filter({ has: page.locator('dt').getByText(label, { exact: true }) })
		.locator('dd');

async function startWith(page: Page, template: string) {
	await page.goto('/requests/new');
	await page.getByLabel('양식', { exact: true }).selectOption({ label: template });
	await page.getByRole('button', { name: '이 양식으로 작성' }).click();
	await expect(page.getByRole('group', { name: new RegExp(`제작 사양 · ${template}`) })).toBeVisible();
}

async function publishInvitedOnly(page: Page) {
	await page.getByRole('radio', { name: /초대한 공방만/ }).check();
	await page.getByRole('button', { name: '게시하기' }).click();
	await expect(page.getByText('게시했습니다')).toBeVisible();
	await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}\?published=1$/);
}

test.describe('the request form without JavaScript', () => {
	test('jewelry: metal, karat, stones and setting are posted and shown', async ({ browser, world }) => {
		const who = await world.founder();
		const page = await noScript(browser, who);
		const title = `18K 금반지 50개 ${suffix()}`;
		await startWith(page, '주얼리·귀금속');
		await page.getByLabel('제목').fill(title);
		await page.getByLabel('소재 금속').selectOption({ label: '금' });
		// Without scripts the karat is asked right away (its hint says: gold only).
		await page.getByLabel('순도(K)').selectOption({ label: '18K' });
		await page.getByLabel('보석·스톤').fill('큐빅 2mm 3개');
		await page.getByLabel('세팅 방식').selectOption({ label: '프롱(발물림)' });
		await page.getByLabel('수량(개)').fill('50');
		await publishInvitedOnly(page);
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(fact(page, '소재 금속')).toHaveText('금');
		await expect(fact(page, '순도(K)')).toHaveText('18K');
		await expect(fact(page, '보석·스톤')).toHaveText('큐빅 2mm 3개');
		await expect(fact(page, '세팅 방식')).toHaveText('프롱(발물림)');
		await expect(fact(page, '수량(개)')).toHaveText('50');
		await page.context().close();
	});

	test('shoes: last, leathers, sizes and a sample first are posted and shown', async ({ browser, world }) => {
		const who = await world.founder();
		const page = await noScript(browser, who);
		await startWith(page, '수제화·가죽');
		await page.getByLabel('제목').fill(`수제 로퍼 120켤레 ${suffix()}`);
		await page.getByLabel('라스트(구두골)').selectOption({ label: '새로 제작' });
		await page.getByRole('checkbox', { name: '소가죽' }).check();
		await page.getByRole('checkbox', { name: '스웨이드' }).check();
		await page.getByLabel('사이즈 구성').fill('230~280, 5mm 간격');
		await page.getByRole('checkbox', { name: '샘플 먼저 제작' }).check();
		await page.getByLabel('수량(켤레)').fill('120');
		await publishInvitedOnly(page);
		await expect(fact(page, '라스트(구두골)')).toHaveText('새로 제작');
		await expect(fact(page, '가죽')).toHaveText('소가죽, 스웨이드');
		await expect(fact(page, '사이즈 구성')).toHaveText('230~280, 5mm 간격');
		await expect(fact(page, '샘플 먼저 제작')).toHaveText('예');
		await page.context().close();
	});

	test('machine-metal: material, tolerance, processes, drawing and its file are posted and shown', async ({ browser, world }) => {
		const who = await world.founder();
		const page = await noScript(browser, who);
		await startWith(page, '기계·금속 가공');
		await page.getByLabel('제목').fill(`스테인리스 샤프트 가공 ${suffix()}`);
		await page.getByLabel('재질').fill('SUS304');
		await page.getByLabel('공차').fill('±0.02mm');
		await page.getByRole('checkbox', { name: 'CNC 선반' }).check();
		await page.getByRole('checkbox', { name: '용접' }).check();
		await page.getByLabel('도면', { exact: true }).selectOption({ label: '3D 모델' });
		await page.getByLabel('수량(개)').fill('300');
		await page
			.getByLabel('파일 추가')
			.setInputFiles({ name: 'shaft.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
		await publishInvitedOnly(page);
		await expect(page.getByRole('link', { name: /shaft\.pdf/ })).toBeVisible();
		await expect(fact(page, '재질')).toHaveText('SUS304');
		await expect(fact(page, '공차')).toHaveText('±0.02mm');
		await expect(fact(page, '가공 방법')).toHaveText('CNC 선반, 용접');
		await expect(fact(page, '도면')).toHaveText('3D 모델');
		// Processes nobody edited follow the choices, as they do while typing with scripts.
		await expect(fact(page, '필요 공정').getByRole('listitem')).toHaveText(['CNC 선반', '용접']);
		await page.context().close();
	});

	test('printing: paper, size, colours, finishes, pages and proof are posted and shown', async ({ browser, world }) => {
		const who = await world.founder();
		const page = await noScript(browser, who);
		await startWith(page, '인쇄·제본·패키지');
		await page.getByLabel('제목').fill(`브랜드 브로슈어 2,000부 ${suffix()}`);
		await page.getByLabel('용지').fill('아트지 150g');
		await page.getByLabel('크기').fill('A4 3단 접지');
		await page.getByLabel('인쇄 도수').selectOption({ label: '양면 컬러(4/4도)' });
		await page.getByRole('checkbox', { name: '박', exact: true }).check();
		await page.getByRole('checkbox', { name: '무광 코팅' }).check();
		await page.getByLabel('페이지 수').fill('12');
		await page.getByRole('checkbox', { name: '교정쇄 확인' }).check();
		await page.getByLabel('부수').fill('2000');
		await publishInvitedOnly(page);
		await expect(fact(page, '용지')).toHaveText('아트지 150g');
		await expect(fact(page, '인쇄 도수')).toHaveText('양면 컬러(4/4도)');
		await expect(fact(page, '후가공')).toHaveText('박, 무광 코팅');
		await expect(fact(page, '페이지 수')).toHaveText('12');
		await expect(fact(page, '교정쇄 확인')).toHaveText('예');
		await expect(fact(page, '부수')).toHaveText('2,000');
		await page.context().close();
	});

	test('changing the template keeps what was typed; a mistake comes back next to its field with the rest kept', async ({
		browser,
		world
	}) => {
		const who = await world.founder();
		const page = await noScript(browser, who);
		const title = `가죽 지갑과 키링 ${suffix()}`;
		await startWith(page, '주얼리·귀금속');
		await page.getByLabel('제목').fill(title);
		await page.getByLabel('설명', { exact: true }).fill('브랜드 런칭용 가죽 소품입니다. 샘플 확인 후 본 생산을 원합니다.');
		await page.getByLabel('수량(개)').fill('80');
		await page.getByLabel('다른 양식으로 바꾸기').selectOption({ label: '수제화·가죽' });
		await page.getByRole('button', { name: '양식 바꾸기' }).click();

		await expect(page.getByText('양식을 바꿨습니다. 입력한 내용은 그대로입니다.')).toBeVisible();
		await expect(page.getByRole('group', { name: /제작 사양 · 수제화·가죽/ })).toBeVisible();
		await expect(page.getByLabel('제목')).toHaveValue(title);
		await expect(page.getByLabel('설명', { exact: true })).toHaveValue(/브랜드 런칭용 가죽 소품/);
		await expect(page.getByLabel('수량(켤레)')).toHaveValue('80');
		await expect(page.getByLabel('소재 금속')).toHaveCount(0);

		// A title too short, with the shoes' fields filled: the error is on the title, nothing else is lost.
		await page.getByLabel('제목').fill('지갑');
		await page.getByLabel('라스트(구두골)').selectOption({ label: '의뢰자가 제공' });
		await page.getByRole('checkbox', { name: '양가죽' }).check();
		await page.getByLabel('사이즈 구성').fill('프리 사이즈');
		await page.getByRole('button', { name: '게시하기' }).click();
		await expect(page.getByText('표시된 항목을 확인해 주세요.')).toBeVisible();
		await expect(page.getByLabel('제목')).toHaveAccessibleDescription(/너무 짧습니다/);
		await expect(page.getByLabel('라스트(구두골)')).toHaveValue('supplied');
		await expect(page.getByRole('checkbox', { name: '양가죽' })).toBeChecked();
		await expect(page.getByLabel('사이즈 구성')).toHaveValue('프리 사이즈');

		await page.getByLabel('제목').fill(title);
		await publishInvitedOnly(page);
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await expect(page.getByText('수제화·가죽', { exact: true })).toBeVisible();
		await expect(fact(page, '라스트(구두골)')).toHaveText('의뢰자가 제공');
		await expect(fact(page, '가죽')).toHaveText('양가죽');
		await expect(fact(page, '수량(켤레)')).toHaveText('80');
		await page.context().close();
	});

	test('in English too: a jewelry draft is saved with its fields', async ({ browser, world }) => {
		const who = await world.founder();
		const page = await noScript(browser, who, 'en-US');
		const title = `Silver pendants ${suffix()}`;
		await page.goto('/requests/new');
		await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Jewelry and precious metal' });
		await page.getByRole('button', { name: 'Continue with this template' }).click();
		await page.getByLabel('Title').fill(title);
		await page.getByLabel('Metal').selectOption({ label: 'Silver' });
		await page.getByLabel('Stones').fill('none');
		await page.getByRole('button', { name: 'Save draft' }).click();
		await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}\/edit\?saved=1$/);
		await expect(page.getByText('Saved.')).toBeVisible();
		await expect(page.getByLabel('Metal')).toHaveValue('silver');
		await expect(page.getByLabel('Stones')).toHaveValue('none');

		// The draft changes template on its edit page, keeping the unsaved title typed meanwhile.
		await page.getByLabel('Title').fill(`${title} and chains`);
		await page.getByLabel('Switch to another template').selectOption({ label: 'Other manufacturing' });
		await page.getByRole('button', { name: 'Change template' }).click();
		await expect(page.getByText('Template changed; what you typed is kept.')).toBeVisible();
		await expect(page.getByLabel('Title')).toHaveValue(`${title} and chains`);
		await page.getByLabel('What to make').fill('Pendants and chains');
		await page.getByRole('button', { name: 'Save draft' }).click();
		await expect(page.getByText('Saved.')).toBeVisible();
		await expect(page.getByText('Template: Other manufacturing')).toBeVisible();
		await expect(page.getByLabel('What to make')).toHaveValue('Pendants and chains');
		await page.context().close();
	});
});

test('with JavaScript, changing the template keeps what was typed, and the new template is the one posted', async ({ browser, world }) => {
	const who = await world.founder();
	const page = await (await browser.newContext({ locale: 'ko-KR' })).newPage();
	await signInAs(page, who);
	const title = `가죽 카드지갑 ${suffix()}`;
	await startWith(page, '주얼리·귀금속');
	await page.getByLabel('제목').fill(title);
	await page.getByLabel('수량(개)').fill('150');
	await page.getByLabel('소재 금속').selectOption({ label: '은' });
	// With scripts the karat is asked only for gold.
	await expect(page.getByLabel('순도(K)')).toHaveCount(0);
	await page.getByLabel('다른 양식으로 바꾸기').selectOption({ label: '수제화·가죽' });
	await page.getByRole('button', { name: '양식 바꾸기' }).click();

	await expect(page.getByText('양식을 바꿨습니다. 입력한 내용은 그대로입니다.')).toBeVisible();
	await expect(page.getByLabel('제목')).toHaveValue(title);
	await expect(page.getByLabel('수량(켤레)')).toHaveValue('150');
	await page.getByLabel('라스트(구두골)').selectOption({ label: '공방 보유 라스트' });
	await page.getByRole('checkbox', { name: '송아지 가죽' }).check();
	await page.getByLabel('제목').fill('짧음');
	await page.getByRole('radio', { name: /초대한 공방만/ }).check();
	await page.getByRole('button', { name: '게시하기' }).click();
	await expect(page.getByLabel('제목')).toHaveAccessibleDescription(/너무 짧습니다/);
	await expect(page.getByRole('group', { name: /제작 사양 · 수제화·가죽/ })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: '송아지 가죽' })).toBeChecked();

	await page.getByLabel('제목').fill(title);
	await page.getByRole('button', { name: '게시하기' }).click();
	await expect(page.getByText('게시했습니다')).toBeVisible();
	await expect(fact(page, '라스트(구두골)')).toHaveText('공방 보유 라스트');
	await expect(fact(page, '가죽')).toHaveText('송아지 가죽');
	await expect(fact(page, '수량(켤레)')).toHaveText('150');
	await page.context().close();
});

test('an irreversible move asks first: with JavaScript a dialog, without it a box to tick', async ({ browser, world }) => {
	const who = await world.founder();
	test.setTimeout(120_000);
	const page = await noScript(browser, who);
	const title = `은반지 시제품 ${suffix()}`;
	await startWith(page, '주얼리·귀금속');
	await page.getByLabel('제목').fill(title);
	await publishInvitedOnly(page);
	const cancelRequest = page.getByRole('button', { name: '의뢰 취소' });
	// Not ticked: the browser does not send the form, and nothing changes.
	await cancelRequest.click();
	await expect(page.getByText('의뢰 상태를 바꿨습니다.')).toHaveCount(0);
	await expect(page.getByText('취소됨', { exact: true })).toHaveCount(0);
	await page.getByRole('checkbox', { name: /의뢰를 취소할까요\?/ }).check();
	await cancelRequest.click();
	await expect(page.getByText('의뢰 상태를 바꿨습니다.')).toBeVisible();
	await expect(page.getByText('취소됨', { exact: true }).first()).toBeVisible();
	await page.context().close();

	// With JavaScript the box is gone; the dialog asks, and declining it changes nothing.
	const context = await browser.newContext({ locale: 'en-US' });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: `http://localhost:${process.env.E2E_PORT ?? 4173}` }]);
	const scripted = await context.newPage();
	await scripted.goto('/login');
	await scripted.getByLabel('Email').fill(who.email);
	await scripted.getByLabel('Password').fill(who.password);
	await scripted.getByRole('button', { name: 'Sign in' }).click();
	await expect(scripted).toHaveURL(/\/dashboard$/);
	await scripted.goto('/requests/new');
	await scripted.getByLabel('Template', { exact: true }).selectOption({ index: 1 });
	await scripted.getByRole('button', { name: 'Continue with this template' }).click();
	await scripted.getByLabel('Title').fill(`Silver ring sample ${suffix()}`);
	await scripted.getByRole('button', { name: 'Save draft' }).click();
	await expect(scripted).toHaveURL(/\/requests\/[0-9a-f-]{36}\/edit\?saved=1$/);
	await scripted.goto(scripted.url().replace(/\/edit\?saved=1$/, ''));
	const cancel = scripted.getByRole('button', { name: 'Cancel request' });
	await expect(scripted.getByRole('checkbox', { name: /Cancel this request\?/ })).toHaveCount(0);
	scripted.once('dialog', (dialog) => void dialog.dismiss());
	await cancel.click();
	await expect(scripted.getByText("The request's status has changed.")).toHaveCount(0);
	scripted.once('dialog', (dialog) => void dialog.accept());
	await cancel.click();
	await expect(scripted.getByText("The request's status has changed.")).toBeVisible();
	await expect(scripted.getByText('Cancelled', { exact: true }).first()).toBeVisible();
	await context.close();
});

test('removing a file of a draft asks first: without JavaScript a second step, with it a dialog', async ({ browser, world }) => {
	const who = await world.founder();
	test.setTimeout(120_000);
	const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
	const page = await noScript(browser, who);
	await startWith(page, '주얼리·귀금속');
	await page.getByLabel('제목').fill(`반지 도안 초안 ${suffix()}`);
	await page.getByLabel('파일 추가').setInputFiles([
		{ name: 'ring-a.pdf', mimeType: 'application/pdf', buffer: pdf },
		{ name: 'ring-b.pdf', mimeType: 'application/pdf', buffer: pdf }
	]);
	await page.getByRole('button', { name: '임시 저장' }).click();
	await expect(page).toHaveURL(/\/edit\?saved=1$/);
	const file = (name: string) => page.getByRole('listitem').filter({ hasText: name });
	await file('ring-a.pdf').getByRole('button', { name: '삭제' }).click();
	// The first press only asks; the file is still there, and keeping it changes nothing.
	const question = page.getByRole('alert').filter({ hasText: '「ring-a.pdf」 파일을 삭제할까요?' });
	await expect(question).toBeVisible();
	await expect(file('ring-a.pdf')).toBeVisible();
	await question.getByRole('link', { name: '그대로 두기' }).click();
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(file('ring-a.pdf')).toBeVisible();
	await file('ring-a.pdf').getByRole('button', { name: '삭제' }).click();
	await page.getByRole('alert').getByRole('button', { name: '삭제하기' }).click();
	await expect(page.getByRole('status').getByText('파일을 삭제했습니다.')).toBeVisible();
	await expect(file('ring-a.pdf')).toHaveCount(0);
	await expect(file('ring-b.pdf')).toBeVisible();
	const edit = page.url().replace(/\?.*$/, '');
	await page.context().close();

	// With JavaScript: the dialog asks; declining keeps the file, accepting removes it at once.
	const context = await browser.newContext({ locale: 'ko-KR' });
	const scripted = await context.newPage();
	await signInAs(scripted, who);
	await scripted.goto(edit);
	const remove = scripted.getByRole('listitem').filter({ hasText: 'ring-b.pdf' }).getByRole('button', { name: '삭제' });
	scripted.once('dialog', (d) => void d.dismiss());
	await remove.click();
	await expect(scripted.getByRole('listitem').filter({ hasText: 'ring-b.pdf' })).toBeVisible();
	await expect(scripted.getByRole('alert')).toHaveCount(0);
	scripted.once('dialog', (d) => {
		expect(d.message()).toBe('이 파일을 삭제할까요?');
		void d.accept();
	});
	await remove.click();
	await expect(scripted.getByRole('status').getByText('파일을 삭제했습니다.')).toBeVisible();
	await expect(scripted.getByRole('listitem').filter({ hasText: 'ring-b.pdf' })).toHaveCount(0);
	await context.close();
});
