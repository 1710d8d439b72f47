import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { distanceKm } from '$lib/domain/geo';
import { startKakaoLocalDouble, type KakaoLocalDouble } from '../../../../tests/doubles/kakao-local';
import { parseConfig } from '../config';
import { geocodingContract } from './contract';
import { DISTRICTS, DONGS, PROVINCES } from './districts';
import { createEmbeddedGeocoding, geocodeFromTable, reverseFromTable } from './embedded';
import { createGeocoding } from './index';
import { createKakaoGeocoding } from './kakao';

geocodingContract('embedded district table', () => Promise.resolve(createEmbeddedGeocoding()));

let double: KakaoLocalDouble;
beforeAll(async () => {
	double = await startKakaoLocalDouble({ slowMs: 500 });
});
afterAll(() => double.close());
afterEach(() => double.misbehave('none'));

geocodingContract('kakao against the protocol double', () =>
	Promise.resolve(createKakaoGeocoding({ restApiKey: double.restApiKey, apiBase: double.url }))
);

const realKey = process.env.KAKAO_REST_API_KEY;
if (realKey) geocodingContract('kakao against the real service', () => Promise.resolve(createKakaoGeocoding({ restApiKey: realKey })));
else
	describe.skip('kakao against the real service: skipped, KAKAO_REST_API_KEY is not set', () => {
		it('runs the geocoding contract against dapi.kakao.com', () => {});
	});

describe('the bundled table', () => {
	it('has every 시·군·구 once per 시·도, inside Korea, and every 동 in a district of the table', () => {
		const keys = DISTRICTS.map(([p, d]) => `${p} ${d}`);
		expect(new Set(keys).size).toBe(keys.length);
		// 226 시·군·구 and Sejong, with the general 구 of the large cities counted one by one.
		expect(keys.length).toBeGreaterThanOrEqual(250);
		const provinces = new Set(PROVINCES.map((p) => p.key));
		for (const [province, , lat, lng] of DISTRICTS) {
			expect(provinces.has(province)).toBe(true);
			expect(lat).toBeGreaterThan(33);
			expect(lat).toBeLessThan(38.7);
			expect(lng).toBeGreaterThan(124.5);
			expect(lng).toBeLessThan(131);
		}
		for (const [province, district, , lat, lng] of DONGS) {
			const home = DISTRICTS.find(([p, d]) => p === province && d === district);
			expect(home, `${province} ${district}`).toBeDefined();
			// A 동 lies well inside its district's reach.
			expect(distanceKm({ lat, lng }, { lat: home![2], lng: home![3] })).toBeLessThan(12);
		}
	});
});

describe('geocoding from the table', () => {
	it.each([
		['서울 종로구 종로3가 10', '종로구', { lat: 37.5704, lng: 126.9918 }],
		['서울특별시 종로구 돈화문로11가길 24, 3층 (봉익동)', '종로구', { lat: 37.5735, lng: 126.993 }],
		['서울 성동구 성수이로 78', '성동구', { lat: 37.551, lng: 127.041 }],
		['서울 영등포구 문래동3가 54-32', '영등포구', { lat: 37.5165, lng: 126.893 }],
		['경기도 성남시 분당구 삼평동 판교역로 235', '성남시 분당구', { lat: 37.401, lng: 127.11 }],
		['충청북도 청주시상당구 상당로 55', '청주시 상당구', { lat: 36.635, lng: 127.53 }],
		['부산 해운대구 센텀중앙로 79', '해운대구', { lat: 35.19, lng: 129.16 }],
		['경기 광주시 오포읍', '광주시', { lat: 37.417, lng: 127.255 }],
		['광주 북구 첨단과기로 123', '북구', { lat: 35.174, lng: 126.912 }]
	])('%s → %s', (address, district, near) => {
		const place = geocodeFromTable(address);
		expect(place?.district_ko).toBe(district);
		expect(distanceKm(place!, near)).toBeLessThan(0.5);
	});

	it('names the 시·도 when a district name is in several (중구) and the address says which', () => {
		expect(geocodeFromTable('부산 중구 중앙대로 26')).toMatchObject({ district_ko: '중구', lat: 35.106 });
		expect(geocodeFromTable('울산광역시 중구 성안동')).toMatchObject({ district_ko: '중구', lat: 35.569 });
		// Without it there is no telling which 중구: the person is asked for more.
		expect(geocodeFromTable('중구 중앙대로 26')).toBeNull();
	});

	it('places a 동 written without its district, and a city named without its 구 at the middle of its 구', () => {
		expect(geocodeFromTable('익선동 166-7')).toMatchObject({ district_ko: '종로구' });
		const suwon = geocodeFromTable('경기 수원시 효원로 241');
		expect(suwon?.district_ko).toBe('수원시');
		expect(distanceKm(suwon!, { lat: 37.27, lng: 127.01 })).toBeLessThan(5);
	});
});

