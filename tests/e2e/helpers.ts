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
	await page.getByLabel('행정구역').fill('종로구');
	await page.getByLabel('소개 (한국어)').fill('30년 경력의 금세공 공방입니다. 반지와 목걸이를 주문 제작합니다.');
	await page.getByLabel('공정').fill('주조\n연마\n세팅');
	await page.getByLabel('최소 주문 수량').fill('10');
	await page.getByLabel('보통 납기(일)').fill('14');
}
