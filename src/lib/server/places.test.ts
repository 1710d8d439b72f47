import { describe, expect, it } from 'vitest';
import { locate } from './places';

// The embedded geocoder (no KAKAO_REST_API_KEY in tests): what the forms store for a place.
describe('locate', () => {
	it('takes a picked point as it is, with the point’s district, whatever the address says', async () => {
		expect(await locate('서울 종로구 종로3가', { lat: 37.5446, lng: 127.0557 })).toEqual({
			ok: true,
			place: { lat: 37.5446, lng: 127.0557, district_ko: '성동구', district_en: 'Seongdong-gu' }
		});
	});

	it('places the address when no point was picked', async () => {
		const located = await locate('서울 영등포구 문래동3가 54-32', { lat: null, lng: null });
		expect(located).toEqual({ ok: true, place: { lat: 37.5165, lng: 126.893, district_ko: '영등포구', district_en: 'Yeongdeungpo-gu' } });
	});

	it('is no place for nothing, and an error the address field shows otherwise', async () => {
		expect(await locate('  ', { lat: null, lng: null })).toEqual({ ok: true, place: null });
		expect(await locate('무지개 너머 어딘가 12', { lat: null, lng: null })).toEqual({ ok: false, error: 'place_err_not_found' });
		expect(await locate('', { lat: 34.0, lng: 124.1 })).toEqual({ ok: false, error: 'place_err_outside' });
	});
});
