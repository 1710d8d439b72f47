// A workshop declines a request it was invited to, from its dashboard, with a reason: the startup's bell
// counts the news without a reload, its notification leads to the request, where the workshop shows as
// declined with its reason, and the workshop is no longer recommended the request. A startup deletes a
// draft after confirming, and its drawing leaves storage. Each in Korean and in English.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { particles } from '../../src/lib/domain/particles';
import { expect, tag, test, type Account } from './world';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// The e2e server's files (playwright.config.ts: DATA_DIR=.data/e2e).
const STORAGE = path.resolve('.data/e2e/storage');

const ui = {
	ko: {
		locale: 'ko-KR',
		email: '이메일',
		password: '비밀번호',
		signIn: '로그인',
		template: '양식',
		printing: '인쇄·제본·패키지',
		general: '기타 제작',
		continue: '이 양식으로 작성',
		title: '제목',
		paper: '용지',
		size: '크기',
		colours: '인쇄 도수',
		fullColour: '양면 컬러(4/4도)',
		copies: '부수',
		what: '무엇을 만드나요',
		files: '파일 추가',
		publish: '게시하기',
		published: '게시했습니다',
		saveDraft: '임시 저장',
		matches: '추천 공방',
		invite: '초대',
		invited: '초대했습니다.',
		recommended: '추천 의뢰',
		decline: '거절',
		declineOnRequest: '이 의뢰 거절하기',
		declineHeading: (t: string) => `「${t}」 의뢰를 거절할까요?`,
		reason: '거절 사유 (선택)',
		confirmDecline: '거절하기',
		declinedOnDashboard: '의뢰를 거절했습니다. 추천 목록에서 뺐습니다.',
		bell: /^알림/,
		unread: /읽지 않은 알림 (\d+)개/,
		// Particles follow the names' last sounds (the unit tests check particles() itself).
		notification: (t: string, workshop: string) => particles(`${workshop}이(가) 「${t}」 의뢰를 거절했습니다.`),
		participants: '참여 공방',
		declined: '참여 거절',
		reasonShown: (r: string) => `사유: ${r}`,
		youDeclined: /에 이 의뢰를 거절했습니다\./,
		deleteDraft: '초안 삭제',
		deleteHeading: (t: string) => particles(`초안 「${t}」을(를) 삭제할까요?`),
		confirmDelete: '삭제하기',
		deleted: '초안을 삭제했습니다.'
	},
	en: {
		locale: 'en-US',
		email: 'Email',
		password: 'Password',
		signIn: 'Sign in',
		template: 'Template',
		printing: 'Printing, binding and packaging',
		general: 'Other manufacturing',
		continue: 'Continue with this template',
		title: 'Title',
		paper: 'Paper',
		size: 'Size',
		colours: 'Colours',
		fullColour: 'Full colour both sides (4/4)',
		copies: 'Copies',
		what: 'What to make',
		files: 'Add files',
		publish: 'Publish',
		published: 'Published',
		saveDraft: 'Save draft',
		matches: 'Matched workshops',
		invite: 'Invite',
		invited: 'Invited.',
		recommended: 'Recommended requests',
		decline: 'Decline',
		declineOnRequest: 'Decline this request',
		declineHeading: (t: string) => `Decline “${t}”?`,
		reason: 'Reason (optional)',
		confirmDecline: 'Decline request',
		declinedOnDashboard: 'You declined the request; it is no longer recommended.',
		bell: /^Notifications/,
		unread: /(\d+) unread/,
		notification: (t: string, workshop: string) => `${workshop} declined “${t}”.`,
		participants: 'Participating workshops',
		declined: 'Declined',
		reasonShown: (r: string) => `Reason: ${r}`,
		youDeclined: /You declined this request on /,
		deleteDraft: 'Delete draft',
		deleteHeading: (t: string) => `Delete the draft “${t}”?`,
		confirmDelete: 'Delete draft',
		deleted: 'The draft was deleted.'
	}
} as const;
type Ui = (typeof ui)[keyof typeof ui];

