import { describe, expect, it } from 'vitest';
import { districtName } from '$lib/domain/place-names';
import { labels } from './labels';
import type { Place } from '$lib/search-places';

const jongno: Place = {
	slug: 'jongno-jewelry',
	kind: 'craft',
	name_ko: '종로 주얼리 집적지',
	name_en: 'Jongno Jewelry Cluster',
	district_ko: '종로구',
	district_en: 'Jongno-gu',
	lat: 37.57,
	lng: 126.99
};

describe('district labels', () => {
	it('in English: a cluster district by the clusters table, the others by the names the server sent', () => {
		const l = labels([jongno], [], 'en', { '청주시 상당구': districtName('청주시 상당구', 'en') });
		expect(l.district('종로구')).toBe('Jongno-gu');
		expect(l.district('청주시 상당구')).toBe('Cheongju-si Sangdang-gu');
	});

	it('a district the server did not name stays in Korean rather than showing nothing', () => {
		expect(labels([jongno], [], 'en', {}).district('영등포구')).toBe('영등포구');
	});

	it('in Korean every district reads as stored, whatever names came along', () => {
		const l = labels([jongno], [], 'ko', { '청주시 상당구': 'Cheongju-si Sangdang-gu' });
		expect(l.district('종로구')).toBe('종로구');
		expect(l.district('청주시 상당구')).toBe('청주시 상당구');
	});
});
