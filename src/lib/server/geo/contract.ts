// What every geocoding adapter must do; geo.test.ts runs it against the embedded table, against the
// Kakao adapter talking to the protocol double, and against Kakao itself when KAKAO_REST_API_KEY is set.
import { describe, expect, it } from 'vitest';
import { distanceKm } from '$lib/domain/geo';
import type { GeocodingPort } from './port';

export function geocodingContract(title: string, open: () => Promise<GeocodingPort>): void {
	describe(title, () => {
		it('places a Jongno road address in 종로구, within a km of 종로3가', async () => {
			const port = await open();
			const place = await port.geocode('서울 종로구 종로3가 10');
			expect(place).toMatchObject({ district_ko: '종로구', district_en: 'Jongno-gu' });
			expect(distanceKm(place!, { lat: 37.5704, lng: 126.9918 })).toBeLessThan(1);
		});

		it('places a Cheongju address in its general 구, written as workshops store it', async () => {
			const place = await (await open()).geocode('충북 청주시 상당구 상당로 55');
			expect(place).toMatchObject({ district_ko: '청주시 상당구', district_en: 'Cheongju-si Sangdang-gu' });
			// The table knows the district's centre only: within its reach, not at the door.
			expect(distanceKm(place!, { lat: 36.6425, lng: 127.4892 })).toBeLessThan(5);
		});

		it('answers null for words that are no address, and for nothing', async () => {
			const port = await open();
			expect(await port.geocode('반지 공방 추천해 주세요')).toBeNull();
			expect(await port.geocode('   ')).toBeNull();
		});

		it('gives a point in 성수동 its district 성동구 and an address there, and nothing to a point in the sea off Korea', async () => {
			const port = await open();
			const point = await port.reverse(37.5446, 127.0557);
			expect(point).toMatchObject({ district_ko: '성동구', district_en: 'Seongdong-gu' });
			// Kakao names the building; the table the 동. Either way the place picker can fill the address with it.
			expect(point?.address_ko).toMatch(/^서울(특별시)? 성동구 성수/);
			expect(await port.reverse(30.0, 122.0)).toBeNull();
		});
	});
}
