// A place without typing coordinates. In Korean, a startup picks its request's delivery place by
// clicking the map (no map tiles are reachable in tests: the map still takes the click), sees the
// district at once, publishes, and the request page shows the place while the request sits at the
// clicked point. In English and without JavaScript, a craftsman types the workshop's road address and
// saves; the server finds it (an address it cannot place is refused with the rest of the form kept),
// stores the point and shows the derived district.
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './world';

const suffix = () => Date.now().toString(36);

/** The answer the request page shows for a fact. */
const fact = (page: Page, label: string) =>
	page
		.locator('dl > div')
		.filter({ has: page.locator('dt').getByText(label, { exact: true }) })
		.locator('dd');

/** What the picker says it picked: "성동구 · 37.5447, 127.0563". */
const picked = (page: Page) => page.getByText(/ · 3\d\.\d{4}, 12\d\.\d{4}$/);

test('a request’s delivery place picked by clicking the map, published and shown (Korean)', async ({ page, world, sql }) => {
	// No tile server is reachable from tests; make that certain even where the network is.
	await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
	const founder = await world.founder();
	await signInAs(page, founder);
	await page.goto('/requests/new');
	await page.getByLabel('양식', { exact: true }).selectOption({ label: '기계·금속 가공' });
	await page.getByRole('button', { name: '이 양식으로 작성' }).click();
	const title = `알루미늄 브래킷 납품지 ${suffix()}`;
	await page.getByLabel('제목').fill(title);

	// Found from the address first: the map moves there and the district shows.
	const address = page.getByLabel('납품 장소', { exact: true });
	await address.fill('서울 성동구 성수이로 78');
	await page.getByRole('button', { name: '찾기' }).click();
	await expect(picked(page)).toHaveText(/^성동구 · 37\.\d{4}, 127\.\d{4}/);

	// Then the exact spot, clicked on the map (it is drawn on a plain background without tiles).
	const map = page.getByRole('region', { name: '납품 장소 지도 (클릭해 위치 고르기)' });
	await expect(map).toHaveClass(/leaflet-container/);
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width / 2 + 40, y: box.height / 2 - 30 } });
	await expect(picked(page)).toHaveText(/^성동구 · 37\.\d{4}, 127\.\d{4}/);
	const shown = /· (37\.\d{4}), (127\.\d{4})/.exec((await picked(page).textContent()) ?? '')!;
	await expect(address).toHaveValue('서울 성동구 성수이로 78');
	await expect(page.getByText('배경 지도를 불러오지 못했습니다. 지도를 클릭하면 위치는 그대로 골라집니다.')).toBeVisible();

	await page.getByRole('radio', { name: /초대한 공방만/ }).check();
	await page.getByRole('button', { name: '게시하기' }).click();
	await expect(page.getByText('게시했습니다')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(fact(page, '납품 장소')).toHaveText('서울 성동구 성수이로 78');

	// The request sits where it was clicked, not at the company (Seoul Startup Hub, Mapo).
	const id = /\/requests\/([0-9a-f-]{36})/.exec(page.url())![1];
	const [row] = await sql<{ lat: number; lng: number }[]>`select lat, lng from public.requests where id = ${id}`;
	expect(row.lat.toFixed(4)).toBe(shown[1]);
	expect(row.lng.toFixed(4)).toBe(shown[2]);
	// Its page shows the place on a map: the owner the point…
	await expect(page.getByRole('img', { name: '납품 장소 지도: 표시한 지점' })).toHaveClass(/leaflet-container/);
	// …anyone else the neighbourhood, and the exact point never reaches their page.
	await sql`update public.requests set visibility = 'public' where id = ${id}`;
	await page.context().clearCookies();
	await signInAs(page, await world.craftsman());
	await page.goto(`/requests/${id}`);
	await expect(page.getByRole('img', { name: /납품 장소 지도: 대략적인 위치/ })).toHaveClass(/leaflet-container/);
	expect(await page.content()).not.toContain(String(row.lat));
});

test('a click in an empty address names the place; the picker shows it again on the edit page (Korean)', async ({ page, world }) => {
	await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
	const founder = await world.founder();
	await signInAs(page, founder);
	await page.goto('/requests/new?template=general');
	await page.getByLabel('제목').fill(`납품지 클릭만 ${suffix()}`);
	const map = page.getByRole('region', { name: '납품 장소 지도 (클릭해 위치 고르기)' });
	await expect(map).toHaveClass(/leaflet-container/);
	// The map opens on central Seoul; its middle is in Jung-gu (Myeong-dong, Euljiro).
	await map.click();
	await expect(picked(page)).toHaveText(/^중구 · 37\.\d{4}, 126\.\d{4}/);
	const address = page.getByLabel('납품 장소', { exact: true });
	// Named by what the table knows there: the city, the district and a 동 when one is near.
	await expect(address).toHaveValue(/^서울특별시 중구/);
	// Another click, farther out (the first one zoomed in), renames what a click named…
	for (let i = 0; i < 4; i++) {
		await page.locator('.leaflet-control-zoom-out').click();
		await page.waitForTimeout(300); // Leaflet ignores a zoom while the last one animates
	}
	const box = (await map.boundingBox())!;
	// The top-right corner: the zoom buttons sit top-left, the attribution bottom-right.
	await map.click({ position: { x: box.width - 16, y: 16 } });
	await expect(picked(page)).not.toHaveText(/^중구 ·/);
	const district = (await picked(page).textContent())!.split(' · ')[0].trim();
	await expect(address).toHaveValue(new RegExp(`^\\S+ ${district}`)); // 시·도, then the district
	// …but never what the person typed.
	await address.fill('서울 중구 을지로 100');
	await map.click();
	await expect(picked(page)).toHaveText(/^\S+ · 37\.\d{4}, 12\d\.\d{4}/); // the click's district came back
	await expect(address).toHaveValue('서울 중구 을지로 100');
	const clicked = (await picked(page).textContent())!.trim();
	await page.getByRole('button', { name: '임시 저장' }).click();
	await expect(page).toHaveURL(/\/edit\?saved=1$/);
	// Saved as picked: the typed words, and the clicked point with its district.
	await expect(address).toHaveValue('서울 중구 을지로 100');
	await expect(picked(page)).toHaveText(clicked);
});

