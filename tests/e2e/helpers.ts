import { expect, type Page } from '@playwright/test';
import sharp from 'sharp';

export const DEMO_PASSWORD = 'sogong-demo-1234';

export function uniqueEmail(prefix: string): string {
	return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@test.local`;
}

/** A real JPEG (with EXIF) made on the fly: the upload path re-encodes it. */
export async function jpeg(width = 800, height = 600): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 140, b: 60 } } })
		.jpeg()
		.withExif({ IFD0: { Make: 'TestCam', Model: 'E2E' } })
		.toBuffer();
}

export async function signUp(page: Page, opts: { email: string; name: string; role: 'craftsman' | 'startup' }) {
	await page.goto('/signup');
	await page.getByRole('radio', { name: opts.role === 'craftsman' ? /소공인/ : /스타트업/ }).check();
	await page.getByLabel('이름 또는 상호').fill(opts.name);
	await page.getByLabel('이메일').fill(opts.email);
	await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
	await page.getByRole('checkbox', { name: /이용약관에 동의합니다/ }).check();
	await page.getByRole('checkbox', { name: /개인정보 수집·이용에 동의합니다/ }).check();
	await page.getByRole('button', { name: '가입하기' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
}

/** Fills the required and a few optional workshop fields (Korean UI). */
export async function fillWorkshop(page: Page, name: string) {
	await page.getByLabel('공방 이름 (한국어)').fill(name);
	await page.getByLabel('공방 이름 (영어)').fill('E2E Gold Studio');
	await page.getByLabel('업종').selectOption({ index: 1 });
	await page.getByLabel('직원 수').fill('3');
	await page.getByLabel('주소').fill('서울특별시 종로구 돈화문로11길 28');
	await page.getByLabel('소개 (한국어)').fill('30년 경력의 금세공 공방입니다. 반지와 목걸이를 주문 제작합니다.');
	await page.getByLabel('공정').fill('주조\n연마\n세팅');
	await page.getByLabel('최소 주문 수량').fill('10');
	await page.getByLabel('보통 납기(일)').fill('14');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export function inDays(n: number): string {
	return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

/** A startup posts a machine-metal request with a drawing behind an NDA; returns its id. */
export async function postRequest(page: Page, title: string): Promise<string> {
	await page.goto('/requests/new');
	await page.getByLabel('양식').selectOption({ label: '기계·금속 가공' });
	await page.getByRole('button', { name: '이 양식으로 작성' }).click();
	await page.getByLabel('제목').fill(title);
	await page.getByLabel('설명', { exact: true }).fill('알루미늄 6061 브래킷 시제품입니다. 아노다이징(블랙) 마감, 도면 첨부합니다.');
	await page.getByLabel('재질').fill('알루미늄 6061');
	await page.getByLabel('공차').fill('±0.05mm');
	await page.getByRole('checkbox', { name: '밀링' }).check();
	await page.getByLabel('도면', { exact: true }).selectOption({ label: '2D 도면' });
	await page.getByLabel('수량(개)').fill('200');
	await page.getByLabel('납기', { exact: true }).fill(inDays(45));
	await page.getByLabel('최소 예산(원)').fill('2,000,000');
	await page.getByLabel('최대 예산(원)').fill('3,000,000');
	await page.getByLabel('도면을 열기 전에 비밀유지 조건 동의 받기').check();
	await page.getByLabel('비밀유지 조건(NDA)').fill('도면과 사양은 이 견적과 제작에만 쓰고 제3자에게 공개하지 않습니다.');
	await page.getByLabel('파일 추가').setInputFiles({ name: 'bracket-drawing.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: '게시하기' }).click();
	await expect(page.getByText('게시했습니다')).toBeVisible();
	const id = /\/requests\/([0-9a-f-]{36})/.exec(page.url())?.[1];
	expect(id).toBeTruthy();
	return id!;
}
