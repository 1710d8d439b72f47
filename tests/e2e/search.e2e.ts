import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './world';

// The search page hydrates before its controls react as you type; the location button only exists then.
async function hydrated(page: Page) {
	await expect(page.getByRole('button', { name: '현재 위치 사용' })).toBeVisible();
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: '검색어' });

test('ㅈㅇㄹ from the home page finds Jongno jewelry workshops; filter by district, then open a profile', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('searchbox', { name: '공방 검색' }).fill('ㅈㅇㄹ');
	await page.getByRole('search').getByRole('button', { name: '검색' }).click();
	await expect(page).toHaveURL(/\/search\?q=%E3%85%88%E3%85%87%E3%84%B9$/);

	const workshop = page.getByRole('link', { name: '명가주얼리' });
	await expect(workshop).toBeVisible();
	// The matched word is highlighted in the name.
	await expect(workshop.locator('mark')).toHaveText('주얼리');
	await expect(page.getByRole('heading', { name: /‘ㅈㅇㄹ’ 검색 결과 \d+곳/ })).toBeVisible();

	await hydrated(page);
	await page.getByRole('checkbox', { name: /^종로구/ }).check();
	await expect(page).toHaveURL(/district=%EC%A2%85%EB%A1%9C%EA%B5%AC/);
	await expect(page.getByRole('link', { name: '‘종로구’ 빼기' })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /^종로구/ })).toBeChecked();
	await expect(searchBox(page)).toHaveValue('ㅈㅇㄹ');

	await page.getByRole('link', { name: '명가주얼리' }).click();
	await expect(page).toHaveURL(/\/workshops\/myungga-jewelry$/);
	await expect(page.getByRole('heading', { level: 1, name: '명가주얼리' })).toBeVisible();
});

test('results follow the query as it is typed, keeping focus and the URL in sync', async ({ page }) => {
	await page.goto('/search');
	await hydrated(page);
	await expect(page.getByRole('heading', { name: /^공방 \d+곳$/ })).toBeVisible();
	await searchBox(page).pressSequentially('수제화', { delay: 40 });
	await expect(page).toHaveURL(/\?q=%EC%88%98%EC%A0%9C%ED%99%94$/);
	await expect(page.getByRole('link', { name: '가죽장인 슈즈' })).toBeVisible();
	await expect(page.getByRole('link', { name: '명가주얼리' })).toHaveCount(0);
	await expect(searchBox(page)).toBeFocused();
	await expect(searchBox(page)).toHaveValue('수제화');
});

test('all workshops are browsable page by page, 20 to a page', async ({ page }) => {
	await page.goto('/search');
	const names = page.getByRole('list', { name: '검색 결과' }).getByRole('heading', { level: 3 });
	await expect(names).toHaveCount(20);
	const pages = page.getByRole('navigation', { name: '검색 결과 페이지' });
	await pages.getByRole('link', { name: /다음/ }).click();
	await expect(page).toHaveURL(/\/search\?page=2$/);
	await expect(pages.getByRole('link', { name: '2쪽' })).toHaveAttribute('aria-current', 'page');
	await expect(pages.getByRole('link', { name: /이전/ })).toBeVisible();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 375, height: 800 } });

	test('the filters fold into a 필터 disclosure above the results', async ({ page }) => {
		await page.goto('/search?q=%EC%A3%BC%EC%96%BC%EB%A6%AC');
		const district = page.getByRole('checkbox', { name: /^종로구/ });
		await expect(district).toBeHidden();
		await expect(page.getByRole('link', { name: '명가주얼리' })).toBeInViewport();
		await page.getByText('필터', { exact: true }).click();
		await hydrated(page);
		await district.check();
		await expect(page).toHaveURL(/district=/);
	});
});

test('an English trade word finds Korean listings', async ({ page }) => {
	await page.goto('/search?q=jewelry');
	await expect(page.getByRole('link', { name: '명가주얼리' })).toBeVisible();
	await page.goto('/search?q=handmade%20shoes');
	await expect(page.getByRole('link', { name: '가죽장인 슈즈' })).toBeVisible();
});