test('a company’s business address found with the Find button sets where the company sits (Korean)', async ({ page, world, sql }) => {
	await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
	const founder = await world.startup();
	await signInAs(page, founder);
	await page.goto('/dashboard/company');
	await page.getByLabel('기업명 (한국어)').fill(`납품지 시험회사 ${suffix()}`);
	await page.getByLabel('만드는 것 (한국어)').fill('산업용 드론 부품');
	await page.getByLabel('사업장 주소', { exact: true }).fill('서울 구로구 구로3동 디지털로 300');
	await page.getByRole('button', { name: '찾기' }).click();
	await expect(picked(page)).toHaveText(/^구로구 · 37\.48\d{2}, 126\.89\d{2}/);
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page.getByText('저장했습니다').first()).toBeVisible();
	const [company] = await sql<{ lat: number; lng: number }[]>`select lat, lng from public.companies where owner_id = ${founder.id}`;
	// Guro 3-dong (G-Valley), not the district's middle.
	expect(company).toEqual({ lat: 37.485, lng: 126.896 });
});

test.describe('without JavaScript, in English', () => {
	test.use({ locale: 'en-US', javaScriptEnabled: false });

	test('a workshop’s road address is found on the server when saved, its district derived', async ({ page, world, sql }) => {
		const craftsman = await world.craftsman();
		await page.goto('/login');
		await page.getByLabel('Email').fill(craftsman.email);
		await page.getByLabel('Password').fill(craftsman.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(/\/dashboard$/);
		await page.goto('/dashboard/workshop');

		// Without scripts there is no map and no Find button: the address field is the way.
		await expect(page.getByRole('button', { name: 'Find' })).toHaveCount(0);
		await expect(page.getByRole('region', { name: /Workshop location map/ })).toBeHidden();
		await expect(page.getByLabel('Latitude')).toHaveCount(0);

		const name = `성수 수제화 ${suffix()}`;
		await page.getByLabel('Workshop name (Korean)').fill(name);
		await page.getByLabel('Trade').selectOption({ index: 1 });
		await page.getByLabel('Employees').fill('4');
		await page.getByLabel('Address', { exact: true }).fill('Somewhere over the rainbow 12');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('We could not place this address. Add its city or district')).toBeVisible();
		// Everything else typed is kept.
		await expect(page.getByLabel('Workshop name (Korean)')).toHaveValue(name);
		await expect(page.getByLabel('Employees')).toHaveValue('4');

		await page.getByLabel('Address', { exact: true }).fill('서울특별시 성동구 성수이로 78, 2층 (성수동2가)');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Saved.')).toBeVisible();
		await expect(page.getByText('District Seongdong-gu')).toBeVisible();

		const [w] = await sql<{ district_ko: string; lat: number; lng: number }[]>`
			select district_ko, lat, lng from public.workshops where owner_id = ${craftsman.id}`;
		expect(w.district_ko).toBe('성동구');
		// In Seongsu-dong 2-ga, within a kilometre of its centre.
		expect(Math.abs(w.lat - 37.5435)).toBeLessThan(0.01);
		expect(Math.abs(w.lng - 127.057)).toBeLessThan(0.012);
	});
});

test('the picker’s look-ups answer signed-in people only, and only so often', async ({ page, world, sql }) => {
	const anonymous = await page.request.get('/api/geocode?q=서울 종로구 종로3가');
	expect(anonymous.status()).toBe(401);

	const craftsman = await world.craftsman();
	await signInAs(page, craftsman);
	const found = await page.request.get(`/api/geocode?q=${encodeURIComponent('서울 종로구 종로3가 10')}`);
	expect(await found.json()).toEqual({ place: { district_ko: '종로구', district_en: 'Jongno-gu', lat: 37.5704, lng: 126.9918 } });
	const district = await page.request.get('/api/geocode?lat=37.5446&lng=127.0557');
	expect(await district.json()).toEqual({
		district: { district_ko: '성동구', district_en: 'Seongdong-gu', address_ko: expect.stringMatching(/^서울특별시 성동구 성수/) }
	});
	expect((await page.request.get('/api/geocode?q=무지개 너머 12')).status()).toBe(404);
	expect((await page.request.get('/api/geocode?lat=10&lng=10')).status()).toBe(400);

	// The account's look-ups of this window used up (120 per 10 minutes): told when to come back.
	await sql`update private.throttle set hits = 120 where key = ${`geocode:account:${craftsman.id}`}`;
	const refused = await page.request.get('/api/geocode?lat=37.5446&lng=127.0557');
	expect(refused.status()).toBe(429);
	expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
});