async function signedIn(browser: Browser, t: Ui, who: Account): Promise<Page> {
	const page = await (await browser.newContext({ locale: t.locale })).newPage();
	await page.goto('/login');
	await page.getByLabel(t.email).fill(who.email);
	await page.getByLabel(t.password).fill(who.password);
	await page.getByRole('button', { name: t.signIn }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
	return page;
}

async function newRequest(page: Page, t: Ui, template: string) {
	await page.goto('/requests/new');
	await page.getByLabel(t.template, { exact: true }).selectOption({ label: template });
	await page.getByRole('button', { name: t.continue }).click();
}

const bell = (page: Page, t: Ui) => page.getByRole('banner').getByRole('link', { name: t.bell });

async function unread(page: Page, t: Ui): Promise<number> {
	const label = (await bell(page, t).getAttribute('aria-label')) ?? '';
	return Number(t.unread.exec(label)?.[1] ?? 0);
}

for (const [lang, t] of Object.entries(ui)) {
	test(`${lang}: an invited workshop declines from its dashboard; the startup's bell counts it live and sees why`, async ({
		browser,
		world
	}) => {
		test.setTimeout(120_000);
		const owner = await world.startup();
		await world.company(owner, 'ochang');
		const craftsman = await world.craftsman();
		const shop = await world.workshop({
			cluster: 'cheongju-printing',
			owner: craftsman,
			name: `${tag()} 한빛인쇄`,
			processes: ['오프셋 인쇄', '디지털 인쇄', '코팅', '제본'],
			materials: ['아트지'],
			verified: true
		});
		const shopName = lang === 'ko' ? shop.name : shop.nameEn;
		const title = `${lang === 'ko' ? '브로슈어 1,000부' : 'Brochure, 1,000 copies'} ${Date.now().toString(36)}`;
		const reason = lang === 'ko' ? '이번 달은 인쇄 일정이 꽉 찼습니다' : 'Our presses are fully booked this month';

		// The startup posts a public printing request and invites the printer from its matches.
		const startup = await signedIn(browser, t, owner);
		await newRequest(startup, t, t.printing);
		await startup.getByLabel(t.title).fill(title);
		await startup.getByLabel(t.paper).fill('아트지 150g');
		await startup.getByLabel(t.size).fill('A4');
		await startup.getByLabel(t.colours).selectOption({ label: t.fullColour });
		await startup.getByLabel(t.copies).fill('1000');
		await startup.getByRole('button', { name: t.publish }).click();
		await expect(startup.getByText(t.published).first()).toBeVisible();
		const id = /\/requests\/([0-9a-f-]{36})/.exec(startup.url())![1];
		const matches = startup.getByRole('region', { name: t.matches });
		await matches.getByRole('button', { name: `${t.invite} ${shopName}` }).click();
		await expect(startup.getByText(t.invited)).toBeVisible();

		// It waits on its dashboard, which it will not reload, with its requests open in a second tab
		// (the tabs share one stream).
		await startup.goto('/dashboard');
		await startup.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
		const before = await unread(startup, t);
		const secondTab = await startup.context().newPage();
		await secondTab.goto('/requests');
		await expect.poll(() => unread(secondTab, t)).toBe(before);

		// The printer declines from its recommendations, by keyboard, with a reason.
		const workshop = await signedIn(browser, t, craftsman);
		const recommended = workshop.getByRole('region', { name: t.recommended });
		await expect(recommended.getByRole('link', { name: title, exact: true })).toBeVisible();
		const item = recommended.getByRole('listitem').filter({ has: workshop.getByRole('link', { name: title, exact: true }) });
		await item.getByRole('link', { name: t.decline, exact: true }).press('Enter');
		await expect(workshop.getByRole('heading', { name: t.declineHeading(title) })).toBeVisible();
		await workshop.getByLabel(t.reason).fill(reason);
		await workshop.getByRole('button', { name: t.confirmDecline }).click();
		await expect(workshop).toHaveURL(/\/dashboard\?declined=1$/);
		await expect(workshop.getByRole('status').getByText(t.declinedOnDashboard)).toBeVisible();
		await expect(recommended.getByRole('link', { name: title, exact: true })).toHaveCount(0);
		// Its side of the request says so, and offers nothing more.
		await workshop.goto(`/requests/${id}`);
		await expect(workshop.getByText(t.youDeclined)).toBeVisible();
		await expect(workshop.getByText(t.reasonShown(reason))).toBeVisible();
		await expect(workshop.getByRole('link', { name: t.declineOnRequest })).toHaveCount(0);

		// The startup's bell counted it without a reload.
		await expect.poll(() => unread(startup, t), { timeout: 15_000 }).toBeGreaterThan(before);
		expect(await startup.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
		await expect.poll(() => unread(secondTab, t), { timeout: 15_000 }).toBe(await unread(startup, t));

		// The notification leads to the request, where the workshop shows as declined, with its reason.
		await bell(startup, t).click();
		await startup.getByRole('link', { name: t.notification(title, shop.name) }).click();
		await expect(startup).toHaveURL(new RegExp(`/requests/${id}\\?n=[0-9a-f-]{36}$`));
		const participants = startup.getByRole('region', { name: t.participants });
		const row = participants.getByRole('listitem').filter({ hasText: shopName });
		await expect(row.getByText(t.declined, { exact: true })).toBeVisible();
		await expect(row.getByText(t.reasonShown(reason))).toBeVisible();

		await startup.context().close();
		await workshop.context().close();
	});

	test(`${lang}: a startup deletes a draft after confirming, and its file leaves storage`, async ({ browser, world }) => {
		const title = `${lang === 'ko' ? '지울 초안' : 'Draft to delete'} ${Date.now().toString(36)}`;
		const owner = await world.startup();
		await world.company(owner, 'seoul-startup-hub');
		const page = await signedIn(browser, t, owner);
		await newRequest(page, t, t.general);
		await page.getByLabel(t.title).fill(title);
		await page.getByLabel(t.what).fill(lang === 'ko' ? '나무 도마' : 'Wooden boards');
		await page.getByLabel(t.files).setInputFiles({ name: 'sketch.pdf', mimeType: 'application/pdf', buffer: PDF });
		await page.getByRole('button', { name: t.saveDraft }).click();
		await expect(page).toHaveURL(/\/edit\?saved=1$/);
		const id = /\/requests\/([0-9a-f-]{36})/.exec(page.url())![1];
		const folder = path.join(STORAGE, 'requests', id);
		expect((await fs.readdir(folder)).some((f) => f.endsWith('sketch.pdf'))).toBe(true);

		await page.goto(`/requests/${id}`);
		await page.getByRole('link', { name: t.deleteDraft }).press('Enter');
		await expect(page.getByRole('heading', { name: t.deleteHeading(title) })).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: 'sketch.pdf' })).toBeVisible();
		// Going there deleted nothing: the confirmation is the button.
		expect(await fs.readdir(folder)).not.toEqual([]);
		await page.getByRole('button', { name: t.confirmDelete }).click();

		await expect(page).toHaveURL(/\/requests\?deleted=1$/);
		await expect(page.getByRole('status').getByText(t.deleted)).toBeVisible();
		await expect(page.getByRole('link', { name: title })).toHaveCount(0);
		expect((await page.request.get(`/requests/${id}`)).status()).toBe(404);
		await expect.poll(async () => (await fs.readdir(folder).catch(() => [])).filter((f) => !f.startsWith('.'))).toEqual([]);
		await page.context().close();
	});
}

test('the bell can be polled where a stream cannot be kept open; only when signed in', async ({ browser, request, world }) => {
	const page = await signedIn(browser, ui.ko, await world.startup());
	const polled = await page.request.get('/notifications/events?poll=1');
	expect(polled.status()).toBe(200);
	expect(await polled.json()).toEqual({ unread: await unread(page, ui.ko) });
	expect((await request.get('/notifications/events?poll=1')).status()).toBe(401);
	expect((await request.get('/notifications/events')).status()).toBe(401);
	await page.context().close();
});