test('in English, districts read in Latin letters wherever a workshop is shown', async ({ page, baseURL }) => {
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL! }]);
	await page.goto('/search?q=%EC%A7%81%EC%A7%80%EC%9D%B8%EC%87%84'); // 직지인쇄, in 청주시 상당구
	// Not a cluster's district (the clusters table says Cheongju-si): romanised as road signs write it.
	await expect(page.getByRole('group', { name: 'District' }).getByText('Cheongju-si Sangdang-gu')).toBeVisible();
	const hit = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Jikji Printing' }) });
	await expect(hit.getByText(/Cheongju-si Sangdang-gu/)).toBeVisible();
	await expect(page.getByText('청주시 상당구')).toHaveCount(0);
	await page.goto('/workshops/jikji-printing');
	await expect(page.getByText(/· Cheongju-si Sangdang-gu/)).toBeVisible();
	await page.context().clearCookies();
	await page.goto('/workshops/jikji-printing');
	await expect(page.getByText(/· 청주시 상당구/)).toBeVisible();
});

test('a search with no results offers a respelling, filters to remove and nearby clusters', async ({ page }) => {
	await page.goto('/search?q=%EB%A0%88%EC%9D%B4%EC%A0%B8%EC%BB%B7%ED%8C%85'); // 레이져컷팅
	await expect(page.getByRole('heading', { name: '‘레이져컷팅’에 맞는 공방이 없습니다' })).toBeVisible();
	await page.getByRole('link', { name: /‘레이저 커팅’ 검색/ }).click();
	await expect(page).toHaveURL(/q=%EB%A0%88%EC%9D%B4%EC%A0%80/);
	await expect(page.getByRole('heading', { name: /‘레이저 커팅’ 검색 결과 [1-9]\d*곳/ })).toBeVisible();

	// Jewelry exists, but not in Cheongju: the page says which filter to drop, and where to look nearby.
	await page.goto('/search?q=%EC%A3%BC%EC%96%BC%EB%A6%AC&district=%EC%B2%AD%EC%A3%BC%EC%8B%9C&near=ochang');
	await expect(page.getByRole('heading', { name: '‘주얼리’에 맞는 공방이 없습니다' })).toBeVisible();
	const nearby = page.getByRole('region', { name: '‘주얼리’에 맞는 공방이 없습니다' });
	await expect(nearby.getByRole('heading', { name: '가까운 소공인 집적지' })).toBeVisible();
	await expect(nearby.getByRole('link', { name: '청주 인쇄 집적지' })).toBeVisible();
	await nearby.getByRole('link', { name: '‘청주시’ 빼기' }).click();
	await expect(page.getByRole('link', { name: '명가주얼리' })).toBeVisible();
});

