import { describe, expect, it } from 'vitest';
import { districtName, romanizePlace, romanizeSpoken } from './place-names';

describe('place names in Latin letters', () => {
	// The clusters table's English names (supabase/seed.sql) and official ones of other districts.
	it.each([
		['종로구', 'Jongno-gu'],
		['성동구', 'Seongdong-gu'],
		['영등포구', 'Yeongdeungpo-gu'],
		['청주시', 'Cheongju-si'],
		['마포구', 'Mapo-gu'],
		['구로구', 'Guro-gu'],
		['강남구', 'Gangnam-gu'],
		['중구', 'Jung-gu'],
		['성남시', 'Seongnam-si'],
		['청주시 상당구', 'Cheongju-si Sangdang-gu'],
		['청주시_흥덕구', 'Cheongju-si Heungdeok-gu'],
		['중랑구', 'Jungnang-gu'],
		['관악구', 'Gwanak-gu'],
		['동대문구', 'Dongdaemun-gu'],
		['해운대구', 'Haeundae-gu'],
		['안양시 동안구', 'Anyang-si Dongan-gu'],
		['안양시 만안구', 'Anyang-si Manan-gu'],
		['울릉군', 'Ulleung-gun'],
		['옥천군', 'Okcheon-gun'],
		['서울특별시', 'Seoul-teukbyeolsi'],
		['세종특별자치시', 'Sejong-teukbyeoljachisi'],
		['부산광역시', 'Busan-gwangyeoksi'],
		['제주특별자치도', 'Jeju-teukbyeoljachido'],
		['종로구', 'Jongno-gu'],
		['성동구 성수동', 'Seongdong-gu Seongsu-dong'],
		['종로 3가', 'Jongno 3-ga']
	])('%s → %s', (korean, latin) => {
		expect(romanizePlace(korean)).toBe(latin);
	});

	it('writes sound changes between syllables, not letters one by one', () => {
		expect(romanizeSpoken('신라')).toBe('silla'); // ㄴ + ㄹ
		expect(romanizeSpoken('백마')).toBe('baengma'); // ㄱ + ㅁ
		expect(romanizeSpoken('백록')).toBe('baengnok'); // ㄱ + ㄹ
		expect(romanizeSpoken('칼날')).toBe('kallal'); // ㄹ + ㄴ
		expect(romanizeSpoken('금옥')).toBe('geumok'); // carried over to the vowel
		expect(romanizeSpoken('묵호')).toBe('mukho'); // no aspiration written
		expect(romanizeSpoken('ABC 공방')).toBe('ABC gongbang');
	});

	it('keeps Korean in Korean and romanises in English', () => {
		expect(districtName('청주시 상당구', 'ko')).toBe('청주시 상당구');
		expect(districtName('청주시 상당구', 'en')).toBe('Cheongju-si Sangdang-gu');
		expect(districtName('', 'en')).toBe('');
	});
});