describe('reverse from the table', () => {
	it.each([
		[37.5446, 127.0557, '성동구'],
		[37.5714, 126.9918, '종로구'],
		[37.5176, 126.8947, '영등포구'],
		[36.6424, 127.489, '청주시 상당구'],
		[37.4019, 127.1086, '성남시 분당구'],
		[37.4849, 126.8965, '구로구'],
		[33.4996, 126.5312, '제주시'],
		[35.1796, 129.0756, '연제구'],
		[37.9714, 124.7124, '옹진군'],
		[37.2422, 131.8648, '울릉군']
	])('(%f, %f) → %s', (lat, lng, district) => {
		expect(reverseFromTable(lat, lng)?.district_ko).toBe(district);
	});
});

describe('naming a point from the table', () => {
	it('names a point by its 시·도, 시·군·구 and the 동 when one is near, Sejong once', () => {
		expect(reverseFromTable(37.5704, 126.9918)?.address_ko).toMatch(/^서울특별시 종로구 종로/);
		expect(reverseFromTable(36.48, 127.289)?.address_ko).toBe('세종특별자치시');
		expect(reverseFromTable(37.2422, 131.8648)?.address_ko).toBe('경상북도 울릉군');
	});
});

describe('kakao adapter against the protocol double', () => {
	const kakao = () => createKakaoGeocoding({ restApiKey: double.restApiKey, apiBase: double.url, timeoutMs: 200 });

	it('sends the REST API key the way Kakao reads it and returns the road address', async () => {
		const place = await kakao().geocode('서울 성동구 성수이로 78');
		expect(place).toEqual({
			district_ko: '성동구',
			district_en: 'Seongdong-gu',
			lat: 37.54468,
			lng: 127.05632,
			road_address: '서울 성동구 성수이로 78'
		});
		expect(double.requests.at(-1)).toMatchObject({
			path: '/v2/local/search/address.json',
			status: 200,
			authorization: 'KakaoAK kakao-double-key'
		});
	});

	it('names a clicked point by the road address there, and by its district alone where there is no address', async () => {
		expect(await kakao().reverse(37.54468, 127.05632)).toEqual({
			district_ko: '성동구',
			district_en: 'Seongdong-gu',
			address_ko: '서울 성동구 성수이로 78'
		});
		expect(double.requests.at(-1)?.path).toBe('/v2/local/geo/coord2address.json');
		// 1 km away: no address there in the double, the regions answer.
		expect(await kakao().reverse(37.5446, 127.0657)).toEqual({ district_ko: '성동구', district_en: 'Seongdong-gu' });
		expect(double.requests.at(-1)?.path).toBe('/v2/local/geo/coord2regioncode.json');
	});

	it('stores Sejong, which has no 시·군·구, as the city', async () => {
		expect(await kakao().geocode('세종 한누리대로 2130')).toMatchObject({ district_ko: '세종특별자치시', lat: 36.48003 });
	});

	it('asks the table about an address Kakao does not know (the table may know its district)', async () => {
		expect(await kakao().geocode('서울 마포구 어딘가로 999')).toMatchObject({ district_ko: '마포구' });
		expect(double.requests.at(-1)?.status).toBe(200);
	});

	it.each([
		['a bad key (401)', () => createKakaoGeocoding({ restApiKey: 'wrong', apiBase: double.url }), 'none', /401 .*AccessDeniedError/],
		['the quota (429)', kakao, 'quota', /429 .*RequestThrottled/],
		['a server error (500)', kakao, 'server-error', /500/],
		['a timeout', kakao, 'slow', /no answer within 200 ms/]
	] as const)('falls back to the table on %s and says so in the log', async (_, make, mode, logged) => {
		double.misbehave(mode);
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			const port = make();
			expect(await port.geocode('서울 종로구 종로3가 10')).toMatchObject({ district_ko: '종로구', lat: 37.5704 });
			expect(await port.reverse(37.5446, 127.0557)).toMatchObject({ district_ko: '성동구' });
			expect(warn).toHaveBeenCalledTimes(2);
			expect(String(warn.mock.calls[0].slice(1).join(' '))).toMatch(logged);
			expect(warn.mock.calls[0][0]).toMatch(/embedded district table/);
		} finally {
			warn.mockRestore();
		}
	});
});

describe('configuration', () => {
	it('uses Kakao only when KAKAO_REST_API_KEY is set', () => {
		expect(createGeocoding(parseConfig({})).kind).toBe('embedded');
		expect(createGeocoding(parseConfig({ KAKAO_REST_API_KEY: '' })).kind).toBe('embedded');
		expect(createGeocoding(parseConfig({ KAKAO_REST_API_KEY: 'abc' })).kind).toBe('kakao');
	});
});