test('the map view shows results without page errors when map tiles cannot load', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	// No tile server is reachable from tests; make that certain even where the network is.
	await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());

	await page.goto('/search?q=%EC%A3%BC%EC%96%BC%EB%A6%AC&near=dongdaemun-design&radius=5');
	await hydrated(page);
	await page.getByRole('link', { name: '지도' }).click();
	await expect(page).toHaveURL(/view=map/);
	await expect(page.getByRole('link', { name: '지도' })).toHaveAttribute('aria-current', 'true');
	const map = page.getByRole('region', { name: '검색 결과 지도' });
	await expect(map).toBeVisible();
	// One marker per result with a location, plus the radius circle and its centre.
	await expect(map.locator('path.leaflet-interactive')).not.toHaveCount(0);
	await expect(page.getByText('배경 지도를 불러오지 못해 위치만 표시합니다.')).toBeVisible();
	await expect(map.getByRole('link', { name: 'OpenStreetMap' })).toBeVisible();
	// The list stays under the map.
	await expect(page.getByRole('link', { name: '명가주얼리' })).toBeVisible();

	await page.getByRole('link', { name: '목록' }).click();
	await expect(page).not.toHaveURL(/view=map/);
	await expect(map).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('a profile edit is searchable within seconds', async ({ page, world }) => {
	const word = '티타늄임플란트지그';
	const owner = await world.craftsman();
	const workshop = await world.workshop({ cluster: 'mullae-machine-metal', owner, processes: ['선반', '밀링'] });
	await signInAs(page, owner);
	await page.goto('/dashboard/workshop');
	const description = page.getByLabel('소개 (한국어)');
	await description.fill(`${await description.inputValue()} ${word} 가공도 맡습니다.`);
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page.getByRole('status')).toHaveText('저장했습니다.');

	// The outbox worker carries the change to the index.
	const topHit = async () => {
		const result = (await (await page.request.get(`/api/search?q=${encodeURIComponent(word)}`)).json()) as {
			hits: { doc: { slug: string } }[];
		};
		return result.hits[0]?.doc.slug;
	};
	await expect.poll(topHit, { timeout: 10_000 }).toBe(workshop.slug);
	await page.goto(`/search?q=${encodeURIComponent(word)}`);
	const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: workshop.name }) });
	await expect(card.locator('mark').first()).toHaveText(word);
});

test('a startup measures distance from its own cluster unless it picks another place', async ({ page, world }) => {
	const startup = await world.startup();
	await world.company(startup, 'seongsu-social-venture-valley');
	await signInAs(page, startup);
	await page.goto('/search?q=%EC%A3%BC%EC%96%BC%EB%A6%AC&sort=distance');
	const place = page.getByLabel('거리 기준 위치');
	await expect(place.locator('option:checked')).toHaveText(/\(내 회사\)$/);
	const results = page.getByRole('list', { name: '검색 결과' }).getByRole('listitem');
	await expect(results.first()).toContainText(/거리 (\d+(\.\d)?|< 0\.1) km/);

	await hydrated(page);
	await place.selectOption({ label: '선택 안 함' });
	await expect(page).toHaveURL(/near=(&|$)/);
	await expect(page.getByText('가까운 순으로 보려면 거리 기준 위치를 고르세요.')).toBeVisible();
	await expect(results.first()).not.toContainText(/ km/);
});

test('the JSON endpoint answers with the same parameters and is never cached', async ({ request }) => {
	const response = await request.get(
		'/api/search?q=%EC%A3%BC%EC%96%BC%EB%A6%AC&district=%EC%A2%85%EB%A1%9C%EA%B5%AC&page=oops&sort=rating'
	);
	expect(response.status()).toBe(200);
	expect(response.headers()['cache-control']).toBe('no-store');
	const body = (await response.json()) as {
		total: number;
		hits: { doc: { district_ko: string } }[];
		facets: Record<string, { value: string; count: number }[]>;
	};
	expect(body.total).toBeGreaterThan(0);
	expect(body.hits.every((h: { doc: { district_ko: string } }) => h.doc.district_ko === '종로구')).toBe(true);
	expect(body.facets.district_ko).toEqual([{ value: '종로구', count: body.total }]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('results render on the server, and the filter form still works', async ({ page }) => {
		await page.goto('/search?q=%EC%A3%BC%EC%96%BC%EB%A6%AC');
		await expect(page.getByRole('link', { name: '명가주얼리' })).toBeVisible();
		await page.getByRole('checkbox', { name: /^명장·기능장 보유/ }).check();
		await page.getByRole('button', { name: '필터 적용' }).click();
		await expect(page).toHaveURL(/master=1/);
		await expect(page.getByRole('link', { name: '‘명장·기능장 보유’ 빼기' })).toBeVisible();
		await expect(page.getByRole('link', { name: '명가주얼리' })).toBeVisible();

		await page.getByRole('link', { name: '지도' }).click();
		await expect(page.getByText('지도가 보이지 않으면 아래 목록에서 결과를 확인하세요.')).toBeVisible();
		await expect(page.getByRole('link', { name: '명가주얼리' })).toBeVisible();
	});
});
